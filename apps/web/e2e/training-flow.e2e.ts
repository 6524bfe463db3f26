// Training plan (培训计划, R18) on a desktop, all through the UI: the manager creates a plan on project
// A, adds a course (with a material and its second version) and two trainees (陈科员 = cust_a, and a
// named person without a login), schedules batch 1 with a session starting now, takes attendance,
// assesses trainee 1 independent and trainee 2 not yet → the plan is not complete and trainee 2 is
// listed as not independent and waiting for a later batch; batch 2 is added (trainee 2 preselected),
// gets a session and attendance, trainee 2 passes → the plan is complete; the completion report
// (PDF, Excel) and the attendance sheet (PDF, Excel) download.
import type { Locator, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { download, XLSX_MIME } from './support/assets';
import { login } from './support/auth';
import { DESKTOP, useBrowser } from './support/browser';
import { apiCall, projectIdByName, waitClosedOrError } from './support/fieldwork';
import { flowSteps } from './support/flow';
import { t } from './support/i18n';
import { PROJECT_A } from './support/tickets';
import { chooseOption, expectAttr, expectText, openFromMenu, pickDate } from './support/ui';

interface ApiPlan {
  progress: { complete: boolean; trainees: number; independent: number; needsBatch: number };
  batches: {
    id: string;
    name: string;
    traineeIds: string[];
    retrainIds: string[];
    sessions: { id: string; attendance: { traineeId: string; status: string }[] }[];
  }[];
  trainees: { id: string; name: string; userId: string | null; independent: boolean; needsBatch: boolean }[];
}

/** "YYYY-MM-DD HH:mm" for the session pickers, which show Beijing time (the suite's browsers run in Asia/Shanghai). */
const localInput = (page: Page, offsetMs: number) =>
  page.evaluate((off) => {
    const d = new Date(Date.now() + off);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
  }, offsetMs);

describe('training plan: batches, sessions, attendance and assessments until every trainee is independent', () => {
  const session = useBrowser();
  const step = flowSteps();
  let page: Page;
  let planId: string;
  const run = Date.now().toString(36);
  const planName = `运维系统操作培训 ${run}`;
  const course = `监控平台日常操作 ${run}`;
  const trainee1 = '陈科员';
  const trainee2 = `王值班 ${run}`;
  const plan = () => apiCall<ApiPlan>(page, 'GET', `/training-plans/${planId}`);
  const tab = async (name: 'trainees' | 'courses' | 'batches' | 'assessments') => {
    await page.getByTestId(`training-tab-${name}`).click();
    await page.waitForURL((u) => (u.searchParams.get('tab') ?? 'trainees') === name);
  };
  const dialogOf = (testId: string) => page.getByTestId(testId);
  const batchCard = (name: string) =>
    page.getByTestId('training-batch').filter({ has: page.getByRole('heading', { name, exact: true }) });

  async function scheduleSession(batch: string, place: string): Promise<void> {
    await tab('batches');
    await batchCard(batch).getByTestId('training-session-new').click();
    const form = dialogOf('training-session-form');
    await form.waitFor();
    await pickDate(page, form.getByTestId('training-session-start'), await localInput(page, 0));
    await pickDate(page, form.getByTestId('training-session-end'), await localInput(page, 2 * 3_600_000));
    await form.getByLabel(t('training.session.place')).fill(place);
    await chooseOption(page, form.getByRole('combobox', { name: t('training.session.trainer') }), '张工');
    await page.getByTestId('training-session-save').click();
    await waitClosedOrError(page, form, `scheduling a session in ${batch}`);
    await batchCard(batch).getByTestId('training-session').first().waitFor();
  }

  async function takeAttendance(batch: string, marks: Record<string, string>, expected: number): Promise<void> {
    const s = batchCard(batch).getByTestId('training-session').first();
    await s.getByTestId('training-attendance-open').click();
    const form = dialogOf('training-attendance-form');
    await form.waitFor();
    for (const [name, status] of Object.entries(marks)) {
      await form
        .getByTestId('training-attendance-row')
        .filter({ hasText: name })
        .getByText(t(`training.attendance.${status}`), { exact: true })
        .click();
    }
    await page.getByTestId('training-attendance-save').click();
    await waitClosedOrError(page, form, `taking attendance in ${batch}`);
    await expectAttr(s, 'data-attendance', String(expected));
  }

  async function assess(name: string, independent: boolean, batch: string): Promise<void> {
    await tab('assessments');
    await page.getByTestId('training-assess-new').click();
    const form = dialogOf('training-assess-form');
    await form.waitFor();
    await chooseOption(page, form.getByRole('combobox', { name: t('training.assess.trainee') }), name);
    // the trainee's only course and latest batch are filled in
    await expect
      .poll(() =>
        form
          .getByRole('combobox', { name: t('training.assess.batch') })
          .locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')
          .innerText(),
      )
      .toContain(batch);
    await form.getByText(t(independent ? 'training.assess.yes' : 'training.assess.no'), { exact: true }).click();
    await form
      .getByLabel(t('training.assess.note'))
      .fill(independent ? '能独立完成巡检与告警处置' : '告警处置仍需指导');
    await page.getByTestId('training-assess-save').click();
    await waitClosedOrError(page, form, `assessing ${name}`);
    await page.getByTestId('training-assessment').filter({ hasText: name }).first().waitFor();
  }

  const traineeRow = (name: string): Locator => page.getByTestId('training-trainee-row').filter({ hasText: name });

  step('the manager opens 培训计划 from the menu and creates a plan on project A', async () => {
    page = await session.newPage('desktop', DESKTOP);
    await login(page, 'manager');
    await openFromMenu(page, t('training.nav'));
    await page.waitForURL(/\/training(\?.*)?$/);
    await expectText(page.locator('h1'), t('training.title'));
    const projectId = await projectIdByName(page, PROJECT_A);
    await chooseOption(page, page.getByRole('combobox', { name: t('filter.project') }), PROJECT_A);
    await page.waitForURL((u) => u.searchParams.get('projectId') === projectId);
    await page.getByTestId('training-plan-new').click();
    const form = dialogOf('training-plan-form');
    await form.waitFor();
    await form.getByLabel(t('training.plan.name')).fill(planName);
    await form.getByLabel(t('training.plan.description')).fill('值班人员须能独立完成平台日常操作');
    await page.getByTestId('training-plan-save').click();
    await page.waitForURL(/\/training\/plans\/[^/?]+/);
    await expectText(page.locator('h1'), planName);
    planId = (await page.getByTestId('training-plan').getAttribute('data-plan-id'))!;
    await expectAttr(page.getByTestId('training-banner'), 'data-complete', 'false');
  });

  step('adds a course with a material and its second version', async () => {
    await tab('courses');
    await page.getByTestId('training-course-new').click();
    const form = dialogOf('training-course-form');
    await form.waitFor();
    await form.getByLabel(t('training.course.name')).fill(course);
    await form.getByLabel(t('training.course.objective')).fill('独立完成巡检、告警确认与工单上报');
    await page.getByTestId('training-course-save').click();
    await waitClosedOrError(page, form, 'adding the course');
    const card = page.getByTestId('training-course').filter({ hasText: course });
    await card.waitFor();
    await card
      .getByTestId('training-material-input')
      .setInputFiles({ name: '操作手册.txt', mimeType: 'text/plain', buffer: Buffer.from('v1 manual') });
    const material = card.getByTestId('training-material');
    await expectAttr(material, 'data-version', '1');
    await material
      .getByTestId('training-material-version-input')
      .setInputFiles({ name: '操作手册.txt', mimeType: 'text/plain', buffer: Buffer.from('v2 manual, revised') });
    await expectAttr(material, 'data-version', '2');
    await material
      .getByTestId('training-material-history')
      .getByText(t('training.material.history', { n: 1 }))
      .waitFor();
  });

  step('adds two trainees: 陈科员 (cust_a) and a named person', async () => {
    await tab('trainees');
    await page.getByTestId('training-trainee-new').click();
    let form = dialogOf('training-trainee-form');
    await form.waitFor();
    await chooseOption(page, form.getByRole('combobox', { name: t('training.trainee.user') }), '(cust_a)');
    await page.getByTestId('training-trainee-save').click();
    await waitClosedOrError(page, form, 'adding trainee 1');
    await traineeRow(trainee1).waitFor();

    await page.getByTestId('training-trainee-new').click();
    form = dialogOf('training-trainee-form');
    await form.waitFor();
    await form.getByLabel(t('training.trainee.name')).fill(trainee2);
    await form.getByLabel(t('training.trainee.unit')).fill('省信息中心值班室');
    await form.getByLabel(t('training.trainee.phone')).fill('13800000000');
    await page.getByTestId('training-trainee-save').click();
    await waitClosedOrError(page, form, 'adding trainee 2');
    await traineeRow(trainee2).waitFor();
    const p = await plan();
    expect(p.trainees.map((x) => x.name)).toEqual([trainee1, trainee2]);
    expect(p.trainees[0]!.userId).toBeTruthy();
    await expectText(page.getByTestId('training-banner-ratio'), t('training.banner.incomplete', { n: 0, m: 2 }));
  });

  step('schedules batch 1 (both trainees) with a session starting now and takes attendance', async () => {
    await tab('batches');
    await page.getByTestId('training-batch-new').click();
    const form = dialogOf('training-batch-form');
    await form.waitFor();
    expect(await form.getByLabel(t('training.batch.name')).inputValue()).toBe(
      t('training.batch.defaultName', { n: 1 }),
    );
    await page.getByTestId('training-batch-save').click();
    await waitClosedOrError(page, form, 'adding batch 1');
    const batch1 = t('training.batch.defaultName', { n: 1 });
    await expect.poll(() => batchCard(batch1).getByTestId('training-batch-trainee').count()).toBe(2);
    await scheduleSession(batch1, '省信息中心 3 楼培训室');
    await takeAttendance(batch1, { [trainee1]: 'present', [trainee2]: 'late' }, 2);
    const p = await plan();
    expect(
      Object.fromEntries(
        p.batches[0]!.sessions[0]!.attendance.map((a) => [
          p.trainees.find((x) => x.id === a.traineeId)!.name,
          a.status,
        ]),
      ),
    ).toEqual({ [trainee1]: 'present', [trainee2]: 'late' });
  });

  step(
    'trainee 1 passes, trainee 2 does not: the plan is not complete and trainee 2 waits for a later batch',
    async () => {
      const batch1 = t('training.batch.defaultName', { n: 1 });
      await assess(trainee1, true, batch1);
      await assess(trainee2, false, batch1);
      const banner = page.getByTestId('training-banner');
      await expectAttr(banner, 'data-complete', 'false');
      await expectText(page.getByTestId('training-banner-ratio'), t('training.banner.incomplete', { n: 1, m: 2 }));
      await expectText(page.getByTestId('training-banner-not-yet'), t('training.banner.notYet', { names: trainee2 }));
      await expectText(
        page.getByTestId('training-banner-needs-batch'),
        t('training.banner.needsBatch', { names: trainee2 }),
      );
      await tab('trainees');
      await expectAttr(traineeRow(trainee1).getByTestId('training-course-status').last(), 'data-status', 'independent');
      await expectAttr(traineeRow(trainee2).getByTestId('training-course-status').first(), 'data-status', 'not_yet');
      await traineeRow(trainee2).getByTestId('training-needs-batch').waitFor();
      const notYet = page.getByTestId('training-not-yet-item');
      await expect.poll(() => notYet.allInnerTexts()).toHaveLength(1);
      expect(await notYet.first().innerText()).toContain(trainee2);
      const p = await plan();
      expect(p.progress).toMatchObject({ complete: false, trainees: 2, independent: 1, needsBatch: 1 });
      await session.screenshot(page, 'training-not-complete', { fullPage: true });
    },
  );

  step('batch 2 is added for trainee 2, gets a session and attendance', async () => {
    await tab('batches');
    await page.getByTestId('training-batch-new').click();
    const form = dialogOf('training-batch-form');
    await form.waitFor();
    // the trainees waiting for a batch are preselected
    await expect.poll(() => form.locator('.ant-select-selection-item-content').allInnerTexts()).toEqual([trainee2]);
    await page.getByTestId('training-batch-save').click();
    await waitClosedOrError(page, form, 'adding batch 2');
    const batch2 = t('training.batch.defaultName', { n: 2 });
    await expect
      .poll(() => batchCard(batch2).getByTestId('training-batch-trainee').allInnerTexts())
      .toEqual([trainee2]);
    await expect.poll(() => page.getByTestId('training-banner-needs-batch').count()).toBe(0);
    await scheduleSession(batch2, '腾讯会议 123-456-789');
    await takeAttendance(batch2, { [trainee2]: 'present' }, 1);
    expect((await plan()).progress.needsBatch).toBe(0);
  });

  step('trainee 2 passes in batch 2: the plan is complete', async () => {
    await assess(trainee2, true, t('training.batch.defaultName', { n: 2 }));
    await expectAttr(page.getByTestId('training-banner'), 'data-complete', 'true');
    await expectText(
      page.getByTestId('training-banner').locator('.ant-alert-message'),
      t('training.banner.complete', { n: 2 }),
    );
    await expectAttr(
      page.locator('h1').locator('xpath=..').getByTestId('training-complete-tag'),
      'data-complete',
      'true',
    );
    const p = await plan();
    expect(p.progress).toMatchObject({ complete: true, trainees: 2, independent: 2, needsBatch: 0 });
    // the list shows it complete too
    await page.getByTestId('training-back').click();
    const row = page.getByTestId('training-plan-row').filter({ hasText: planName });
    await expectAttr(row, 'data-complete', 'true');
    await expectText(row.getByTestId('training-plan-ratio'), t('training.progress.ratio', { n: 2, m: 2 }));
    await row.getByTestId('training-plan-link').click();
    await page.getByTestId('training-banner').waitFor();
  });

  step('downloads the completion report (PDF, Excel) and the attendance sheet (PDF, Excel)', async () => {
    const pdf = await download(page, page.getByTestId('training-report-pdf'));
    expect(pdf.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const xlsx = await download(page, page.getByTestId('training-report-xlsx'));
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const r = await page.request.get(`/api/v1/training-plans/${planId}/report.pdf`);
    expect(r.status()).toBe(200);
    expect((await r.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');
    await tab('batches');
    const s = batchCard(t('training.batch.defaultName', { n: 1 }))
      .getByTestId('training-session')
      .first();
    const sheet = await download(page, s.getByTestId('training-sheet-pdf'));
    expect(sheet.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const sheetX = await download(page, s.getByTestId('training-sheet-xlsx'));
    expect(sheetX.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const sessionId = await s.getAttribute('data-session-id');
    const x = await page.request.get(`/api/v1/training-sessions/${sessionId}/attendance.xlsx`);
    expect(x.status()).toBe(200);
    expect(x.headers()['content-type']).toContain(XLSX_MIME);
  });
});
