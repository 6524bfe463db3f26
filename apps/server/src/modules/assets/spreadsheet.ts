import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { LABELS } from '@weibao/schema/labels';

/** Ledger columns, in template order: key, Chinese header, English header. */
export const COLUMNS = [
  ['kind', '类型', 'Kind'],
  ['type', '设备类型', 'Type'],
  ['name', '名称', 'Name'],
  ['model', '品牌型号', 'Model'],
  ['serial', '序列号/许可证号', 'Serial / licence key'],
  ['tag', '设备编号', 'Asset tag'],
  ['location', '位置', 'Location'],
  ['supplier', '供应商', 'Supplier'],
  ['parentSerial', '上级设备序列号', 'Parent serial'],
  ['batch', '验收批次', 'Acceptance batch'],
  ['acceptedOn', '验收日期', 'Accepted on'],
  ['warrantyMonths', '保修月数', 'Warranty months'],
] as const;
export type ColumnKey = (typeof COLUMNS)[number][0];
export type SheetRow = { row: number; values: Partial<Record<ColumnKey, string>> };

/** A help cell of the template, which serves either reader: the Chinese, then the English. */
const both = (zh: string, en: string) => `${zh} / ${en}`;
/** The kinds as the Kind column takes them: 硬件 / 软件, or the values themselves. */
const KIND_WORDS = Object.values(LABELS.assetKind)
  .map((k) => k['zh-CN'])
  .join(' / ');
const KIND_VALUES = Object.keys(LABELS.assetKind).join(' / ');

/** The import template: one header row (Chinese / English) and a sheet explaining each column. */
export async function templateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Weibao 维保';
  const ws = wb.addWorksheet('资产 Assets');
  ws.addRow(COLUMNS.map(([, zh, en]) => `${zh} ${en}`)).font = { bold: true };
  ws.columns.forEach((c) => {
    c.width = 20;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (let r = 2; r <= 2000; r++)
    ws.getCell(r, 1).dataValidation = { type: 'list', allowBlank: true, formulae: ['"硬件,软件,hardware,software"'] };
  const help = wb.addWorksheet('说明 Help');
  help.addRows([
    ['列 Column', '说明 Notes'],
    ['类型 Kind', `必填：${KIND_WORDS}（${KIND_VALUES}）`],
    [
      '设备类型、名称、品牌型号、序列号',
      both(
        '必填。序列号（软件填许可证号）在项目内唯一',
        'required; the serial (licence key for software) is unique within the project',
      ),
    ],
    [
      '上级设备序列号 Parent serial',
      '部件所属设备的序列号（同一文件或已在台账中）/ the serial of the item this part belongs to (in this file or the ledger)',
    ],
    [
      '验收批次、验收日期',
      both(
        '同一批次同一日期；新批次须填日期（YYYY-MM-DD），保修期自验收之日起算',
        'one date per batch; the warranty runs from acceptance',
      ),
    ],
    ['保修月数 Warranty months', "留空则用合同约定（默认 36 个月）/ blank: the contract's term (36 months by default)"],
  ]);
  help.getRow(1).font = { bold: true };
  help.columns = [{ width: 34 }, { width: 100 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Cell text whatever Excel stored: dates as YYYY-MM-DD, numbers as written, rich text and formula results as text. */
function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return text(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v);
}

/**
 * Data rows of the first sheet (blank rows skipped), or null when the file is not an xlsx with the
 * template's header. A large file is read as a stream: a 100,000-row file never becomes a whole workbook model.
 */
export async function readSheet(data: Buffer): Promise<SheetRow[] | null> {
  return data.length <= WHOLE_READ_MAX_BYTES ? readWhole(data) : readStreaming(data);
}

/**
 * exceljs 4.4's streaming reader is not deterministic: reading the same small file 1,000 times, 2–5 % of
 * reads threw (a worksheet reached before xl/workbook.xml, exceljs issue #3064) or saw the header row's
 * shared strings as empty, so a valid template was refused as "not the template". Files up to this size
 * (~40,000 rows, ~120 MB while parsing) are read whole, which is exact; larger ones still stream to keep
 * memory bounded (the known flaw remains there; see docs/benchmarks.md, asset ledger).
 */
const WHOLE_READ_MAX_BYTES = 2 * 1024 * 1024;

async function readWhole(data: Buffer): Promise<SheetRow[] | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const ws = wb.worksheets[0];
  if (!ws) return null;
  const rows: SheetRow[] = [];
  // The header must be row 1 (the first non-empty row); a sheet starting lower is not the template.
  let header: boolean | null = null;
  ws.eachRow((r) => {
    if (header === null) {
      header = r.number === 1 && isHeader(r);
      return;
    }
    if (!header) return;
    const values = rowValues(r);
    if (Object.keys(values).length) rows.push({ row: r.number, values });
  });
  return header ? rows : null;
}

const isHeader = (r: ExcelJS.Row) => {
  const cells = COLUMNS.map((_, i) => text(r.getCell(i + 1).value).trim());
  return COLUMNS.every(([, zh, en], i) => cells[i]!.includes(zh) || cells[i]!.toLowerCase().includes(en.toLowerCase()));
};

function rowValues(r: ExcelJS.Row): Partial<Record<ColumnKey, string>> {
  const values: Partial<Record<ColumnKey, string>> = {};
  COLUMNS.forEach(([key], i) => {
    const t = text(r.getCell(i + 1).value).trim();
    if (t) values[key] = t;
  });
  return values;
}

async function readStreaming(data: Buffer): Promise<SheetRow[] | null> {
  const rows: SheetRow[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    // A worksheet reached before xl/workbook.xml would throw on `model.sheets` (exceljs #3064); its name is not needed.
    (reader as unknown as { model?: { sheets: unknown[] } }).model ??= { sheets: [] };
    for await (const ws of reader) {
      let header = false;
      for await (const r of ws) {
        if (!header) {
          // The header must be row 1; a sheet starting lower is not the template.
          if (r.number !== 1 || !isHeader(r)) return null;
          header = true;
          continue;
        }
        const values = rowValues(r);
        if (Object.keys(values).length) rows.push({ row: r.number, values });
      }
      // The first sheet only.
      return header ? rows : null;
    }
  } catch {
    return null;
  }
  return null;
}

/** Streams rows into an xlsx without holding the workbook model: a 100,000-row ledger stays small in memory. */
export async function streamXlsx(
  sheet: string,
  header: string[],
  widths: number[],
  rows: (emit: (cells: unknown[]) => void) => Promise<void>,
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet(sheet);
  ws.columns = header.map((h, i) => ({ header: h, width: widths[i] ?? 16 }));
  ws.getRow(1).font = { bold: true };
  await rows((cells) => ws.addRow(cells).commit());
  ws.commit();
  await wb.commit();
  await finished;
  return Buffer.concat(chunks);
}
