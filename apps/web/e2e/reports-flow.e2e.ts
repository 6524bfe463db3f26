// Commitments register, analytics and the monthly O&M report (R29), desktop: a level-1 ticket of project A
// is recorded as reported 60 minutes ago and responded to now, so its 30-minute response clock ends breached.
// The manager sees /analytics draw its charts with the on-time figures in the text summary; /commitments for
// project A and this month shows the level-1 response commitment 未达成, and its 查看记录 opens the ticket list
// under the clock filter with that ticket among the results; /monthly-reports opens on the last finished
// month, saves a next-month plan, the Word report downloads with the plan and the ticket number in it and
// archives nothing (issue 14); the running month cannot be issued, and issuing (定稿) the finished month adds
// one archived row per format whose SHA-256 is the hash of the archived bytes.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { login } from './support/auth';
import { DESKTOP, useBrowser } from './support/browser';
import { download } from './support/assets';
import { apiCall, projectIdByName } from './support/fieldwork';
import { flowSteps } from './support/flow';
import { t } from './support/i18n';
import {
  type ApiAnalytics,
  type ApiArchivedReport,
  type ApiBreachedTicket,
  type ApiCommitmentReport,
  beijingMonth,
  breachedResponseTicket,
  docxText,
  sha256,
} from './support/reports';
import { PROJECT_A } from './support/tickets';
import { expectAttr, expectText, gotoPage, openFromMenu } from './support/ui';

describe('commitments, analytics and the monthly report: a breached response clock from the register to the archived Word file', () => {
  const session = useBrowser();
  const step = flowSteps();
  const run = Date.now().toString(36);
  const month = beijingMonth();
  const lastMonth = month.endsWith('-01')
    ? `${Number(month.slice(0, 4)) - 1}-12`
    : `${month.slice(0, 5)}${String(Number(month.slice(5)) - 1).padStart(2, '0')}`;
  const plan = `下月计划：完成机房 UPS 巡检与核心交换机固件升级 ${run}`;
  let manager: Page;
  let projectId: string;
  let ticket: ApiBreachedTicket;

  step(
    'a level-1 ticket of project A reported 60 minutes ago is responded to now: its response clock is breached',
    async () => {
      const dispatcher = await session.newPage('dispatcher', DESKTOP);
      const engineer = await session.newPage('engineer', DESKTOP);
      await login(dispatcher, 'dispatcher');
      await login(engineer, 'engineer');
      projectId = await projectIdByName(dispatcher, PROJECT_A);
      ticket = await breachedResponseTicket(dispatcher, engineer, projectId, `核心业务系统无法访问 ${run}`);
      expect(ticket.number).toMatch(/^GD-\d{4}-\d{6}$/);
      await dispatcher.close();
      await engineer.close();
    },
  );

  step('the manager opens 运营分析: the charts render and the on-time figures are in the text summary', async () => {
    manager = await session.newPage('manager', DESKTOP);
    await login(manager, 'manager');
    await openFromMenu(manager, t('reports.nav.analytics'));
    await manager.waitForURL(/\/analytics/);
    await expectText(manager.locator('h1'), t('reports.analytics.title'));
    await gotoPage(manager, `/analytics?projectId=${encodeURIComponent(projectId)}`);
    const view = manager.getByTestId('analytics');
    await view.waitFor();
    for (const id of ['chart-ontime', 'chart-trend', 'chart-age', 'chart-level', 'chart-cause']) {
      await manager.getByTestId(`${id}-canvas`).locator('canvas').first().waitFor();
    }
    const a = await apiCall<ApiAnalytics>(manager, 'GET', `/analytics?projectId=${encodeURIComponent(projectId)}`);
    expect(a.projectIds).toEqual([projectId]);
    await expectAttr(view, 'data-from', a.from);
    await expectAttr(view, 'data-to', a.to);
    const l1 = a.onTime.find((r) => r.kind === 'response' && r.level === 1);
    expect(l1, 'the level-1 response rate').toBeTruthy();
    expect(l1!.breached).toBeGreaterThanOrEqual(1);
    expect(l1!.pct).not.toBeNull();
    const cell = manager.getByTestId('chart-ontime-table').getByTestId('ontime-response-1');
    await expectAttr(cell, 'data-pct', String(l1!.pct));
    expect(await cell.innerText()).toContain(`${l1!.pct}%`);
    expect(await cell.innerText()).toContain(`${l1!.met}/${l1!.met + l1!.breached}`);
    // Every rate of the summary reads as the API says, and a rate with nothing behind it reads 无数据.
    for (const r of a.onTime) {
      const c = manager.getByTestId(`ontime-${r.kind}-${r.level ?? 'all'}`);
      await expectAttr(c, 'data-pct', r.pct === null ? '' : String(r.pct));
      if (r.pct === null) expect(await c.innerText()).toContain(t('reports.noData'));
    }
    await expectAttr(manager.getByTestId('analytics-received'), 'data-value', String(a.received));
    // The week / month toggle redraws the trend.
    await manager.getByTestId('trend-by').getByText(t('reports.analytics.byMonth')).click();
    await manager.waitForURL((u) => u.searchParams.get('trend') === 'month');
    await manager.getByTestId('chart-trend-table').locator(`tr[data-row="${month}"]`).waitFor();
  });

  step(
    '服务承诺 for project A this month: the level-1 response commitment is 未达成; 查看记录 lists the ticket under the clock filter',
    async () => {
      await openFromMenu(manager, t('reports.nav.commitments'));
      await manager.waitForURL(/\/commitments/);
      // Before a project is chosen: every project's pass rate; project A's row opens its register.
      await gotoPage(manager, `/commitments?month=${month}`);
      const overview = await apiCall<{ items: { projectId: string; executionPct: number | null }[] }>(
        manager,
        'GET',
        `/commitments?month=${month}`,
      );
      const rowA = manager
        .getByTestId('overview-row')
        .filter({ has: manager.locator(`[data-testid=overview-project][href*="${projectId}"]`) });
      await expectAttr(
        rowA.getByTestId('overview-pct'),
        'data-pct',
        String(overview.items.find((i) => i.projectId === projectId)!.executionPct ?? ''),
      );
      await rowA.getByTestId('overview-project').click();
      await manager.waitForURL((u) => u.searchParams.get('projectId') === projectId);
      await expectText(manager.locator('h1'), t('reports.commitments.title'));
      const report = manager.getByTestId('commitments');
      await expectAttr(report, 'data-month', month);
      const api = await apiCall<ApiCommitmentReport>(
        manager,
        'GET',
        `/projects/${projectId}/commitments?month=${month}`,
      );
      const l1 = api.items.find((c) => c.kind === 'response' && c.level === 1);
      expect(l1, 'a level-1 response commitment').toBeTruthy();
      expect(l1!.status).toBe('missed');
      expect(l1!.link.page).toBe('tickets');
      await expectAttr(
        manager.getByTestId('commitments-execution'),
        'data-pct',
        api.executionPct === null ? '' : String(api.executionPct),
      );
      await expectAttr(manager.getByTestId('commitments-missed'), 'data-count', String(api.missed));
      await expectAttr(manager.getByTestId('commitments-met'), 'data-count', String(api.met));
      await expectAttr(manager.getByTestId('commitments-noData'), 'data-count', String(api.noData));

      const row = manager
        .getByTestId('commitment-row')
        .filter({ has: manager.locator('[data-testid=commitment-promise][data-kind=response][data-level="1"]') });
      await row.waitFor();
      await expectText(row.getByTestId('commitment-status'), t('reports.status.missed'));
      await expectAttr(row.getByTestId('commitment-status'), 'data-status', 'missed');
      await row.getByTestId('commitment-link').click();
      await manager.waitForURL(
        (u) =>
          u.pathname === '/tickets' &&
          u.searchParams.get('clock') === 'response' &&
          u.searchParams.get('outcome') === 'breached',
      );
      const url = new URL(manager.url());
      expect(url.searchParams.get('projectId')).toBe(projectId);
      expect(Number(url.searchParams.get('endedFrom'))).toBeLessThanOrEqual(Date.now());
      expect(Number(url.searchParams.get('endedTo'))).toBeGreaterThan(Date.now() - 60_000);
      const tag = manager.getByTestId('clock-filter-tag');
      await tag.waitFor();
      expect(await tag.innerText()).toContain(t('reports.clockFilter.label'));
      await manager.getByTestId('ticket-row').filter({ hasText: ticket.number }).first().waitFor();
      // What the list shows is what the server filtered: every row's ticket is on the API's drill-down page.
      const listed = await apiCall<{ items: { number: string }[] }>(manager, 'GET', `/tickets${url.search}`);
      expect(listed.items.map((x) => x.number)).toContain(ticket.number);
      // Removing the tag drops the four parameters.
      await manager.getByTestId('clock-filter-remove').click();
      await manager.waitForURL((u) => !u.searchParams.has('clock') && !u.searchParams.has('endedFrom'));
      await expect.poll(() => manager.getByTestId('clock-filter-tag').count()).toBe(0);
    },
  );

  step(
    '月度报告: opens on the last finished month; the manager saves a plan; the Word report holds it and the ticket and archives nothing',
    async () => {
      await openFromMenu(manager, t('reports.nav.monthlyReports'));
      await manager.waitForURL(/\/monthly-reports/);
      await gotoPage(manager, `/monthly-reports?projectId=${encodeURIComponent(projectId)}`);
      await expectAttr(manager.getByTestId('monthly-reports'), 'data-month', lastMonth);
      await gotoPage(manager, `/monthly-reports?projectId=${encodeURIComponent(projectId)}&month=${month}`);
      await expectText(manager.locator('h1'), t('reports.monthly.title'));
      const box = manager.getByTestId('report-plan');
      await expect.poll(() => box.isEnabled()).toBe(true);
      await box.fill(plan);
      const saved = manager.waitForResponse(
        (r) => r.request().method() === 'PUT' && r.url().includes(`/projects/${projectId}/report-notes`),
      );
      await manager.getByTestId('report-plan-save').click();
      const res = await saved;
      expect(res.ok(), await res.text()).toBe(true);
      await manager.getByTestId('report-plan-updated').waitFor();
      const notes = await apiCall<{ nextMonthPlan: string }>(
        manager,
        'GET',
        `/projects/${projectId}/report-notes?month=${month}`,
      );
      expect(notes.nextMonthPlan).toBe(plan);
      await manager.reload();
      await expect.poll(() => box.inputValue()).toBe(plan);

      const before = (
        await apiCall<{ items: ApiArchivedReport[] }>(
          manager,
          'GET',
          `/projects/${projectId}/monthly-reports?month=${month}&limit=100`,
        )
      ).items.length;
      const word = await download(manager, manager.getByTestId('report-docx'));
      expect(word.name).toMatch(/\.docx$/);
      expect(word.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      const text = await docxText(word.bytes);
      expect(text).toContain(plan);
      expect(text).toContain(ticket.number);

      // A download is a reading: the archive is unchanged, and the running month cannot be issued.
      await manager.waitForTimeout(1500);
      const after = (
        await apiCall<{ items: ApiArchivedReport[] }>(
          manager,
          'GET',
          `/projects/${projectId}/monthly-reports?month=${month}&limit=100`,
        )
      ).items;
      expect(after.length).toBe(before);
      expect(after.some((r) => r.sha256 === sha256(word.bytes))).toBe(false);
      expect(await manager.getByTestId('report-issue').isDisabled()).toBe(true);
      await expectText(manager.getByTestId('report-issue-help'), t('reports.issue.notEnded'));
    },
  );

  step(
    '定稿: issuing the finished month archives one row per format; the archived Word file matches its SHA-256',
    async () => {
      await gotoPage(manager, `/monthly-reports?projectId=${encodeURIComponent(projectId)}&month=${lastMonth}`);
      const card = manager.getByTestId('archive-card');
      await card.waitFor();
      const before = (
        await apiCall<{ items: ApiArchivedReport[] }>(
          manager,
          'GET',
          `/projects/${projectId}/monthly-reports?month=${lastMonth}&limit=100`,
        )
      ).items.length;
      await manager.getByTestId('report-issue').click();
      const issued = manager.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().includes(`/projects/${projectId}/monthly-reports/issue`),
      );
      await manager
        .locator('.ant-popconfirm')
        .getByRole('button', { name: t('reports.issue.ok') })
        .click();
      const res = await issued;
      expect(res.ok(), await res.text()).toBe(true);
      const items = ((await res.json()) as { items: ApiArchivedReport[] }).items;
      expect(items.map((r) => r.format).sort()).toEqual(['docx', 'pdf', 'xlsx']);
      await expect
        .poll(() => card.getAttribute('data-count'), { timeout: 20_000 })
        .toBe(String(Math.min(before + 3, 20)));
      const docx = items.find((r) => r.format === 'docx')!;
      const row = manager
        .getByTestId('archive-row')
        .filter({ has: manager.locator(`[data-testid=archive-sha][data-sha="${docx.sha256}"]`) });
      await row.waitFor({ timeout: 20_000 });
      await expectAttr(row.getByTestId('archive-format'), 'data-format', 'docx');
      expect(await row.getByTestId('archive-sha').innerText()).toBe(`${docx.sha256.slice(0, 12)}…`);
      const after = (
        await apiCall<{ items: ApiArchivedReport[] }>(
          manager,
          'GET',
          `/projects/${projectId}/monthly-reports?month=${lastMonth}&limit=100`,
        )
      ).items;
      expect(after.length).toBe(before + 3);
      // The archived copy is byte for byte what was issued.
      const again = await download(manager, row.getByTestId('archive-download'));
      expect(sha256(again.bytes)).toBe(docx.sha256);
      const text = await docxText(again.bytes);
      expect(text).toContain('月度运维报告');
      expect(text).toContain(`YB-`);
    },
  );
});
