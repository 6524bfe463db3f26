// Each role starts where its work is (issue 14, item 4): the dispatcher on 待分派 and 即将超时, the engineer
// (390 px) on today's tickets, visits and inspections, the customer's lead on the records awaiting signature;
// menu badges with the server's counts; the chosen project remembered across pages; the grouped staff menu;
// customers see only what they use. In zh-CN and en, with axe (also with the phone drawer open).
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectAccessible, pageAudit } from './support/a11y';
import { login } from './support/auth';
import { DESKTOP, PHONE, useBrowser } from './support/browser';
import { apiCall, createSubmittedRecord, ensureCheckedOut } from './support/fieldwork';
import { t, type Lang } from './support/i18n';
import { PROJECT_A } from './support/tickets';
import { chooseOption, expectText, gotoPage, mainNav, menuLabels } from './support/ui';

type Badges = { unassigned?: number; toSign?: number; inspectionsDue?: number };
const badgeText = (n: number) => (n > 99 ? '99+' : String(n));

/** The badge drawn on the menu entry `label` (or none when the count is 0) matches the server's count. */
async function expectMenuBadge(page: Page, label: string, count: number | undefined): Promise<void> {
  const entry = mainNav(page).getByRole('link', { name: label }).first();
  await entry.waitFor();
  const badge = entry.getByTestId('menu-badge');
  if (!count) {
    expect(await badge.count(), `${label}: no badge for 0`).toBe(0);
    return;
  }
  await expectText(badge, badgeText(count));
}

/** Waits until the locator's text contains `text`. */
async function expectContains(locator: Locator, text: string): Promise<void> {
  await expect
    .poll(async () => ((await locator.count()) ? await locator.first().innerText() : ''), { timeout: 15_000 })
    .toContain(text);
}

/** Group titles of the visible main menu (服务台, 现场 …). */
async function groupTitles(page: Page): Promise<string[]> {
  const titles = page.locator('[data-testid="main-menu"] .side-menu-group-title').filter({ visible: true });
  await titles.first().waitFor();
  return (await titles.allInnerTexts()).map((s) => s.trim());
}

describe('start pages: each role lands on its work, with badges, a remembered project and a grouped menu', () => {
  const session = useBrowser({ closeAfterEach: true });
  const audit = pageAudit(session, 'start', { signIn: 'ui' });

  for (const lang of ['zh-CN', 'en'] as Lang[]) {
    const tr = (key: string, vars: Record<string, string | number> = {}) => t(key, vars, lang);

    test(`dispatcher at 1280 px (${lang}): lands on 待分派 and 即将超时, badge, grouped menu, project remembered`, async () => {
      const page = await audit.open('dispatcher', lang, { ...DESKTOP, viewport: { width: 1280, height: 900 } });
      await page.waitForURL((u) => u.pathname === '/work');
      await expectText(page.locator('h1'), tr('start.title'));
      const sections = page.locator('section[data-testid^="work-"]');
      await page.getByTestId('work-unassigned').waitFor();
      // To dispatch first, then at risk; not an empty "mine" tab.
      expect(await sections.evaluateAll((s) => s.map((x) => x.getAttribute('data-testid')))).toEqual([
        'work-unassigned',
        'work-at-risk',
      ]);
      await expectContains(page.getByTestId('work-unassigned').locator('h2'), tr('start.unassigned'));
      const badges = await apiCall<Badges>(page, 'GET', '/me/badges');
      expect(Object.keys(badges)).toEqual(['unassigned']);
      await expectMenuBadge(page, tr('nav.tickets'), badges.unassigned);
      expect(await groupTitles(page)).toEqual(
        ['desk', 'field', 'assets', 'inspections', 'training', 'reports'].map((g) => tr(`start.group.${g}`)),
      );
      await audit.check(page, 'my work (dispatcher)');

      // The project chosen on one page opens the next one; no "请先选择项目".
      await gotoPage(page, '/presence');
      await chooseOption(page, page.getByRole('combobox', { name: tr('filter.project') }), PROJECT_A);
      const projectId = await page.evaluate(() => new URL(location.href).searchParams.get('projectId'));
      expect(projectId).toBeTruthy();
      for (const path of ['/assets', '/staffing']) {
        await gotoPage(page, path);
        await page.waitForURL((u) => u.searchParams.get('projectId') === projectId);
        await expectContains(page.locator('main .project-picker'), PROJECT_A);
        expect(await page.getByText(tr('common.chooseProjectFirst'), { exact: true }).count(), path).toBe(0);
      }
    });

    test(`engineer at 390 px (${lang}): today's tickets, visits and inspections; the phone drawer's menu passes axe`, async () => {
      const page = await audit.open('engineer', lang, PHONE);
      await ensureCheckedOut(page);
      await page.waitForURL((u) => u.pathname === '/work');
      for (const id of ['work-my-tickets', 'work-visits', 'work-inspections']) await page.getByTestId(id).waitFor();
      // Not the company-wide dashboard.
      expect(await page.getByTestId('stat-open').count()).toBe(0);
      await audit.check(page, 'my work (engineer)');
      const badges = await apiCall<Badges>(page, 'GET', '/me/badges');
      expect(Object.keys(badges)).toEqual(['inspectionsDue']);
      await page.getByTestId('nav-open').click();
      await expectMenuBadge(page, tr('nav.inspections'), badges.inspectionsDue);
      expect(await groupTitles(page)).toContain(tr('start.group.field'));
      await expectAccessible(page, `engineer's menu drawer (${lang})`);
      await page.keyboard.press('Escape');
    });

    test(`customer lead (${lang}): records awaiting signature first, with the 待签字 badge`, async () => {
      const engineer = await session.newPage('engineer-api', DESKTOP);
      await login(engineer, 'engineer');
      const record = await createSubmittedRecord(engineer, PROJECT_A, `待签字首页 ${lang} ${Date.now().toString(36)}`);
      const page = await audit.open('lead_a', lang, DESKTOP);
      await page.waitForURL((u) => u.pathname === '/work');
      const toSign = page.getByTestId('work-to-sign');
      await toSign.getByTestId('record-row').filter({ hasText: record.number }).waitFor();
      const badges = await apiCall<Badges>(page, 'GET', '/me/badges');
      expect(Object.keys(badges)).toEqual(['toSign']);
      expect(badges.toSign).toBeGreaterThan(0);
      await expectMenuBadge(page, tr('nav.records'), badges.toSign);
      await expectContains(toSign.locator('h2'), `(${badgeText(badges.toSign!)})`);
      await audit.check(page, 'my work (lead_a)');
      // Nothing a reporting user has no use for; the lead's reports are there.
      const labels = await menuLabels(page);
      expect(labels).toEqual(
        expect.arrayContaining([tr('start.nav'), tr('nav.records'), tr('reports.nav.monthlyReports')]),
      );
      expect(labels).not.toContain(tr('nav.dashboard'));
    });
  }

  test('a reporting customer sees only what they use, and 报修 has their one project chosen', async () => {
    const page = await audit.open('cust_a', 'zh-CN', PHONE);
    await page.waitForURL((u) => u.pathname === '/portal/tickets');
    const labels = await menuLabels(page);
    expect(labels).toEqual(
      expect.arrayContaining([t('nav.report'), t('nav.myTickets'), t('nav.records'), t('nav.assets')]),
    );
    for (const hidden of [
      'nav.dashboard',
      'nav.staffing',
      'nav.presence',
      'nav.repairPoints',
      'nav.costs',
      'start.nav',
      'training.nav',
    ]) {
      expect(labels, hidden).not.toContain(t(hidden));
    }
    await gotoPage(page, '/portal/report');
    await expectContains(page.getByTestId('report-project'), PROJECT_A);
    await audit.check(page, '报修 with the project preselected');
  });
});
