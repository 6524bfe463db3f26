import { newPdf, stampPages } from '../../lib/pdf.js';
import type { MonthlyReportModel } from './model.js';
import {
  type Align,
  type Block,
  type Party,
  REPORT_TITLE,
  SEAL_LABEL,
  pageFooter,
  pageHeader,
  reportBlocks,
} from './blocks.js';

type Doc = ReturnType<typeof newPdf>['doc'];
const CELL = { size: 8.5, padX: 4, padY: 3 };
const RULE = '#808080';
const bottomOf = (doc: Doc) => doc.page.height - doc.page.margins.bottom;
const textWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/**
 * A ruled grid in which neighbouring cells share their borders: each line is drawn once (the top
 * rule where the table or a page starts, then every row's bottom rule and column rules), so no
 * border is doubled. A table continuing on a new page repeats its header.
 */
function table(doc: Doc, widths: number[], header: string[], rows: string[][], align: Align[]) {
  const left = doc.page.margins.left;
  const total = widths.reduce((a, b) => a + b, 0);
  const cols = widths.map((w) => (w / total) * textWidth(doc));
  const height = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(CELL.size);
    return Math.max(
      ...cells.map((c, i) => doc.heightOfString(c || ' ', { width: cols[i]! - 2 * CELL.padX }) + 2 * CELL.padY),
    );
  };
  const row = (cells: string[], bold: boolean, first: boolean) => {
    const h = height(cells, bold);
    const y = doc.y;
    if (bold)
      doc
        .rect(
          left,
          y,
          cols.reduce((a, b) => a + b, 0),
          h,
        )
        .fill('#f0f0f0');
    doc
      .fillColor('black')
      .font(bold ? 'bold' : 'regular')
      .fontSize(CELL.size);
    let x = left;
    cells.forEach((c, i) => {
      doc.text(c, x + CELL.padX, y + CELL.padY, {
        width: cols[i]! - 2 * CELL.padX,
        align: bold ? 'left' : (align[i] ?? 'left'),
      });
      x += cols[i]!;
    });
    doc.lineWidth(0.6).strokeColor(RULE);
    const right = left + cols.reduce((a, b) => a + b, 0);
    if (first) doc.moveTo(left, y).lineTo(right, y).stroke();
    doc
      .moveTo(left, y + h)
      .lineTo(right, y + h)
      .stroke();
    let vx = left;
    for (const w of [0, ...cols]) {
      vx += w;
      doc
        .moveTo(vx, y)
        .lineTo(vx, y + h)
        .stroke();
    }
    doc.x = left;
    doc.y = y + h;
  };
  // Header plus the first row together, so a header never ends a page alone.
  if (doc.y + height(header, true) + height(rows[0] ?? header, false) > bottomOf(doc)) doc.addPage();
  row(header, true, true);
  for (const r of rows) {
    if (doc.y + height(r, false) > bottomOf(doc)) {
      doc.addPage();
      row(header, true, true);
    }
    row(r, false, false);
  }
  doc.moveDown(0.3);
}

/** The cover: title, the report's identity as a ruled label/value grid. */
function cover(doc: Doc, b: Extract<Block, { t: 'cover' }>) {
  const left = doc.page.margins.left;
  const width = textWidth(doc);
  doc.font('bold').fontSize(28).text(b.title, left, 190, { width, align: 'center' });
  doc
    .moveDown(0.4)
    .font('regular')
    .fontSize(13)
    .fillColor('#333')
    .text(b.subtitle, left, doc.y, { width, align: 'center' })
    .fillColor('black');
  doc.y = 340;
  const inset = width * 0.12;
  const margins = { ...doc.page.margins };
  doc.page.margins = { ...margins, left: left + inset, right: margins.right + inset };
  table(
    doc,
    [32, 68],
    ['项目', '内容'],
    b.rows.map(([l, v]) => [l, v]),
    ['left', 'left'],
  );
  doc.page.margins = margins;
}

/** Signature lines for both parties side by side, each with a box to stamp the seal in. */
function signatures(doc: Doc, parties: Party[]) {
  const left = doc.page.margins.left;
  const col = textWidth(doc) / parties.length;
  if (doc.y + 200 > bottomOf(doc)) doc.addPage();
  const top = doc.y + 6;
  let lowest = top;
  parties.forEach((p, i) => {
    const x = left + i * col;
    doc
      .font('bold')
      .fontSize(10.5)
      .fillColor('black')
      .text(p.side, x, top, { width: col - 16 });
    doc
      .font('regular')
      .fontSize(10)
      .text(p.name, x, doc.y + 2, { width: col - 16 });
    for (const l of p.lines) doc.text(l, x, doc.y + 10, { width: col - 16 });
    const boxY = doc.y + 12;
    doc.lineWidth(0.6).dash(3, { space: 2 }).strokeColor(RULE).rect(x, boxY, 110, 110).stroke().undash();
    doc
      .fontSize(9)
      .fillColor('#555')
      .text(SEAL_LABEL, x, boxY + 50, { width: 110, align: 'center' })
      .fillColor('black');
    lowest = Math.max(lowest, boxY + 118);
  });
  doc.x = left;
  doc.y = lowest;
}

/** The reserved second page: every section with the page it starts on (1 = the cover). */
function contents(doc: Doc, title: string, entries: { text: string; page: number }[]) {
  const left = doc.page.margins.left;
  const width = textWidth(doc);
  doc
    .font('bold')
    .fontSize(16)
    .fillColor('black')
    .text(title, left, doc.page.margins.top + 20, { width, align: 'center' })
    .moveDown(1);
  doc.font('regular').fontSize(11);
  for (const e of entries) {
    const y = doc.y;
    const num = String(e.page);
    doc.text(e.text, left + 20, y, { lineBreak: false });
    const from = left + 28 + doc.widthOfString(e.text);
    const to = left + width - 28 - doc.widthOfString(num);
    doc
      .lineWidth(0.5)
      .dash(1, { space: 2 })
      .strokeColor('#999')
      .moveTo(from, y + 9)
      .lineTo(to, y + 9)
      .stroke()
      .undash();
    doc.text(num, left, y, { width: width - 20, align: 'right', lineBreak: false });
    doc.y = y + 22;
  }
}

/**
 * 月度运维报告 as an A4 portrait PDF in the embedded CJK font; same layout as the Word file: a cover,
 * the table of contents on page 2 (drawn last, once the sections' pages are known), then the sections.
 * Every page carries the document number and contract in its header and "第 N 页 共 M 页" in its footer.
 */
export async function reportPdf(m: MonthlyReportModel): Promise<Buffer> {
  const { doc, done } = newPdf(`${REPORT_TITLE} ${m.project.name} ${m.month}`, { autoFirstPage: true });
  const left = doc.page.margins.left;
  const width = textWidth(doc);
  const pageNo = () => {
    const r = doc.bufferedPageRange();
    return r.start + r.count;
  };
  // Keep a heading with at least a few lines of what it introduces.
  const keep = (pt: number) => {
    if (doc.y + pt > bottomOf(doc)) doc.addPage();
  };
  const toc: { title: string; entries: { text: string; page: number }[]; page: number } = {
    title: '',
    entries: [],
    page: 0,
  };
  for (const b of reportBlocks(m)) {
    doc.fillColor('black');
    switch (b.t) {
      case 'cover':
        cover(doc, b);
        break;
      case 'toc':
        doc.addPage();
        toc.title = b.title;
        toc.page = pageNo() - 1;
        doc.addPage();
        break;
      case 'title':
        doc.font('bold').fontSize(18).text(b.text, left, doc.y, { width, align: 'center' });
        break;
      case 'subtitle':
        doc
          .moveDown(0.2)
          .font('regular')
          .fontSize(10)
          .fillColor('#333')
          .text(b.text, left, doc.y, { width, align: 'center' })
          .moveDown(0.6);
        break;
      case 'heading':
        keep(80);
        toc.entries.push({ text: b.text, page: pageNo() });
        doc.moveDown(0.6).font('bold').fontSize(12).text(b.text, left, doc.y, { width }).moveDown(0.2);
        break;
      case 'subheading':
        keep(60);
        doc.moveDown(0.3).font('bold').fontSize(10.5).text(b.text, left, doc.y, { width }).moveDown(0.15);
        break;
      case 'para':
        doc
          .font('regular')
          .fontSize(10)
          .text(b.text || ' ', left, doc.y, { width });
        break;
      case 'note':
        doc.moveDown(0.5).font('regular').fontSize(8).fillColor('#555').text(b.text, left, doc.y, { width });
        break;
      case 'field':
        doc
          .font('bold')
          .fontSize(10)
          .text(`${b.label}：`, left, doc.y, { width, continued: true })
          .font('regular')
          .text(b.value || '—');
        break;
      case 'table':
        table(doc, b.widths, b.header, b.rows, b.align);
        break;
      case 'signatures':
        signatures(doc, b.parties);
        break;
    }
  }
  if (toc.title) {
    doc.switchToPage(toc.page);
    contents(doc, toc.title, toc.entries);
  }
  stampPages(doc, { header: pageHeader(m), footer: pageFooter(m) });
  doc.end();
  return done;
}
