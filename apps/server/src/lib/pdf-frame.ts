import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import { type PageMarks, stampPages } from './pdf.js';

/**
 * The frame every generated document is filed in (归档): a title block with the document number, the
 * two parties and the contract; ruled label/value grids; a signature block for both parties with a
 * 盖章 area, kept on one page with the document's closing rows; the record's QR verification where
 * it is signed; and the header/footer/"第 N 页 共 M 页" marks (lib/pdf.ts stampPages).
 * Documents call titleBlock → grids and tables → signatureBlock → finishDocument → doc.end().
 */

type Doc = PDFKit.PDFDocument;
export type DocLang = 'zh-CN' | 'en';

/** Who the document is between: read through ProjectService.documentParties, never typed in. */
export interface DocumentParties {
  providerName: string;
  purchaserName: string;
  /** The contract(s) in force, e.g. "HT-2026-001《机房运维服务合同》". */
  contractRef: string;
}

export interface DocumentHead {
  title: string;
  /** Stable per record: the same record downloaded twice carries the same number (see documentNumber). */
  number: string;
  subtitle?: string;
  parties: DocumentParties;
  lang?: DocLang;
}

const WORDS = {
  'zh-CN': {
    number: '文件编号',
    contract: '合同',
    provider: '服务方（乙方）',
    purchaser: '采购方（甲方）',
    sign: '签字',
    date: '日期',
    blankDate: '      年    月    日',
    seal: '（盖章）',
    name: '单位名称',
    noContract: '未关联合同',
    verify: '扫码核验记录真伪',
    hash: '内容摘要 SHA-256',
    signedBy: '签字人',
  },
  en: {
    number: 'Document No.',
    contract: 'Contract',
    provider: 'Provider (Party B)',
    purchaser: 'Purchaser (Party A)',
    sign: 'Signature',
    date: 'Date',
    blankDate: '',
    seal: '(Seal)',
    name: 'Name',
    noContract: 'No contract',
    verify: 'Scan to verify the record',
    hash: 'Content SHA-256',
    signedBy: 'Signed by',
  },
} as const;
export const frameWords = (lang: DocLang = 'zh-CN') => WORDS[lang];

/**
 * A document number for records without a number of their own: prefix, year and eight hex digits of
 * the SHA-256 of what identifies the document (its record's id, or e.g. customer and period), so the
 * same document always gets the same number and different ones practically never share one.
 */
export function documentNumber(prefix: string, year: string | number, ...identity: string[]): string {
  const digest = createHash('sha256').update(identity.join('\u0000')).digest('hex').slice(0, 8).toUpperCase();
  return `${prefix}-${year}-${digest}`;
}

/** The contract reference shown on documents: "code《name》" for each contract, or a plain "none". */
export function contractReference(contracts: { code: string; name: string }[], lang: DocLang = 'zh-CN'): string {
  if (!contracts.length) return WORDS[lang].noContract;
  return contracts.map((c) => (lang === 'en' ? `${c.code} "${c.name}"` : `${c.code}《${c.name}》`)).join('、');
}

const area = (doc: Doc) => {
  const left = doc.page.margins.left;
  return {
    left,
    width: doc.page.width - left - doc.page.margins.right,
    bottom: doc.page.height - doc.page.margins.bottom,
  };
};

export interface GridOptions {
  /** Label/value pairs side by side in one row (2 fits short fields on A4 portrait). */
  pairsPerRow?: number;
  labelWidth?: number;
  size?: number;
}
const GRID_PAD_X = 4;
const GRID_PAD_Y = 4;
const LABEL_FILL = '#eeeeee';
const RULE = '#888888';

/** Splits pairs into rows of `pairsPerRow`; a row's last value cell widens over the missing pairs. */
function gridRows(pairs: [string, string][], per: number) {
  const rows: [string, string][][] = [];
  for (let i = 0; i < pairs.length; i += per) rows.push(pairs.slice(i, i + per));
  return rows;
}

function cellsOf(doc: Doc, row: [string, string][], per: number, o: Required<GridOptions>) {
  const { left, width } = area(doc);
  const valueWidth = (width - per * o.labelWidth) / per;
  let x = left;
  return row.flatMap(([label, value], i) => {
    const last = i === row.length - 1;
    const vw = last ? left + width - x - o.labelWidth : valueWidth;
    const cells = [
      { x, w: o.labelWidth, text: label, label: true },
      { x: x + o.labelWidth, w: vw, text: value || '—', label: false },
    ];
    x += o.labelWidth + vw;
    return cells;
  });
}

function rowHeight(doc: Doc, row: [string, string][], per: number, o: Required<GridOptions>) {
  return Math.max(
    ...cellsOf(doc, row, per, o).map((c) => {
      doc.font(c.label ? 'bold' : 'regular').fontSize(o.size);
      return doc.heightOfString(c.text, { width: c.w - 2 * GRID_PAD_X }) + 2 * GRID_PAD_Y;
    }),
  );
}

const withDefaults = (o: GridOptions): Required<GridOptions> => ({
  pairsPerRow: o.pairsPerRow ?? 1,
  labelWidth: o.labelWidth ?? 84,
  size: o.size ?? 9.5,
});

/** Height the grid needs, for keeping it together with what follows. */
export function gridHeight(doc: Doc, pairs: [string, string][], opts: GridOptions = {}): number {
  const o = withDefaults(opts);
  return gridRows(pairs, o.pairsPerRow).reduce((n, r) => n + rowHeight(doc, r, o.pairsPerRow, o), 0);
}

/**
 * A ruled label/value grid: bordered cells, labels shaded and bold, values wrapping within their cell.
 * A row that does not fit starts a new page; a row taller than a page is left to pdfkit's own wrapping.
 */
export function labelValueGrid(doc: Doc, pairs: [string, string][], opts: GridOptions = {}): void {
  const o = withDefaults(opts);
  for (const row of gridRows(pairs, o.pairsPerRow)) {
    const h = rowHeight(doc, row, o.pairsPerRow, o);
    const { left, bottom } = area(doc);
    if (doc.y + h > bottom && doc.y > doc.page.margins.top + 1) doc.addPage();
    const y = doc.y;
    for (const c of cellsOf(doc, row, o.pairsPerRow, o)) {
      if (c.label) doc.rect(c.x, y, c.w, h).fill(LABEL_FILL);
      doc.lineWidth(0.6).rect(c.x, y, c.w, h).stroke(RULE);
      doc
        .fillColor('black')
        .font(c.label ? 'bold' : 'regular')
        .fontSize(o.size)
        .text(c.text, c.x + GRID_PAD_X, y + GRID_PAD_Y, { width: c.w - 2 * GRID_PAD_X });
    }
    doc.x = left;
    doc.y = y + h;
  }
}

/** A section heading that never sits alone at a page's foot: it moves with `keep` points of what follows. */
export function sectionHeading(doc: Doc, text: string, keep = 40): void {
  const { left, bottom } = area(doc);
  doc.font('bold').fontSize(11);
  if (doc.y + 8 + doc.currentLineHeight() + keep > bottom) doc.addPage();
  else doc.moveDown(0.6);
  doc.fillColor('black').text(text, left, doc.y);
  doc.moveDown(0.2);
}

/**
 * Title, document number and the parties as a ruled grid: what a filing clerk looks for first.
 * Extra pairs (project, period, ...) join the same grid.
 */
export function titleBlock(doc: Doc, head: DocumentHead, extra: [string, string][] = []): void {
  const w = WORDS[head.lang ?? 'zh-CN'];
  const { left, width } = area(doc);
  doc.font('bold').fontSize(18).fillColor('black').text(head.title, left, doc.y, { width, align: 'center' });
  if (head.subtitle)
    doc
      .moveDown(0.2)
      .font('regular')
      .fontSize(9.5)
      .fillColor('#333')
      .text(head.subtitle, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.6).fillColor('black');
  labelValueGrid(
    doc,
    [
      [w.number, head.number],
      [w.contract, head.parties.contractRef],
      [w.provider, head.parties.providerName],
      [w.purchaser, head.parties.purchaserName],
    ],
    { pairsPerRow: 2 },
  );
  if (extra.length) labelValueGrid(doc, extra, { pairsPerRow: 2 });
}

export interface SignedBy {
  /** The signature image (PNG bytes or a file path), if one was captured. */
  image?: Buffer | string | null;
  name: string;
  /** When, in Beijing time as users see it. */
  at: string;
}

export interface SignatureOptions {
  parties: DocumentParties;
  lang?: DocLang;
  /**
   * The document's last content rows (conclusion, total, result): drawn right above the signatures
   * and moved to the next page with them when both do not fit, so signatures never stand alone.
   */
  closing: [string, string][];
  closingOptions?: GridOptions;
  /** A signature already given on the purchaser's side (an O&M record signed on the tablet). */
  purchaserSigned?: SignedBy | null;
  /** The public verification link of a signed record, printed as a QR code with its hash. */
  verify?: { url: string; hash?: string | null } | null;
}

const SIGN_HEIGHT = 118;
const QR_SIZE = 76;
const VERIFY_HEIGHT = QR_SIZE + 8;

/** Signature lines for both parties with dates and a dashed 盖章 box each, kept together with `closing`. */
export async function signatureBlock(doc: Doc, o: SignatureOptions): Promise<void> {
  const lang = o.lang ?? 'zh-CN';
  const w = WORDS[lang];
  const needed = gridHeight(doc, o.closing, o.closingOptions) + 14 + SIGN_HEIGHT + (o.verify ? VERIFY_HEIGHT : 0);
  const { left, width, bottom } = area(doc);
  doc.moveDown(0.6);
  if (doc.y + needed > bottom) doc.addPage();
  labelValueGrid(doc, o.closing, o.closingOptions);
  const top = doc.y + 14;
  const half = width / 2;
  const side = (x: number, heading: string, name: string, signed?: SignedBy | null) => {
    const sealW = 92;
    const textW = half - sealW - 16;
    doc.font('bold').fontSize(10.5).fillColor('black').text(heading, x, top, { width: textW });
    // Name (up to two lines), then the signature line, then the date: fixed rows so both sides align.
    doc
      .font('regular')
      .fontSize(9.5)
      .text(`${w.name}：${name}`, x, top + 18, { width: textW, height: 26, ellipsis: true });
    const signY = top + 66;
    if (signed) {
      if (signed.image) {
        try {
          doc.image(signed.image, x + 36, top + 44, { fit: [textW - 40, 26] });
        } catch {
          /* a missing image leaves the name line */
        }
      }
      doc.font('regular').fontSize(9.5).text(`${w.sign}：`, x, signY);
      doc
        .fontSize(8.5)
        .text(`${w.signedBy} ${signed.name}`, x + 36, signY + 8, { width: textW - 36, lineBreak: false });
    } else {
      doc.text(`${w.sign}：`, x, signY);
      doc
        .moveTo(x + 36, signY + 12)
        .lineTo(x + textW, signY + 12)
        .lineWidth(0.6)
        .stroke(RULE);
    }
    doc
      .font('regular')
      .fontSize(9.5)
      .text(`${w.date}：${signed ? signed.at : w.blankDate}`, x, signY + 26, { width: textW });
    if (!signed && !w.blankDate)
      doc
        .moveTo(x + 36, signY + 38)
        .lineTo(x + textW, signY + 38)
        .lineWidth(0.6)
        .stroke(RULE);
    const sealX = x + half - sealW - 8;
    doc
      .save()
      .lineWidth(0.8)
      .dash(3, { space: 2 })
      .rect(sealX, top + 14, sealW, 84)
      .stroke('#999')
      .undash()
      .restore();
    doc
      .font('regular')
      .fontSize(9)
      .fillColor('#666')
      .text(w.seal, sealX, top + 50, { width: sealW, align: 'center' });
    doc.fillColor('black');
  };
  side(left, w.provider, o.parties.providerName);
  side(left + half, w.purchaser, o.parties.purchaserName, o.purchaserSigned);
  doc.y = top + SIGN_HEIGHT;
  if (o.verify) {
    const y = doc.y;
    const qr = await QRCode.toBuffer(o.verify.url, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
    doc.image(qr, left, y, { fit: [QR_SIZE, QR_SIZE] });
    doc
      .font('regular')
      .fontSize(9)
      .fillColor('black')
      .text(w.verify, left + QR_SIZE + 10, y + 8, { width: width - QR_SIZE - 10 });
    if (o.verify.hash)
      doc
        .fontSize(7.5)
        .fillColor('#333')
        .text(`${w.hash}：${o.verify.hash}`, left + QR_SIZE + 10, doc.y + 4, { width: width - QR_SIZE - 10 });
    doc.fillColor('black');
    doc.x = left;
    doc.y = y + VERIFY_HEIGHT;
  }
}

/** Header (title, number, contract) and footer (provider) on every page, with 第 N 页 共 M 页. */
export function frameMarks(head: DocumentHead): PageMarks {
  const w = WORDS[head.lang ?? 'zh-CN'];
  return {
    header: `${head.title}    ${w.number} ${head.number}    ${w.contract} ${head.parties.contractRef}`.slice(0, 160),
    footer: head.parties.providerName,
    lang: head.lang ?? 'zh-CN',
  };
}

/**
 * Stamps the frame's marks on every page; call right before doc.end(). With `fromPage`, only the
 * pages from there on (one document of several in a file) are stamped and counted.
 */
export function finishDocument(doc: Doc, head: DocumentHead, fromPage?: number): void {
  const all = doc.bufferedPageRange();
  const start = fromPage ?? all.start;
  stampPages(doc, frameMarks(head), { start, count: all.start + all.count - start });
}
