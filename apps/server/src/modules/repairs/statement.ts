import type { BillingReason, CostKind, CostStatementQuery } from '@weibao/schema';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { type RequestMeta, isCustomer } from '../../lib/actor.js';
import { invalid, notFound } from '../../lib/errors.js';
import type { Locale } from '../../http/messages.js';
import { yuanInCapitals } from '../../lib/money.js';
import { newPdf, pdfTableRow } from '../../lib/pdf.js';
import {
  type DocumentHead,
  type DocumentParties,
  documentNumber,
  finishDocument,
  frameWords,
  signatureBlock,
  titleBlock,
} from '../../lib/pdf-frame.js';
import { beijingClock, beijingDayStart, beijingWallClock } from '../../lib/time.js';
import type { Database } from '../../db/database.js';
import type { AuditService } from '../audit/service.js';
import type { ProjectService } from '../projects/service.js';
import { decide, reasonText } from './billing.js';
import { RepairRepository } from './repository.js';
import { addDays, daysBetween } from '../../lib/dates.js';

const KINDS: CostKind[] = ['part', 'labour', 'travel', 'other'];
const KIND_LABEL: Record<Locale, Record<CostKind, string>> = {
  'zh-CN': { part: '材料费', labour: '人工费', travel: '交通差旅费', other: '其他' },
  en: { part: 'Parts', labour: 'Labour', travel: 'Travel', other: 'Other' },
};
const yuan = (cents: number) => (cents / 100).toFixed(2);
type Statement = Awaited<ReturnType<CostStatementService['statement']>>;
/** The statement as filed: with its number and the parties and contracts named on it. */
type StatementDoc = Statement & { number: string; parties: DocumentParties };
/** Units of the quantity column: labour is counted in hours, parts in pieces. */
const UNIT: Record<Locale, Record<CostKind, string>> = {
  'zh-CN': { part: '个', labour: '小时', travel: '次', other: '项' },
  en: { part: 'pcs', labour: 'h', travel: 'trip', other: 'item' },
};

/**
 * The cost statement (费用结算单, R3): a customer's billable repair costs in a period — only lines of
 * repairs that are out of warranty or human-caused, each saying why — as JSON, PDF and Excel.
 */
export class CostStatementService {
  private readonly repo = new RepairRepository();
  constructor(
    private readonly d: {
      database: Database;
      audit: Pick<AuditService, 'recordAlone'>;
      projects: Pick<ProjectService, 'org' | 'documentParties'>;
      now: () => number;
    },
  ) {}

  async statement(meta: RequestMeta, q: z.infer<typeof CostStatementQuery>, locale: Locale) {
    // Whose figures first: a foreign customer is not found, whatever else is wrong with the request.
    if (isCustomer(meta.actor) && q.customerId !== meta.actor.orgId) throw notFound('客户');
    if (q.to < q.from) throw invalid('to', 'repairs.periodEndsBeforeStart');
    if (daysBetween(q.from, q.to) > 366 * 3) throw invalid('to', 'repairs.periodTooLong');
    const db = this.d.database.db;
    const org = await this.d.projects.org(db, q.customerId);
    if (!org || org.kind !== 'customer') throw notFound('客户');
    const rows = await this.repo.statementLines(
      db,
      q.customerId,
      beijingDayStart(q.from),
      beijingDayStart(addDays(q.to, 1)),
    );
    const lines = rows.flatMap((r) => {
      const { decision, reason } = decide(r.fault_cause, r.asset_id ? { in_warranty: r.in_warranty } : null);
      if (decision !== 'billable') return [];
      return [
        {
          day: r.day,
          ticketId: r.ticket_id,
          ticketNumber: r.ticket_number,
          ticketTitle: r.ticket_title,
          projectName: r.project_name,
          assetName: r.asset_name,
          serial: r.serial,
          kind: r.kind as CostKind,
          description: r.description,
          quantity: Number(r.quantity_x100) / 100,
          unitCostCents: Number(r.unit_cost_cents),
          amountCents: Number(r.amount_cents),
          reason: reason as BillingReason,
          reasonText: reasonText(locale, reason, r),
        },
      ];
    });
    return {
      customerId: org.id,
      customerName: org.name,
      from: q.from,
      to: q.to,
      lines,
      totalCents: lines.reduce((n, l) => n + l.amountCents, 0),
      byKind: KINDS.map((kind) => ({
        kind,
        amountCents: lines.filter((l) => l.kind === kind).reduce((n, l) => n + l.amountCents, 0),
      })),
      generatedAt: this.d.now(),
    };
  }

  /**
   * The statement as a file; downloading it is audited (who took which customer's figures). Its number
   * (JS-<year>-<8 hex>) is derived from customer and period, so the same statement keeps its number.
   */
  async file(meta: RequestMeta, q: z.infer<typeof CostStatementQuery>, locale: Locale, format: 'pdf' | 'xlsx') {
    const s = await this.statement(meta, q, locale);
    const lang = locale === 'en' ? 'en' : 'zh-CN';
    const doc: StatementDoc = {
      ...s,
      number: documentNumber('JS', s.from.slice(0, 4), s.customerId, s.from, s.to),
      parties: await this.d.projects.documentParties(
        this.d.database.db,
        { customerId: s.customerId },
        s.from,
        s.to,
        lang,
      ),
    };
    const body = format === 'pdf' ? await this.pdf(doc, locale) : await this.xlsx(doc, locale);
    await this.d.audit.recordAlone(meta, {
      action: 'cost_statement.export',
      targetType: 'org',
      targetId: s.customerId,
      summary: `导出费用结算单 ${doc.number} ${s.customerName} ${s.from} 至 ${s.to}（${format.toUpperCase()}，${s.lines.length} 行，合计 ${yuan(s.totalCents)} 元）`,
      detail: { format, number: doc.number, lines: s.lines.length, totalCents: s.totalCents },
    });
    const name =
      locale === 'en' ? `cost-statement-${s.from}-${s.to}` : `费用结算单-${s.customerName}-${s.from}至${s.to}`;
    return { body, fileName: `${name}.${format}` };
  }

  private head(locale: Locale) {
    return locale === 'en'
      ? [
          'Date',
          'Ticket',
          'Project',
          'Asset',
          'Serial',
          'Item',
          'Description',
          'Qty',
          'Unit',
          'Unit cost (¥)',
          'Amount (¥)',
          'Why billable',
        ]
      : [
          '日期',
          '工单',
          '项目',
          '资产',
          '序列号',
          '费用类别',
          '说明',
          '数量',
          '单位',
          '成本单价（元）',
          '金额（元）',
          '收费依据',
        ];
  }

  private words(locale: Locale) {
    return locale === 'en'
      ? {
          title: 'Cost statement (at cost price)',
          customer: 'Customer',
          period: 'Period',
          generated: 'Generated',
          total: 'Total',
          capitals: 'Total in words',
          subtotal: 'Subtotal',
          none: 'No billable costs in this period.',
          note: "In warranty, faults not caused by people are repaired free; only out-of-warranty or human-caused repairs are charged, at cost (parts at cost, labour at the contract's cost rate).",
        }
      : {
          title: '费用结算单（按成本价）',
          customer: '客户',
          period: '结算期间',
          generated: '生成时间',
          total: '合计（小写）',
          capitals: '金额大写',
          subtotal: '小计',
          none: '本期无收费项目。',
          note: '保修期内非人为原因的故障免费维修；仅超出保修期或人为原因造成的维修按成本价收费（配件按成本价，人工按合同约定的成本单价）。',
        };
  }

  async xlsx(s: StatementDoc, locale: Locale): Promise<Buffer> {
    const w = this.words(locale);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Weibao 维保';
    const head = this.head(locale);
    const ws = wb.addWorksheet(locale === 'en' ? 'Cost statement' : '费用结算单', {
      pageSetup: {
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        printTitlesRow: '6:6',
      },
      headerFooter: {
        oddHeader: `&R${s.number}`,
        oddFooter: locale === 'en' ? '&LPage &P of &N' : '&L第 &P 页 共 &N 页',
      },
    });
    ws.mergeCells(1, 1, 1, head.length);
    ws.getCell(1, 1).value = w.title;
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    ws.getCell(1, 1).alignment = { horizontal: 'center' };
    const fw = frameWords(locale === 'en' ? 'en' : 'zh-CN');
    ws.addRow([fw.number, s.number, '', fw.contract, s.parties.contractRef]);
    ws.addRow([fw.provider, s.parties.providerName, '', fw.purchaser, s.parties.purchaserName]);
    ws.addRow([w.period, dateCell(s.from), dateCell(s.to), w.generated, beijingWallClock(s.generatedAt)]);
    ws.addRow([]);
    ws.addRow(head).font = { bold: true };
    const firstLine = ws.rowCount + 1;
    for (const l of s.lines) {
      ws.addRow([
        dateCell(l.day),
        l.ticketNumber,
        l.projectName,
        l.assetName ?? '',
        l.serial ?? '',
        KIND_LABEL[locale][l.kind],
        l.description,
        l.quantity,
        UNIT[locale][l.kind],
        l.unitCostCents / 100,
        l.amountCents / 100,
        l.reasonText,
      ]);
    }
    for (const k of s.byKind.filter((x) => x.amountCents))
      ws.addRow(['', '', '', '', '', KIND_LABEL[locale][k.kind], w.subtotal, '', '', '', k.amountCents / 100, '']);
    ws.addRow(['', '', '', '', '', '', w.total, '', '', '', s.totalCents / 100, '']).font = { bold: true };
    ws.addRow(['', '', '', '', '', '', w.capitals, yuanInCapitals(s.totalCents)]).font = { bold: true };
    const lastRow = ws.rowCount;
    const thin = { style: 'thin' as const, color: { argb: 'FF888888' } };
    for (let r = 2; r <= lastRow; r++) {
      if (r === 5) continue;
      ws.getRow(r).eachCell({ includeEmpty: r >= 6 }, (c, col) => {
        if (col > head.length) return;
        c.border = { top: thin, left: thin, bottom: thin, right: thin };
        c.alignment = {
          vertical: 'top',
          wrapText: true,
          ...(typeof c.value === 'number' ? { horizontal: 'right' } : {}),
        };
      });
    }
    ws.getColumn(1).numFmt = 'yyyy-mm-dd';
    for (const col of [10, 11]) for (let r = firstLine; r <= lastRow; r++) ws.getCell(r, col).numFmt = '#,##0.00';
    ws.getCell(4, 2).numFmt = 'yyyy-mm-dd';
    ws.getCell(4, 3).numFmt = 'yyyy-mm-dd';
    ws.getCell(4, 5).numFmt = 'yyyy-mm-dd hh:mm';
    ws.getColumn(8).numFmt = '0.##';
    ws.columns.forEach((c, i) => {
      c.width = [12, 16, 22, 18, 16, 10, 30, 8, 6, 12, 12, 36][i];
    });
    ws.views = [{ state: 'frozen', ySplit: 6 }];
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  async pdf(s: StatementDoc, locale: Locale): Promise<Buffer> {
    const en = locale === 'en';
    const lang = en ? 'en' : 'zh-CN';
    const w = this.words(locale);
    const { doc, done } = newPdf(w.title, { layout: 'landscape', autoFirstPage: true });
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    const head: DocumentHead = { title: w.title, number: s.number, parties: s.parties, lang };
    titleBlock(doc, head, [
      [w.period, `${s.from} — ${s.to}`],
      [w.generated, beijingClock(s.generatedAt, true)],
    ]);
    doc.moveDown(0.4).font('regular').fontSize(8.5).fillColor('#333').text(w.note, left, doc.y, { width });
    doc.fillColor('black').moveDown(0.4);
    const cols = [58, 84, 80, 62, 52, 120, 30, 28, 56, 60, width - 630];
    const header = this.head(locale).filter((_, i) => i !== 2);
    const row = (cells: string[], bold = false) =>
      pdfTableRow(doc, cols, cells, { bold, size: 8, padX: 2, padY: 3, minHeight: 0 });
    row(header, true);
    for (const l of s.lines) {
      row([
        l.day,
        l.ticketNumber,
        l.assetName ?? '—',
        l.serial ?? '—',
        KIND_LABEL[locale][l.kind],
        l.description,
        String(l.quantity),
        UNIT[locale][l.kind],
        yuan(l.unitCostCents),
        yuan(l.amountCents),
        l.reasonText,
      ]);
    }
    if (!s.lines.length) row([w.none, ...cols.slice(1).map(() => '')]);
    const kinds = s.byKind
      .filter((k) => k.amountCents)
      .map((k) => `${KIND_LABEL[locale][k.kind]} ¥${yuan(k.amountCents)}`)
      .join('    ');
    await signatureBlock(doc, {
      parties: s.parties,
      lang,
      closing: [
        [w.total, `¥${yuan(s.totalCents)}${kinds ? `（${kinds}）` : ''}`],
        [w.capitals, yuanInCapitals(s.totalCents)],
      ],
      closingOptions: { labelWidth: 100 },
    });
    finishDocument(doc, head);
    doc.end();
    return done;
  }
}

/** A calendar day as an Excel date cell (midnight UTC, so the sheet shows that very day). */
const dateCell = (day: string) => new Date(`${day}T00:00:00Z`);
