// Work logged after the fact on a 390×844 phone: the engineer regains signal and records the
// arrival with "happened at" set earlier (and the reason the late entry needs); the arrival clock
// stops then, and the timeline shows when it happened and when it was logged.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { expectAccessible } from './support/a11y';
import { login, logout } from './support/auth';
import { PHONE, useBrowser } from './support/browser';
import { apiCall, projectIdByName } from './support/fieldwork';
import { flowSteps } from './support/flow';
import { t } from './support/i18n';
import { expectNoHorizontalScroll } from './support/layout';
import { PROJECT_A, expectClock, expectStatus, runAction } from './support/tickets';
import { gotoPage } from './support/ui';

const MIN = 60_000;
/** "YYYY-MM-DD HH:mm" in Beijing time, as the UI shows it. */
const beijing = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('arrival logged after the fact on a phone', () => {
  const session = useBrowser();
  const step = flowSteps();
  let page: Page;
  let ticket: { id: string; reportedAt: number };

  step('the dispatcher logs a call from 40 minutes ago and names the engineer', async () => {
    page = await session.newPage('phone', PHONE);
    await login(page, 'dispatcher');
    const projectId = await projectIdByName(page, PROJECT_A);
    const assigneeId = (await apiCall<{ id: string; username: string }[]>(page, 'GET', `/projects/${encodeURIComponent(projectId)}/assignees`)).find((u) => u.username === 'engineer')!.id;
    ticket = await apiCall(page, 'POST', '/tickets', {
      projectId, title: `机房空调告警 ${Date.now().toString(36)}`, description: '补录测试：到场时间', level: 1, channel: 'phone',
      reporterName: '陈科员', reporterPhone: '13800138001', reportedAt: Date.now() - 40 * MIN, assigneeId,
    });
    await logout(page);
  });

  step('the engineer records the arrival 25 minutes late, with the reason', async () => {
    await login(page, 'engineer');
    await gotoPage(page, `/tickets/${encodeURIComponent(ticket.id)}`);
    await expectStatus(page, 'assigned');
    const happened = ticket.reportedAt + 15 * MIN;
    await runAction(page, 'arrive', async (d) => {
      const picker = d.getByLabel(t('action.field.occurredAt'));
      await picker.click();
      await picker.fill(beijing(happened));
      await picker.press('Enter');
      // 25 minutes ago is past the 15-minute limit: the dialog asks why before the server would.
      await d.getByLabel(t('action.field.occurredAtReason')).fill('机房地下室无信号，出来后补录');
      await expectNoHorizontalScroll(page, 'arrive dialog with happened-at');
      await expectAccessible(page, 'arrive dialog with happened-at and its reason');
    });
    // 15 minutes after the report is within the 30-minute target, although it is logged after 40.
    await expectClock(page, 'arrival', 'met');
    const line = page.getByTestId('ticket-timeline').getByTestId('timeline-time').first();
    // "发生于 <happened>（登记于 <logged>）": the happened-at time first, then when it was logged.
    const [head] = t('timeline.occurred', { at: beijing(happened), logged: '@' }).split('@');
    await expect.poll(async () => (await line.innerText()).trim().startsWith(head!)).toBe(true);
    const logged = (await line.innerText()).trim().slice(head!.length).match(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)?.[0];
    expect(logged && logged >= beijing(ticket.reportedAt + 40 * MIN), `logged time in "${await line.innerText()}"`).toBe(true);
    await page.getByTestId('ticket-timeline').getByText('机房地下室无信号，出来后补录').waitFor();
    await expectNoHorizontalScroll(page, 'ticket detail after a late arrival');
  });
});
