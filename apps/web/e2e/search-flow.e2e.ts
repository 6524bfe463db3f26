// The header's global search (issue 14): the dispatcher finds a ticket by its number and by the caller's phone
// from any page and opens it — at 1280 and 390 px, in zh-CN and en, with axe run while the result list is open.
// The customer finds its own ticket and not another customer's; the auditor has no search box.
import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { expectAccessibleWithListOpen } from './support/dropdown-a11y';
import { login } from './support/auth';
import { PHONE, useBrowser } from './support/browser';
import { apiCall, projectIdByName } from './support/fieldwork';
import { type Lang, t } from './support/i18n';
import { PROJECT_A } from './support/tickets';

const DESK: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const run = Date.now().toString().slice(-7);
const PHONE_NO = `1390${run}`;
const TITLE = `检索测试-${run} 机房温度过高`;
interface Ticket {
  id: string;
  number: string;
}

describe('global search in the header', () => {
  const session = useBrowser({ closeAfterEach: true });
  let ticket: Ticket;
  let other: Ticket;

  beforeAll(async () => {
    const page = await session.newPage('setup');
    await login(page, 'dispatcher');
    const projectA = await projectIdByName(page, PROJECT_A);
    const projects = await apiCall<{ id: string; name: string }[]>(page, 'GET', '/projects');
    const projectB = projects.find((p) => p.id !== projectA)!.id;
    const input = { description: '来电', level: 3, channel: 'phone', reporterName: '检索人' };
    ticket = await apiCall<Ticket>(page, 'POST', '/tickets', {
      ...input,
      projectId: projectA,
      title: TITLE,
      reporterPhone: PHONE_NO,
    });
    other = await apiCall<Ticket>(page, 'POST', '/tickets', {
      ...input,
      projectId: projectB,
      title: `检索测试-${run} 另一客户`,
      reporterPhone: `1391${run}`,
    });
  }, 60_000);

  async function open(user: string, size: BrowserContextOptions, lang: Lang): Promise<Page> {
    const page = await session.newPage(`${user}-${lang}-${size.viewport?.width}`, size);
    if (lang === 'en') await page.context().addInitScript(() => localStorage.setItem('weibao.lang', 'en'));
    await login(page, user);
    return page;
  }

  /** Types into the header box (on a phone, behind the search icon) and returns the visible result list. */
  async function type(page: Page, text: string, lang: Lang) {
    if ((page.viewportSize()?.width ?? 0) < 992) {
      await page.getByRole('button', { name: t('search.open', {}, lang) }).click();
    }
    const box = page.getByRole('combobox', { name: t('search.label', {}, lang) });
    await box.fill(text);
    const list = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await list.waitFor();
    return list;
  }

  for (const [size, sizeName] of [
    [DESK, '1280'],
    [PHONE, '390'],
  ] as const) {
    for (const lang of ['zh-CN', 'en'] as const) {
      test(`the dispatcher finds a ticket by number and by phone and opens it (${sizeName} px, ${lang})`, async () => {
        const page = await open('dispatcher', size, lang);
        let list = await type(page, ticket.number, lang);
        await expect
          .poll(() => list.locator('.ant-select-item-option', { hasText: ticket.number }).count(), { timeout: 15_000 })
          .toBe(1);
        await expect.poll(() => list.textContent()).toContain(t('search.group.tickets', {}, lang));
        await expectAccessibleWithListOpen(page, `search results open (${sizeName} px, ${lang})`);
        await session.screenshot(page, `search ${ticket.number} ${sizeName} ${lang}`);
        await list.locator('.ant-select-item-option', { hasText: ticket.number }).click();
        await page.waitForURL(new RegExp(`/tickets/${ticket.id}$`));
        await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain(TITLE);

        list = await type(page, PHONE_NO.slice(0, 9), lang);
        const hit = list.locator('.ant-select-item-option', { hasText: ticket.number });
        await hit.waitFor({ timeout: 15_000 });
        await page.goto('/dashboard');
        list = await type(page, PHONE_NO, lang);
        await list.locator('.ant-select-item-option', { hasText: ticket.number }).click();
        await page.waitForURL(new RegExp(`/tickets/${ticket.id}$`));
      });
    }
  }

  test("a customer finds its own ticket and never another customer's; the auditor has no search box", async () => {
    const page = await open('cust_a', PHONE, 'zh-CN');
    const list = await type(page, `检索测试-${run}`, 'zh-CN');
    await list.locator('.ant-select-item-option', { hasText: ticket.number }).waitFor({ timeout: 15_000 });
    expect(await list.locator('.ant-select-item-option', { hasText: other.number }).count()).toBe(0);
    await list.locator('.ant-select-item-option', { hasText: ticket.number }).click();
    await page.waitForURL(new RegExp(`/portal/tickets/${ticket.id}$`));
    const none = await type(page, other.number, 'zh-CN');
    await expect.poll(() => none.textContent(), { timeout: 15_000 }).toContain(t('search.empty'));

    const auditor = await open('auditor', DESK, 'zh-CN');
    await auditor.waitForURL(/\/audit$/);
    expect(await auditor.getByRole('combobox', { name: t('search.label') }).count()).toBe(0);
  });
});
