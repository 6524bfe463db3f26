// axe-core on the main pages, each as the role that uses it: no "serious" or "critical" violation.
// Also the language switch: English labels after switching, Chinese again after switching back.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectAccessible } from './support/a11y';
import { apiLogin, login } from './support/auth';
import { PHONE, useBrowser } from './support/browser';
import { en, t } from './support/i18n';
import { expectText, gotoPage, menuLabels } from './support/ui';

describe('accessibility (axe-core: no serious/critical violations)', () => {
  const session = useBrowser({ closeAfterEach: true });

  /** Opens the first ticket row of a list and waits for the detail page with its panels loaded. */
  async function openFirstTicket(page: Page): Promise<void> {
    const link = page.getByTestId('ticket-row').first().getByTestId('ticket-link');
    await link.click();
    await page.getByTestId('ticket-detail').waitFor();
    await page.getByTestId('ticket-timeline').waitFor();
    await page.getByTestId('clock-history').waitFor();
  }

  test('login page', async () => {
    const page = await session.newPage('anonymous');
    await page.goto('/login');
    await page.getByTestId('login-submit').waitFor();
    await expectText(page.locator('h1'), t('auth.loginTitle'));
    await expectAccessible(page, 'login page');
    // a failed sign-in shows its reason, which must be accessible too
    await page.getByTestId('login-username').fill('dispatcher');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    await expectAccessible(page, 'login page with error');
  });

  test('dispatcher: dashboard, queue, intake form, ticket detail and an action dialog', async () => {
    const page = await session.newPage('dispatcher');
    await login(page, 'dispatcher');
    // The dispatcher starts on 我的工作 (待分派, 即将超时); the dashboard is one menu entry away.
    await page.waitForURL((u) => u.pathname === '/work');
    await page.getByTestId('work-unassigned').waitFor();
    await expectAccessible(page, 'my work');
    await gotoPage(page, '/dashboard');
    await page.getByTestId('stat-open').waitFor();
    await expectAccessible(page, 'dashboard');

    await gotoPage(page, '/tickets?tab=all');
    await page.getByTestId('ticket-row').first().waitFor();
    await expectAccessible(page, 'ticket queue');

    await gotoPage(page, '/intake');
    await page.getByTestId('intake-submit').waitFor();
    await expectAccessible(page, 'intake form');
    // with the validation messages shown
    await page.getByTestId('intake-submit').click();
    await page.getByText(t('common.required')).first().waitFor();
    await expectAccessible(page, 'intake form with errors');

    await gotoPage(page, '/tickets?tab=all&status=new');
    await openFirstTicket(page);
    await expectAccessible(page, 'ticket detail');
    await page.getByTestId('action-dispatch').click();
    await page.getByTestId('action-modal').waitFor();
    await expectAccessible(page, 'dispatch dialog');
    await page.keyboard.press('Escape');
    await page.getByTestId('action-modal').waitFor({ state: 'detached' });
  });

  test('customer: portal list, a ticket in the portal, report form, change password', async () => {
    const page = await session.newPage('cust_a');
    await apiLogin(page, 'cust_a');
    await gotoPage(page, '/portal/tickets?tab=all');
    await page.getByTestId('ticket-row').first().waitFor();
    await expectAccessible(page, 'portal list');
    await openFirstTicket(page);
    await expectAccessible(page, 'portal ticket detail');
    await gotoPage(page, '/portal/report');
    await page.getByTestId('report-submit').waitFor();
    await expectAccessible(page, 'portal report form');
    await gotoPage(page, '/change-password');
    await page.getByTestId('pwd-submit').waitFor();
    await expectAccessible(page, 'change password');
  });

  test('system admin: customers, projects, contracts with the SLA editor, users', async () => {
    const page = await session.newPage('admin');
    await login(page, 'admin');
    await page.waitForURL(/\/admin\/customers$/);
    await page.getByTestId('org-row').first().waitFor();
    await expectAccessible(page, 'admin customers');
    await gotoPage(page, '/admin/projects');
    await page.getByTestId('project-row').first().waitFor();
    await expectAccessible(page, 'admin projects');
    await page
      .getByTestId('project-row')
      .first()
      .getByRole('link', { name: t('admin.contracts') })
      .click();
    await page.waitForURL(/\/contracts$/);
    await page.getByTestId('contract-row').first().waitFor();
    await expectAccessible(page, 'admin contracts');
    await page.getByTestId('contract-row').first().getByTestId('contract-edit').click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'contract drawer (SLA targets and calendar)');
    await page.keyboard.press('Escape');
    await gotoPage(page, '/admin/users');
    await page.getByTestId('user-row').first().waitFor();
    await expectAccessible(page, 'admin users');
  });

  test('security admin: users, roles dialog, security policy', async () => {
    const page = await session.newPage('secadmin');
    await login(page, 'secadmin');
    await page.waitForURL(/\/admin\/users$/);
    await page.getByTestId('user-row').first().waitFor();
    await expectAccessible(page, 'users (security admin)');
    await page.getByTestId('user-roles-edit').first().click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'assign roles dialog');
    await gotoPage(page, '/admin/security');
    await page.getByTestId('security-save').waitFor();
    await expectAccessible(page, 'security policy');
  });

  test('auditor: audit log', async () => {
    const page = await session.newPage('auditor');
    await login(page, 'auditor');
    await page.waitForURL(/\/audit$/);
    await page.getByTestId('audit-row').first().waitFor();
    await expectAccessible(page, 'audit log');
  });

  test('phone (390 px): queue, ticket detail and the menu drawer', async () => {
    const page = await session.newPage('phone', PHONE);
    await apiLogin(page, 'dispatcher');
    await gotoPage(page, '/tickets?tab=all');
    await page.getByTestId('ticket-row').first().waitFor();
    await expectAccessible(page, 'queue at 390 px');
    await openFirstTicket(page);
    await expectAccessible(page, 'ticket detail at 390 px');
    await page.getByTestId('nav-open').click();
    await page
      .getByRole('navigation', { name: t('nav.main') })
      .filter({ visible: true })
      .waitFor();
    await expectAccessible(page, 'menu drawer at 390 px');
  });
});

describe('language switch', () => {
  const session = useBrowser();

  test('English labels after switching, on the login page and after signing in; back to Chinese', async () => {
    const page = await session.newPage('english');
    await page.goto('/login');
    await expectText(page.locator('h1'), t('auth.loginTitle'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    // A native select (the sign-in page loads no antd), in the header too.
    await page.getByRole('combobox', { name: t('header.language') }).selectOption({ label: t('lang.en') });
    await expectText(page.locator('h1'), en('auth.loginTitle'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectText(page.getByTestId('login-submit'), en('auth.login'));
    await page.getByLabel(en('auth.username')).waitFor();
    await page.getByLabel(en('auth.password'), { exact: true }).waitFor();
    expect(await page.title()).toContain(en('app.name'));
    await expectAccessible(page, 'login page in English');

    await login(page, 'dispatcher');
    await expectText(page.locator('h1'), en('start.title'));
    const labels = await menuLabels(page);
    expect(labels).toEqual(expect.arrayContaining([en('nav.dashboard'), en('nav.tickets'), en('nav.intake')]));
    await gotoPage(page, '/tickets?tab=all');
    await page.getByRole('tab', { name: en('tab.mine') }).waitFor();
    await page.getByRole('tab', { name: en('tab.at_risk') }).waitFor();
    await page.getByTestId('ticket-row').first().getByTestId('ticket-link').click();
    await expectText(page.getByTestId('clock-response').locator('h3'), en('clock.kind.response'));
    await expectText(page.getByTestId('clock-resolution').locator('h3'), en('clock.kind.resolution'));
    await expectAccessible(page, 'ticket detail in English');
    await session.screenshot(page, 'desktop-ticket-english');

    await page.getByRole('combobox', { name: en('header.language') }).selectOption({ label: t('lang.zhCN') });
    await expectText(page.getByTestId('clock-response').locator('h3'), t('clock.kind.response'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await menuLabels(page)).toEqual(
      expect.arrayContaining([t('nav.dashboard'), t('nav.tickets'), t('nav.intake')]),
    );
  });
});
