import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';

/**
 * A4 documents with Noto Sans Hans (OFL, shipped in node_modules by @embedpdf/fonts-sc) embedded
 * as a subset, so Chinese renders without fonts on the server or the reader's machine.
 */
const FONT_DIR = path.join(path.dirname(fileURLToPath(import.meta.resolve('@embedpdf/fonts-sc'))), '../fonts');
export const FONT_REGULAR = path.join(FONT_DIR, 'NotoSansHans-Regular.otf');
export const FONT_BOLD = path.join(FONT_DIR, 'NotoSansHans-Bold.otf');

/** A new document with the fonts registered as 'regular' and 'bold'; `done` resolves with the bytes after doc.end(). */
export function newPdf(title: string, opts: { layout?: 'portrait' | 'landscape'; autoFirstPage?: boolean } = {}) {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    bufferPages: true,
    layout: opts.layout ?? 'portrait',
    autoFirstPage: opts.autoFirstPage ?? false,
    info: { Title: title, Producer: 'Weibao 维保', Creator: 'Weibao 维保' },
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  return { doc, done };
}

type Doc = PDFKit.PDFDocument;
/**
 * One bordered table row at the current position: cells wrap within their column, the row is as
 * tall as its tallest cell, and a row that would not fit starts a new page.
 */
export function pdfTableRow(
  doc: Doc,
  cols: number[],
  cells: string[],
  o: { bold?: boolean; size?: number; padX?: number; padY?: number; minHeight?: number } = {},
) {
  const { size = 9, padX = 3, padY = 4, minHeight = 18 } = o;
  const left = doc.page.margins.left;
  doc.font(o.bold ? 'bold' : 'regular').fontSize(size);
  const h = Math.max(
    minHeight,
    ...cells.map((c, i) => doc.heightOfString(c, { width: cols[i]! - 2 * padX }) + 2 * padY),
  );
  if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const y = doc.y;
  let x = left;
  cells.forEach((c, i) => {
    doc.rect(x, y, cols[i]!, h).stroke('#999');
    doc.text(c, x + padX, y + padY, { width: cols[i]! - 2 * padX });
    x += cols[i]!;
  });
  doc.x = left;
  doc.y = y + h;
}

export type PageMarks = {
  /** Top line of every page, e.g. the document number and the contract reference. */
  header?: string;
  /** Bottom-left text of every page (the provider's name, a verification hint). */
  footer?: string;
  lang?: 'zh-CN' | 'en';
};

/** "第 N 页 共 M 页" / "Page N of M". */
export function pageOfPages(n: number, m: number, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  return lang === 'en' ? `Page ${n} of ${m}` : `第 ${n} 页 共 ${m} 页`;
}

/**
 * Stamps the header, footer and page numbers on every page once the content is laid out (pages are
 * buffered by newPdf, so the total is known). Call right before doc.end().
 */
export function stampPages(doc: Doc, marks: PageMarks = {}, pages?: { start: number; count: number }): void {
  // `pages`: one document's pages when a file holds several (a batch of service record sheets),
  // so each is numbered 第 1 页 共 M 页 on its own.
  const range = pages ?? doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { left, right, top, bottom } = doc.page.margins;
    const width = doc.page.width - left - right;
    // Writing into the margins must not make pdfkit open a new page.
    doc.page.margins = { left, right, top: 0, bottom: 0 };
    doc.font('regular').fontSize(8).fillColor('#555');
    if (marks.header) doc.text(marks.header, left, Math.max(12, top - 22), { width, align: 'right', lineBreak: false });
    const y = doc.page.height - Math.max(16, bottom - 14);
    if (marks.footer) doc.text(marks.footer, left, y, { width: width * 0.7, align: 'left', lineBreak: false });
    doc.text(pageOfPages(i - range.start + 1, range.count, marks.lang), left, y, {
      width,
      align: 'right',
      lineBreak: false,
    });
    doc.fillColor('black');
    doc.page.margins = { left, right, top, bottom };
  }
}
