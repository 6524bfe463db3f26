// The ticket screens: intake, the queue, the detail page with its clocks and action dialogs.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { t } from './i18n';
import { chooseOption, expectAttr, expectText, openFromMenu } from './ui';

export const PROJECT_A = '省级政务信息系统运维项目';
export const CUSTOMER_A = '省信息中心';
export const CLOCKS = ['response', 'arrival', 'resolution'] as const;
export type ClockKind = (typeof CLOCKS)[number];
const COUNTDOWN = /^\d{2}:\d{2}:\d{2}$/;

export interface IntakeInput {
  project: string;
  customer: string;
  reporterName: string;
  reporterPhone: string;
  level: 1 | 2 | 3 | 4;
  title: string;
  description?: string;
  location?: string;
}

/** 电话报修 from the menu; returns the new ticket's id and number from the detail page it lands on. */
export async function phoneIntake(page: Page, input: IntakeInput): Promise<{ id: string; number: string }> {
  await openFromMenu(page, t('nav.intake'));
  await page.waitForURL(/\/intake$/);
  await expectText(page.locator('h1'), t('intake.title'));
  const form = page.locator('form').filter({ has: page.getByTestId('intake-submit') });
  await chooseOption(
    page,
    form.getByRole('combobox', { name: t('intake.project') }),
    `${input.project} (${input.customer})`,
  );
  // the form names the customer of the chosen project under the field
  await form.getByText(t('intake.customerIs', { name: input.customer })).waitFor();
  // channel defaults to 电话 (phone) on this screen
  expect(await form.locator('[data-testid=intake-channel]').innerText()).toContain(t('channel.phone'));
  await form.getByLabel(t('intake.reporterName')).fill(input.reporterName);
  await form.getByLabel(t('intake.reporterPhone')).fill(input.reporterPhone);
  await form.getByTestId(`intake-level-${input.level}`).click();
  await form.getByLabel(t('intake.ticketTitle')).fill(input.title);
  if (input.description) await form.getByLabel(t('intake.description')).fill(input.description);
  if (input.location) await form.getByLabel(t('intake.location')).fill(input.location);
  await form.getByTestId('intake-submit').click();
  await page.waitForURL(/\/tickets\/[^/]+$/);
  const detail = page.getByTestId('ticket-detail');
  await detail.waitFor();
  const id = (await detail.getAttribute('data-ticket-id'))!;
  const number = (await page.getByTestId('ticket-number').innerText()).trim();
  expect(number).toMatch(/^GD-\d{4}-\d{6}$/);
  expect(page.url()).toContain(encodeURIComponent(id));
  return { id, number };
}

/** Waits for the ticket detail page and its status (data attribute and the visible tag). */
export async function expectStatus(page: Page, status: string): Promise<void> {
  const detail = page.getByTestId('ticket-detail');
  await expectAttr(detail, 'data-status', status);
  await expectText(page.locator('h1').getByTestId('status-tag'), t(`status.${status}`));
}

export function clockCard(page: Page, kind: ClockKind): Locator {
  return page.getByTestId(`clock-${kind}`);
}

/** A clock card shows status `status`; met/breached/not-needed also show their word. */
export async function expectClock(
  page: Page,
  kind: ClockKind,
  status: 'running' | 'met' | 'breached' | 'paused' | 'not_needed',
): Promise<void> {
  const card = clockCard(page, kind);
  await expectAttr(card, 'data-status', status);
  await expectText(card.locator('h3'), t(`clock.kind.${kind}`));
  const value = page.getByTestId(`clock-${kind}-value`);
  if (status === 'running') expect((await value.innerText()).trim()).toMatch(COUNTDOWN);
  else if (status === 'not_needed' && kind === 'arrival') await expectText(value, t('clock.notNeededArrival'));
  else await expectText(value, t(`clock.status.${status}`));
}

/** All three clocks run and count down: hh:mm:ss, no more than `maxMinutes`, and ticking. */
export async function expectClocksCountingDown(page: Page, maxMinutes: Record<ClockKind, number>): Promise<void> {
  const read = async () =>
    Promise.all(CLOCKS.map(async (k) => (await page.getByTestId(`clock-${k}-value`).innerText()).trim()));
  for (const k of CLOCKS) await expectClock(page, k, 'running');
  const first = await read();
  first.forEach((v, i) => {
    expect(v, `${CLOCKS[i]} clock`).toMatch(COUNTDOWN);
    const [h, m, s] = v.split(':').map(Number) as [number, number, number];
    expect(h * 60 + m + s / 60, `${CLOCKS[i]} clock ${v}`).toBeLessThanOrEqual(maxMinutes[CLOCKS[i]!]);
    expect(h * 3600 + m * 60 + s, `${CLOCKS[i]} clock ${v}`).toBeGreaterThan(0);
  });
  await expect.poll(async () => (await read())[0], { timeout: 5000, interval: 300 }).not.toBe(first[0]);
}

/**
 * Runs a ticket action from the action bar: opens its dialog, lets `fill` complete the form (if the
 * action has one), goes to the second confirmation (二次确认) and confirms; waits for the dialog to close.
 */
export async function runAction(page: Page, action: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
  const bar = page.getByRole('group', { name: t('action.barLabel') });
  const button = bar.getByTestId(`action-${action}`);
  await expectText(button, t(`action.${action}`));
  await button.click();
  const modal = page.getByTestId('action-modal');
  await expectAttr(modal, 'data-action', action);
  const dialog = page.getByRole('dialog').filter({ has: modal });
  const confirm = dialog.getByTestId('action-confirm');
  if (fill) {
    await fill(dialog);
    await dialog.getByTestId('action-modal-ok').click();
  } else {
    // Only optional inputs (到场's "happened at" defaults to now): accept them. The form step of an
    // action without inputs may flash before its confirmation, so a missed click is no failure.
    const next = dialog.getByTestId('action-modal-ok');
    await confirm.or(next).first().waitFor();
    if (!(await confirm.isVisible())) await next.click({ timeout: 2000 }).catch(() => undefined);
  }
  await confirm.waitFor();
  const number = (await page.getByTestId('ticket-number').innerText()).trim();
  expect(await confirm.innerText()).toContain(t('action.confirmText', { action: t(`action.${action}`), number }));
  await dialog.getByTestId('action-confirm-ok').click();
  // The dialog closes on success; on a refusal the app shows an error toast and keeps it open.
  // Report that toast's text instead of a bare time-out, so a failure says what the server said.
  const toast = page.locator('.ant-message-error');
  const outcome = await Promise.race([
    modal.waitFor({ state: 'detached', timeout: 30_000 }).then(
      () => 'closed' as const,
      () => 'timeout' as const,
    ),
    // The loser keeps waiting; its time-out must not surface as an unhandled rejection.
    toast
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 })
      .then(
        () => 'error' as const,
        () => 'timeout' as const,
      ),
  ]);
  if (outcome === 'error') throw new Error(`action ${action} was refused: ${await toast.first().innerText()}`);
  if (outcome === 'timeout') throw new Error(`the ${action} dialog did not close within 30 s`);
}

/** Dispatch dialog: choose the engineer by display name. */
export const pickAssignee = (page: Page, displayName: string, username: string) => async (dialog: Locator) => {
  await chooseOption(
    page,
    dialog.getByRole('combobox', { name: t('action.field.assignee') }),
    `${displayName} (${username})`,
  );
};

/** Finds a ticket row by number in the current list, searching for it first; returns the row. */
export async function findInList(page: Page, number: string): Promise<Locator> {
  const search = page.getByLabel(t('filter.q'), { exact: true });
  await search.fill(number);
  await search.press('Enter');
  await page.waitForURL((u) => u.searchParams.get('q') === number);
  const row = page.getByTestId('ticket-row').filter({ hasText: number });
  return row;
}

/** Opens the tab `tab` of a queue (provider: tab.*, portal: portalTab.*). */
export async function openTab(page: Page, tab: string, labelKey: string): Promise<void> {
  const tabEl = page.getByRole('tab', { name: t(labelKey) });
  await tabEl.click();
  await expectAttr(tabEl, 'aria-selected', 'true');
  await page.waitForURL((u) => (u.searchParams.get('tab') ?? tab) === tab);
}
