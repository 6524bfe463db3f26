import { type OmRecord, labelMap } from '@weibao/schema';
import { newPdf, pdfTableRow } from '../../lib/pdf.js';
import {
  type DocumentHead,
  type DocumentParties,
  finishDocument,
  labelValueGrid,
  sectionHeading,
  signatureBlock,
  titleBlock,
} from '../../lib/pdf-frame.js';
import { beijingClock } from '../../lib/time.js';

/**
 * 服务记录单: one A4 sheet per O&M record with every R15 field in the filing frame (lib/pdf-frame.ts):
 * number, parties, contract, signatures of both sides with 盖章 areas, the customer's signature image
 * and, once signed, a verification QR code whose page confirms the record's hash.
 */

const TITLE = '运维服务记录单';
const KIND: Record<string, string> = labelMap('recordKind');
const STATUS: Record<string, string> = labelMap('recordStatus');

export interface SheetInput {
  record: OmRecord;
  signaturePng: Buffer | null;
  /** Absolute URL of the public verification page for this record (only signed records have one). */
  verifyUrl: string | null;
  /** Provider, purchaser and the contract in force on the service day (ProjectService.documentParties). */
  parties: DocumentParties;
}

/** The sheet's number is the record's own (YW-2026-000123), with the version once it is corrected. */
export const sheetNumber = (r: Pick<OmRecord, 'number' | 'version'>) =>
  r.version > 1 ? `${r.number}-V${r.version}` : r.number;

export async function recordSheetsPdf(sheets: SheetInput[]): Promise<Buffer> {
  const { doc, done } = newPdf(TITLE);
  for (const s of sheets) await sheet(doc, s);
  doc.end();
  return done;
}

async function sheet(doc: PDFKit.PDFDocument, s: SheetInput) {
  const r = s.record;
  doc.addPage();
  const firstPage = doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;
  const head: DocumentHead = {
    title: TITLE,
    number: sheetNumber(r),
    parties: s.parties,
    subtitle: `记录编号 ${r.number}  第 ${r.version} 版  ·  ${STATUS[r.status] ?? r.status}`,
  };
  titleBlock(doc, head);
  const fields: [string, string][] = [
    ['项目', r.projectName],
    ['服务类型', KIND[r.kind] ?? r.kind],
    ['服务开始时间', beijingClock(r.serviceStart, true)],
    ['服务结束时间', beijingClock(r.serviceEnd, true)],
    ['服务地点', r.location],
    [
      '人数',
      `${r.headcount} 人${r.headcountReason ? `（按签到为 ${r.headcountDerived} 人，调整原因：${r.headcountReason}）` : ''}`,
    ],
  ];
  labelValueGrid(doc, fields, { pairsPerRow: 2 });
  const wide: [string, string][] = [['服务人员', r.staffNames.join('、')]];
  if (r.tickets.length) wide.push(['关联工单', r.tickets.map((t) => `${t.number} ${t.title}`).join('\n')]);
  if (r.amendReason) wide.push(['更正说明', `本版更正第 ${r.version - 1} 版：${r.amendReason}`]);
  labelValueGrid(doc, wide);

  sectionHeading(doc, '出入记录');
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const cols = [90, 110, 110, width - 310];
  pdfTableRow(doc, cols, ['人员', '进场', '离场', '地点'], { bold: true });
  if (!r.visits.length) pdfTableRow(doc, [width], ['（无现场签到，远程或未关联签到记录）']);
  for (const v of r.visits) {
    const out = v.checkedOutAt ? beijingClock(v.checkedOutAt, true) : '未签退';
    pdfTableRow(doc, cols, [
      v.engineerName,
      beijingClock(v.checkedInAt, true),
      v.forgotten ? `${out}（未及时签退）` : out,
      v.location,
    ]);
  }
  sectionHeading(doc, '服务内容');
  labelValueGrid(doc, [['服务内容', r.content]]);

  const signed = r.status === 'signed' || r.status === 'superseded';
  await signatureBlock(doc, {
    parties: s.parties,
    closing: [
      ['服务结果', r.result],
      ['确认状态', `${STATUS[r.status] ?? r.status}${signed ? '' : '（采购人尚未签字）'}`],
    ],
    purchaserSigned:
      signed && r.signedAt
        ? {
            image: s.signaturePng,
            name: `${r.signerName ?? ''}（IP ${r.signerIp ?? '—'}）`,
            at: beijingClock(r.signedAt, true),
          }
        : null,
    verify: s.verifyUrl ? { url: s.verifyUrl, hash: r.contentHash } : null,
  });
  finishDocument(doc, head, firstPage);
}
