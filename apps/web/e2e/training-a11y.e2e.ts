// The training pages (培训计划, R18) at 390 px, in Chinese and in English: axe-core finds no
// serious/critical violation and nothing scrolls sideways — the plan list, each tab of a plan (with a
// trainee not yet independent and waiting for a later batch, a material with two versions, a session
// with attendance) and every dialog; the detail page with its trainee × course table is also checked
// on a desktop, and lead_a reads the plan without any action.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { pageAudit } from './support/a11y';
import { apiLogin } from './support/auth';
import { DESKTOP, PHONE, useBrowser } from './support/browser';
import { apiCall, projectIdByName } from './support/fieldwork';
import { t } from './support/i18n';
import { PROJECT_A } from './support/tickets';
import { gotoPage } from './support/ui';

const beijingDay = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

interface ApiPlan {
  id: string;
  courses: { id: string; materials: { id: string }[] }[];
  batches: { id: string; sessions: { id: string }[] }[];
  trainees: { id: string }[];
}

describe('training pages: axe and the 390 px layout', () => {
  const session = useBrowser({ closeAfterEach: true });
  const run = Date.now().toString(36);
  let projectId: string;
  let planId: string;

  const { open, check } = pageAudit(session, 'training');

  async function upload(page: Page, path: string, name: string, text: string): Promise<void> {
    const me = await page.request.get('/api/v1/auth/me');
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    const r = await page.request.post(`/api/v1${path}`, {
      headers: { 'x-csrf-token': csrfToken },
      multipart: { file: { name, mimeType: 'text/plain', buffer: Buffer.from(text) } },
    });
    expect(r.ok(), `POST ${path}: ${await r.text()}`).toBe(true);
  }
  const tabKeys = ['trainees', 'courses', 'batches', 'assessments'] as const;

  beforeAll(async () => {
    const page = await session.newPage('setup', PHONE);
    await apiLogin(page, 'manager');
    projectId = await projectIdByName(page, PROJECT_A);
    let plan = await apiCall<ApiPlan>(page, 'POST', `/projects/${projectId}/training-plans`, {
      name: `无障碍培训计划 ${run}`,
      description: '检查页面可访问性',
    });
    planId = plan.id;
    await apiCall<ApiPlan>(page, 'POST', `/training-plans/${planId}/courses`, {
      title: '机房巡检系统操作',
      objective: '独立完成巡检任务',
    });
    plan = await apiCall<ApiPlan>(page, 'POST', `/training-plans/${planId}/courses`, {
      title: '工单系统操作',
      objective: '独立上报与跟踪工单',
    });
    const courseId = plan.courses[0]!.id;
    await upload(
      page,
      `/training-courses/${courseId}/materials?note=${encodeURIComponent('初版')}`,
      'manual.txt',
      'v1',
    );
    plan = await apiCall<ApiPlan>(page, 'GET', `/training-plans/${planId}`);
    await upload(page, `/training-materials/${plan.courses[0]!.materials[0]!.id}/versions`, 'manual.txt', 'v2');
    await apiCall(page, 'POST', `/training-plans/${planId}/trainees`, {
      userId: null,
      name: `学员甲 ${run}`,
      unit: '值班室',
      phone: '13900000000',
      courseIds: null,
    });
    plan = await apiCall<ApiPlan>(page, 'POST', `/training-plans/${planId}/trainees`, {
      userId: null,
      name: `学员乙 ${run}`,
      unit: '',
      phone: '',
      courseIds: [courseId],
    });
    const [a, b] = plan.trainees;
    plan = await apiCall<ApiPlan>(page, 'POST', `/training-plans/${planId}/batches`, {
      name: '第1批',
      traineeIds: [a!.id, b!.id],
    });
    const batchId = plan.batches[0]!.id;
    plan = await apiCall<ApiPlan>(page, 'POST', `/training-batches/${batchId}/sessions`, {
      courseId,
      startsAt: Date.now() - 60_000,
      endsAt: Date.now() + 3_600_000,
      mode: 'onsite',
      place: '3 楼培训室',
      trainerId: null,
      trainerName: '外聘讲师李老师',
    });
    await apiCall(page, 'POST', `/training-batches/${batchId}/sessions`, {
      courseId: plan.courses[1]!.id,
      startsAt: Date.now() + 7 * 86_400_000,
      endsAt: Date.now() + 7 * 86_400_000 + 3_600_000,
      mode: 'online',
      place: 'https://meeting.example.com/123',
      trainerId: null,
      trainerName: '李老师',
    });
    await apiCall(page, 'PUT', `/training-sessions/${plan.batches[0]!.sessions[0]!.id}/attendance`, {
      entries: [
        { traineeId: a!.id, status: 'present', note: '' },
        { traineeId: b!.id, status: 'absent', note: '病假' },
      ],
    });
    const today = beijingDay();
    await apiCall(page, 'POST', `/training-plans/${planId}/assessments`, {
      traineeId: a!.id,
      courseId,
      batchId,
      independent: true,
      assessedOn: today,
      note: '',
    });
    await apiCall(page, 'POST', `/training-plans/${planId}/assessments`, {
      traineeId: b!.id,
      courseId,
      batchId,
      independent: false,
      assessedOn: today,
      note: '需再培训',
    });
    await page.context().close();
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    test(`manager at 390 px (${lang}): the list, every tab of a plan, and the dialogs`, async () => {
      const page = await open('manager', lang);
      await gotoPage(page, `/training?projectId=${projectId}`);
      await page.getByTestId('training-plan-row').first().waitFor();
      await check(page, '/training');
      await page.getByTestId('training-plan-new').click();
      await page.getByTestId('training-plan-form').waitFor();
      await check(page, 'new plan dialog');
      await page.keyboard.press('Escape');
      await page.getByTestId('training-plan-form').waitFor({ state: 'detached' });

      await gotoPage(page, `/training/plans/${planId}`);
      await page.getByTestId('training-not-yet').waitFor();
      await page.getByTestId('training-needs-batch').first().waitFor();
      await check(page, 'plan: trainees');
      await page.getByTestId('training-trainee-new').click();
      await page.getByTestId('training-trainee-form').waitFor();
      await check(page, 'add trainee dialog');
      await page.keyboard.press('Escape');
      await page.getByTestId('training-trainee-form').waitFor({ state: 'detached' });
      await page.getByTestId('training-plan-edit').click();
      await page.getByTestId('training-plan-form').waitFor();
      await check(page, 'edit plan dialog');
      await page.keyboard.press('Escape');
      await page.getByTestId('training-plan-form').waitFor({ state: 'detached' });

      await page.getByTestId('training-tab-courses').click();
      await page.getByTestId('training-material').first().waitFor();
      await page.getByTestId('training-material-history').first().getByRole('button').first().click();
      await check(page, 'plan: courses and materials');
      await page.getByTestId('training-course-new').click();
      await page.getByTestId('training-course-form').waitFor();
      await check(page, 'add course dialog');
      await page.keyboard.press('Escape');
      await page.getByTestId('training-course-form').waitFor({ state: 'detached' });

      await page.getByTestId('training-tab-batches').click();
      await page.getByTestId('training-session').first().waitFor();
      await check(page, 'plan: batches and sessions');
      await page.getByTestId('training-batch-new').click();
      await page.getByTestId('training-batch-form').waitFor();
      await check(page, 'add batch dialog');
      await page.keyboard.press('Escape');
      await page.getByTestId('training-batch-form').waitFor({ state: 'detached' });
      await page.getByTestId('training-session-new').first().click();
      await page.getByTestId('training-session-form').waitFor();
      await check(page, 'schedule session dialog');
      await page.keyboard.press('Escape');
      await page.getByTestId('training-session-form').waitFor({ state: 'detached' });
      await page.getByTestId('training-attendance-open').first().click();
      await page.getByTestId('training-attendance-form').waitFor();
      await check(page, 'attendance dialog');
      await page.keyboard.press('Escape');
      await page.getByTestId('training-attendance-form').waitFor({ state: 'detached' });

      await page.getByTestId('training-tab-assessments').click();
      await page.getByTestId('training-assessment').first().waitFor();
      await check(page, 'plan: assessments');
      await page.getByTestId('training-assess-new').click();
      const form = page.getByTestId('training-assess-form');
      await form.waitFor();
      await form.getByText(t('training.assess.no', {}, lang), { exact: true }).click();
      await form.getByLabel(t('training.assess.retrainBatch', {}, lang)).waitFor();
      await check(page, 'assessment dialog');
    });

    test(`lead_a at 390 px (${lang}): reads the list and the plan without actions`, async () => {
      const page = await open('lead_a', lang);
      await gotoPage(page, '/training');
      await page.getByTestId('training-plan-row').first().waitFor();
      expect(await page.getByTestId('training-plan-new').count()).toBe(0);
      await check(page, '/training (lead_a)');
      await gotoPage(page, `/training/plans/${planId}`);
      await page.getByTestId('training-banner').waitFor();
      expect(await page.getByTestId('training-trainee-new').count()).toBe(0);
      await check(page, 'plan (lead_a)');
      for (const key of tabKeys.slice(1)) {
        await page.getByTestId(`training-tab-${key}`).click();
        await page.waitForURL((u) => u.searchParams.get('tab') === key);
        await check(page, `plan: ${key} (lead_a)`);
      }
      expect(await page.getByTestId('training-assess-new').count()).toBe(0);
      expect(await page.getByTestId('training-attendance-open').count()).toBe(0);
    });
  }

  test('engineer on a desktop: the trainee × course table and the sessions pass axe', async () => {
    const page = await open('engineer', 'zh-CN', DESKTOP);
    await gotoPage(page, `/training/plans/${planId}`);
    await page.getByTestId('training-trainee-row').first().waitFor();
    expect(await page.locator('table').count()).toBeGreaterThan(0);
    await check(page, 'plan (desktop)');
    await gotoPage(page, `/training/plans/${planId}?tab=batches`);
    await page.getByTestId('training-attendance-open').first().waitFor();
    await check(page, 'plan: batches (desktop)');
  });
});
