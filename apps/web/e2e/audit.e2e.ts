// 等保 audit: the auditor sees the sign-ins (and a failed one) of the people in the flow in the
// audit log view; the system admin and security admin (三员分立) do not get the audit page at all.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { AUDIT_ACTION_LABELS } from '../../../packages/schema/src/audit-actions';
import { failedLogin, login, logout, type Me } from './support/auth';
import { useBrowser } from './support/browser';
import { flowSteps } from './support/flow';
import { t } from './support/i18n';
import { chooseOption, expectText, gotoPage, menuLabels, pickExact } from './support/ui';

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

  /** Filters the audit view by action (as its word) and operator (picked by name) and returns the visible rows' texts. */
  async function search(
    p: Page,
    filter: { action?: string; actor?: Me; result?: 'success' | 'failure' },
  ): Promise<string[]> {
    const form = p.getByRole('search', { name: t('filter.title') });
    await form.getByRole('button', { name: t('filter.reset') }).click();
    if (filter.actor) {
      const picker = form.getByRole('combobox', { name: t('audit.operator'), exact: true });
      await picker.click();
      await picker.fill(filter.actor.displayName);
      await p
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
          hasText: filter.actor.username,
        })
        .first()
        .click();
    }
    if (filter.action)
      await pickExact(
        p,
        form.getByRole('combobox', { name: t('audit.action'), exact: true }),
        AUDIT_ACTION_LABELS[filter.action]!['zh-CN'],
      );
    if (filter.result)
      await chooseOption(
        p,
        form.getByRole('combobox', { name: t('audit.resultTitle') }),
        t(`audit.result.${filter.result}`),
        { search: false },
      );
    const answer = p.waitForResponse(
      (r) =>
        new URL(r.url()).pathname === '/api/v1/audit' &&
        (!filter.action || new URL(r.url()).searchParams.get('action') === filter.action) &&
        (!filter.actor || new URL(r.url()).searchParams.get('actorId') === filter.actor.id),
    );
    await form.getByTestId('audit-search').click();
    expect((await answer).status()).toBe(200);
    await p
      .getByTestId('audit-row')
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);
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
      const logins = await search(auditor, { action: 'auth.login', actor: who, result: 'success' });
      expect(logins.length, `auth.login rows for ${who.username}`).toBeGreaterThan(0);
      for (const row of logins) {
        expect(row).toContain(who.displayName);
        expect(row).toContain(AUDIT_ACTION_LABELS['auth.login']!['zh-CN']); // the action as a word, not its key
        expect(row).toContain(t('audit.result.success'));
      }
      const logouts = await search(auditor, { action: 'auth.logout', actor: who });
      expect(logouts.length, `auth.logout rows for ${who.username}`).toBeGreaterThan(0);
      for (const row of logouts) {
        expect(row).toContain(who.displayName);
        expect(row).toContain(AUDIT_ACTION_LABELS['auth.logout']!['zh-CN']);
      }
    }
  });

  step('the auditor sees the failed sign-in', async () => {
    const engineer = people.find((p) => p.username === 'engineer')!;
    const failures = await search(auditor, { action: 'auth.login', actor: engineer, result: 'failure' });
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
