import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newPdf, pageOfPages, stampPages } from './pdf';

const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('stampPages', () => {
  it('words the page count in both languages', () => {
    expect(pageOfPages(2, 5)).toBe('第 2 页 共 5 页');
    expect(pageOfPages(2, 5, 'en')).toBe('Page 2 of 5');
  });

  it.skipIf(!hasPoppler)('stamps header, footer and 第 N 页 共 M 页 on every page without adding pages', async () => {
    const { doc, done } = newPdf('t', { autoFirstPage: true });
    for (let i = 0; i < 3; i++) {
      if (i) doc.addPage();
      doc
        .font('regular')
        .fontSize(12)
        .text(`正文 ${i + 1}`);
    }
    stampPages(doc, { header: '编号 FW-2026-000001', footer: '服务方 测试公司' });
    doc.end();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-'));
    const file = path.join(dir, 'a.pdf');
    fs.writeFileSync(file, await done);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(3);
    // pdftotext drops the spaces between Chinese and digits, so compare without white space.
    pages
      .map((p) => p.replace(/\s+/g, ''))
      .forEach((p, i) => {
        expect(p).toContain(`第${i + 1}页共3页`);
        expect(p).toContain('编号FW-2026-000001');
        expect(p).toContain('服务方测试公司');
      });
    fs.rmSync(dir, { recursive: true });
  });
});
