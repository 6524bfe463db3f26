import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { model } from '../../test/report-model.js';
import type { MonthlyReportModel } from './model.js';
import { SECTIONS, renderReport } from './render.js';

/**
 * The monthly report as the purchaser files it (issue 14, item 2): the PDF rendered to images and read
 * back page by page with poppler (pdftoppm, pdftotext -layout), the Word file's header and footer
 * fields, and the Excel file's print setup and cell types read back with exceljs.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weibao-report-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Enough breaches to push the later sections onto later pages, so the contents' page numbers mean something.
const long: MonthlyReportModel = {
  ...model,
  breaches: Array.from({ length: 70 }, (_, i) => ({
    number: `GD-20250612-${String(i + 1).padStart(4, '0')}`,
    title: `核心交换机宕机 ${i + 1}`,
    level: 1 as const,
    kind: 'resolution' as const,
    lateMin: 10 + i,
    cause: 'non_human' as const,
  })),
};
const squash = (s: string) => s.replace(/\s+/g, '');

describe('monthly report, rendered as it is printed', () => {
  it('PDF: cover, contents with the right page numbers, 第 N 页 共 M 页 on every page, 报修渠道, signatures and 盖章', async () => {
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, await renderReport(long, 'pdf'));
    execFileSync('pdftoppm', ['-r', '30', '-png', file, path.join(dir, 'page')]);
    const images = fs
      .readdirSync(dir)
      .filter((f) => f.startsWith('page') && f.endsWith('.png'))
      .sort();
    const total = images.length;
    expect(total).toBeGreaterThanOrEqual(5);
    // Every page is drawn (not a blank image): a 30 dpi A4 page of text compresses to more than a blank one.
    const blank = Math.min(...images.map((f) => fs.statSync(path.join(dir, f)).size));
    expect(blank).toBeGreaterThan(1500);
    const pages = Array.from({ length: total }, (_, i) =>
      execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }),
    );

    pages.forEach((p, i) => {
      expect(squash(p), `page ${i + 1}`).toContain(`第${i + 1}页共${total}页`);
      expect(p, `page ${i + 1}`).toContain('YB-PRJ-001-2025-06');
      expect(p, `page ${i + 1}`).toContain('HT-2025-07');
    });
    const cover = squash(pages[0]!);
    for (const t of [
      '月度运维报告',
      '市政务云运维项目',
      '合同编号',
      'HT-2025-07',
      '服务单位（乙方）',
      '某某信息技术有限公司',
      '采购单位（甲方）',
      '市大数据中心',
      '报告月份',
      '2025年06月',
      '文档编号',
      'YB-PRJ-001-2025-06',
      '签发日期',
      '2025-07-01',
    ])
      expect(cover).toContain(squash(t));

    // Page 2 lists every section with the page it starts on; each section's heading is on that page.
    const toc = pages[1]!;
    expect(toc).toContain('目录');
    for (const s of SECTIONS) {
      const line = toc.split('\n').find((l) => l.includes(s));
      expect(line, s).toBeDefined();
      const page = Number(/(\d+)\s*$/.exec(line!)?.[1]);
      expect(page, s).toBeGreaterThanOrEqual(3);
      expect(pages[page - 1], `${s} on page ${page}`).toContain(s);
      expect(
        pages.slice(2, page - 1).some((p) => p.includes(s)),
        `${s} before page ${page}`,
      ).toBe(false);
    }
    const later = Number(/(\d+)\s*$/.exec(toc.split('\n').find((l) => l.includes('十一、签字确认'))!)![1]);
    expect(later).toBeGreaterThan(3);

    const all = pages.join('\n');
    expect(all).toContain('报修渠道');
    expect(all).not.toContain('按响应方式');
    const end = squash(pages.slice(-2).join(''));
    for (const t of ['服务单位（乙方）', '采购单位（甲方）', '编制：王经理', '审核：', '甲方确认：', '日期：'])
      expect(end).toContain(squash(t));
    expect(end.split('（盖章）').length - 1).toBe(2);
    // Figures sit at the right edge of their column: the channel counts end the line, after a run of spaces.
    expect(all).toMatch(/电话\s{4,}7\s*$/m);
  });

  it('Word: header with the number, footer with PAGE / NUMPAGES fields, contents, shared borders, figures right-aligned', async () => {
    const zip = await JSZip.loadAsync(await renderReport(model, 'docx'));
    const names = Object.keys(zip.files);
    const read = async (re: RegExp) =>
      (await Promise.all(names.filter((n) => re.test(n)).map((n) => zip.file(n)!.async('string')))).join('\n');
    const header = await read(/^word\/header\d*\.xml$/);
    const footer = await read(/^word\/footer\d*\.xml$/);
    expect(header).toContain('YB-PRJ-001-2025-06');
    expect(header).toContain('HT-2025-07');
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(footer).toContain('第 ');
    expect(footer).toContain(' 页 共 ');
    const doc = await zip.file('word/document.xml')!.async('string');
    expect(doc).toContain('目录');
    for (const s of SECTIONS) expect(doc).toContain(s);
    expect(doc).toContain('报修渠道');
    expect(doc.split('（盖章）').length - 1).toBe(2);
    // Borders belong to the tables (inside rules included), never to single cells: no doubled lines.
    expect(doc).toMatch(/<w:tblBorders>[\s\S]*?<w:insideH /);
    expect(doc).not.toContain('<w:tcBorders>');
    expect(doc).toContain('<w:jc w:val="right"/>');
  });

  it('Excel: A4, fitted to the width, landscape where wide, header row repeated, ruled, real percent and date cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderReport(model, 'xlsx')) as never);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup, ws.name).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.headerFooter.oddFooter, ws.name).toContain('第 &P 页 共 &N 页');
      expect(ws.headerFooter.oddHeader, ws.name).toContain('YB-PRJ-001-2025-06');
    }
    expect(wb.getWorksheet('重大故障')!.pageSetup.orientation).toBe('landscape');
    expect(wb.getWorksheet('概述')!.pageSetup.orientation).toBe('portrait');
    expect(wb.getWorksheet('SLA达成')!.pageSetup.printTitlesRow).toBe('1:1');

    const sla = wb.getWorksheet('SLA达成')!;
    const pct = sla.getRow(2).getCell(6);
    expect([pct.type, pct.value, pct.numFmt]).toEqual([ExcelJS.ValueType.Number, 0.975, '0.0%']);
    expect(pct.border?.left?.style).toBe('thin');
    expect(sla.getRow(1).getCell(1).border?.bottom?.style).toBe('thin');
    const fault = wb.getWorksheet('重大故障')!.getRow(2).getCell(4);
    expect(fault.type).toBe(ExcelJS.ValueType.Date);
    expect(fault.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect((fault.value as Date).toISOString()).toBe('2025-06-12T09:30:00.000Z'); // the Beijing wall clock
    const due = wb.getWorksheet('巡检')!.getRow(9).getCell(1);
    expect([due.type, due.numFmt]).toEqual([ExcelJS.ValueType.Date, 'yyyy-mm-dd']);
  });
});
