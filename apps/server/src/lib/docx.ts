import fs from 'node:fs';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';

/**
 * Word (.docx) documents for reports people print, sign and file. Chinese text uses 宋体 (SimSun)
 * for East Asian characters, which every Chinese Windows and WPS has; Latin text uses Calibri.
 * A4 portrait with 2 cm margins, like the PDFs from lib/pdf.ts.
 */
const FONT = { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: 'SimSun', cs: 'Calibri' };
const CM = 567; // twips per centimetre

export const docxText = {
  title: (text: string) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [new TextRun({ text, bold: true, size: 36 })],
    }),
  subtitle: (text: string) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text, size: 18, color: '333333' })],
    }),
  heading: (text: string) =>
    new Paragraph({
      spacing: { before: 240, after: 80 },
      keepNext: true,
      children: [new TextRun({ text, bold: true, size: 24 })],
    }),
  /** "标签：值" on one line. */
  field: (label: string, value: string) =>
    new Paragraph({
      spacing: { after: 40 },
      children: [new TextRun({ text: `${label}：`, bold: true }), new TextRun(value || '—')],
    }),
  para: (text: string, opts: { size?: number; color?: string } = {}) =>
    new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text, size: opts.size, color: opts.color })] }),
};

const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const borders = { top: border, bottom: border, left: border, right: border };

/** A bordered table; `widths` are shares of the text width (they need not sum to 100). */
export function docxTable(header: string[], rows: string[][], widths: number[]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const cell = (text: string, i: number, bold: boolean) =>
    new TableCell({
      borders,
      width: { size: Math.round((widths[i]! / total) * 5000), type: WidthType.PERCENTAGE },
      margins: { top: 40, bottom: 40, left: 60, right: 60 },
      children: text
        .split('\n')
        .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold, size: 17 })] })),
    });
  return new Table({
    width: { size: 5000, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

/** An image file scaled to fit `maxW` × `maxH` pixels; undefined when the file is missing or not PNG/JPEG. */
export function docxImage(file: string, maxW: number, maxH: number): ImageRun | undefined {
  if (!fs.existsSync(file)) return undefined;
  const data = fs.readFileSync(file);
  const size = imageSize(data);
  if (!size) return undefined;
  const scale = Math.min(1, maxW / size.width, maxH / size.height);
  return new ImageRun({
    type: size.type,
    data,
    transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
  });
}

/** Width and height from a PNG IHDR or a JPEG SOFn marker (the formats photos and signatures come in). */
export function imageSize(b: Buffer): { type: 'png' | 'jpg'; width: number; height: number } | undefined {
  if (b.length > 24 && b.readUInt32BE(0) === 0x89504e47)
    return { type: 'png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) {
        i++;
        continue;
      }
      const marker = b[i + 1]!;
      const len = b.readUInt16BE(i + 2);
      // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
        return { type: 'jpg', height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
      i += 2 + len;
    }
  }
  return undefined;
}

/** Packs the children into an A4 document with the CJK default font. */
export function docxDocument(title: string, children: FileChild[]): Promise<Buffer> {
  const doc = new Document({
    title,
    creator: 'Weibao 维保',
    description: title,
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 21 * CM, height: 29.7 * CM },
            margin: { top: 2 * CM, bottom: 2 * CM, left: 2 * CM, right: 2 * CM },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The paragraph holding an image run, or a note in its place. */
export const docxImageParagraph = (img: ImageRun | undefined, caption: string) =>
  new Paragraph({
    spacing: { after: 120 },
    children: img
      ? [img, new TextRun({ text: `  ${caption}`, size: 17 })]
      : [new TextRun({ text: `（图片无法显示）${caption}`, size: 17 })],
  });
