// The phone field flow at 390×844 (issue 14, item 6): the caller's details come first on the phone ticket
// page with a tel: link; the engineer checks in on that ticket and the O&M record written from the visit
// already names it; at intake the dispatcher types a known number and sees the caller's organisation and
// recent tickets, and one click fills the form. axe on each page.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { expectAccessible } from './support/a11y';
import { login, logout } from './support/auth';
import { PHONE, useBrowser } from './support/browser';
import { apiCall, ensureCheckedOut, projectIdByName } from './support/fieldwork';
import { flowSteps } from './support/flow';
import { t } from './support/i18n';
import { expectNoHorizontalScroll } from './support/layout';
import { CUSTOMER_A, PROJECT_A } from './support/tickets';
import { chooseOption, expectText, gotoPage } from './support/ui';

describe('phone field flow at 390 px: caller first, check-in ticket into the record, caller lookup at intake', () => {
  const session = useBrowser();
  const step = flowSteps();
  let page: Page;
  const suffix = Date.now().toString(36);
  // A number nobody else uses, so the lookup finds exactly this caller.
  const phone = `139${String(Date.now()).slice(-8)}`;
  const caller = `王处长${suffix}`;
  const place = `省信息中心 5 楼 ${suffix}`;
  let ticket: { id: string; number: string };

  step('the dispatcher logs a call for 张工 through the API', async () => {
    page = await session.newPage('phone', PHONE);
    await login(page, 'dispatcher');
    const projectId = await projectIdByName(page, PROJECT_A);
    const engineers = await apiCall<{ id: string; username: string }[]>(page, 'GET', `/projects/${projectId}/assignees`);
    const engineer = engineers.find((u) => u.username === 'engineer')!;
    ticket = await apiCall(page, 'POST', '/tickets', {
      projectId, title: `打印服务中断 ${suffix}`, level: 3, channel: 'phone', reporterName: caller, reporterPhone: phone, location: place,
      assigneeId: engineer.id,
    });
    await logout(page);
  });

  step('on the phone ticket page the caller (name, tel: link, organisation, place) comes before the actions', async () => {
    await login(page, 'engineer');
    await ensureCheckedOut(page);
    await gotoPage(page, `/tickets/${ticket.id}`);
    const card = page.getByTestId('caller-card');
    await card.waitFor();
    await expectText(card.getByTestId('caller-name'), caller);
    expect(await card.getByTestId('caller-phone').getAttribute('href')).toBe(`tel:${phone}`);
    await card.getByText(place, { exact: true }).waitFor();
    await card.getByText(CUSTOMER_A, { exact: false }).first().waitFor();
    const firstAction = page.locator('[data-testid^="action-"]').first();
    await firstAction.waitFor();
    const cardBox = (await card.boundingBox())!;
    const actionBox = (await firstAction.boundingBox())!;
    expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(actionBox.y);
    // The ticket's details also dial the reporter.
    expect(await page.getByTestId('reporter-phone').getAttribute('href')).toBe(`tel:${phone}`);
    await expectNoHorizontalScroll(page, 'phone ticket page');
    await expectAccessible(page, 'phone ticket page with the caller first');
  });

  step('checks in on that ticket; the record written from the visit already names it', async () => {
    await gotoPage(page, '/field');
    const form = page.locator('form').filter({ has: page.getByTestId('check-in-submit') });
    await chooseOption(page, form.getByRole('combobox', { name: t('field.project') }), `${PROJECT_A} (${CUSTOMER_A})`);
    await chooseOption(page, form.getByRole('combobox', { name: t('field.ticket') }), ticket.number);
    await form.getByLabel(t('field.location')).fill(place);
    // No position on this phone: check in without one.
    const geo = form.getByRole('switch', { name: t('field.useGeo') });
    if ((await geo.getAttribute('aria-checked')) === 'true') await geo.click();
    await form.getByTestId('check-in-submit').click();
    await page.getByTestId('current-visit').waitFor();
    await page.getByTestId('write-record').click();
    await page.waitForURL((u) => u.pathname === '/records/new');
    const tickets = page.getByTestId('record-tickets-input');
    await expect.poll(async () => (await tickets.innerText()).trim(), { timeout: 15_000 }).toContain(ticket.number);
    await expectNoHorizontalScroll(page, 'record editor from the visit');
    await expectAccessible(page, 'record editor with the check-in ticket');
    await ensureCheckedOut(page);
    await logout(page);
  });

  step('intake: typing a known number shows the caller, organisation and recent tickets; one click fills the form', async () => {
    await login(page, 'dispatcher');
    await gotoPage(page, '/intake');
    const form = page.locator('form').filter({ has: page.getByTestId('intake-submit') });
    await form.getByLabel(t('intake.reporterPhone')).fill(phone);
    const lookup = page.getByTestId('caller-lookup');
    await lookup.waitFor();
    await expectText(lookup.getByTestId('caller-lookup-name'), t('start.caller.lookupFound', { name: caller, org: CUSTOMER_A }));
    await lookup.getByTestId('caller-recent-ticket').filter({ hasText: ticket.number }).waitFor();
    expect(await lookup.getByTestId('caller-lookup-phone').getAttribute('href')).toBe(`tel:${phone}`);
    await lookup.getByTestId('caller-lookup-use').click();
    await expect.poll(() => form.getByLabel(t('intake.reporterName')).inputValue()).toBe(caller);
    await expect.poll(() => form.getByTestId('intake-project').innerText()).toContain(PROJECT_A);
    await expect.poll(() => form.getByLabel(t('intake.location')).inputValue()).toBe(place);
    await expectNoHorizontalScroll(page, 'intake with the caller lookup');
    await expectAccessible(page, 'intake with the caller lookup');
  });
});
