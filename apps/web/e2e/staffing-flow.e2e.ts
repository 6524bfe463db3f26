// Staffing plan (人员配置, R28) on a desktop: the service manager gives 赵工 the network-security
// discipline with a certificate that has expired, puts him on project A as its network-security
// engineer, and sees the problem on that assignment and the gaps that remain. The customer's lead
// reads the same plan without any control.
import type { TFunction } from 'i18next';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { login } from './support/auth';
import { useBrowser } from './support/browser';
import { apiCall, projectIdByName, waitClosedOrError } from './support/fieldwork';
import { flowSteps } from './support/flow';
import { t } from './support/i18n';
import { staffingPlan, type ApiProfile, type ApiStaffing } from './support/presence';
import { PROJECT_A } from './support/tickets';
import { chooseOption, expectAttr, expectText, gotoPage, openFromMenu, pickDate } from './support/ui';
import { gapText, problemText } from '../src/features/staffing/texts';

/** The server answers gaps and problems as codes; the UI words them from the catalogue (zh-CN here). */
const zh = ((key: string, vars?: Record<string, string | number>) => t(key, vars)) as unknown as TFunction;
const gapWords = (g: ApiStaffing['gaps'][number]) => gapText(zh, g);
const problemWords = (p: ApiStaffing['assignments'][number]['problems'][number]) => problemText(zh, p);

const ZHAO = '赵工';

/** The gaps alert, the coverage rows and the assignment rows show what the server answered. */
async function expectPlanShown(page: Page, plan: ApiStaffing): Promise<void> {
  const gaps = page.getByTestId('staffing-gaps');
  await expectAttr(gaps, 'data-gaps', String(plan.gaps.length));
  expect((await page.getByTestId('staffing-gap').allInnerTexts()).map((s) => s.trim())).toEqual(
    plan.gaps.map(gapWords),
  );
  await expect.poll(() => page.getByTestId('coverage-row').count()).toBe(plan.coverage.length);
  const shown = await page
    .getByTestId('coverage-filled')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-filled'), e.getAttribute('data-missing')].join('/')));
  expect(shown).toEqual(plan.coverage.map((c) => `${c.filled}/${c.missing}`));
  await expect.poll(() => page.getByTestId('assignment-row').count()).toBe(plan.assignments.length);
}

describe('staffing plan: qualifications, an assignment with a problem, the gaps; the lead reads it', () => {
  const session = useBrowser();
  const step = flowSteps();
  const cert = `CISP-${Date.now().toString(36)}`;
  let manager: Page;
  let projectId: string;
  let saved: ApiStaffing;

  step('the manager opens 人员配置 for project A: the default requirements and their gaps', async () => {
    manager = await session.newPage('manager');
    await login(manager, 'manager');
    projectId = await projectIdByName(manager, PROJECT_A);
    await openFromMenu(manager, t('nav.staffing'));
    await manager.waitForURL(/\/staffing/);
    await expectText(manager.locator('h1'), t('staffing.title'));
    await chooseOption(manager, manager.getByRole('combobox', { name: t('filter.project') }), PROJECT_A);
    await manager.getByTestId('staffing-plan').waitFor();
    const plan = await staffingPlan(manager, projectId);
    expect(plan.requirements.length).toBeGreaterThan(0);
    expect(plan.gaps.length).toBeGreaterThan(0);
    await expectPlanShown(manager, plan);
    await manager.getByTestId('engineer-profiles').waitFor();
    // The project list links to the same page for that project.
    await openFromMenu(manager, t('nav.projects'));
    await manager.waitForURL(/\/admin\/projects$/);
    const link = manager
      .getByTestId('project-staffing')
      .and(manager.locator(`[href*="${encodeURIComponent(projectId)}"]`));
    await link.first().click();
    await manager.waitForURL((u) => u.pathname === '/staffing' && u.searchParams.get('projectId') === projectId);
    await expectAttr(manager.getByTestId('staffing-plan'), 'data-project-id', projectId);
  });

  step('the manager gives 赵工 the network-security discipline and an expired certificate', async () => {
    const row = manager.getByTestId('engineer-row').filter({ hasText: ZHAO });
    await row.getByTestId('engineer-edit').click();
    const form = manager.getByTestId('profile-form');
    await form.waitFor();
    const box = form.getByRole('checkbox', { name: t('staffing.discipline.network_security') });
    if (!(await box.isChecked())) await box.click();
    await expect.poll(() => box.isChecked(), { timeout: 5000 }).toBe(true);
    await form.getByTestId('cert-add').click();
    const item = form.getByTestId('cert-item').last();
    await item.getByTestId('cert-name').fill(cert);
    await item.getByTestId('cert-number').fill('NS-0042');
    await pickDate(manager, item.getByTestId('cert-expires'), '2024-03-31');
    await manager.getByTestId('profile-save').click();
    await waitClosedOrError(manager, form, 'saving the qualifications');

    const tag = row.getByTestId('cert').filter({ hasText: cert });
    await expectAttr(tag, 'data-state', 'expired');
    await row.locator('[data-testid=discipline][data-discipline=network_security]').waitFor();
    const profiles = await apiCall<ApiProfile[]>(manager, 'GET', '/engineers');
    const zhao = profiles.find((p) => p.name === ZHAO)!;
    expect(zhao.disciplines).toContain('network_security');
    expect(zhao.certifications.find((c) => c.name === cert)).toMatchObject({ expiresOn: '2024-03-31', expired: true });
  });

  step(
    'the manager assigns 赵工 to project A as network security: the problem and the remaining gaps show',
    async () => {
      await manager.getByTestId('staffing-edit').click();
      const form = manager.getByTestId('staffing-form');
      await form.waitFor();
      await form.getByTestId('assignment-add').click();
      const item = form.getByTestId('assignment-item').last();
      await chooseOption(manager, item.getByTestId('assignment-user').getByRole('combobox'), ZHAO);
      await chooseOption(
        manager,
        item.getByTestId('assignment-discipline').getByRole('combobox'),
        t('staffing.discipline.network_security'),
        { search: false },
      );
      await item.getByTestId('assignment-resident').click();
      await manager.getByTestId('staffing-save').click();
      await waitClosedOrError(manager, form, 'saving the staffing plan');

      saved = await staffingPlan(manager, projectId);
      const mine = saved.assignments.find((a) => a.name === ZHAO && a.discipline === 'network_security');
      expect(mine, 'the saved assignment').toBeTruthy();
      expect(mine!.problems.length, 'an expired certificate is a problem of the assignment').toBeGreaterThan(0);
      expect(saved.gaps.length, 'the software engineers are still missing').toBeGreaterThan(0);
      await expectPlanShown(manager, saved);
      const row = manager.getByTestId('assignment-row').filter({ hasText: ZHAO });
      expect((await row.getByTestId('assignment-problem').allInnerTexts()).map((s) => s.trim())).toEqual(
        mine!.problems.map(problemWords),
      );
      await expectAttr(row.getByTestId('assignment-qualified'), 'data-qualified', String(mine!.qualified));
    },
  );

  step('lead_a reads the same plan, without edit buttons or the engineers’ qualifications', async () => {
    const lead = await session.newPage('lead_a');
    await login(lead, 'lead_a');
    await openFromMenu(lead, t('nav.staffing'));
    await lead.waitForURL((u) => u.pathname === '/staffing' && u.searchParams.get('projectId') === projectId);
    await lead.getByTestId('staffing-plan').waitFor();
    await expectPlanShown(lead, saved);
    const row = lead.getByTestId('assignment-row').filter({ hasText: ZHAO });
    expect(await row.getByTestId('assignment-problem').count()).toBe(
      saved.assignments.find((a) => a.name === ZHAO)!.problems.length,
    );
    expect(await lead.getByTestId('staffing-edit').count()).toBe(0);
    expect(await lead.getByTestId('engineer-profiles').count()).toBe(0);
    await gotoPage(lead, `/staffing?projectId=${projectId}`);
    await lead.getByTestId('staffing-plan').waitFor();
    const r = await lead.request.get('/api/v1/engineers');
    expect(r.status(), 'GET /engineers as lead_a').toBe(403);
  });
});
