import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  PageBreak,
  PageNumber,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { docxText } from '../../lib/docx.js';
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

/** Same fonts and page as lib/docx.ts (宋体 for Chinese), with this report's header and footer. */
const FONT = { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: 'SimSun', cs: 'Calibri' };
const CM = 567; // twips per centimetre
const TEXT_WIDTH = 17 * CM;
const rule = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

// docxText has no level below a section heading; the sub-tables and fault names need one.
const subheading = (text: string) =>
  new Paragraph({
    spacing: { before: 120, after: 60 },
    keepNext: true,
    children: [new TextRun({ text, bold: true, size: 21 })],
  });
const pageBreak = () => new Paragraph({ children: [new PageBreak()] });

/**
 * A grid whose cells share their borders: the borders are the table's (outer and inside rules), no cell
 * draws its own, so Word and WPS draw each line once. Figures are right-aligned; the header repeats on
 * each page.
 */
function grid(header: string[], rows: string[][], widths: number[], align: Align[]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const twips = widths.map((w) => Math.round((w / total) * TEXT_WIDTH));
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: twips[i]!, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      shading: head ? { type: ShadingType.CLEAR, color: 'auto', fill: 'F0F0F0' } : undefined,
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            alignment: !head && align[i] === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
            children: [new TextRun({ text: line, bold: head, size: 17 })],
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: twips,
    borders: { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

function cover(b: Extract<Block, { t: 'cover' }>): FileChild[] {
  return [
    ...Array.from({ length: 6 }, () => new Paragraph({})),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: b.title, bold: true, size: 56 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 960 },
      children: [new TextRun({ text: b.subtitle, size: 26, color: '333333' })],
    }),
    grid(
      ['项目', '内容'],
      b.rows.map(([l, v]) => [l, v]),
      [32, 68],
      ['left', 'left'],
    ),
    pageBreak(),
  ];
}

/** A static contents list (Word's TOC field would need updating on open, which WPS and LibreOffice skip). */
function contents(b: Extract<Block, { t: 'toc' }>): FileChild[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: b.title, bold: true, size: 32 })],
    }),
    ...b.entries.map(
      (e) =>
        new Paragraph({
          spacing: { after: 120 },
          indent: { left: 400 },
          children: [new TextRun({ text: e, size: 22 })],
        }),
    ),
    pageBreak(),
  ];
}

/** Both parties side by side in a borderless table, each with signature lines, a date and a 盖章 box. */
function signatures(parties: Party[]): Table {
  const seal = { style: BorderStyle.DASHED, size: 4, color: '808080', space: 8 };
  const col = Math.round(TEXT_WIDTH / parties.length);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: parties.map(() => col),
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: [
      new TableRow({
        cantSplit: true,
        children: parties.map(
          (p) =>
            new TableCell({
              width: { size: col, type: WidthType.DXA },
              children: [
                new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: p.side, bold: true })] }),
                new Paragraph({ spacing: { after: 160 }, children: [new TextRun(p.name)] }),
                ...p.lines.map((l) => new Paragraph({ spacing: { after: 200 }, children: [new TextRun(l)] })),
                new Paragraph({
                  spacing: { before: 200, after: 200 },
                  indent: { right: col - 2200 },
                  alignment: AlignmentType.CENTER,
                  border: { top: seal, bottom: seal, left: seal, right: seal },
                  children: [
                    new TextRun({ text: '', break: 2 }),
                    new TextRun({ text: SEAL_LABEL, size: 18, color: '555555', break: 0 }),
                    new TextRun({ text: '', break: 2 }),
                  ],
                }),
              ],
            }),
        ),
      }),
    ],
  });
}

function children(b: Block): FileChild[] {
  switch (b.t) {
    case 'cover':
      return cover(b);
    case 'toc':
      return contents(b);
    case 'title':
      return [docxText.title(b.text)];
    case 'subtitle':
      return [docxText.subtitle(b.text)];
    case 'heading':
      return [docxText.heading(b.text)];
    case 'subheading':
      return [subheading(b.text)];
    case 'para':
      return [docxText.para(b.text)];
    case 'note':
      return [docxText.para(b.text, { size: 16, color: '555555' })];
    case 'field':
      return [docxText.field(b.label, b.value)];
    case 'table':
      return [grid(b.header, b.rows, b.widths, b.align), new Paragraph({ spacing: { after: 60 } })];
    case 'signatures':
      return [signatures(b.parties)];
  }
}

/**
 * 月度运维报告 as Word, for the purchaser to print, sign and file: every page has the document number
 * and contract in its header and "第 X 页 共 Y 页" (PAGE / NUMPAGES fields) in its footer.
 */
export function reportDocx(m: MonthlyReportModel): Promise<Buffer> {
  const small = { size: 16, color: '555555' };
  const doc = new Document({
    title: `${REPORT_TITLE} ${m.project.name} ${m.month}`,
    creator: 'Weibao 维保',
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 21 * CM, height: 29.7 * CM },
            margin: { top: 2 * CM, bottom: 2 * CM, left: 2 * CM, right: 2 * CM },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: pageHeader(m), ...small })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
                children: [
                  new TextRun({ text: pageFooter(m), ...small }),
                  new TextRun({
                    children: ['\t第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'],
                    ...small,
                  }),
                ],
              }),
            ],
          }),
        },
        children: reportBlocks(m).flatMap(children),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
