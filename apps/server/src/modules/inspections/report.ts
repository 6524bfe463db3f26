import fs from 'node:fs';
import path from 'node:path';
import type { RequestMeta } from '../../http/actor.js';
import { newPdf } from '../../lib/pdf.js';
import type { RecordService } from '../fieldwork/records.js';
import { beijingClock } from '../fieldwork/time.js';
import type { InspectionExecution } from './execution.js';
import type { InspectionService } from './service.js';

const OUTCOME: Record<string, string> = { pass: '合格', fail: '不合格', na: '不适用' };
const KIND: Record<string, string> = { monthly: '月度巡检', annual: '年度巡检', periodic: '定期检查' };
const STATUS: Record<string, string> = { draft: '草稿', submitted: '待签字确认', rejected: '已退回', signed: '已签字确认', superseded: '已更正' };

/**
 * 巡检报告 (inspection report) as an A4 PDF in the embedded CJK font: header, counts, every item
 * with its result and measured value, findings with their tickets, parameter adjustments, the
 * photos, and the project lead's signature from the inspection record once it is signed.
 */
export class InspectionReport {
  constructor(private readonly d: { inspections: InspectionService; runs: InspectionExecution; records: RecordService; dataDir: string }) {}

  async pdf(meta: RequestMeta, taskId: string): Promise<{ body: Buffer; fileName: string }> {
    const t = await this.d.runs.detail(meta.actor, taskId);
    const db = this.d.inspections.db;
    const record = t.recordId ? await this.d.records.repo.record(db, t.recordId) : undefined;
    const results = new Map(t.results.map((r) => [r.key, r]));
    const { doc, done } = newPdf('巡检报告', { autoFirstPage: true });
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    doc.font('bold').fontSize(18).text('巡检报告', { align: 'center' });
    doc.moveDown(0.3).font('regular').fontSize(9).fillColor('#333').text(`${KIND[t.kind] ?? t.kind}  ·  ${t.planName}  ·  ${t.period}`, { align: 'center' });
    doc.moveDown(0.6).fillColor('black').fontSize(10);
    const line = (label: string, value: string) => doc.font('bold').text(`${label}：`, { continued: true }).font('regular').text(value || '—');
    line('项目', t.projectName);
    if (t.assetName) line('设备', t.assetName);
    line('巡检模板', `${t.template.name}（第 ${t.template.version} 版）`);
    line('应完成日期', t.dueOn);
    line('完成日期', t.doneOn ?? '未完成');
    line('巡检人', t.assigneeName ?? '');
    const count = (o: string) => t.template.items.filter((i) => results.get(i.key)?.outcome === o).length;
    line('结果', `检查 ${t.template.items.length} 项：合格 ${count('pass')}，不合格 ${count('fail')}，不适用 ${count('na')}，未检 ${t.template.items.length - t.results.length}`);

    doc.moveDown(0.6).font('bold').fontSize(11).text('检查项目', left);
    const cols = [22, 110, 120, 80, 48, 60, width - 440];
    const row = (cells: string[], bold = false) => {
      doc.font(bold ? 'bold' : 'regular').fontSize(8.5);
      const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: cols[i]! - 4 }))) + 6;
      if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const y = doc.y;
      let x = left;
      cells.forEach((c, i) => { doc.rect(x, y, cols[i]!, h).stroke('#999'); doc.text(c, x + 2, y + 3, { width: cols[i]! - 4 }); x += cols[i]!; });
      doc.x = left;
      doc.y = y + h;
    };
    doc.moveDown(0.2);
    row(['#', '检查项', '方法', '期望', '结果', '实测', '说明 / 工单'], true);
    t.template.items.forEach((i, n) => {
      const r = results.get(i.key);
      const expect = i.expected || (i.min !== null || i.max !== null ? `${i.min ?? ''}–${i.max ?? ''}${i.unit}` : '');
      row([String(n + 1), i.title, i.method, expect, r ? OUTCOME[r.outcome]! : '未检', r?.value !== null && r?.value !== undefined ? `${r.value}${i.unit}` : '', [r?.note, r?.ticketNumber && `工单 ${r.ticketNumber}`].filter(Boolean).join('；')]);
    });

    const failed = t.template.items.filter((i) => results.get(i.key)?.outcome === 'fail');
    doc.moveDown(0.6).font('bold').fontSize(11).text('发现的问题', left);
    doc.moveDown(0.2).font('regular').fontSize(9.5);
    if (!failed.length) doc.text('无', left);
    for (const i of failed) { const r = results.get(i.key)!; doc.text(`· ${i.title}${r.value !== null ? `（实测 ${r.value}${i.unit}）` : ''}${r.note ? `：${r.note}` : ''}${r.ticketNumber ? `，已转工单 ${r.ticketNumber}` : '，未转工单'}`, left, doc.y, { width }); }

    doc.moveDown(0.6).font('bold').fontSize(11).text('参数调整', left);
    doc.moveDown(0.2).font('regular').fontSize(9.5);
    if (!t.adjustments.length) doc.text('无', left);
    for (const a of t.adjustments) doc.text(`· ${a.parameter}：${a.before} → ${a.after}（${a.reason}；${a.byName} ${beijingClock(a.at, true)}）`, left, doc.y, { width });

    const photos = (await this.d.inspections.repo.results(db, t.id)).filter((r) => r.photo_path);
    if (photos.length) {
      doc.moveDown(0.6).font('bold').fontSize(11).text('现场照片', left);
      for (const p of photos) {
        const file = path.join(this.d.dataDir, p.photo_path!);
        if (!fs.existsSync(file)) continue;
        if (doc.y + 150 > doc.page.height - doc.page.margins.bottom) doc.addPage();
        const y = doc.y + 4;
        try { doc.image(file, left, y, { fit: [200, 120] }); } catch { doc.text('（照片无法显示）', left, y); }
        const title = t.template.items.find((i) => i.key === p.item_key)?.title ?? p.item_key;
        doc.font('regular').fontSize(9).text(`${title}  SHA-256 ${p.photo_sha256?.slice(0, 16)}…`, left + 210, y + 50, { width: width - 210 });
        doc.x = left;
        doc.y = y + 126;
      }
    }

    if (doc.y + 140 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    doc.moveDown(0.8).font('bold').fontSize(11).text('采购人项目负责人签字确认', left);
    doc.moveDown(0.3).font('regular').fontSize(9.5);
    if (record?.status === 'signed' && record.signature_path) {
      const sig = path.join(this.d.dataDir, record.signature_path);
      const y = doc.y;
      if (fs.existsSync(sig)) doc.image(sig, left, y, { fit: [160, 60] });
      doc.text(`签字人 ${record.signer_name ?? ''}    签字时间 ${record.signed_at ? beijingClock(record.signed_at, true) : ''}    巡检记录 ${record.number}`, left, y + 66, { width });
      if (record.content_hash) doc.fontSize(8).fillColor('#555').text(`记录哈希 ${record.content_hash}`, left, doc.y, { width });
    } else {
      doc.text(record ? `巡检记录 ${record.number}：${STATUS[record.status] ?? record.status}，待采购人项目负责人签字确认。` : '巡检尚未完成，未生成巡检记录。', left, doc.y, { width });
    }
    doc.end();
    await this.d.inspections.d.audit.recordAlone(meta, { action: 'inspection.report', targetType: 'inspection_task', targetId: t.id, summary: `导出巡检报告 ${t.planName} ${t.period}${record ? `（记录 ${record.number}，${STATUS[record.status] ?? record.status}）` : ''}`, detail: { recordId: t.recordId } });
    return { body: await done, fileName: `巡检报告-${t.projectName}-${t.planName}-${t.period}.pdf` };
  }
}
