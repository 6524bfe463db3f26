// 三员分立 in the security admin's role picker (等保 8.1.5; the server's ROLE_CONFLICT): a system
// admin, security admin or auditor role is granted alone, so the picker never holds it together with
// another role — choosing one replaces the rest, choosing another role removes it — and says so.
import type { Locator, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { expectAccessible } from './support/a11y';
import { login } from './support/auth';
import { DESKTOP, useBrowser } from './support/browser';
import { flowSteps } from './support/flow';
import { t } from './support/i18n';
import { chooseOption, expectText } from './support/ui';

describe('role picker: a 三员 role cannot be combined with another role', () => {
  const session = useBrowser();
  const step = flowSteps();
  let page: Page;
  let roles: Locator;
  /** The role tags the picker holds now. */
  const chosen = () =>
    roles
      .locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]')
      .locator('.ant-select-selection-item')
      .allInnerTexts()
      .then((a) => a.map((s) => s.trim()).sort());
  const pick = async (role: string) => {
    await chooseOption(page, roles, t(`role.${role}`), { search: false }); // the picker filters by value, not by label
    await page.keyboard.press('Escape'); // close the multi-select's dropdown, not the dialog
  };

  step("the security admin opens the engineer's roles", async () => {
    page = await session.newPage('secadmin', DESKTOP);
    await login(page, 'secadmin');
    await page.waitForURL(/\/admin\/users$/);
    const row = page.getByTestId('user-row').filter({ has: page.getByRole('cell', { name: 'engineer', exact: true }) });
    await row.getByTestId('user-roles-edit').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    roles = dialog.getByRole('combobox', { name: t('user.roles') });
    await expect.poll(chosen).toEqual([t('role.engineer')]);
    await dialog.getByText(t('user.triadHint')).waitFor();
  });

  step('choosing the auditor replaces the business roles; choosing a business role removes the auditor', async () => {
    await pick('auditor');
    await expect.poll(chosen).toEqual([t('role.auditor')]);
    await pick('dispatcher');
    await expect.poll(chosen).toEqual([t('role.dispatcher')]);
    // Business roles still combine.
    await pick('engineer');
    await expect.poll(chosen).toEqual([t('role.dispatcher'), t('role.engineer')].sort());
    // Nor do two 三员 roles: the security admin replaces the system admin.
    await pick('sys_admin');
    await expect.poll(chosen).toEqual([t('role.sys_admin')]);
    await pick('security_admin');
    await expect.poll(chosen).toEqual([t('role.security_admin')]);
    await expectAccessible(page, 'assign roles dialog with the 三员 hint');
    // Nothing is saved: the engineer keeps the roles the demo data gave him.
    await page
      .getByRole('dialog')
      .getByRole('button', { name: t('common.cancel') })
      .click();
    const row = page.getByTestId('user-row').filter({ has: page.getByRole('cell', { name: 'engineer', exact: true }) });
    await expectText(row.getByRole('cell').filter({ hasText: t('role.engineer') }), t('role.engineer'));
  });
});
