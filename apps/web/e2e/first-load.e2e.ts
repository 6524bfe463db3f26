// Fast, quiet first load (issue 14, item 7) and the notification centre (item 5):
// - /login loads with no console error and no failed request (the session probe answers 200 when
//   signed out), and the JavaScript it transfers (encoded bytes of the script responses) stays ≤ 350 KB;
// - a ticket that has no rating yet opens with no console error (the rating probe answers 200 null);
// - the queue paints its layout, tabs and rows while antd's chunk is held back, and antd is requested
//   only after the rows' data has arrived (then the filters and the header widgets appear);
// - the notification centre at 1280 and 390 px in zh-CN and en: the bell links to it, repeated customer
//   messages on one ticket read as one group line, the kind filter (axe with its dropdown open) and
//   mark-all-read in one request, axe on the page.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible, pageAudit } from './support/a11y';
import { login } from './support/auth';
import { DESKTOP, type BrowserSession, useBrowser } from './support/browser';
import { apiCall, projectIdByName } from './support/fieldwork';
import { type Lang, t } from './support/i18n';
import { PROJECT_A } from './support/tickets';

const LOGIN_JS_BUDGET = 350 * 1024;

/** Console errors and failed (≥ 400) responses of a page from now on. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return problems;
}

async function quiet(session: BrowserSession, name: string) {
  const page = await session.newPage(name, DESKTOP);
  return { page, problems: watchProblems(page) };
}

describe('first load: quiet console, small login bundle', () => {
  const session = useBrowser({ closeAfterEach: true });

  test('the login page loads without a console error or failed request, and transfers ≤ 350 KB of JavaScript', async () => {
    const { page, problems } = await quiet(session, 'login');
    const scripts: Promise<number>[] = [];
    page.on('requestfinished', (req) => {
      if (req.resourceType() === 'script') scripts.push(req.sizes().then((s) => s.responseBodySize));
    });
    await page.goto('/login', { waitUntil: 'networkidle' });
    await page.getByTestId('login-submit').waitFor();
    const bytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
    console.log(`[first-load] /login: ${scripts.length} scripts, ${(bytes / 1024).toFixed(1)} KB transferred`);
    expect(scripts.length).toBeGreaterThan(0);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(LOGIN_JS_BUDGET);
    expect(problems).toEqual([]);
  });

  test('an unrated ticket opens without a console error or failed request', async () => {
    const { page, problems } = await quiet(session, 'dispatcher');
    await login(page, 'dispatcher');
    const projectId = await projectIdByName(page, PROJECT_A);
    const tk = await apiCall<{ id: string; number: string }>(page, 'POST', '/tickets', {
      projectId,
      title: `未评价首载 ${Date.now().toString(36)}`,
      description: '首载测试',
      level: 4,
      channel: 'phone',
      reporterName: '陈科员',
      reporterPhone: '13800000000',
    });
    problems.length = 0;
    await page.goto(`/tickets/${tk.id}`, { waitUntil: 'networkidle' });
    await page.getByText(tk.number).first().waitFor();
    await expect.poll(() => page.locator('main .ant-spin-spinning').count(), { timeout: 15_000 }).toBe(0);
    expect(problems).toEqual([]);
  });

  test('the queue paints its rows without antd, and antd is requested only after the rows have arrived', async () => {
    const { page, problems } = await quiet(session, 'queue-first');
    await login(page, 'dispatcher');
    const events: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // antd's chunk (vite.config.ts names it) waits until the test lets it through.
    await page.route(/\/assets\/antd-[\w-]+\.js$/, async (route) => {
      events.push('antd requested');
      await held;
      await route.continue();
    });
    page.on('requestfinished', (r) => {
      if (new URL(r.url()).pathname === '/api/v1/tickets') events.push('rows arrived');
    });
    await page.goto('/tickets?tab=all');
    await page.getByTestId('ticket-row').first().waitFor();
    // Layout, tabs, table and pager are on screen; antd's parts are not.
    await page.getByRole('navigation', { name: t('nav.main') }).waitFor();
    await page.getByRole('tab', { name: t('tab.all'), selected: true }).waitFor();
    await page.getByTestId('page-next').waitFor();
    expect(await page.locator('.ant-select').count()).toBe(0);
    expect(await page.getByTestId('user-menu').count()).toBe(0);
    release();
    await page.getByTestId('filter-q').waitFor();
    await page.getByTestId('user-menu').waitFor();
    expect(events.indexOf('rows arrived')).toBeGreaterThanOrEqual(0);
    expect(events.indexOf('antd requested')).toBeGreaterThan(events.indexOf('rows arrived'));
    expect(problems).toEqual([]);
  });
});

describe('notification centre at 1280 and 390 px, zh-CN and en', () => {
  const session = useBrowser({ closeAfterEach: true });
  const { open, check } = pageAudit(session, 'notify', { signIn: 'ui' });
  let ticket: { id: string; number: string };

  // closeAfterEach closes every page after a test, the setup's too: each test signs cust_a in again.
  const customerPage = async () => {
    const page = await session.newPage('cust_a', DESKTOP);
    await login(page, 'cust_a');
    return page;
  };

  beforeAll(async () => {
    const cust = await session.newPage('setup-cust_a', DESKTOP);
    const disp = await session.newPage('setup-dispatcher', DESKTOP);
    const eng = await session.newPage('setup-engineer2', DESKTOP);
    for (const [page, user] of [
      [cust, 'cust_a'],
      [disp, 'dispatcher'],
      [eng, 'engineer2'],
    ] as const)
      await login(page, user);
    const projectId = await projectIdByName(cust, PROJECT_A);
    ticket = await apiCall(cust, 'POST', '/tickets', {
      projectId,
      title: `通知合并 ${Date.now().toString(36)}`,
      description: '客户多次留言',
      level: 3,
      channel: 'web',
      reporterName: '陈科员',
      reporterPhone: '13800000000',
    });
    const me = await apiCall<{ id: string }>(eng, 'GET', '/auth/me');
    await apiCall(disp, 'POST', `/tickets/${ticket.id}/actions`, { action: 'dispatch', assigneeId: me.id });
  }, 300_000);

  const sizes = [
    ['1280', { viewport: { width: 1280, height: 900 } }],
    ['390', undefined],
  ] as const;
  for (const lang of ['zh-CN', 'en'] as Lang[]) {
    for (const [label, size] of sizes) {
      test(`${label} px, ${lang}: grouped lines, kind filter, mark all read`, async () => {
        // Three fresh customer messages: engineer2 has unread notifications, grouped on one line.
        const cust = await customerPage();
        for (let i = 0; i < 3; i++)
          await apiCall(cust, 'POST', `/tickets/${ticket.id}/comments`, {
            body: `第 ${i + 1} 条留言 ${lang} ${label}`,
          });
        const page = size ? await open('engineer2', lang, size) : await open('engineer2', lang);
        await page.getByTestId('notification-bell').click();
        await page.getByTestId('notification-centre-link').click();
        await page.waitForURL((u) => u.pathname === '/notifications');
        await page.getByRole('heading', { level: 1, name: t('notify.title', {}, lang) }).waitFor();
        // Inside main: the bell's popover keeps its own (hidden) list mounted once opened.
        const centre = page.locator('main');
        const group = centre.locator('[data-testid="notification-item"][data-kind="ticket.comment"]').first();
        await group.waitFor();
        expect(Number(await group.getAttribute('data-count'))).toBeGreaterThanOrEqual(3);
        expect(await group.getByTestId('notification-group').textContent()).toContain(ticket.number);
        await check(page, `notification centre ${label}`);

        // The kind filter: axe with its dropdown open, then only that kind is listed.
        await page.getByRole('combobox', { name: t('notify.kindFilter', {}, lang) }).click();
        const option = page
          .locator('.ant-select-item-option')
          .filter({ hasText: t('notify.kind.ticket_comment', {}, lang) });
        await option.waitFor();
        await expectAccessible(page, `notification kind filter open ${label} ${lang}`);
        await option.click();
        await page.waitForURL((u) => u.searchParams.get('kind') === 'ticket.comment');
        const kinds = () =>
          centre
            .getByTestId('notification-item')
            .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-kind')))]);
        await expect.poll(kinds, { timeout: 15_000 }).toEqual(['ticket.comment']);

        // Mark all read: one request, then nothing unread.
        const readAll: string[] = [];
        page.on('request', (r) => {
          if (r.url().includes('/api/v1/notifications/') && r.method() === 'POST') readAll.push(r.url());
        });
        await page.getByTestId('centre-read-all').click();
        await expect
          .poll(() => centre.locator('[data-testid="notification-item"][data-unread="1"]').count(), { timeout: 15_000 })
          .toBe(0);
        expect(readAll.map((u) => new URL(u).pathname)).toEqual(['/api/v1/notifications/read-all']);
        const summary = await apiCall<{ unread: number }>(page, 'GET', '/notifications/summary');
        expect(summary.unread).toBe(0);
        await expect
          .poll(() => page.getByTestId('notification-bell').getAttribute('aria-label'), { timeout: 20_000 })
          .toBe(t('notifications.bell', { n: 0 }, lang));
        // The visible button of antd's radio (its input is hidden under it).
        await centre.locator('label.ant-radio-button-wrapper', { hasText: t('notify.unread', {}, lang) }).click();
        await page.waitForURL((u) => u.searchParams.get('state') === 'unread');
        await centre.getByText(t('notifications.empty', {}, lang)).waitFor();
        await check(page, `notification centre all read ${label}`);
      }, 300_000);
    }
  }
});
