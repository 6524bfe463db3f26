// Acceptance item 10, desktop: the whole life of a phone-reported level-1 fault, as the three
// people involved see it — dispatcher (intake, dispatch), engineer (respond, arrive, resolve) and
// the customer (confirm in the portal) — with the SLA clocks and statuses asserted on the page.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { login, logout } from './support/auth';
import { DESKTOP, useBrowser } from './support/browser';
import { flowSteps } from './support/flow';
import { t } from './support/i18n';
import {
  CUSTOMER_A,
  PROJECT_A,
  expectClock,
  expectClocksCountingDown,
  expectStatus,
  findInList,
  openTab,
  phoneIntake,
  pickAssignee,
  runAction,
} from './support/tickets';
import { expectText, openFromMenu } from './support/ui';

describe('main path at desktop width (1366×900)', () => {
  const session = useBrowser();
  const step = flowSteps();
  let page: Page;
  let ticket: { id: string; number: string };
  const title = `核心业务系统瘫痪 ${Date.now().toString(36)}`;
  const solution = '更换故障电源模块，重启数据库服务，业务已恢复';

  step('dispatcher logs in and lands on their work: to dispatch and at risk first', async () => {
    page = await session.newPage('desktop', DESKTOP);
    await login(page, 'dispatcher');
    await page.waitForURL(/\/work$/);
    await expectText(page.locator('h1'), t('start.title'));
    await page.getByTestId('work-unassigned').waitFor();
  });

  step('phone intake of a level-1 fault lands on the ticket detail with three clocks counting down', async () => {
    ticket = await phoneIntake(page, {
      project: PROJECT_A,
      customer: CUSTOMER_A,
      reporterName: '陈科员',
      reporterPhone: '13800138000',
      level: 1,
      title,
      description: '政务服务网全部业务无法访问，数据库主机宕机',
      location: '省信息中心机房 3 楼',
    });
    await expectStatus(page, 'new');
    await expectText(page.getByTestId('ticket-title'), title);
    await expectText(page.locator('h1').getByTestId('level-tag'), t('level.short.1'));
    const info = page.getByTestId('ticket-info');
    await info.getByText(CUSTOMER_A, { exact: true }).waitFor();
    await info.getByText(PROJECT_A, { exact: true }).waitFor();
    await info.getByText(t('channel.phone'), { exact: true }).waitFor();
    await info.getByText(t('ticket.unassigned'), { exact: true }).waitFor();
    // R6–R10: 30 min response, 30 min on site, 2 h resolution, all from the call
    await expectClocksCountingDown(page, { response: 30, arrival: 30, resolution: 120 });
    await page.getByTestId('ticket-timeline').getByText(t('event.created'), { exact: true }).waitFor();
    await session.screenshot(page, 'desktop-ticket-new');
  });

  step('dispatcher dispatches the ticket to 张工', async () => {
    await runAction(page, 'dispatch', pickAssignee(page, '张工', 'engineer'));
    await expectStatus(page, 'assigned');
    await page.getByTestId('ticket-info').getByText('张工', { exact: true }).waitFor();
    // assignment is not a response: the response clock keeps running
    await expectClock(page, 'response', 'running');
    await page.getByTestId('ticket-timeline').getByText(t('action.dispatch'), { exact: true }).waitFor();
  });

  step('dispatcher logs out', async () => {
    await logout(page);
  });

  step('engineer logs in and opens the ticket from 我的待办', async () => {
    await login(page, 'engineer');
    await openFromMenu(page, t('nav.tickets'));
    await page.waitForURL(/\/tickets(\?.*)?$/);
    await openTab(page, 'mine', 'tab.mine');
    const row = await findInList(page, ticket.number);
    await expectText(row.getByTestId('status-tag'), t('status.assigned'));
    await row.getByTestId('ticket-link').click();
    await page.waitForURL((u) => u.pathname === `/tickets/${ticket.id}`);
    await expectStatus(page, 'assigned');
  });

  step('engineer responds: response clock met, status 处理中', async () => {
    await runAction(page, 'respond', (d) =>
      d.getByLabel(t('action.field.note')).fill('已电话联系报修人，正在赶往现场'),
    );
    await expectStatus(page, 'in_progress');
    await expectClock(page, 'response', 'met');
    await expectClock(page, 'arrival', 'running');
    await expectClock(page, 'resolution', 'running');
  });

  step('engineer checks in on site: arrival clock met', async () => {
    await runAction(page, 'arrive');
    await expectClock(page, 'arrival', 'met');
    await expectClock(page, 'resolution', 'running');
    await expectStatus(page, 'in_progress');
  });

  step('engineer resolves with a solution and a non-human cause: resolution clock met', async () => {
    await runAction(page, 'resolve', async (d) => {
      await d.getByLabel(t('action.field.solution')).fill(solution);
      await d.getByTestId('action-fault-cause-non_human').click();
    });
    await expectStatus(page, 'resolved');
    for (const k of ['response', 'arrival', 'resolution'] as const) await expectClock(page, k, 'met');
    const info = page.getByTestId('ticket-info');
    await info.getByText(solution, { exact: true }).waitFor();
    await info.getByText(t('faultCause.non_human'), { exact: true }).waitFor();
    await session.screenshot(page, 'desktop-ticket-resolved');
    await logout(page);
  });

  step('customer cust_a finds the ticket in the portal and confirms it: 已关闭', async () => {
    await login(page, 'cust_a');
    await page.waitForURL(/\/portal\/tickets/);
    await expectText(page.locator('h1'), t('nav.myTickets'));
    // a dispatcher logged this call, so it is under 本单位全部 rather than 我提交的
    await openTab(page, 'all', 'portalTab.all');
    const row = await findInList(page, ticket.number);
    await expectText(row.getByTestId('status-tag'), t('status.resolved'));
    await row.getByTestId('ticket-link').click();
    await page.waitForURL((u) => u.pathname === `/portal/tickets/${ticket.id}`);
    await expectStatus(page, 'resolved');
    for (const k of ['response', 'arrival', 'resolution'] as const) await expectClock(page, k, 'met');
    // billing facts are for the provider only
    expect(await page.getByTestId('ticket-info').innerText()).not.toContain(t('ticket.faultCause'));
    await runAction(page, 'confirm', (d) => d.getByTestId('action-rating-5').click());
    await expectStatus(page, 'closed');
    await page.getByTestId('ticket-timeline').getByText(t('action.confirm'), { exact: true }).waitFor();
    // and the portal list agrees
    await openFromMenu(page, t('nav.myTickets'));
    await openTab(page, 'all', 'portalTab.all');
    const closedRow = await findInList(page, ticket.number);
    await expectText(closedRow.getByTestId('status-tag'), t('status.closed'));
  });
});
