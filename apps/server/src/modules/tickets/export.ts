import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type LabelLang, type TicketListQuery, label } from '@weibao/schema';
import type { RequestMeta } from '../../lib/actor.js';
import { beijingWallClock } from '../../lib/time.js';
import { SORT_COLUMN } from './ordering.js';
import type { TicketService } from './service.js';

/** At most this many rows per file; a larger set gets a notice row asking for narrower filters. */
export const EXPORT_CAP = 50_000;
const BATCH = 1_000;
const DATE_FORMAT = 'yyyy-mm-dd hh:mm';

const HEADERS: Record<LabelLang, string[]> = {
  'zh-CN': [
    '工单号',
    '标题',
    '状态',
    '故障等级',
    '报修渠道',
    '客户',
    '项目',
    '处理人',
    '报修时间',
    '下次到期',
    '是否超时',
    '创建时间',
  ],
  en: [
    'Number',
    'Title',
    'Status',
    'Level',
    'Channel',
    'Customer',
    'Project',
    'Assignee',
    'Reported at',
    'Next due',
    'Breached',
    'Created at',
  ],
};
const WIDTHS = [18, 48, 10, 10, 12, 24, 24, 12, 18, 18, 10, 18];

/** An Excel date cell showing Beijing wall-clock time (Excel dates carry no zone). */
const beijingCell = (ms: number | null) => (ms === null ? null : beijingWallClock(ms));

export type QueueExportQuery = Omit<TicketListQuery, 'cursor' | 'limit'>;

/**
 * The filtered queue as an .xlsx, streamed: rows are read in keyset batches of 1,000 in the page's
 * order and written as they come, so memory stays flat up to the cap. Audited before any byte leaves,
 * with the filter and the row count.
 */
export async function queueExport(svc: TicketService, meta: RequestMeta, q: QueueExportQuery, lang: LabelLang) {
  const filter = svc.queue.queueFilter(meta.actor, q);
  const matching = await svc.repo.countCapped(svc.db, filter, EXPORT_CAP + 1);
  const capped = matching > EXPORT_CAP;
  const rows = Math.min(matching, EXPORT_CAP);
  await svc.d.audit.recordAlone(meta, {
    action: 'ticket.export',
    targetType: 'ticket',
    targetId: null,
    summary: `导出工单列表 ${rows} 条${capped ? `（超过 ${EXPORT_CAP} 条，仅导出前 ${EXPORT_CAP} 条）` : ''}`,
    detail: { filter: { ...q }, rows, capped },
  });
  const out = new PassThrough();
  writeRows(svc, filter, q, lang, capped, out).catch((e: unknown) => out.destroy(e as Error));
  return { stream: out as Readable, capped, rows };
}

async function writeRows(
  svc: TicketService,
  filter: ReturnType<TicketService['queue']['queueFilter']>,
  q: QueueExportQuery,
  lang: LabelLang,
  capped: boolean,
  out: PassThrough,
) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet(lang === 'en' ? 'Tickets' : '工单', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = HEADERS[lang].map((header, i) => ({ header, width: WIDTHS[i] }));
  ws.getRow(1).font = { bold: true };
  for (const col of [9, 10, 12]) ws.getColumn(col).numFmt = DATE_FORMAT;
  const sort = q.sort ?? 'due';
  const dir = q.dir ?? 'asc';
  let after: { key: number | string; id: string } | undefined;
  let written = 0;
  while (written < EXPORT_CAP) {
    const page = await svc.repo.list(svc.db, {
      ...filter,
      sort,
      dir,
      after,
      limit: Math.min(BATCH, EXPORT_CAP - written),
    });
    const batch = page.slice(0, Math.min(BATCH, EXPORT_CAP - written));
    for (const t of batch) {
      ws.addRow([
        t.number,
        t.title,
        label('status', t.status, lang),
        label('level', t.level, lang),
        label('channel', t.channel, lang),
        t.customer_name,
        t.project_name,
        t.assignee_name ?? '',
        beijingCell(t.reported_at),
        beijingCell(t.next_due_at),
        t.breached === 1 ? (lang === 'en' ? 'Yes' : '是') : lang === 'en' ? 'No' : '否',
        beijingCell(t.created_at),
      ]).commit();
    }
    written += batch.length;
    const last = batch[batch.length - 1];
    if (page.length <= batch.length || !last) break;
    after = { key: last[SORT_COLUMN[sort]], id: last.id };
  }
  if (capped) {
    const notice =
      lang === 'en'
        ? `Only the first ${EXPORT_CAP.toLocaleString('en')} tickets are exported; narrow the filters to export the rest.`
        : `仅导出前 ${EXPORT_CAP.toLocaleString('zh-CN')} 条，请缩小筛选范围后再导出其余工单。`;
    const row = ws.addRow([notice]);
    row.font = { bold: true, color: { argb: 'FFC00000' } };
    row.commit();
  }
  ws.commit();
  await wb.commit();
}
