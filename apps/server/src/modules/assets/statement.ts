import type { BillingReason, CostKind, CostStatementQuery } from '@weibao/schema';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { type RequestMeta, isCustomer } from '../../http/actor.js';
import { invalid, notFound } from '../../http/errors.js';
import type { Locale } from '../../http/messages.js';
import { newPdf } from '../../lib/pdf.js';
import { beijingClock, beijingDayStart } from '../fieldwork/time.js';
import { decide, reasonText } from './billing.js';
import type { AssetService } from './service.js';
import { addDays, daysBetween } from './warranty.js';

const KINDS: CostKind[] = ['part', 'labour', 'travel', 'other'];
const KIND_LABEL: Record<Locale, Record<CostKind, string>> = {
  'zh-CN': { part: '材料费', labour: '人工费', travel: '交通差旅费', other: '其他' },
  en: { part: 'Parts', labour: 'Labour', travel: 'Travel', other: 'Other' },
};
const yuan = (cents: number) => (cents / 100).toFixed(2);
type Statement = Awaited<ReturnType<CostStatementService['statement']>>;

/**
 * The cost statement (费用结算单, R3): a customer's billable repair costs in a period — only lines of
 * repairs that are out of warranty or human-caused, each saying why — as JSON, PDF and Excel.
 */
export class CostStatementService {
  constructor(private readonly assets: AssetService) {}

  async statement(meta: RequestMeta, q: z.infer<typeof CostStatementQuery>, locale: Locale) {
    // Whose figures first: a foreign customer is not found, whatever else is wrong with the request.
    if (isCustomer(meta.actor) && q.customerId !== meta.actor.orgId) throw notFound('客户');
    if (q.to < q.from) throw invalid('to', '结束日期早于开始日期 / ends before it starts');
    if (daysBetween(q.from, q.to) > 366 * 3) throw invalid('to', '期间最长三年 / at most three years');
    const db = this.assets.db;
    const org = await this.assets.d.projects.repo.org(db, q.customerId);
    if (!org || org.kind !== 'customer') throw notFound('客户');
    const rows = await this.assets.repairs.statementLines(db, q.customerId, beijingDayStart(q.from), beijingDayStart(addDays(q.to, 1)));
    const lines = rows.flatMap((r) => {
      const { decision, reason } = decide(r.fault_cause, r.asset_id ? { in_warranty: r.in_warranty } : null);
      if (decision !== 'billable') return [];
      return [{
        day: r.day, ticketId: r.ticket_id, ticketNumber: r.ticket_number, ticketTitle: r.ticket_title, projectName: r.project_name,
        assetName: r.asset_name, serial: r.serial, kind: r.kind as CostKind, description: r.description, quantity: Number(r.quantity_x100) / 100,
        unitCostCents: Number(r.unit_cost_cents), amountCents: Number(r.amount_cents), reason: reason as BillingReason, reasonText: reasonText(locale, reason, r),
      }];
    });
    return {
      customerId: org.id, customerName: org.name, from: q.from, to: q.to, lines,
      totalCents: lines.reduce((n, l) => n + l.amountCents, 0),
      byKind: KINDS.map((kind) => ({ kind, amountCents: lines.filter((l) => l.kind === kind).reduce((n, l) => n + l.amountCents, 0) })),
      generatedAt: this.assets.d.now(),
    };
  }

  /** The statement as a file; downloading it is audited (who took which customer's figures). */
  async file(meta: RequestMeta, q: z.infer<typeof CostStatementQuery>, locale: Locale, format: 'pdf' | 'xlsx') {
    const s = await this.statement(meta, q, locale);
    const body = format === 'pdf' ? await this.pdf(s, locale) : await this.xlsx(s, locale);
    await this.assets.d.audit.recordAlone(meta, {
      action: 'cost_statement.export', targetType: 'org', targetId: s.customerId,
      summary: `导出费用结算单 ${s.customerName} ${s.from} 至 ${s.to}（${format.toUpperCase()}，${s.lines.length} 行，合计 ${yuan(s.totalCents)} 元）`,
      detail: { format, lines: s.lines.length, totalCents: s.totalCents },
    });
    const name = locale === 'en' ? `cost-statement-${s.from}-${s.to}` : `费用结算单-${s.customerName}-${s.from}至${s.to}`;
    return { body, fileName: `${name}.${format}` };
  }

  private head(locale: Locale) {
    return locale === 'en'
      ? ['Date', 'Ticket', 'Project', 'Asset', 'Serial', 'Item', 'Description', 'Qty', 'Unit cost (¥)', 'Amount (¥)', 'Why billable']
      : ['日期', '工单', '项目', '资产', '序列号', '费用类别', '说明', '数量', '成本单价（元）', '金额（元）', '收费依据'];
  }

  async xlsx(s: Statement, locale: Locale): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Weibao 维保';
    const ws = wb.addWorksheet(locale === 'en' ? 'Cost statement' : '费用结算单');
    ws.addRow([locale === 'en' ? `Cost statement: ${s.customerName}, ${s.from} to ${s.to} (at cost price)` : `费用结算单：${s.customerName}　${s.from} 至 ${s.to}（按成本价）`]).font = { bold: true, size: 14 };
    ws.addRow(this.head(locale)).font = { bold: true };
    for (const l of s.lines) {
      ws.addRow([l.day, l.ticketNumber, l.projectName, l.assetName ?? '', l.serial ?? '', KIND_LABEL[locale][l.kind], l.description, l.quantity, Number(yuan(l.unitCostCents)), Number(yuan(l.amountCents)), l.reasonText]);
    }
    for (const k of s.byKind.filter((x) => x.amountCents)) ws.addRow(['', '', '', '', '', KIND_LABEL[locale][k.kind], locale === 'en' ? 'Subtotal' : '小计', '', '', Number(yuan(k.amountCents)), '']);
    ws.addRow(['', '', '', '', '', '', locale === 'en' ? 'Total' : '合计', '', '', Number(yuan(s.totalCents)), '']).font = { bold: true };
    ws.columns.forEach((c, i) => { c.width = [12, 16, 24, 18, 18, 10, 30, 8, 12, 12, 40][i]; });
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  async pdf(s: Statement, locale: Locale): Promise<Buffer> {
    const en = locale === 'en';
    const { doc, done } = newPdf(en ? 'Cost statement' : '费用结算单', { layout: 'landscape', autoFirstPage: true });
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    doc.font('bold').fontSize(18).text(en ? 'Cost statement (at cost price)' : '费用结算单（按成本价）', { align: 'center' });
    doc.moveDown(0.3).font('regular').fontSize(10).text(`${en ? 'Customer' : '客户'}：${s.customerName}    ${en ? 'Period' : '期间'}：${s.from} — ${s.to}    ${en ? 'Generated' : '生成时间'}：${beijingClock(s.generatedAt, true)}`, { align: 'center' });
    doc.moveDown(0.5).fontSize(8.5).fillColor('#333').text(en
      ? 'In warranty, faults not caused by people are repaired free; only out-of-warranty or human-caused repairs are charged, at cost (parts at cost, labour at the contract\'s cost rate).'
      : '保修期内非人为原因的故障免费维修；仅超出保修期或人为原因造成的维修按成本价收费（配件按成本价，人工按合同约定的成本单价）。', left, doc.y, { width });
    const cols = [62, 92, 110, 70, 74, 120, 36, 62, 66, width - 692];
    const head = this.head(locale).filter((_, i) => i !== 2);
    const row = (cells: string[], bold = false) => {
      const y = doc.y;
      let x = left;
      doc.font(bold ? 'bold' : 'regular').fontSize(8).fillColor('black');
      const heights = cells.map((c, i) => doc.heightOfString(c, { width: cols[i]! - 4 }));
      const h = Math.max(...heights) + 6;
      if (y + h > doc.page.height - doc.page.margins.bottom) { doc.addPage(); return row(cells, bold); }
      cells.forEach((c, i) => { doc.rect(x, y, cols[i]!, h).stroke('#999'); doc.text(c, x + 2, y + 3, { width: cols[i]! - 4 }); x += cols[i]!; });
      doc.x = left;
      doc.y = y + h;
    };
    doc.moveDown(0.5);
    row(head, true);
    for (const l of s.lines) row([l.day, l.ticketNumber, `${l.assetName ?? '—'}`, l.serial ?? '—', KIND_LABEL[locale][l.kind], l.description, String(l.quantity), yuan(l.unitCostCents), yuan(l.amountCents), l.reasonText]);
    if (!s.lines.length) doc.moveDown(0.5).font('regular').fontSize(10).text(en ? 'No billable costs in this period.' : '本期无收费项目。', left);
    doc.moveDown(0.6).font('bold').fontSize(11).text(`${en ? 'Total' : '合计'}：¥${yuan(s.totalCents)}    ${s.byKind.filter((k) => k.amountCents).map((k) => `${KIND_LABEL[locale][k.kind]} ¥${yuan(k.amountCents)}`).join('    ')}`, left);
    doc.moveDown(1.5).font('regular').fontSize(10).text(en ? 'Provider (signature / seal):                       Customer confirmation (signature / seal):' : '服务商（签章）：                                                  采购人确认（签章）：', left);
    doc.end();
    return done;
  }
}
