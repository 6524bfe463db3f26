// Work logged after the fact on a 390×844 phone: the engineer regains signal and records the
// arrival with "happened at" set earlier (and the reason the late entry needs); the arrival clock
// stops then, and the timeline shows when it happened and when it was logged. The same for a site
// check-in that is the arrival: the check-in page offers "happened at" too.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { expectAccessible } from './support/a11y';
import { login, logout } from './support/auth';
import { PHONE, useBrowser } from './support/browser';
import { apiCall, ensureCheckedOut, projectIdByName } from './support/fieldwork';
import { flowSteps } from './support/flow';
import { t } from './support/i18n';
import { expectNoHorizontalScroll } from './support/layout';
import { CUSTOMER_A, PROJECT_A, expectClock, expectStatus, runAction } from './support/tickets';
import { chooseOption, gotoPage } from './support/ui';

const MIN = 60_000;
/** "YYYY-MM-DD HH:mm" in Beijing time, as the UI shows it. */
const beijing = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The newest timeline line reads "发生于 <happened>（登记于 <logged>）", logged no earlier than `loggedFrom`. */
async function expectHappenedAndLogged(page: Page, happened: number, loggedFrom: number): Promise<void> {
  const line = page.getByTestId('ticket-timeline').getByTestId('timeline-time').first();
  const [head] = t('timeline.occurred', { at: beijing(happened), logged: '@' }).split('@');
  await expect.poll(async () => (await line.innerText()).trim().startsWith(head!)).toBe(true);
  const logged = (await line.innerText())
    .trim()
    .slice(head!.length)
    .match(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)?.[0];
  expect(logged && logged >= beijing(loggedFrom), `logged time in "${await line.innerText()}"`).toBe(true);
}

describe('arrival logged after the fact on a phone', () => {
  const session = useBrowser();
  const step = flowSteps();
  let page: Page;
  let ticket: { id: string; reportedAt: number };
  let onSite: { id: string; number: string; reportedAt: number };

  // Reported 20 minutes ago: inside the 30-minute targets, so no breach is raised at intake (a raised
  // breach stays a breach, however early the arrival is later said to have been).
  step('the dispatcher logs a call from 20 minutes ago and names the engineer', async () => {
    page = await session.newPage('phone', PHONE);
    await login(page, 'dispatcher');
    const projectId = await projectIdByName(page, PROJECT_A);
    const assigneeId = (
      await apiCall<{ id: string; username: string }[]>(
        page,
        'GET',
        `/projects/${encodeURIComponent(projectId)}/assignees`,
      )
    ).find((u) => u.username === 'engineer')!.id;
    ticket = await apiCall(page, 'POST', '/tickets', {
      projectId,
      title: `机房空调告警 ${Date.now().toString(36)}`,
      description: '补录测试：到场时间',
      level: 1,
      channel: 'phone',
      reporterName: '陈科员',
      reporterPhone: '13800138001',
      reportedAt: Date.now() - 20 * MIN,
      assigneeId,
    });
    onSite = await apiCall(page, 'POST', '/tickets', {
      projectId,
      title: `UPS 电池告警 ${Date.now().toString(36)}`,
      description: '补录测试：签到即到场',
      level: 1,
      channel: 'phone',
      reporterName: '陈科员',
      reporterPhone: '13800138001',
      reportedAt: Date.now() - 20 * MIN,
      assigneeId,
    });
    await logout(page);
  });

  step('the engineer records the arrival 17 minutes late, with the reason', async () => {
    await login(page, 'engineer');
    await gotoPage(page, `/tickets/${encodeURIComponent(ticket.id)}`);
    await expectStatus(page, 'assigned');
    const happened = ticket.reportedAt + 3 * MIN;
    await runAction(page, 'arrive', async (d) => {
      const picker = d.getByLabel(t('action.field.occurredAt'));
      await picker.click();
      await picker.fill(beijing(happened));
      await picker.press('Enter');
      // 17 minutes ago is past the 15-minute limit: the dialog asks why before the server would.
      await d.getByLabel(t('action.field.occurredAtReason')).fill('机房地下室无信号，出来后补录');
      await expectNoHorizontalScroll(page, 'arrive dialog with happened-at');
      await expectAccessible(page, 'arrive dialog with happened-at and its reason');
    });
    // 3 minutes after the report is within the 30-minute target, and stays so: the clock stopped then.
    await expectClock(page, 'arrival', 'met');
    // "发生于 <happened>（登记于 <logged>）": the happened-at time first, then when it was logged.
    await expectHappenedAndLogged(page, happened, ticket.reportedAt + 20 * MIN);
    await page.getByTestId('ticket-timeline').getByText('机房地下室无信号，出来后补录').waitFor();
    await expectNoHorizontalScroll(page, 'ticket detail after a late arrival');
  });

  step(
    'the engineer checks in on site as the other ticket\'s arrival, with "happened at" 2 minutes after the report',
    async () => {
      await ensureCheckedOut(page); // an earlier failed run must not leave a visit open
      await gotoPage(page, '/field');
      const form = page.locator('form').filter({ has: page.getByTestId('check-in-submit') });
      await form.waitFor();
      // No ticket chosen: a plain check-in is when it is made, nothing to back-date.
      expect(await form.getByLabel(t('action.field.occurredAt')).count()).toBe(0);
      await chooseOption(
        page,
        form.getByRole('combobox', { name: t('field.project') }),
        `${PROJECT_A} (${CUSTOMER_A})`,
      );
      await chooseOption(page, form.getByRole('combobox', { name: t('field.ticket') }), onSite.number);
      // 18 minutes ago or more: past the 15-minute limit, so the form asks for the reason.
      const happened = onSite.reportedAt + 2 * MIN;
      const picker = form.getByLabel(t('action.field.occurredAt'));
      await picker.click();
      await picker.fill(beijing(happened));
      await picker.press('Enter');
      await form.getByLabel(t('action.field.occurredAtReason')).fill('配电室无信号，出来后补签到');
      await form.getByLabel(t('field.location')).fill('省信息中心配电室');
      const geo = form.getByRole('switch', { name: t('field.useGeo') });
      if ((await geo.getAttribute('aria-checked')) === 'true') await geo.click();
      await expectNoHorizontalScroll(page, 'check-in as the arrival with happened-at');
      await expectAccessible(page, 'check-in as the arrival with happened-at and its reason');
      await form.getByTestId('check-in-submit').click();
      // The visit starts when the engineer arrived, not when the phone regained signal.
      const current = page.getByTestId('current-visit');
      await current.waitFor();
      await current.getByText(beijing(happened), { exact: true }).waitFor();
      await ensureCheckedOut(page);
      // The ticket's arrival stopped then (within the 30-minute target); its timeline shows both times.
      await gotoPage(page, `/tickets/${encodeURIComponent(onSite.id)}`);
      await expectClock(page, 'arrival', 'met');
      await expectHappenedAndLogged(page, happened, onSite.reportedAt + 20 * MIN);
      await page.getByTestId('ticket-timeline').getByText('配电室无信号，出来后补签到').waitFor();
    },
  );
});
