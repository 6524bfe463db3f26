// The inspection pages at 390 px, in Chinese and in English: axe-core finds no serious/critical
// violation and nothing scrolls sideways — the task list (the list by default, and the month grid),
// a task being run (with a failed item, its ticket and the finish error) and the customer's read-only
// view; on a desktop the month grid is the default view and passes axe as well.
import { beforeAll, describe, expect, test } from 'vitest';
import { pageAudit } from './support/a11y';
import { apiLogin } from './support/auth';
import { DESKTOP, PHONE, useBrowser } from './support/browser';
import { apiCall, projectIdByName } from './support/fieldwork';
import { PROJECT_A } from './support/tickets';
import { chooseOption, gotoPage } from './support/ui';
import { t } from './support/i18n';
import { waitClosedOrError } from './support/fieldwork';
import { chooseMany } from './support/presence';

const beijingDay = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('inspection pages: axe and the 390 px layout', () => {
  const session = useBrowser({ closeAfterEach: true });
  const run = Date.now().toString(36);
  let taskId: string;
  let projectId: string;

  const { open, check } = pageAudit(session, 'inspections');

  beforeAll(async () => {
    const page = await session.newPage('setup', PHONE);
    await apiLogin(page, 'manager');
    const template = await apiCall<{ id: string }>(page, 'POST', '/checklist-templates', {
      name: `A11y template ${run}`,
      scope: 'system',
      assetType: null,
      items: [
        { key: 'temp', title: '机房温度', method: '读取温湿度计', expected: '', min: 18, max: 27, unit: '℃' },
        { key: 'photo', title: '配电柜外观', method: '目视', expected: '无异味', photoRequired: true },
      ],
    });
    projectId = await projectIdByName(page, PROJECT_A);
    const assignees = await apiCall<{ id: string; username: string }[]>(
      page,
      'GET',
      `/projects/${projectId}/assignees`,
    );
    const today = beijingDay();
    await apiCall(page, 'POST', `/projects/${projectId}/inspection-plans`, {
      name: `A11y plan ${run}`,
      kind: 'monthly',
      templateId: template.id,
      dueDay: Number(today.slice(8, 10)),
      intervalMonths: 1,
      startsOn: today,
      leadDays: 31,
      assigneeIds: [assignees.find((u) => u.username === 'engineer')!.id],
    });
    const tasks = await apiCall<{ items: { id: string; planName: string }[] }>(
      page,
      'GET',
      `/inspection-tasks?projectId=${projectId}&from=${today}&to=${today}`,
    );
    taskId = tasks.items.find((x) => x.planName === `A11y plan ${run}`)!.id;
    await apiCall(page, 'PUT', `/inspection-tasks/${taskId}/results/temp`, { outcome: 'fail', value: 31 });
    await apiCall(page, 'POST', `/inspection-tasks/${taskId}/results/temp/ticket`, { level: 4 });
    await apiCall(page, 'POST', `/inspection-tasks/${taskId}/adjustments`, {
      parameter: '空调设定',
      before: '24',
      after: '22',
      reason: 'a11y',
    });
    await page.context().close();
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    test(`engineer (${lang}): the month grid on a desktop (the default there) and at 390 px`, async () => {
      const desk = await open('engineer', lang, DESKTOP);
      await gotoPage(desk, `/inspections?projectId=${projectId}`);
      const grid = desk.getByTestId('insp-calendar');
      await grid.waitFor();
      expect(await desk.getByTestId('insp-task-row').count()).toBe(0);
      const today = grid.locator(`[data-testid="insp-cal-day"][data-date="${beijingDay()}"]`);
      expect(await today.getAttribute('aria-current')).toBe('date');
      expect(await grid.locator('thead th').count()).toBe(7);
      const chip = today.locator(`[data-testid="insp-cal-task"][data-task-id="${taskId}"]`);
      await chip.waitFor();
      await check(desk, '/inspections calendar (desktop)');
      await chip.click();
      await desk.waitForURL((u) => u.pathname === `/inspections/tasks/${taskId}`);
      await desk.getByTestId('insp-report-docx').waitFor();
      await check(desk, 'task run (desktop)');
      await desk.context().close();

      const phone = await open('engineer', lang);
      await gotoPage(phone, `/inspections?projectId=${projectId}`);
      await phone.getByTestId('insp-task-row').first().waitFor(); // phones start with the list
      await phone.getByTestId('insp-view-calendar').click();
      await phone.waitForURL((u) => u.searchParams.get('view') === 'calendar');
      await phone.locator(`[data-testid="insp-cal-task"][data-task-id="${taskId}"]`).waitFor();
      await check(phone, '/inspections calendar (390 px)');
    });

    test(`engineer at 390 px (${lang}): task list and a task being run`, async () => {
      const page = await open('engineer', lang);
      await gotoPage(page, `/inspections?projectId=${projectId}`);
      await page.getByTestId('insp-task-row').first().waitFor();
      await page.getByTestId('insp-completion').waitFor();
      await check(page, '/inspections (engineer)');
      await gotoPage(page, `/inspections/tasks/${taskId}`);
      await page.getByTestId('insp-ticket-temp').waitFor();
      expect(await page.getByTestId('insp-item-temp').innerText()).toContain('18 – 27 ℃');
      await check(page, 'task run (engineer)');
      await page.getByTestId('insp-finish').click();
      const error = page.getByTestId('insp-finish-error');
      await error.waitFor();
      // the server's reason, in the page's language only, naming the unchecked item
      const text = await error.innerText();
      expect(text).toContain('配电柜外观');
      if (lang === 'en') expect(text).toContain('not checked yet');
      else expect(text).toContain('尚未检查');
      expect(text).not.toContain(lang === 'en' ? '尚未检查' : 'not checked yet');
      await check(page, 'task run with the finish error');
    });

    test(`lead_a at 390 px (${lang}): task list and the read-only task`, async () => {
      const page = await open('lead_a', lang);
      await gotoPage(page, '/inspections');
      await page.getByTestId('insp-task-row').first().waitFor();
      await check(page, '/inspections (lead_a)');
      await gotoPage(page, `/inspections/tasks/${taskId}`);
      await page.getByTestId('insp-item-temp').waitFor();
      expect(await page.getByTestId('insp-finish').count()).toBe(0);
      await check(page, 'task (lead_a)');
    });
  }

  test('manager at 390 px: a template made and revised, a plan made, paused and resumed, in their dialogs', async () => {
    const page = await open('manager', 'zh-CN');
    const name = `UI template ${run}`;
    await gotoPage(page, '/inspections/templates');
    await page.getByTestId('tpl-row').first().waitFor();
    await check(page, '/inspections/templates');
    await page.getByTestId('tpl-new').click();
    const form = page.getByTestId('tpl-form');
    await form.waitFor();
    await form.getByLabel(t('insp.tpl.name')).fill(name);
    await form.getByLabel(t('insp.tpl.key')).fill('fan');
    await form.getByLabel(t('insp.tpl.title')).fill('风扇转速');
    await form.getByLabel(t('insp.tpl.max')).fill('5000');
    await form.getByLabel(t('insp.tpl.unit')).fill('rpm');
    await check(page, 'new template dialog');
    await page.getByTestId('tpl-save').click();
    await waitClosedOrError(page, form, 'saving the template');
    const row = page.getByTestId('tpl-row').filter({ hasText: name });
    await row.getByText('v1').waitFor();
    await row.getByTestId('tpl-edit').click();
    await form.waitFor();
    await page.getByTestId('tpl-add-item').click();
    await form.getByLabel(t('insp.tpl.key')).nth(1).fill('dust');
    await form.getByLabel(t('insp.tpl.title')).nth(1).fill('积尘');
    await page.getByTestId('tpl-save').click();
    await waitClosedOrError(page, form, 'revising the template');
    await row.getByText('v2').waitFor();

    await gotoPage(page, `/inspections/plans?projectId=${projectId}`);
    await page.getByTestId('plan-row').first().waitFor();
    await check(page, '/inspections/plans');
    await page.getByTestId('plan-new').click();
    const plan = page.getByTestId('plan-form');
    await plan.waitFor();
    await plan.getByLabel(t('insp.plan.name')).fill(`UI plan ${run}`);
    await chooseOption(page, plan.getByRole('combobox', { name: t('insp.template') }), `${name} v2`);
    await chooseMany(page, plan.getByRole('combobox', { name: t('insp.plan.assignees') }), ['张工']);
    await check(page, 'new plan dialog');
    await page.getByTestId('plan-save').click();
    await waitClosedOrError(page, plan, 'saving the plan');
    const planRow = page.getByTestId('plan-row').filter({ hasText: `UI plan ${run}` });
    await planRow.waitFor();
    await planRow.getByTestId('plan-pause').click();
    await page.getByLabel(t('insp.plan.pauseReason')).fill('机房搬迁');
    await check(page, 'pause dialog');
    await page.getByTestId('plan-pause-ok').click();
    await planRow.getByTestId('plan-paused').waitFor();
    await planRow.getByTestId('plan-resume').click();
    await planRow.getByTestId('plan-pause').waitFor();
    expect(await planRow.getByTestId('plan-paused').count()).toBe(0);
  });
});
