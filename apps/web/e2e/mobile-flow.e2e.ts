// The main flow on a 390×844 phone: intake (with immediate dispatch) by the dispatcher, respond /
// arrive / resolve by the engineer, confirm by the customer — and no page along the way may
// scroll sideways (document.documentElement.scrollWidth <= window.innerWidth).
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { login, logout } from './support/auth';
import { PHONE, useBrowser } from './support/browser';
import { flowSteps } from './support/flow';
import { t } from './support/i18n';
import { expectNoHorizontalScroll } from './support/layout';
import {
  CUSTOMER_A,
  PROJECT_A,
  expectClock,
  expectClocksCountingDown,
  expectStatus,
  findInList,
  openTab,
  runAction,
} from './support/tickets';
import { chooseOption, expectText, gotoPage, openFromMenu } from './support/ui';

describe('main flow on a 390×844 phone', () => {
  const session = useBrowser();
  const step = flowSteps();
  let page: Page;
  let ticket: { id: string; number: string };
  const title = `统一认证接口超时 ${Date.now().toString(36)}`;

  /** Every page visited is checked once its content is there. */
  const fits = (label: string) => expectNoHorizontalScroll(page, label);

  step('the login page and the dispatcher dashboard fit the phone', async () => {
    page = await session.newPage('phone', PHONE);
    await page.goto('/login');
    await page.getByTestId('login-submit').waitFor();
    expect(await page.evaluate(() => window.innerWidth)).toBe(390);
    await fits('login page');
    await session.screenshot(page, 'phone-login');
    await login(page, 'dispatcher');
    await page.waitForURL(/\/work$/); // a dispatcher starts on their work; the dashboard is one click away
    await page.getByTestId('work-unassigned').waitFor();
    await fits('my work');
    await gotoPage(page, '/dashboard');
    await page.getByTestId('stat-open').waitFor();
    // on a phone the side menu is a drawer behind the hamburger
    await page.getByTestId('nav-open').waitFor();
    await fits('dashboard');
  });

  step('dispatcher takes the call on the phone intake form and dispatches at once', async () => {
    await openFromMenu(page, t('nav.intake'));
    await page.waitForURL(/\/intake$/);
    const form = page.locator('form').filter({ has: page.getByTestId('intake-submit') });
    await form.getByTestId('intake-level-1').waitFor();
    await fits('intake form');
    await session.screenshot(page, 'phone-intake');
    await chooseOption(page, form.getByRole('combobox', { name: t('intake.project') }), `${PROJECT_A} (${CUSTOMER_A})`);
    await form.getByLabel(t('intake.reporterName')).fill('陈科员');
    await form.getByLabel(t('intake.reporterPhone')).fill('13800138001');
    await form.getByTestId('intake-level-1').click();
    await form.getByLabel(t('intake.ticketTitle')).fill(title);
    await chooseOption(page, form.getByRole('combobox', { name: t('intake.assignee') }), '张工 (engineer)');
    await fits('intake form, filled in');
    await form.getByTestId('intake-submit').click();
    await page.waitForURL(/\/tickets\/[^/]+$/);
    const detail = page.getByTestId('ticket-detail');
    await detail.waitFor();
    ticket = {
      id: (await detail.getAttribute('data-ticket-id'))!,
      number: (await page.getByTestId('ticket-number').innerText()).trim(),
    };
    await expectStatus(page, 'assigned');
    await page.getByTestId('ticket-info').getByText('张工', { exact: true }).waitFor();
    await expectClocksCountingDown(page, { response: 30, arrival: 30, resolution: 120 });
    await page.getByTestId('ticket-timeline').waitFor();
    await fits('ticket detail (new)');
    await session.screenshot(page, 'phone-ticket-assigned');
    await logout(page);
  });

  step('engineer finds it in 我的待办 on the phone', async () => {
    await login(page, 'engineer');
    await openFromMenu(page, t('nav.tickets'));
    await page.waitForURL(/\/tickets(\?.*)?$/);
    await openTab(page, 'mine', 'tab.mine');
    await page.getByTestId('ticket-row').first().waitFor();
    await fits('queue 我的待办');
    await session.screenshot(page, 'phone-queue');
    const row = await findInList(page, ticket.number);
    await expectText(row.getByTestId('status-tag'), t('status.assigned'));
    await fits('queue, searched');
    await row.getByTestId('ticket-link').click();
    await page.waitForURL((u) => u.pathname === `/tickets/${ticket.id}`);
    await expectStatus(page, 'assigned');
    await fits('ticket detail (assigned)');
  });

  step('engineer responds, arrives and resolves on the phone', async () => {
    await runAction(page, 'respond', async (d) => {
      await d.getByLabel(t('action.field.note')).fill('已电话联系');
      await fits('respond dialog');
    });
    await expectStatus(page, 'in_progress');
    await expectClock(page, 'response', 'met');
    await fits('ticket detail (in progress)');
    await runAction(page, 'arrive');
    await expectClock(page, 'arrival', 'met');
    await runAction(page, 'resolve', async (d) => {
      await d.getByLabel(t('action.field.solution')).fill('重启认证服务并扩容连接池');
      await d.getByTestId('action-fault-cause-non_human').click();
      await fits('resolve dialog');
    });
    await expectStatus(page, 'resolved');
    await expectClock(page, 'resolution', 'met');
    await fits('ticket detail (resolved)');
    await logout(page);
  });

  step('customer confirms in the portal on the phone', async () => {
    await login(page, 'cust_a');
    await page.waitForURL(/\/portal\/tickets/);
    await openTab(page, 'all', 'portalTab.all');
    await page.getByTestId('ticket-row').first().waitFor();
    await fits('portal list');
    await session.screenshot(page, 'phone-portal');
    const row = await findInList(page, ticket.number);
    await expectText(row.getByTestId('status-tag'), t('status.resolved'));
    await row.getByTestId('ticket-link').click();
    await page.waitForURL((u) => u.pathname === `/portal/tickets/${ticket.id}`);
    await expectStatus(page, 'resolved');
    await fits('portal ticket detail');
    await runAction(page, 'confirm', async (d) => {
      await d.getByTestId('action-rating-4').click();
      await fits('confirm dialog');
    });
    await expectStatus(page, 'closed');
    await fits('portal ticket detail (closed)');
    await session.screenshot(page, 'phone-ticket-closed');
  });
});

describe('the other pages on a 390×844 phone', () => {
  const session = useBrowser({ closeAfterEach: true });

  /** Signs in as `username` on a phone and checks each page once `ready` (a test id) shows. */
  async function pagesFit(username: string, pages: [path: string, ready: string][]): Promise<void> {
    const page = await session.newPage(username, PHONE);
    await login(page, username);
    for (const [path, ready] of pages) {
      await gotoPage(page, path);
      await page.getByTestId(ready).first().waitFor();
      await expectNoHorizontalScroll(page, `${path} as ${username}`);
    }
  }

  test('dispatcher: all tickets, at risk, dashboard', () =>
    pagesFit('dispatcher', [
      ['/tickets?tab=all', 'ticket-row'],
      ['/tickets?tab=at_risk', 'filter-q'],
      ['/dashboard', 'stat-breached'],
    ]));

  test('customer: report form, change password', () =>
    pagesFit('cust_a', [
      ['/portal/report', 'report-submit'],
      ['/change-password', 'pwd-submit'],
    ]));

  test('system admin: customers, projects, users', async () => {
    await pagesFit('admin', [
      ['/admin/customers', 'org-row'],
      ['/admin/projects', 'project-row'],
      ['/admin/users', 'user-row'],
    ]);
  });

  test('system admin: a contract and its SLA drawer', async () => {
    const page = await session.newPage('admin-contract', PHONE);
    await login(page, 'admin');
    await gotoPage(page, '/admin/projects');
    await page.getByTestId('project-row').first().getByTestId('project-contracts').click();
    await page.getByTestId('contract-row').first().waitFor();
    await expectNoHorizontalScroll(page, 'contracts');
    await page.getByTestId('contract-row').first().getByTestId('contract-edit').click();
    await page.getByRole('dialog').waitFor();
    await expectNoHorizontalScroll(page, 'contract drawer');
  });

  test('security admin: users, security policy; auditor: audit log', async () => {
    await pagesFit('secadmin', [
      ['/admin/users', 'user-row'],
      ['/admin/security', 'security-save'],
    ]);
    await pagesFit('auditor', [['/audit', 'audit-row']]);
  });
});
