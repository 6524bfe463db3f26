// Customers only ever see their own organisation: a ticket of 省信息中心 (cust_a) is invisible to
// 市自然资源局 (cust_b) in the portal list and by direct URL (not found, not the data).
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { login } from './support/auth';
import { useBrowser } from './support/browser';
import { flowSteps } from './support/flow';
import { t } from './support/i18n';
import { CUSTOMER_A, PROJECT_A, expectStatus, findInList, openTab } from './support/tickets';
import { chooseOption, expectText, openFromMenu } from './support/ui';

describe('customer isolation', () => {
  const session = useBrowser();
  const step = flowSteps();
  const title = `内网门户无法打开 ${Date.now().toString(36)}`;
  let ticket: { id: string; number: string };

  step('cust_a reports a fault through the portal (我要报修)', async () => {
    const page = await session.newPage('cust_a');
    await login(page, 'cust_a');
    await openFromMenu(page, t('nav.report'));
    await page.waitForURL(/\/portal\/report$/);
    await expectText(page.locator('h1'), t('portal.reportTitle'));
    const form = page.locator('form').filter({ has: page.getByTestId('report-submit') });
    // a customer with one project gets it preselected; choose it explicitly either way
    await chooseOption(page, form.getByRole('combobox', { name: t('portal.project') }), PROJECT_A, { search: false });
    await form.getByTestId('report-level-3').click();
    await form.getByLabel(t('portal.faultTitle')).fill(title);
    await form.getByLabel(t('portal.description')).fill('内网门户首页一直转圈，其他系统正常');
    await form.getByLabel(t('portal.phone')).fill('13900139000');
    await form.getByTestId('report-submit').click();
    await page.waitForURL(/\/portal\/tickets\/[^/]+$/);
    const detail = page.getByTestId('ticket-detail');
    await detail.waitFor();
    ticket = {
      id: (await detail.getAttribute('data-ticket-id'))!,
      number: (await page.getByTestId('ticket-number').innerText()).trim(),
    };
    await expectStatus(page, 'new');
    await page.getByTestId('ticket-info').getByText(CUSTOMER_A, { exact: true }).waitFor();
    await page.getByTestId('ticket-info').getByText(t('channel.web'), { exact: true }).waitFor();
    // and it is in 我提交的
    await openFromMenu(page, t('nav.myTickets'));
    await openTab(page, 'created', 'portalTab.created');
    await (await findInList(page, ticket.number)).waitFor();
  });

  let pageB: Page;
  step('cust_b does not see it in the portal list, neither by search nor among all of its tickets', async () => {
    pageB = await session.newPage('cust_b');
    const me = await login(pageB, 'cust_b');
    expect(me.orgName).not.toBe(CUSTOMER_A);
    await pageB.waitForURL(/\/portal\/tickets/);
    await openTab(pageB, 'all', 'portalTab.all');
    const rows = pageB.getByTestId('ticket-row');
    await rows.first().waitFor(); // cust_b's organisation has tickets of its own
    const all = await rows.allInnerTexts();
    expect(all.length).toBeGreaterThan(0);
    for (const text of all) {
      expect(text).not.toContain(ticket.number);
      expect(text).not.toContain(CUSTOMER_A);
      expect(text).toContain(me.orgName);
    }
    const found = await findInList(pageB, ticket.number);
    await pageB.getByText(t('ticket.empty'), { exact: true }).waitFor();
    expect(await found.count()).toBe(0);
    expect(await pageB.locator('main').innerText()).not.toContain(title);
  });

  step('cust_b opening the ticket URL directly gets not-found, not the data', async () => {
    await pageB.goto(`/portal/tickets/${encodeURIComponent(ticket.id)}`);
    await expectText(pageB.locator('h1'), t('ticket.notFound'));
    expect(await pageB.getByTestId('ticket-detail').count()).toBe(0);
    const body = await pageB.locator('body').innerText();
    expect(body).not.toContain(title);
    expect(body).not.toContain(ticket.number);
    // the API says the same: 404, nothing of the ticket in the answer
    for (const path of ['', '/timeline', '/comments', '/attachments', '/clock-history']) {
      const r = await pageB.request.get(`/api/v1/tickets/${encodeURIComponent(ticket.id)}${path}`);
      expect(r.status(), `GET /tickets/:id${path} as cust_b`).toBe(404);
      expect(await r.text()).not.toContain(title);
    }
    // the provider's URL for the same ticket is not a way around it
    await pageB.goto(`/tickets/${encodeURIComponent(ticket.id)}`);
    await expectText(pageB.locator('h1'), t('error.forbiddenTitle'));
    expect(await pageB.locator('body').innerText()).not.toContain(title);
  });
});
