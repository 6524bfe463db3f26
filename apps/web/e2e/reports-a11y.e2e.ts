// Analytics (运营分析), commitments (服务承诺) and monthly reports (月度报告) at 390 px, in Chinese and in English:
// axe-core finds no serious/critical violation and nothing scrolls sideways — /analytics with its charts and
// summaries (as the manager, and as lead_a without the customer filter), /commitments with the edit dialog
// (manager) and read-only (lead_a), the ticket list under the clock filter the commitments link to, and
// /monthly-reports with the plan, downloads, archive and schedule form (manager) and read-only (lead_a).
// /analytics and /commitments are also checked on a desktop, where the charts and the table are wide.
import { beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible, pageAudit } from './support/a11y';
import { apiLogin } from './support/auth';
import { DESKTOP, useBrowser } from './support/browser';
import { apiCall, projectIdByName } from './support/fieldwork';
import type { Lang } from './support/i18n';
import { t } from './support/i18n';
import { type ApiCommitmentReport, beijingMonth, breachedResponseTicket } from './support/reports';
import { PROJECT_A } from './support/tickets';
import { expectText, gotoPage } from './support/ui';

const LANGS: Lang[] = ['zh-CN', 'en'];

describe('analytics, commitments and monthly report pages: axe and the 390 px layout', () => {
  const session = useBrowser({ closeAfterEach: true });
  const run = Date.now().toString(36);
  const month = beijingMonth();
  // The report pages show the last finished month (their default): only a finished month can be issued and archived.
  const reportMonth = month.endsWith('-01')
    ? `${Number(month.slice(0, 4)) - 1}-12`
    : `${month.slice(0, 5)}${String(Number(month.slice(5)) - 1).padStart(2, '0')}`;
  let projectId: string;
  let drillPath: string;

  const { open, check } = pageAudit(session, 'reports');
  const tr = (key: string, lang: Lang, vars: Record<string, string | number> = {}) => t(key, vars, lang);
  const chartsDrawn = async (page: import('playwright-core').Page) => {
    await page.getByTestId('analytics').waitFor();
    await page.getByTestId('chart-ontime-canvas').locator('canvas').first().waitFor();
  };

  beforeAll(async () => {
    const dispatcher = await session.newPage('setup-dispatcher', DESKTOP);
    const engineer = await session.newPage('setup-engineer', DESKTOP);
    const manager = await session.newPage('setup-manager', DESKTOP);
    await Promise.all([
      apiLogin(dispatcher, 'dispatcher'),
      apiLogin(engineer, 'engineer'),
      apiLogin(manager, 'manager'),
    ]);
    projectId = await projectIdByName(manager, PROJECT_A);
    await breachedResponseTicket(dispatcher, engineer, projectId, `无障碍响应超时 ${run}`);
    await apiCall(manager, 'PUT', `/projects/${projectId}/report-notes?month=${reportMonth}`, {
      nextMonthPlan: `无障碍下月计划 ${run}\n第二行`,
    });
    // One archived report (issued: downloads archive nothing), so the archive list has a row.
    await apiCall(manager, 'POST', `/projects/${projectId}/monthly-reports/issue`, {
      month: reportMonth,
      formats: ['xlsx'],
    });
    const report = await apiCall<ApiCommitmentReport>(
      manager,
      'GET',
      `/projects/${projectId}/commitments?month=${month}`,
    );
    const l1 = report.items.find((c) => c.kind === 'response' && c.level === 1)!;
    const p = new URLSearchParams({
      tab: 'all',
      projectId,
      clock: 'response',
      outcome: 'breached',
      endedFrom: String(l1.link.from),
      endedTo: String(l1.link.to),
    });
    drillPath = `/tickets?${p.toString()}`;
  });

  for (const lang of LANGS) {
    test(`/analytics (${lang}) as the manager and as lead_a`, async () => {
      const page = await open('manager', lang);
      await gotoPage(page, `/analytics?projectId=${encodeURIComponent(projectId)}`);
      await expectText(page.locator('h1'), tr('reports.analytics.title', lang));
      await chartsDrawn(page);
      await check(page, '/analytics');
      await gotoPage(page, '/analytics?trend=month');
      await chartsDrawn(page);
      await check(page, '/analytics all projects, monthly trend');

      const lead = await open('lead_a', lang);
      await gotoPage(lead, '/analytics');
      await chartsDrawn(lead);
      expect(await lead.getByTestId('analytics-customer').count()).toBe(0);
      await check(lead, '/analytics as lead_a');
    });

    test(`/commitments (${lang}) with the edit dialog, and as lead_a`, async () => {
      const page = await open('manager', lang);
      await gotoPage(page, `/commitments?month=${month}`);
      await page.getByTestId('overview-row').first().waitFor();
      await check(page, '/commitments overview');
      await gotoPage(page, `/commitments?projectId=${encodeURIComponent(projectId)}&month=${month}`);
      await page.getByTestId('commitment-row').first().waitFor();
      await check(page, '/commitments');
      await page.getByTestId('commitment-edit').first().click();
      await page.getByTestId('commitment-form').waitFor();
      await check(page, '/commitments edit dialog');
      await page.getByRole('button', { name: tr('common.cancel', lang) }).click();

      const lead = await open('lead_a', lang);
      await gotoPage(lead, `/commitments?month=${month}`);
      await lead.getByTestId('commitment-row').first().waitFor();
      expect(await lead.getByTestId('commitment-edit').count()).toBe(0);
      await check(lead, '/commitments as lead_a');
    });

    test(`the ticket list under the clock filter (${lang})`, async () => {
      const page = await open('manager', lang);
      await gotoPage(page, drillPath);
      await page.getByTestId('clock-filter-tag').waitFor();
      await page.getByTestId('ticket-row').first().waitFor();
      await check(page, '/tickets with the clock filter');
    });

    test(`/monthly-reports (${lang}) as the manager and as lead_a`, async () => {
      const page = await open('manager', lang);
      await gotoPage(page, `/monthly-reports?projectId=${encodeURIComponent(projectId)}&month=${reportMonth}`);
      await page.getByTestId('archive-row').first().waitFor();
      await page.getByTestId('report-schedule-form').waitFor();
      await expect.poll(() => page.getByTestId('report-plan').inputValue()).toContain(`无障碍下月计划 ${run}`);
      await check(page, '/monthly-reports');

      const lead = await open('lead_a', lang);
      await gotoPage(lead, `/monthly-reports?month=${reportMonth}`);
      await lead.getByTestId('report-plan-text').waitFor();
      await lead.getByTestId('report-docx').waitFor();
      expect(await lead.getByTestId('report-schedule-form').count()).toBe(0);
      await check(lead, '/monthly-reports as lead_a');
    });
  }

  test('/analytics, /commitments and /monthly-reports on a desktop (zh-CN)', async () => {
    const page = await open('manager', 'zh-CN', DESKTOP);
    await gotoPage(page, `/analytics?projectId=${encodeURIComponent(projectId)}`);
    await chartsDrawn(page);
    await expect.poll(() => page.locator('main .ant-spin-spinning').count(), { timeout: 15_000 }).toBe(0);
    await expectAccessible(page, '/analytics desktop');
    await gotoPage(page, `/commitments?projectId=${encodeURIComponent(projectId)}&month=${month}`);
    await page.getByTestId('commitment-row').first().waitFor();
    await expectAccessible(page, '/commitments desktop');
    await gotoPage(page, `/monthly-reports?projectId=${encodeURIComponent(projectId)}&month=${reportMonth}`);
    await page.getByTestId('archive-row').first().waitFor();
    await expectAccessible(page, '/monthly-reports desktop');
  });
});
