// The ticket queue as an admin table (issue 14, item 3), at 1280 px and 390 px, in zh-CN and en:
// sort by level (server-side, in the URL), change the page size, hide a column, select two rows and
// urge them in bulk (summary shown), save a named filter, `/` focuses the search and `j` the first
// row; axe with no serious/critical violation, also with the column settings open.
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { pageAudit } from './support/a11y';
import { PHONE, useBrowser } from './support/browser';
import { type Lang, t } from './support/i18n';
import { gotoPage } from './support/ui';

const DESK_1280: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const SIZES: [string, BrowserContextOptions][] = [
  ['1280', DESK_1280],
  ['390', PHONE],
];
const LANGS: Lang[] = ['zh-CN', 'en'];

const activeTestId = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-testid') ?? el?.closest('[data-testid]')?.getAttribute('data-testid') ?? null;
  });
const rows = (page: Page) => page.getByTestId('ticket-row');
/** The machine is shared: server round trips may take seconds. */
const WAIT = { timeout: 20_000 };

describe('ticket queue table', () => {
  const session = useBrowser({ closeAfterEach: true });
  const audit = pageAudit(session, 'queue-table');

  for (const [width, size] of SIZES) {
    for (const lang of LANGS) {
      test(`dispatcher at ${width} px in ${lang}: sort, page size, columns, bulk urge, saved filter, shortcuts`, async () => {
        const tr = (key: string, vars: Record<string, string | number> = {}) => t(key, vars, lang);
        const page = await audit.open('dispatcher', lang, size);
        await gotoPage(page, '/tickets?tab=all');
        await rows(page).first().waitFor();
        await expect.poll(() => page.getByTestId('queue-total').innerText(), WAIT).toMatch(/\d/);
        await audit.check(page, `queue ${width}`);

        // Titles are readable at 1280 px: the title column is far wider than a few characters.
        if (width === '1280') {
          const titleWidth = await rows(page)
            .first()
            .getByTestId('ticket-title')
            .evaluate((el) => el.closest('td')!.getBoundingClientRect().width);
          expect(titleWidth).toBeGreaterThan(240);
        }

        // The tabs are an ARIA tab list: arrow keys move to the next tab and switch the queue.
        await page.getByRole('tab', { name: tr('tab.all') }).focus();
        await page.keyboard.press('ArrowRight');
        await page.waitForURL((u) => u.searchParams.get('tab') === 'at_risk');
        await expect.poll(() => page.getByRole('tab', { selected: true }).innerText()).toBe(tr('tab.at_risk'));
        await page.keyboard.press('ArrowLeft');
        await page.waitForURL((u) => u.searchParams.get('tab') === 'all');
        await rows(page).first().waitFor();

        // Sort by level: a server-side order, kept in the URL; level 1 tickets come first.
        await page
          .locator('th', { hasText: tr('ticket.level') })
          .first()
          .click();
        await page.waitForURL((u) => u.searchParams.get('sort') === 'level');
        await expect
          .poll(() => page.getByTestId('ticket-row').first().getByTestId('level-tag').innerText(), WAIT)
          .toBe(tr('level.short.1'));

        // Page size 50 (a native select: its list is the browser's, outside the page).
        await page.getByTestId('page-size').selectOption('50');
        await page.waitForURL((u) => u.searchParams.get('size') === '50');
        await expect.poll(() => rows(page).count(), WAIT).toBeGreaterThan(20);

        // Hide the status column in the column settings (checked with the popover open).
        await page.getByTestId('column-settings').click();
        const list = page.getByTestId('column-settings-list');
        await list.waitFor();
        await audit.check(page, `queue ${width} column settings open`);
        await list.getByRole('checkbox', { name: tr('ticket.status') }).uncheck();
        await expect.poll(() => page.locator('th', { hasText: tr('ticket.status') }).count(), WAIT).toBe(0);
        await page.keyboard.press('Escape');
        await page.getByTestId('column-settings').click();

        // Select two assigned tickets and urge them: the summary names the outcome.
        await gotoPage(page, '/tickets?tab=all&status=assigned');
        await rows(page).nth(1).waitFor();
        for (const i of [0, 1]) await rows(page).nth(i).getByRole('checkbox').check();
        await page.getByTestId('bulk-bar').waitFor();
        await page.getByTestId('bulk-urge').click();
        await page.getByTestId('bulk-run').click();
        const summary = page.getByTestId('bulk-summary');
        await summary.waitFor();
        await expect.poll(() => summary.innerText(), WAIT).toContain(tr('queue.bulk.urge'));
        await audit.check(page, `queue ${width} bulk summary`);

        // Save the current filter under a name; it is listed in 我的筛选.
        const name = `${lang}-${width}-assigned`;
        await page.getByTestId('saved-filter-save').click();
        await page.getByTestId('saved-filter-name').fill(name);
        await page
          .getByRole('button', { name: tr('common.save') })
          .last()
          .click();
        await page.getByTestId('saved-filter-name').waitFor({ state: 'hidden' });
        await expect.poll(() => page.getByTestId('saved-filters').innerText(), WAIT).toContain(name);

        // Keyboard: `/` focuses the search box, `j` the first row's ticket link.
        await page.locator('h1').first().click();
        await page.keyboard.press('/');
        await expect.poll(() => activeTestId(page)).toBe('filter-q');
        await page.locator('h1').first().click();
        await page.keyboard.press('j');
        await expect.poll(() => activeTestId(page)).toBe('ticket-link');
        const first = await rows(page).first().getByTestId('ticket-link').innerText();
        await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement).innerText)).toBe(first);
        await page.keyboard.press('j');
        const second = await rows(page).nth(1).getByTestId('ticket-link').innerText();
        await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement).innerText)).toBe(second);
        await page.keyboard.press('Enter');
        await page.waitForURL(/\/tickets\/[^/?]+$/);
      }, 300_000);
    }
  }
});
