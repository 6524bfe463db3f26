// Inspections on a 390×844 phone: the manager sets up a checklist (3 items: a range up to 80 %, one
// needing a photo) and a monthly plan on project A assigned to 张工 through the API; 张工 finds the task
// in 巡检任务, passes an item, fails the range item at 93 % and opens its ticket, reloads (the run is
// resumable), photographs and passes the photo item, records a parameter adjustment, sees finishing
// refused while an item is open, finishes, and submits the inspection record; 刘处长 (lead_a) signs it
// and downloads the inspection report as PDF and as Word.
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { login, logout } from './support/auth';
import { PHONE, useBrowser } from './support/browser';
import { download } from './support/assets';
import { apiCall, expectRecordStatus, projectIdByName, recordAction, signInDialog } from './support/fieldwork';
import { flowSteps } from './support/flow';
import { t } from './support/i18n';
import { expectNoHorizontalScroll } from './support/layout';
import { PROJECT_A } from './support/tickets';
import { chooseOption, expectAttr, expectText, openFromMenu } from './support/ui';

/** A 1×1 PNG standing in for the camera's picture. */
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const beijingDay = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** The paragraphs of a .docx's word/document.xml as text (runs joined, entities decoded). */
async function docxText(data: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file('word/document.xml')?.async('string');
  expect(xml, 'word/document.xml in the .docx').toBeTruthy();
  return xml!
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('inspection on a 390×844 phone: checklist, finding ticket, adjustment, finish, record signed', () => {
  const session = useBrowser();
  const step = flowSteps();
  let page: Page;
  let taskId: string;
  let record: { id: string; number: string };
  const run = Date.now().toString(36);
  const planName = `机房月度巡检 ${run}`;
  const fits = (label: string) => expectNoHorizontalScroll(page, label);
  const item = (key: string) => page.getByTestId(`insp-item-${key}`);

  step('the manager creates a checklist template and a monthly plan for 张工 through the API', async () => {
    page = await session.newPage('phone', PHONE);
    await login(page, 'manager');
    const template = await apiCall<{ id: string }>(page, 'POST', '/checklist-templates', {
      name: `机房巡检模板 ${run}`,
      scope: 'system',
      assetType: null,
      items: [
        { key: 'ups', title: 'UPS 运行状态', method: '查看面板', expected: '无告警' },
        { key: 'humidity', title: '机房湿度', method: '读取温湿度计', expected: '', min: null, max: 80, unit: '%' },
        { key: 'rack', title: '机柜整洁', method: '目视', expected: '线缆整齐', photoRequired: true },
      ],
    });
    const projectId = await projectIdByName(page, PROJECT_A);
    const assignees = await apiCall<{ id: string; username: string }[]>(
      page,
      'GET',
      `/projects/${projectId}/assignees`,
    );
    const engineer = assignees.find((u) => u.username === 'engineer');
    expect(engineer, 'engineer is on project A').toBeTruthy();
    const today = beijingDay();
    await apiCall(page, 'POST', `/projects/${projectId}/inspection-plans`, {
      name: planName,
      kind: 'monthly',
      templateId: template.id,
      dueDay: Number(today.slice(8, 10)),
      intervalMonths: 1,
      startsOn: today,
      leadDays: 31,
      assigneeIds: [engineer!.id],
    });
    await logout(page);
  });

  step("张工 opens 巡检任务 and finds today's task", async () => {
    await login(page, 'engineer');
    await openFromMenu(page, t('nav.inspections'));
    await page.waitForURL(/\/inspections(\?.*)?$/);
    await expectText(page.locator('h1'), t('insp.tasksTitle'));
    await page.getByTestId('insp-mine').click();
    await page.waitForURL((u) => u.searchParams.get('mine') === '1');
    const row = page.getByTestId('insp-task-row').filter({ hasText: planName });
    await row.waitFor();
    await expectAttr(row.getByTestId('insp-state'), 'data-state', 'open');
    await fits('inspection tasks');
    await session.screenshot(page, 'phone-inspection-tasks', { fullPage: true });
    taskId = (await row.getAttribute('data-task-id'))!;
    // the month grid shows it in today's cell, fits the phone too, and opens it
    await page.getByTestId('insp-view-calendar').click();
    await page.waitForURL((u) => u.searchParams.get('view') === 'calendar');
    const todayCell = page.locator(`[data-testid="insp-cal-day"][data-date="${beijingDay()}"]`);
    await expectAttr(todayCell, 'aria-current', 'date');
    const chip = todayCell.locator(`[data-testid="insp-cal-task"][data-task-id="${taskId}"]`);
    await expectAttr(chip, 'data-state', 'open');
    await fits('inspection tasks (calendar)');
    await chip.click();
    await page.waitForURL((u) => u.pathname === `/inspections/tasks/${taskId}`);
    await expectText(page.locator('h1'), planName);
    await expectText(page.getByTestId('insp-progress'), t('insp.progress', { n: 0, m: 3 }));
    await fits('inspection run (empty)');
  });

  step('passes UPS, fails humidity at 93 % and opens its ticket (level 3)', async () => {
    await page.getByTestId('insp-pass-ups').click();
    await expectAttr(item('ups'), 'data-outcome', 'pass');
    await item('humidity').getByRole('spinbutton').fill('93');
    await page.getByTestId('insp-fail-humidity').click();
    await expectAttr(item('humidity'), 'data-outcome', 'fail');
    await expectText(page.getByTestId('insp-progress'), t('insp.progress', { n: 2, m: 3 }));
    const level = item('humidity').getByRole('combobox', { name: t('insp.ticketLevel', { item: '机房湿度' }) });
    await chooseOption(page, level, t('level.short.3'), { search: false });
    await page.getByTestId('insp-ticket-open-humidity').click();
    const ticket = page.getByTestId('insp-ticket-humidity');
    await ticket.waitFor();
    const number = (await ticket.innerText()).trim();
    expect(number).toBeTruthy();
    expect(await ticket.getAttribute('href')).toMatch(/^\/tickets\/[^/]+$/);
    const detail = await apiCall<{ results: { key: string; ticketId: string | null }[] }>(
      page,
      'GET',
      `/inspection-tasks/${taskId}`,
    );
    const ticketId = detail.results.find((r) => r.key === 'humidity')?.ticketId;
    const tk = await apiCall<{ level: number; number: string }>(page, 'GET', `/tickets/${ticketId}`);
    expect(tk.level).toBe(3);
    expect(tk.number).toBe(number);
    await fits('inspection run (failed item with its ticket)');
  });

  step('finishing is refused while the photo item is unchecked; a reload keeps the results', async () => {
    await page.getByTestId('insp-finish').click();
    const error = page.getByTestId('insp-finish-error');
    await error.waitFor();
    await error.getByText('机柜整洁', { exact: false }).first().waitFor();
    await page.reload();
    await expectText(page.getByTestId('insp-progress'), t('insp.progress', { n: 2, m: 3 }));
    await expectAttr(item('ups'), 'data-outcome', 'pass');
    await expectAttr(item('humidity'), 'data-outcome', 'fail');
    expect(await item('humidity').getByRole('spinbutton').inputValue()).toBe('93');
    await page.getByTestId('insp-ticket-humidity').waitFor();
  });

  step('passes the rack item and adds its photo', async () => {
    await page.getByTestId('insp-pass-rack').click();
    await expectAttr(item('rack'), 'data-outcome', 'pass');
    await page
      .getByTestId('insp-photo-input-rack')
      .setInputFiles({ name: 'rack.png', mimeType: 'image/png', buffer: Buffer.from(PNG_1PX, 'base64') });
    const photo = page.getByTestId('insp-photo-rack');
    await photo.waitFor();
    await expect
      .poll(
        () => photo.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0),
        { timeout: 10_000 },
      )
      .toBe(true);
    await expectText(page.getByTestId('insp-progress'), t('insp.progress', { n: 3, m: 3 }));
  });

  step('records a parameter adjustment', async () => {
    const card = page.getByTestId('insp-adjustments');
    await card.getByLabel(t('insp.adj.parameter')).fill('精密空调除湿设定');
    await card.getByLabel(t('insp.adj.before')).fill('60%');
    await card.getByLabel(t('insp.adj.after')).fill('50%');
    await card.getByLabel(t('insp.adj.reason')).fill(`湿度超标 ${run}`);
    await page.getByTestId('insp-adj-add').click();
    await page.getByTestId('insp-adjustment').filter({ hasText: '精密空调除湿设定' }).waitFor();
    await fits('inspection run (all checked, adjustment)');
    await session.screenshot(page, 'phone-inspection-run', { fullPage: true });
  });

  step('finishes; the inspection record opens and is submitted', async () => {
    await page.getByTestId('insp-summary').fill('机房湿度超标，已调整空调设定并开工单跟进');
    await page.getByTestId('insp-finish').click();
    // Offered to submit the record at once ("现在提交巡检记录?"): later, to submit it from the record page.
    await page.getByTestId('insp-submit-later').click();
    const link = page.getByTestId('insp-record-link');
    await link.waitFor();
    await expectAttr(page.getByTestId('insp-run'), 'data-status', 'done');
    expect(await page.getByTestId('insp-finish').count()).toBe(0);
    await fits('inspection run (finished)');
    const number = (await link.innerText()).trim();
    await link.click();
    await page.waitForURL((u) => /^\/records\/[^/]+$/.test(u.pathname));
    record = { id: (await page.getByTestId('record-detail').getAttribute('data-record-id'))!, number };
    expect((await page.getByTestId('record-number').innerText()).trim()).toBe(number);
    await expectRecordStatus(page, 'draft');
    await recordAction(page, 'submit');
    await expectRecordStatus(page, 'submitted');
    await fits('inspection record (submitted)');
    await logout(page);
  });

  step('刘处长 (lead_a) signs the inspection record', async () => {
    await login(page, 'lead_a');
    await page.goto(`/records/${record.id}`);
    await expectRecordStatus(page, 'submitted');
    await page.getByTestId('record-action-sign').click();
    await signInDialog(page, { touch: true });
    await expectRecordStatus(page, 'signed');
    await fits('inspection record (signed)');
    // the task, read by the customer, links its signed record
    await page.goto(`/inspections/tasks/${taskId}`);
    await expectText(page.getByTestId('insp-record-link'), record.number);
    expect(await page.getByTestId('insp-finish').count()).toBe(0);
    await fits('inspection task (customer view)');
  });

  step('the inspection report downloads as PDF and as Word (with the plan and the signed record)', async () => {
    const pdf = await download(page, page.getByTestId('insp-report-pdf'));
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pdf.bytes.length).toBeGreaterThan(2000);
    const word = await download(page, page.getByTestId('insp-report-docx'));
    expect(word.name).toMatch(/\.docx$/);
    expect(word.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(word.bytes.length).toBeGreaterThan(2000);
    const text = await docxText(word.bytes);
    expect(text).toContain(planName);
    expect(text).toContain(record.number);
  });
});
