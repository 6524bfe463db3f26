import { newPdf, pdfTableRow } from '../../lib/pdf.js';
import type { MonthlyReportModel } from './model.js';
import { REPORT_TITLE, reportBlocks } from './render.js';

type Doc = ReturnType<typeof newPdf>['doc'];
const CELL = { size: 8.5, padX: 3, padY: 3, minHeight: 0 };

/**
 * pdfTableRow starts a new page when a row does not fit, but the continuation would then have no
 * header; so the same fit test is made here first and the header is repeated on the new page.
 */
function table(doc: Doc, widths: number[], header: string[], rows: string[][]) {
  const left = doc.page.margins.left;
  const full = doc.page.width - left - doc.page.margins.right;
  const total = widths.reduce((a, b) => a + b, 0);
  const cols = widths.map((w) => (w / total) * full);
  const height = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(CELL.size);
    return Math.max(CELL.minHeight, ...cells.map((c, i) => doc.heightOfString(c, { width: cols[i]! - 2 * CELL.padX }) + 2 * CELL.padY));
  };
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  // Header plus the first row together, so a header never ends a page alone.
  if (doc.y + height(header, true) + height(rows[0] ?? header, false) > bottom()) doc.addPage();
  pdfTableRow(doc, cols, header, { ...CELL, bold: true });
  for (const r of rows) {
    if (doc.y + height(r, false) > bottom()) {
      doc.addPage();
      pdfTableRow(doc, cols, header, { ...CELL, bold: true });
    }
    pdfTableRow(doc, cols, r, CELL);
  }
  doc.moveDown(0.3);
}

/** 月度运维报告 as an A4 portrait PDF in the embedded CJK font; same layout as the Word file. */
export async function reportPdf(m: MonthlyReportModel): Promise<Buffer> {
  const { doc, done } = newPdf(`${REPORT_TITLE} ${m.project.name} ${m.month}`, { autoFirstPage: true });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  // Keep a heading with at least a few lines of what it introduces.
  const keep = (pt: number) => { if (doc.y + pt > doc.page.height - doc.page.margins.bottom) doc.addPage(); };
  for (const b of reportBlocks(m)) {
    doc.fillColor('black');
    switch (b.t) {
      case 'title': doc.font('bold').fontSize(18).text(b.text, left, doc.y, { width, align: 'center' }); break;
      case 'subtitle': doc.moveDown(0.2).font('regular').fontSize(10).fillColor('#333').text(b.text, left, doc.y, { width, align: 'center' }).moveDown(0.6); break;
      case 'heading': keep(80); doc.moveDown(0.6).font('bold').fontSize(12).text(b.text, left, doc.y, { width }).moveDown(0.2); break;
      case 'subheading': keep(60); doc.moveDown(0.3).font('bold').fontSize(10.5).text(b.text, left, doc.y, { width }).moveDown(0.15); break;
      case 'para': doc.font('regular').fontSize(10).text(b.text || ' ', left, doc.y, { width }); break;
      case 'note': doc.moveDown(0.5).font('regular').fontSize(8).fillColor('#555').text(b.text, left, doc.y, { width }); break;
      case 'field':
        doc.font('bold').fontSize(10).text(`${b.label}：`, left, doc.y, { width, continued: true }).font('regular').text(b.value || '—');
        break;
      case 'table': table(doc, b.widths, b.header, b.rows); break;
    }
  }
  doc.end();
  return done;
}
