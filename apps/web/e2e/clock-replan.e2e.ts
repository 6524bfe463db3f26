// Issue 13 item 1: a contract whose SLA targets change re-plans its open tickets' clocks, and the ticket page's clock
// history says so — who, when, and the due instant before and after, in Beijing time — in Chinese and in English.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible } from './support/a11y';
import { login } from './support/auth';
import { DESKTOP, useBrowser } from './support/browser';
import { apiCall } from './support/fieldwork';
import { type Lang, t } from './support/i18n';
import { gotoPage } from './support/ui';

/** A UTC instant as the web shows it: Beijing wall time, YYYY-MM-DD HH:mm. */
const beijing = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('clock history: a policy change re-plans the clocks of open tickets', () => {
  const session = useBrowser({ closeAfterEach: true });
  const run = Date.now().toString(36);
  let ticketId: string;
  let at: number;
  let fromDue: number;
  let toDue: number;

  async function open(lang: Lang): Promise<Page> {
    const page = await session.newPage(`manager-${lang}`, DESKTOP);
    if (lang === 'en') await page.context().addInitScript(() => localStorage.setItem('weibao.lang', 'en'));
    await login(page, 'manager');
    return page;
  }

  beforeAll(async () => {
    const page = await open('zh-CN');
    const orgs = await apiCall<{ id: string; kind: string }[]>(page, 'GET', '/orgs');
    const project = await apiCall<{ id: string }>(page, 'POST', '/projects', {
      customerId: orgs.find((o) => o.kind === 'customer')!.id,
      code: `PRJ-RP-${run}`,
      name: `重排演示项目 ${run}`,
    });
    const year = new Date().getUTCFullYear();
    const contract = await apiCall<{ id: string }>(page, 'POST', `/projects/${project.id}/contracts`, {
      code: `HT-RP-${run}`,
      name: '重排演示合同',
      startsOn: `${year - 1}-01-01`,
      endsOn: `${year + 1}-12-31`,
    });
    const tk = await apiCall<{ id: string; clocks: { kind: string; dueAt: number }[] }>(page, 'POST', '/tickets', {
      projectId: project.id,
      title: `时效调整 ${run}`,
      description: '合同时效调整后重排',
      level: 3,
      channel: 'phone',
      reporterName: '陈科员',
      reporterPhone: '13800000000',
    });
    ticketId = tk.id;
    fromDue = tk.clocks.find((c) => c.kind === 'response')!.dueAt;
    const targets = [1, 2, 3, 4].map((level) => ({
      level,
      responseMin: level === 3 ? 60 : 30,
      arrivalMin: 30,
      resolutionMin: 120,
    }));
    await apiCall(page, 'PATCH', `/contracts/${contract.id}`, { policy: { targets } });
    const history = await apiCall<{ kind: string; replans: { at: number; toDue: number }[] }[]>(
      page,
      'GET',
      `/tickets/${ticketId}/clock-history`,
    );
    const replan = history.find((h) => h.kind === 'response')!.replans[0]!;
    [at, toDue] = [replan.at, replan.toDue];
    expect(toDue - fromDue).toBe(30 * 60_000);
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    test(`shows who changed the policy, when, and the due instants in ${lang}`, async () => {
      const page = await open(lang);
      await gotoPage(page, `/tickets/${ticketId}`);
      const entry = page
        .getByTestId('clock-history')
        .getByLabel(`${t('clock.kind.response', {}, lang)} #1`)
        .getByTestId('clock-replan');
      await entry.waitFor();
      const text = await entry.innerText();
      expect(text).toContain(
        t(
          'clock.replan',
          {
            at: beijing(at),
            by: '王经理',
            reason: t('clock.replanReason.contract_policy', {}, lang),
            from: beijing(fromDue),
            to: beijing(toDue),
          },
          lang,
        ),
      );
      expect(text).toContain(lang === 'en' ? 'target' : '时限');
      await expectAccessible(page, `clock history with a re-plan (${lang})`);
    });
  }
});
