// 等保 audit: the auditor sees the sign-ins (and a failed one) of the people in the flow in the
// audit log view; the system admin and security admin (三员分立) do not get the audit page at all.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { failedLogin, login, logout, type Me } from './support/auth';
import { useBrowser } from './support/browser';
import { flowSteps } from './support/flow';
import { t } from './support/i18n';
import { chooseOption, expectText, gotoPage, menuLabels } from './support/ui';

describe('audit log', () => {
  const session = useBrowser();
  const step = flowSteps();
  const people: Me[] = [];
  let page: Page;

  step('dispatcher, engineer and customer sign in and out; the engineer mistypes the password once', async () => {
    page = await session.newPage('flow');
    for (const username of ['dispatcher', 'engineer', 'cust_a']) {
      if (username === 'engineer') expect(await failedLogin(page, username, 'not-the-password')).not.toBe('');
      people.push(await login(page, username));
      await logout(page);
    }
  });

  /** Filters the audit view by action (and actor id) and returns the visible rows' texts. */
  async function search(p: Page, filter: { action?: string; actorId?: string; result?: 'success' | 'failure' }): Promise<string[]> {
    const form = p.getByRole('search', { name: t('filter.title') });
    await form.getByRole('button', { name: t('filter.reset') }).click();
    if (filter.actorId) await form.getByLabel(t('audit.actorId'), { exact: true }).fill(filter.actorId);
    if (filter.action) await form.getByLabel(t('audit.action'), { exact: true }).fill(filter.action);
    if (filter.result) await chooseOption(p, form.getByRole('combobox', { name: t('audit.resultTitle') }), t(`audit.result.${filter.result}`), { search: false });
    const answer = p.waitForResponse((r) => r.url().includes('/api/v1/audit') && (!filter.action || r.url().includes(encodeURIComponent(filter.action))));
    await form.getByTestId('audit-search').click();
    expect((await answer).status()).toBe(200);
    await p.getByTestId('audit-row').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
    return p.getByTestId('audit-row').allInnerTexts();
  }

  let auditor: Page;
  step('the auditor lands on the audit log and sees each of those sign-ins and sign-outs', async () => {
    auditor = await session.newPage('auditor');
    await login(auditor, 'auditor');
    await auditor.waitForURL(/\/audit$/);
    await expectText(auditor.locator('h1'), t('nav.audit'));
    // the auditor's menu is the audit log and nothing else
    expect(await menuLabels(auditor)).toEqual([t('nav.audit')]);
    for (const who of people) {
      const logins = await search(auditor, { action: 'auth.login', actorId: who.id, result: 'success' });
      expect(logins.length, `auth.login rows for ${who.username}`).toBeGreaterThan(0);
      for (const row of logins) {
        expect(row).toContain(who.displayName);
        expect(row).toContain('auth.login');
        expect(row).toContain(t('audit.result.success'));
      }
      const logouts = await search(auditor, { action: 'auth.logout', actorId: who.id });
      expect(logouts.length, `auth.logout rows for ${who.username}`).toBeGreaterThan(0);
      for (const row of logouts) {
        expect(row).toContain(who.displayName);
        expect(row).toContain('auth.logout');
      }
    }
  });

  step('the auditor sees the failed sign-in', async () => {
    const engineer = people.find((p) => p.username === 'engineer')!;
    const failures = await search(auditor, { action: 'auth.login', actorId: engineer.id, result: 'failure' });
    expect(failures.length).toBeGreaterThan(0);
    for (const row of failures) {
      expect(row).toContain(engineer.displayName);
      expect(row).toContain(t('audit.result.failure'));
    }
  });

  step('the system admin and the security admin get no audit page', async () => {
    for (const username of ['admin', 'secadmin']) {
      const p = await session.newPage(username);
      await login(p, username);
      expect(await menuLabels(p), `${username} menu`).not.toContain(t('nav.audit'));
      await gotoPage(p, '/audit');
      await expectText(p.locator('h1'), t('error.forbiddenTitle'));
      expect(await p.getByTestId('audit-row').count()).toBe(0);
      const r = await p.request.get('/api/v1/audit');
      expect(r.status(), `GET /api/v1/audit as ${username}`).toBe(403);
    }
  });
});
