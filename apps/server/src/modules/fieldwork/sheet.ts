import QRCode from 'qrcode';
import { type OmRecord, labelMap } from '@weibao/schema';
import { newPdf } from '../../lib/pdf.js';
import { beijingClock } from './time.js';

/**
 * 服务记录单: one A4 sheet per O&M record with every R15 field, the signature image and a
 * verification QR code whose page confirms the record's hash, in the embedded CJK font (lib/pdf.ts).
 */

const KIND: Record<string, string> = labelMap('recordKind');
const STATUS: Record<string, string> = { draft: '草稿', submitted: '待签字确认', rejected: '已退回', signed: '已签字确认', superseded: '已被更正版本取代' };

export interface SheetInput {
  record: OmRecord;
  signaturePng: Buffer | null;
  /** Absolute URL of the public verification page for this record. */
  verifyUrl: string | null;
  providerName: string;
  customerName: string;
}

export async function recordSheetsPdf(sheets: SheetInput[]): Promise<Buffer> {
  const { doc, done } = newPdf('运维服务记录单');
  for (const s of sheets) await sheet(doc, s);
  doc.end();
  return done;
}

async function sheet(doc: PDFKit.PDFDocument, s: SheetInput) {
  const r = s.record;
  doc.addPage();
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('bold').fontSize(18).text('运维服务记录单', { align: 'center' });
  doc.moveDown(0.3);
  doc.font('regular').fontSize(9).fillColor('#333').text(`记录编号 ${r.number}  第 ${r.version} 版  ·  ${STATUS[r.status] ?? r.status}`, { align: 'center' });
  doc.moveDown(0.8).fillColor('black');

  const row = (label: string, value: string) => {
    const y = doc.y;
    doc.font('bold').fontSize(10).text(label, left, y, { width: 90 });
    doc.font('regular').fontSize(10).text(value || '—', left + 95, y, { width: width - 95 });
    doc.moveDown(0.35);
  };
  row('服务单位', s.providerName);
  row('采购单位', s.customerName);
  row('项目', r.projectName);
  row('服务类型', KIND[r.kind] ?? r.kind);
  row('服务开始时间', beijingClock(r.serviceStart, true));
  row('服务结束时间', beijingClock(r.serviceEnd, true));
  row('服务地点', r.location);
  row('服务人员', r.staffNames.join('、'));
  row('人数', `${r.headcount} 人${r.headcountReason ? `（按签到为 ${r.headcountDerived} 人，调整原因：${r.headcountReason}）` : ''}`);
  if (r.tickets.length) row('关联工单', r.tickets.map((t) => `${t.number} ${t.title}`).join('\n'));
  if (r.amendReason) row('更正说明', `本版更正第 ${r.version - 1} 版：${r.amendReason}`);

  doc.moveDown(0.3).font('bold').fontSize(11).text('出入记录', left);
  doc.moveDown(0.2).font('regular').fontSize(9);
  if (!r.visits.length) doc.text('（无现场签到，远程或未关联签到记录）', left);
  for (const v of r.visits) {
    doc.text(`${v.engineerName}    进场 ${beijingClock(v.checkedInAt, true)}    离场 ${v.checkedOutAt ? beijingClock(v.checkedOutAt, true) : '未签退'}    ${v.location}${v.forgotten ? '    （未及时签退）' : ''}`, left, doc.y, { width });
  }
  doc.moveDown(0.6).font('bold').fontSize(11).text('服务内容', left);
  doc.moveDown(0.2).font('regular').fontSize(10).text(r.content, left, doc.y, { width });
  doc.moveDown(0.6).font('bold').fontSize(11).text('服务结果', left);
  doc.moveDown(0.2).font('regular').fontSize(10).text(r.result, left, doc.y, { width });

  // Signature block at the foot of the page (or below the text when it runs long).
  const blockTop = Math.max(doc.y + 20, doc.page.height - doc.page.margins.bottom - 170);
  if (blockTop + 150 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = Math.min(blockTop, doc.page.height - doc.page.margins.bottom - 150);
  doc.moveTo(left, top).lineTo(left + width, top).strokeColor('#999').stroke();
  doc.font('bold').fontSize(11).fillColor('black').text('采购人项目负责人签字确认', left, top + 10);
  if (r.signedAt && s.signaturePng) {
    doc.image(s.signaturePng, left, top + 30, { fit: [200, 70] });
    doc.font('regular').fontSize(9).text(`签字人 ${r.signerName ?? ''}    签字时间 ${beijingClock(r.signedAt, true)}    IP ${r.signerIp ?? '—'}`, left, top + 105, { width: width - 130 });
  } else {
    doc.font('regular').fontSize(10).text('（尚未签字）', left, top + 40);
  }
  if (r.contentHash) doc.font('regular').fontSize(7).fillColor('#333').text(`内容摘要 SHA-256：${r.contentHash}`, left, top + 125, { width: width - 130 });
  if (s.verifyUrl) {
    const qr = await QRCode.toBuffer(s.verifyUrl, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
    doc.image(qr, left + width - 110, top + 12, { fit: [110, 110] });
    doc.font('regular').fontSize(7).fillColor('#333').text('扫码核验记录真伪', left + width - 110, top + 124, { width: 110, align: 'center' });
  }
  doc.fillColor('black');
}
