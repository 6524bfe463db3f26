import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Session } from './harness.js';

/**
 * Generated documents checked as a filing clerk sees them: rendered to images by poppler's pdftoppm
 * (a malformed PDF fails there) and read back with `pdftotext -layout`, page by page.
 * CI installs poppler-utils (.ci/run); without it these checks skip and say why.
 */
export const POPPLER = spawnSync('pdftoppm', ['-v']).status === 0 && spawnSync('pdftotext', ['-v']).status === 0;
export const NO_POPPLER_MESSAGE =
  'pdftoppm / pdftotext not installed (apt-get install poppler-utils): rendered-document checks skipped';
if (!POPPLER) console.warn(NO_POPPLER_MESSAGE);

/** Rendering and reading several PDFs takes a while on a busy CI runner. */
export const DOCUMENT_TEST_MS = 120_000;

export interface RenderedDocument {
  /** Text of each page as laid out (`pdftotext -layout`). */
  pages: string[];
  /** How many page images pdftoppm produced. */
  images: number;
}

/** Renders every page to a PNG and extracts the text of every page. */
export function renderDocument(pdf: Buffer): RenderedDocument {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weibao-doc-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, pdf);
    // WEIBAO_KEEP_DOCUMENTS=<dir> keeps every rendered PDF for a look by eye.
    const keep = process.env.WEIBAO_KEEP_DOCUMENTS;
    if (keep) fs.copyFileSync(file, path.join(keep, `${Date.now()}-${Math.random().toString(36).slice(2, 8)}.pdf`));
    const ppm = spawnSync('pdftoppm', ['-r', '36', '-png', file, path.join(dir, 'page')], { encoding: 'utf8' });
    expect(ppm.status, `pdftoppm failed: ${ppm.stderr}`).toBe(0);
    expect(ppm.stderr, 'pdftoppm reported problems').toBe('');
    const images = fs.readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f)).length;
    const txt = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(txt.status, `pdftotext failed: ${txt.stderr}`).toBe(0);
    const pages = txt.stdout.split('\f');
    if (pages.at(-1)!.trim() === '') pages.pop();
    return { pages, images };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Text without spaces or line breaks: wrapped cells and grid columns break words apart in layout mode. */
export const squeeze = (s: string) => s.replace(/\s+/g, '');

export interface FiledExpectations {
  /** The document number, or a pattern when the test does not know it in advance. */
  number: string | RegExp;
  providerName: string;
  purchaserName: string;
  contractRef: string;
  /** A row label of the document's closing rows, which must share the page with the signatures. */
  closingLabel: string;
  lang?: 'zh-CN' | 'en';
}

/**
 * What every filed document carries: 第 N 页 共 M 页 (and the number) on every page, both parties and
 * the contract, signature lines for both with dates and 盖章 areas on one page with the closing rows.
 * Returns the document number found.
 */
export function expectFiledDocument(doc: RenderedDocument, want: FiledExpectations): string {
  const en = want.lang === 'en';
  const n = doc.pages.length;
  expect(n).toBeGreaterThan(0);
  expect(doc.images, 'one image per page').toBe(n);
  const numberPattern =
    typeof want.number === 'string' ? new RegExp(want.number.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : want.number;
  const number = squeeze(doc.pages[0]!).match(numberPattern)?.[0];
  expect(number, `document number ${numberPattern} on page 1`).toBeTruthy();
  doc.pages.forEach((page, i) => {
    expect(squeeze(page), `page ${i + 1} of ${n}`).toContain(
      squeeze(en ? `Page ${i + 1} of ${n}` : `第 ${i + 1} 页 共 ${n} 页`),
    );
    expect(squeeze(page), `number in the header of page ${i + 1}`).toContain(number);
  });
  const all = squeeze(doc.pages.join('\n'));
  for (const text of [want.providerName, want.purchaserName, want.contractRef]) expect(all).toContain(squeeze(text));
  const signaturePage = doc.pages.findIndex((p) => p.includes(en ? '(Seal)' : '（盖章）'));
  expect(signaturePage, 'the signature block').toBeGreaterThanOrEqual(0);
  const last = squeeze(doc.pages[signaturePage]!);
  const labels = en
    ? ['Provider(PartyB)', 'Purchaser(PartyA)', 'Signature', 'Date', '(Seal)']
    : ['服务方（乙方）', '采购方（甲方）', '签字', '日期', '（盖章）'];
  for (const label of labels) expect(last, `signature block: ${label}`).toContain(label);
  expect(last.split(en ? '(Seal)' : '（盖章）').length - 1, 'a seal area for each party').toBe(2);
  expect(last, 'the closing rows stay with the signatures').toContain(squeeze(want.closingLabel));
  return number!;
}

/** The provider's name and a project's contract references, as documents print them. */
export async function partiesOf(session: Session, projectId: string) {
  const orgs = (await session.get('/api/v1/orgs')).body as { name: string; kind: string }[];
  const project = (await session.get(`/api/v1/projects/${projectId}`)).body as { customerName: string };
  const contracts = (await session.get(`/api/v1/projects/${projectId}/contracts`)).body as {
    code: string;
    name: string;
  }[];
  return {
    providerName: orgs.find((o) => o.kind === 'provider')?.name ?? '',
    purchaserName: project.customerName,
    contracts: contracts.map((c) => `${c.code}《${c.name}》`),
  };
}
