// The auditor's view (issue 14): the operator is picked by name, actions read as words, targets as numbers and
// names; the filtered log exports to Excel and CSV; the hash chain is verified on demand and the result shown.
// axe on the page, with the action list open and with the verification result, at 1280 px (zh-CN) and 390 px (en).
import ExcelJS from 'exceljs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { AUDIT_ACTION_LABELS } from '../../../packages/schema/src/audit-actions';
import { expectAccessible } from './support/a11y';
import { expectAccessibleWithListOpen } from './support/dropdown-a11y';
import { download } from './support/assets';
import { login, logout } from './support/auth';
import { PHONE, useBrowser } from './support/browser';
import { apiCall, projectIdByName } from './support/fieldwork';
import { type Lang, t } from './support/i18n';
import { expectNoHorizontalScroll } from './support/layout';
import { PROJECT_A } from './support/tickets';
import { pickExact } from './support/ui';

const DESK: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const word = (action: string, lang: Lang = 'zh-CN') => AUDIT_ACTION_LABELS[action]![lang];

describe('the audit view for the auditor', () => {
  const session = useBrowser({ closeAfterEach: true });
  let ticket: { id: string; number: string; title: string };

  beforeAll(async () => {
    const page = await session.newPage('setup');
    await login(page, 'engineer');
    await logout(page);
    await login(page, 'dispatcher');
    const projectId = await projectIdByName(page, PROJECT_A);
    ticket = await apiCall(page, 'POST', '/tickets', {
      projectId,
      title: `审计视图-${Date.now().toString(36)}`,
      description: '来电',
      level: 3,
      channel: 'phone',
      reporterName: '某人',
      reporterPhone: '13800001111',
    });
  }, 60_000);

  async function open(size: BrowserContextOptions, lang: Lang): Promise<Page> {
    const page = await session.newPage(`auditor-${lang}-${size.viewport?.width}`, size);
    if (lang === 'en') await page.context().addInitScript(() => localStorage.setItem('weibao.lang', 'en'));
    await login(page, 'auditor');
    await page.waitForURL(/\/audit$/);
    await page.getByTestId('audit-row').first().waitFor({ timeout: 15_000 });
    return page;
  }

  async function filter(page: Page, f: { person?: string; action?: string }, lang: Lang = 'zh-CN') {
    const form = page.getByRole('search', { name: t('filter.title', {}, lang) });
    await form.getByRole('button', { name: t('filter.reset', {}, lang) }).click();
    if (f.person) {
      const picker = form.getByRole('combobox', { name: t('audit.operator', {}, lang), exact: true });
      await picker.click();
      await picker.fill(f.person);
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: f.person })
        .first()
        .click();
    }
    if (f.action)
      await pickExact(
        page,
        form.getByRole('combobox', { name: t('audit.action', {}, lang), exact: true }),
        word(f.action, lang),
      );
    const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/audit');
    await form.getByTestId('audit-search').click();
    expect((await answer).status()).toBe(200);
    await page.getByTestId('audit-row').first().waitFor({ timeout: 10_000 });
    return page.getByTestId('audit-row').allInnerTexts();
  }

  test("filters by the operator's name, shows words and names, exports Excel and CSV, verifies the chain (1280 px)", async () => {
    const page = await open(DESK, 'zh-CN');
    const rows = await filter(page, { person: '张工', action: 'auth.login' });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toContain('张工');
      expect(row).toContain(word('auth.login'));
      expect(row).not.toContain('auth.login');
    }
    const created = await filter(page, { action: 'ticket.create' });
    expect(created.some((r) => r.includes(ticket.number) && r.includes(word('ticket.create')))).toBe(true);

    // The action list open: axe must pass with it too.
    const actionBox = page.getByRole('search').getByRole('combobox', { name: t('audit.action'), exact: true });
    // The chosen action is drawn over the input (and the sticky header may overlap it): open the list from the keyboard.
    await actionBox.focus();
    await page.keyboard.press('ArrowDown');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor();
    await expectAccessibleWithListOpen(page, 'audit view with the action list open (1280 px, zh-CN)');
    await page.keyboard.press('Escape');

    const xlsx = await download(page, page.getByTestId('audit-export-xlsx'));
    expect(xlsx.name).toBe('audit-log.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as never);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '序号',
      '时间（北京时间）',
      '操作人',
      '角色',
      'IP 地址',
      '操作',
      '对象',
      '摘要',
      '结果',
    ]);
    const lines: string[] = [];
    sheet.eachRow((r, n) => {
      if (n > 1) lines.push((r.values as unknown[]).slice(1).map(String).join('|'));
    });
    // The export holds every matching row, not only the page on screen (the demo's history has more than a page).
    type AuditPage = { items: unknown[]; nextCursor: string | null };
    let matching = 0;
    let cursor: string | null = null;
    do {
      const query = `/audit?action=ticket.create&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const got: AuditPage = await apiCall<AuditPage>(page, 'GET', query);
      matching += got.items.length;
      cursor = got.nextCursor;
    } while (cursor);
    expect(lines.length).toBeGreaterThanOrEqual(created.length);
    expect(lines.length).toBe(matching);
    expect(lines.some((l) => l.includes(ticket.number) && l.includes(word('ticket.create')))).toBe(true);
    const csv = await download(page, page.getByTestId('audit-export-csv'));
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF序号,')).toBe(true);
    expect(text).toContain(`,${word('ticket.create')},${ticket.number} ${ticket.title},`);

    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor({ timeout: 60_000 });
    await expect.poll(() => result.textContent()).toMatch(new RegExp(t('audit.verifyOk', { checked: '\\d+' })));
    await expectAccessible(page, 'audit view with the verification result (1280 px, zh-CN)');
    await session.screenshot(page, 'audit view verified', { fullPage: true });
    // The export and the verification are themselves in the log, as words.
    const mine = await filter(page, { person: '审计管理员' });
    expect(mine.some((r) => r.includes(word('audit.verify')))).toBe(true);
    expect(mine.some((r) => r.includes(word('audit.export')))).toBe(true);
  });

  test('on a phone in English: words, verification and axe, nothing scrolls sideways', async () => {
    const page = await open(PHONE, 'en');
    const rows = await filter(page, { action: 'auth.login' }, 'en');
    expect(rows.every((r) => r.includes(word('auth.login', 'en')))).toBe(true);
    await page.getByTestId('audit-verify').click();
    await page.getByTestId('audit-verify-result').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('audit-verify-result').textContent()).toContain('Log intact');
    await expectAccessible(page, 'audit view (390 px, en)');
    await expectNoHorizontalScroll(page, 'audit view (390 px, en)');
  });
});
