import ExcelJS from 'exceljs';
import { beijingTimestamp, beijingWallClock } from '../../lib/time.js';

export interface ExportLine {
  seq: number;
  at: number;
  actor: string;
  roles: string;
  ip: string;
  action: string;
  target: string;
  summary: string;
  result: 'success' | 'failure';
}
type Lang = 'zh-CN' | 'en';

const HEADERS: Record<Lang, Record<keyof ExportLine, string>> = {
  'zh-CN': {
    seq: '序号',
    at: '时间（北京时间）',
    actor: '操作人',
    roles: '角色',
    ip: 'IP 地址',
    action: '操作',
    target: '对象',
    summary: '摘要',
    result: '结果',
  },
  en: {
    seq: 'No.',
    at: 'Time (Beijing)',
    actor: 'Operator',
    roles: 'Roles',
    ip: 'IP address',
    action: 'Action',
    target: 'Target',
    summary: 'Summary',
    result: 'Result',
  },
};
const RESULT: Record<Lang, Record<ExportLine['result'], string>> = {
  'zh-CN': { success: '成功', failure: '失败' },
  en: { success: 'Success', failure: 'Failure' },
};
const WIDTHS: Record<keyof ExportLine, number> = {
  seq: 8,
  at: 20,
  actor: 14,
  roles: 18,
  ip: 16,
  action: 18,
  target: 28,
  summary: 60,
  result: 8,
};
const KEYS = Object.keys(WIDTHS) as (keyof ExportLine)[];

/** "YYYY-MM-DD HH:mm:ss" in Beijing time. */

/** Excel: a real date-time cell (Beijing wall time), frozen header, filters, landscape and fit to width for printing. */
export async function toXlsx(lines: ExportLine[], lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(lang === 'en' ? 'Audit log' : '审计日志', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = KEYS.map((key) => ({ header: HEADERS[lang][key], key, width: WIDTHS[key] }));
  ws.getRow(1).font = { bold: true };
  ws.getColumn('at').numFmt = 'yyyy-mm-dd hh:mm:ss';
  ws.getColumn('summary').alignment = { wrapText: true, vertical: 'top' };
  for (const l of lines) ws.addRow({ ...l, at: beijingWallClock(l.at), result: RESULT[lang][l.result] });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: KEYS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * CSV (RFC 4180) with a UTF-8 BOM so Excel opens Chinese text correctly. A cell starting with = + - @ is
 * prefixed with ' so a spreadsheet never runs it as a formula (summaries contain user-typed text).
 */
export function toCsv(lines: ExportLine[], lang: Lang): Buffer {
  const cell = (v: string | number) => {
    let s = String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rows = [
    KEYS.map((k) => HEADERS[lang][k]),
    ...lines.map((l) =>
      KEYS.map((k) => (k === 'at' ? beijingTimestamp(l.at) : k === 'result' ? RESULT[lang][l.result] : l[k])),
    ),
  ];
  return Buffer.from(`\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`, 'utf8');
}
