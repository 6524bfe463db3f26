import { Paragraph, TextRun, type FileChild } from 'docx';
import { docxDocument, docxTable, docxText } from '../../lib/docx.js';
import type { MonthlyReportModel } from './model.js';
import { REPORT_TITLE, reportBlocks, type Block } from './render.js';

// docxText has no level below a section heading; the sub-tables and fault names need one.
const subheading = (text: string) => new Paragraph({ spacing: { before: 120, after: 60 }, keepNext: true, children: [new TextRun({ text, bold: true, size: 21 })] });

function child(b: Block): FileChild {
  switch (b.t) {
    case 'title': return docxText.title(b.text);
    case 'subtitle': return docxText.subtitle(b.text);
    case 'heading': return docxText.heading(b.text);
    case 'subheading': return subheading(b.text);
    case 'para': return docxText.para(b.text);
    case 'note': return docxText.para(b.text, { size: 16, color: '555555' });
    case 'field': return docxText.field(b.label, b.value);
    case 'table': return docxTable(b.header, b.rows, b.widths);
  }
}

/** 月度运维报告 as Word, for the purchaser to print, sign and file. */
export function reportDocx(m: MonthlyReportModel): Promise<Buffer> {
  return docxDocument(`${REPORT_TITLE} ${m.project.name} ${m.month}`, reportBlocks(m).map(child));
}
