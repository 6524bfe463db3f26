// Resident presence (/presence) and staffing (/staffing) at 390 px and on a desktop: axe-core finds
// no serious/critical violation, and on the phone nothing scrolls sideways — every tab, the plan
// form, the read-only views of the customer's lead and the manager's dialogs.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectAccessible } from './support/a11y';
import { apiLogin } from './support/auth';
import { PHONE, useBrowser } from './support/browser';
import { projectIdByName } from './support/fieldwork';
import { t } from './support/i18n';
import { expectNoHorizontalScroll } from './support/layout';
import { PROJECT_A } from './support/tickets';
import { gotoPage } from './support/ui';

describe('presence and staffing pages: axe and the 390 px layout', () => {
  const session = useBrowser({ closeAfterEach: true });

  /** axe, and at phone size no sideways scrolling. */
  async function check(page: Page, label: string): Promise<void> {
    await expect.poll(() => page.locator('main .ant-spin-spinning').count(), { timeout: 15_000 }).toBe(0);
    await expectAccessible(page, label);
    if ((page.viewportSize()?.width ?? 0) <= 400) await expectNoHorizontalScroll(page, label);
  }

  /** Day, month and plan tabs of /presence for project A. */
  async function presenceTabs(page: Page, projectId: string, who: string): Promise<void> {
    await gotoPage(page, `/presence?projectId=${projectId}`);
    await page.getByTestId('presence-summary').waitFor();
    await check(page, `/presence day (${who})`);
    await session.screenshot(page, `presence-day-${who}-${page.viewportSize()?.width}`, { fullPage: true });
    await page.getByTestId('presence-tab-month').click();
    await page.getByTestId('presence-chart').locator('canvas').waitFor();
    await check(page, `/presence month (${who})`);
    await session.screenshot(page, `presence-month-${who}-${page.viewportSize()?.width}`, { fullPage: true });
    await page.getByTestId('presence-tab-plan').click();
    await page.getByTestId(who === 'manager' ? 'plan-card' : 'plan-view').waitFor();
    await check(page, `/presence plan (${who})`);
    await session.screenshot(page, `presence-plan-${who}-${page.viewportSize()?.width}`, { fullPage: true });
  }

  test('manager at 390 px: every presence tab, the staffing page and its dialogs', async () => {
    const page = await session.newPage('manager-phone', PHONE);
    await apiLogin(page, 'manager');
    const projectId = await projectIdByName(page, PROJECT_A);
    await presenceTabs(page, projectId, 'manager');
    // the plan form with its validation messages
    const form = page.locator('form').filter({ has: page.getByTestId('plan-save') });
    await form.getByLabel(t('presence.headcount')).fill('');
    await form.getByTestId('plan-save').click();
    await page.getByText(t('common.required')).first().waitFor();
    await check(page, '/presence plan form with errors');

    await gotoPage(page, `/staffing?projectId=${projectId}`);
    await page.getByTestId('staffing-plan').waitFor();
    await page.getByTestId('engineer-row').first().waitFor();
    await check(page, '/staffing (manager) at 390 px');
    await session.screenshot(page, 'staffing-manager-phone', { fullPage: true });
    await page.getByTestId('staffing-edit').click();
    await page.getByTestId('staffing-form').waitFor();
    await page.getByTestId('assignment-add').click();
    await check(page, 'staffing dialog at 390 px');
    await session.screenshot(page, 'staffing-dialog-phone');
    await page.keyboard.press('Escape');
    await page.getByTestId('staffing-form').waitFor({ state: 'detached' });
    await page.getByTestId('engineer-edit').first().click();
    await page.getByTestId('profile-form').waitFor();
    await page.getByTestId('cert-add').click();
    await check(page, 'qualifications dialog at 390 px');
    await session.screenshot(page, 'profile-dialog-phone');
  });

  test('lead_a at 390 px: the read-only presence tabs and staffing page', async () => {
    const page = await session.newPage('lead-phone', PHONE);
    await apiLogin(page, 'lead_a');
    const projectId = await projectIdByName(page, PROJECT_A);
    await presenceTabs(page, projectId, 'lead_a');
    await gotoPage(page, '/staffing');
    await page.getByTestId('staffing-plan').waitFor();
    await check(page, '/staffing (lead_a) at 390 px');
  });

  test('manager on a desktop: the tables of both pages', async () => {
    const page = await session.newPage('manager-desktop');
    await apiLogin(page, 'manager');
    const projectId = await projectIdByName(page, PROJECT_A);
    await presenceTabs(page, projectId, 'manager');
    await gotoPage(page, `/staffing?projectId=${projectId}`);
    await page.getByTestId('staffing-plan').waitFor();
    await page.getByTestId('engineer-row').first().waitFor();
    await check(page, '/staffing (desktop)');
    await session.screenshot(page, 'staffing-desktop', { fullPage: true });
  });
});
