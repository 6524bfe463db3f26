import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TestApp } from './harness.js';
import type { Session } from './harness.js';

/** The text of every page, as a PDF reader extracts it (so the embedded font maps back to Unicode). */
export async function pdfText(data: Buffer): Promise<{ pages: string[]; images: number }> {
  const doc = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  let images = 0;
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(''));
    const ops = await page.getOperatorList();
    images += ops.fnArray.filter((f) => f === 85 /* paintImageXObject */).length;
  }
  return { pages, images };
}

/** A Word file read back: the visible text of word/document.xml (runs joined, paragraphs by newlines) and how many images it draws (identical images share one media file). */
export async function docxText(data: Buffer): Promise<{ text: string; xml: string; styles: string; images: number }> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
  const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
  return { text, xml, styles, images: xml.split('<w:drawing>').length - 1 };
}

/** The raw cell values (numbers stay numbers) of one named sheet, row by row. */
export async function xlsxSheet(data: Buffer, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as never);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (r) => out.push((r.values as unknown[]).slice(1)));
  return out;
}

/** Every row of the first sheet as arrays of cell text. */
export async function xlsxRows(data: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as never);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((r) =>
    out.push(
      (r.values as unknown[])
        .slice(1)
        .map((v) =>
          v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v),
        ),
    ),
  );
  return out;
}

/** An xlsx with a header row and data rows (rows may hold Dates and numbers, as users' files do). */
export async function xlsxOf(header: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A raw GET as `who`, for downloads. */
export async function fetchFile(t: Pick<TestApp, 'app'>, who: Session, url: string, lang?: string) {
  const r = await t.app.inject({
    method: 'GET',
    url,
    headers: { ...who.headers, ...(lang ? { 'accept-language': lang } : {}) },
  });
  return { status: r.statusCode, body: r.rawPayload, headers: r.headers, json: () => r.json() };
}
