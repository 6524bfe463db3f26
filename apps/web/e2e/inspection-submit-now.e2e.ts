// 现在提交 (issue 14): when an engineer finishes an inspection run, a dialog offers to submit its record at
// once, so the project lead can sign it without the engineer opening the record. At 390 px in zh-CN and at
// 1280 px in en: every checklist item checked in the UI, finish, the dialog (axe while it is open), submit
// now; the task page then says the record is submitted, and so do the record page and the API.
import type { BrowserContextOptions } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible, pageAudit } from './support/a11y';
import { login } from './support/auth';
import { DESKTOP, PHONE, useBrowser } from './support/browser';
import { apiCall, projectIdByName } from './support/fieldwork';
import { type Lang, t } from './support/i18n';
import { PROJECT_A } from './support/tickets';
import { expectAttr, expectText, gotoPage } from './support/ui';

const DESK_1280: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const RUNS: { width: string; size: BrowserContextOptions; lang: Lang }[] = [
  { width: '390', size: PHONE, lang: 'zh-CN' },
  { width: '1280', size: DESK_1280, lang: 'en' },
];
const ITEMS = [
  { key: 'ups', title: 'UPS 运行状态', method: '查看面板', expected: '无告警' },
  { key: 'temp', title: '机房温度', method: '读取温湿度计', expected: '', min: 18, max: 27, unit: '℃' },
];
const beijingDay = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

interface TaskDetail {
  status: string;
  recordId: string | null;
  recordNumber: string | null;
  recordStatus: string | null;
}

describe('inspection finished: 现在提交 submits its record from the dialog', () => {
  const session = useBrowser({ closeAfterEach: true });
  const audit = pageAudit(session, 'inspection-submit-now');
  const run = Date.now().toString(36);
  const planName = (width: string) => `现在提交 ${width} ${run}`;
  const taskIds = new Map<string, string>();

  beforeAll(async () => {
    // One plan (so one task due today) per run, for 张工, set up through the API.
    const page = await session.newPage('setup', DESKTOP);
    await login(page, 'manager');
    const template = await apiCall<{ id: string }>(page, 'POST', '/checklist-templates', {
      name: `现在提交模板 ${run}`,
      scope: 'system',
      assetType: null,
      items: ITEMS,
    });
    const projectId = await projectIdByName(page, PROJECT_A);
    const assignees = await apiCall<{ id: string; username: string }[]>(
      page,
      'GET',
      `/projects/${projectId}/assignees`,
    );
    const today = beijingDay();
    for (const { width } of RUNS) {
      await apiCall(page, 'POST', `/projects/${projectId}/inspection-plans`, {
        name: planName(width),
        kind: 'monthly',
        templateId: template.id,
        dueDay: Number(today.slice(8, 10)),
        intervalMonths: 1,
        startsOn: today,
        leadDays: 31,
        assigneeIds: [assignees.find((u) => u.username === 'engineer')!.id],
      });
    }
    const tasks = await apiCall<{ items: { id: string; planName: string }[] }>(
      page,
      'GET',
      `/inspection-tasks?projectId=${projectId}&from=${today}&to=${today}`,
    );
    for (const { width } of RUNS) taskIds.set(width, tasks.items.find((x) => x.planName === planName(width))!.id);
    await page.context().close();
  });

  for (const { width, size, lang } of RUNS) {
    test(`engineer at ${width} px (${lang}): checks every item, finishes, chooses 现在提交; the record is submitted`, async () => {
      const tr = (key: string, vars: Record<string, string | number> = {}) => t(key, vars, lang);
      const taskId = taskIds.get(width)!;
      const page = await audit.open('engineer', lang, size);
      await gotoPage(page, `/inspections/tasks/${taskId}`);
      await expectText(page.locator('h1'), planName(width));
      await expectText(page.getByTestId('insp-progress'), tr('insp.progress', { n: 0, m: ITEMS.length }));

      // Every item passes; the temperature is measured first (22 ℃, within 18–27).
      for (const item of ITEMS) {
        const card = page.getByTestId(`insp-item-${item.key}`);
        if ('unit' in item)
          await card.getByRole('spinbutton', { name: tr('insp.value', { item: item.title }) }).fill('22');
        await card.getByRole('button', { name: tr('insp.outcome.pass'), exact: true }).click();
        await expectAttr(card, 'data-outcome', 'pass');
      }
      await expectText(page.getByTestId('insp-progress'), tr('insp.progress', { n: ITEMS.length, m: ITEMS.length }));
      await page.getByTestId('insp-summary').fill(`一切正常 ${run}`);
      // Each saved item shows a 3-second 已保存 toast; one fading out while axe runs is measured mid-fade.
      await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
      await page.getByTestId('insp-finish').click();

      // The offer: "现在提交巡检记录?" with 现在提交 and 稍后; axe while it is open.
      const dialog = page.getByRole('dialog').filter({ hasText: tr('start.inspectionSubmit.title') });
      await dialog.waitFor();
      await dialog.getByText(tr('start.inspectionSubmit.body'), { exact: true }).waitFor();
      await dialog.getByRole('button', { name: tr('start.inspectionSubmit.later'), exact: true }).waitFor();
      await expectAccessible(page, `the 现在提交 dialog at ${width} px (${lang})`);
      await dialog.getByRole('button', { name: tr('start.inspectionSubmit.ok'), exact: true }).click();
      await page
        .locator('.ant-message-success')
        .getByText(tr('start.inspectionSubmit.done'), { exact: true })
        .waitFor();
      await dialog.waitFor({ state: 'detached' });

      // The finished task names its record as submitted, without a reload.
      await expectAttr(page.getByTestId('insp-run'), 'data-status', 'done');
      const link = page.getByTestId('insp-record-link');
      const notice = page.locator('.ant-alert').filter({ has: link });
      await expect.poll(() => notice.innerText(), { timeout: 15_000 }).toContain(tr('record.status.submitted'));
      expect(await page.getByTestId('insp-finish').count()).toBe(0);
      const task = await apiCall<TaskDetail>(page, 'GET', `/inspection-tasks/${taskId}`);
      expect(task).toMatchObject({ status: 'done', recordStatus: 'submitted' });
      expect((await link.innerText()).trim()).toBe(task.recordNumber);
      const record = await apiCall<{ status: string; number: string }>(page, 'GET', `/om-records/${task.recordId}`);
      expect(record).toMatchObject({ status: 'submitted', number: task.recordNumber });
      await audit.check(page, `finished task, record submitted ${width} px`);

      // The record page says so too: 待签字 for the project lead, not a draft to submit.
      await link.click();
      await page.waitForURL((u) => u.pathname === `/records/${task.recordId}`);
      await expectAttr(page.getByTestId('record-detail'), 'data-status', 'submitted');
      await expectText(page.locator('h1').getByTestId('record-status'), tr('record.status.submitted'));
      expect(await page.getByTestId('record-action-submit').count()).toBe(0);
    });
  }
});
