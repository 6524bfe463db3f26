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
  const doc = new PDFDocument({ size: 'A4', margin: 40, layout: opts.layout ?? 'portrait', autoFirstPage: opts.autoFirstPage ?? false, info: { Title: title, Producer: 'Weibao 维保', Creator: 'Weibao 维保' } });
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
export function pdfTableRow(doc: Doc, cols: number[], cells: string[], o: { bold?: boolean; size?: number; padX?: number; padY?: number; minHeight?: number } = {}) {
  const { size = 9, padX = 3, padY = 4, minHeight = 18 } = o;
  const left = doc.page.margins.left;
  doc.font(o.bold ? 'bold' : 'regular').fontSize(size);
  const h = Math.max(minHeight, ...cells.map((c, i) => doc.heightOfString(c, { width: cols[i]! - 2 * padX }) + 2 * padY));
  if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const y = doc.y;
  let x = left;
  cells.forEach((c, i) => { doc.rect(x, y, cols[i]!, h).stroke('#999'); doc.text(c, x + padX, y + padY, { width: cols[i]! - 2 * padX }); x += cols[i]!; });
  doc.x = left;
  doc.y = y + h;
}
