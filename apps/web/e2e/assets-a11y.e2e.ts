// The asset pages at 390 px and on a desktop, in Chinese and in English: axe-core finds no
// serious/critical violation and on the phone nothing scrolls sideways — the ledger with its
// acceptances and dialogs (new asset, import with row errors), an asset's page with the inspection
// dialog, warranty reminders, the cost statement, repair points with their dialog, the customer
// archive, and the repair panel of a ticket with its dialogs; the customer's lead reads them at 390 px.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible } from './support/a11y';
import { beijingDaysAgo, ledgerXlsx, XLSX_MIME } from './support/assets';
import { apiLogin } from './support/auth';
import { DESKTOP, PHONE, useBrowser } from './support/browser';
import { apiCall, projectIdByName } from './support/fieldwork';
import type { Lang } from './support/i18n';
import { expectNoHorizontalScroll } from './support/layout';
import { PROJECT_A } from './support/tickets';
import { gotoPage } from './support/ui';

const run = `A11Y-${Date.now().toString(36).toUpperCase()}`;
interface Fixture {
  projectId: string;
  customerId: string;
  serverId: string;
  ticketId: string;
}

describe('asset pages: axe and the 390 px layout, zh-CN and en', () => {
  const session = useBrowser({ closeAfterEach: true });
  let fx: Fixture;

  /** A page for `user` in `lang` (the stored language choice wins over the account's). */
  async function open(user: string, options = DESKTOP, lang: Lang = 'zh-CN'): Promise<Page> {
    const page = await session.newPage(`${user}-${lang}-${options.viewport?.width}`, options);
    if (lang === 'en') await page.context().addInitScript(() => localStorage.setItem('weibao.lang', 'en'));
    await apiLogin(page, user);
    return page;
  }

  /** axe, and at phone size no sideways scrolling. */
  async function check(page: Page, label: string): Promise<void> {
    await expect.poll(() => page.locator('main .ant-spin-spinning').count(), { timeout: 15_000 }).toBe(0);
    const full = `${label} (${page.viewportSize()?.width} px, ${await page.evaluate(() => document.documentElement.lang)})`;
    await expectAccessible(page, full);
    if ((page.viewportSize()?.width ?? 0) <= 400) await expectNoHorizontalScroll(page, full);
    await session.screenshot(page, full, { fullPage: true });
  }

  const closeDialog = async (page: Page, testId: string) => {
    await page.keyboard.press('Escape');
    await page.getByTestId(testId).waitFor({ state: 'detached' });
  };

  beforeAll(async () => {
    // Data for every page: an accepted server with a disk, a repair point, a ticket on the server with a cost.
    const page = await session.newPage('setup');
    await apiLogin(page, 'manager');
    const projectId = await projectIdByName(page, PROJECT_A);
    const projects = await apiCall<{ id: string; customerId: string }[]>(page, 'GET', '/projects');
    const customerId = projects.find((p) => p.id === projectId)!.customerId;
    const acc = await apiCall<{ id: string }>(page, 'POST', `/projects/${projectId}/acceptances`, {
      batch: `验收 ${run}`,
      acceptedOn: beijingDaysAgo({ months: 30 }),
    });
    const server = await apiCall<{ id: string }>(page, 'POST', `/projects/${projectId}/assets`, {
      kind: 'hardware',
      type: '服务器',
      name: `数据库服务器 ${run}`,
      model: 'Huawei TaiShan 200',
      serial: `SRV-${run}`,
      location: '主机房 B-01',
      acceptanceId: acc.id,
    });
    await apiCall(page, 'POST', `/projects/${projectId}/assets`, {
      kind: 'hardware',
      type: '硬盘',
      name: `系统盘 ${run}`,
      model: 'Intel S4510 960G',
      serial: `SSD-${run}`,
      parentId: server.id,
      acceptanceId: acc.id,
    });
    await apiCall(page, 'POST', '/repair-points', {
      name: `市区维修站 ${run}`,
      address: '杭州市拱墅区莫干山路 1 号',
      personInCharge: '钱站长',
      contact: 'repair@example.cn',
      phone: '0571-12345678',
      capabilities: ['服务器', '存储', '网络设备'],
      staff: [
        { discipline: 'hardware', count: 4 },
        { discipline: 'network_security', count: 1 },
      ],
      projectIds: [projectId],
    });
    const ticket = await apiCall<{ id: string }>(page, 'POST', '/tickets', {
      projectId,
      title: `数据库服务器告警 ${run}`,
      description: '风扇告警',
      level: 3,
      channel: 'phone',
      reporterName: '刘处长',
      reporterPhone: '13800138000',
      assetId: server.id,
    });
    await apiCall(page, 'POST', `/tickets/${ticket.id}/cost-items`, {
      kind: 'labour',
      description: '现场检查',
      quantity: 1.5,
    });
    // an item out of warranty with a billable part: a line on the cost statement
    const oldAcc = await apiCall<{ id: string }>(page, 'POST', `/projects/${projectId}/acceptances`, {
      batch: `旧验收 ${run}`,
      acceptedOn: beijingDaysAgo({ months: 40 }),
    });
    const old = await apiCall<{ id: string }>(page, 'POST', `/projects/${projectId}/assets`, {
      kind: 'hardware',
      type: '防火墙',
      name: `旧防火墙 ${run}`,
      model: 'Hillstone SG-6000',
      serial: `FW-${run}`,
      acceptanceId: oldAcc.id,
    });
    const oldTicket = await apiCall<{ id: string }>(page, 'POST', '/tickets', {
      projectId,
      title: `防火墙电源故障 ${run}`,
      level: 3,
      channel: 'phone',
      reporterName: '刘处长',
      reporterPhone: '13800138000',
      assetId: old.id,
    });
    await apiCall(page, 'POST', `/tickets/${oldTicket.id}/cost-items`, {
      kind: 'part',
      description: '电源模块',
      quantity: 1,
      unitCostCents: 68_000,
    });
    fx = { projectId, customerId, serverId: server.id, ticketId: ticket.id };
    await page.context().close();
  });

  /** Ledger (both tabs), asset page, warranty, costs, repair points, archive, ticket repair panel. */
  async function readPages(page: Page, who: 'manager' | 'lead_a'): Promise<void> {
    await gotoPage(page, `/assets?projectId=${fx.projectId}&q=${run}`);
    await page.getByTestId('asset-row').first().waitFor();
    await check(page, `/assets (${who})`);
    await page.getByTestId('assets-tab-acceptances').click();
    await page.getByTestId('acceptance-row').first().waitFor();
    await check(page, `/assets acceptances (${who})`);

    await gotoPage(page, `/assets/${fx.serverId}`);
    await page.getByTestId('warranty-history').waitFor();
    await page.getByTestId('archive-event').first().waitFor();
    await check(page, `/assets/:id (${who})`);

    await gotoPage(page, '/warranty');
    await page.getByTestId('warranty-ending').waitFor();
    await check(page, `/warranty (${who})`);
    await page.getByTestId('inspection-tab-due_within').click();
    await check(page, `/warranty inspections due (${who})`);

    await gotoPage(page, `/costs?customerId=${fx.customerId}`);
    await page.getByTestId('statement-line').first().waitFor();
    await check(page, `/costs (${who})`);

    await gotoPage(page, '/repair-points');
    await page.getByTestId('repair-point-card').first().waitFor();
    await check(page, `/repair-points (${who})`);

    await gotoPage(page, `/customers/${fx.customerId}/archive`);
    await page.getByTestId('archive-event').first().waitFor();
    await check(page, `customer archive (${who})`);

    await gotoPage(page, `${who === 'manager' ? '/tickets' : '/portal/tickets'}/${fx.ticketId}`);
    await page.getByTestId('repair-panel').waitFor();
    await page.getByTestId('ticket-timeline').waitFor();
    await check(page, `ticket repair panel (${who})`);
  }

  /** The manager's dialogs: new asset, import with row errors, inspection, repair point, replace part, add cost. */
  async function dialogs(page: Page): Promise<void> {
    await gotoPage(page, `/assets?projectId=${fx.projectId}`);
    await page.getByTestId('asset-new').click();
    await page.getByTestId('asset-form').waitFor();
    await page.getByTestId('asset-form-save').click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await check(page, 'new asset dialog with errors');
    await closeDialog(page, 'asset-form');

    await page.getByTestId('asset-import').click();
    await page.getByTestId('import-modal').waitFor();
    const bad = await ledgerXlsx([{ kind: '打印机', type: '', name: `坏行 ${run}`, model: 'X', serial: `BAD-${run}` }]);
    await page.getByTestId('import-input').setInputFiles({ name: 'bad.xlsx', mimeType: XLSX_MIME, buffer: bad });
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-invalid').waitFor();
    await check(page, 'import dialog with row errors');
    await closeDialog(page, 'import-modal');

    await gotoPage(page, `/assets/${fx.serverId}`);
    await page.getByTestId('inspection-record').click();
    await page.getByTestId('inspection-form').waitFor();
    await check(page, 'inspection dialog');
    await closeDialog(page, 'inspection-form');

    await gotoPage(page, '/repair-points');
    await page.getByTestId('repair-point-edit').first().click();
    await page.getByTestId('repair-point-form').waitFor();
    await check(page, 'repair point dialog');
    await closeDialog(page, 'repair-point-form');

    await gotoPage(page, `/tickets/${fx.ticketId}`);
    await page.getByTestId('repair-replace').click();
    await page.getByTestId('replace-form').waitFor();
    await check(page, 'replace part dialog');
    await closeDialog(page, 'replace-form');
    await page.getByTestId('repair-add-cost').click();
    const cost = page.getByTestId('cost-form');
    await cost.waitFor();
    await check(page, 'add cost dialog');
    await closeDialog(page, 'cost-form');
  }

  test('manager on a desktop, zh-CN: every page and dialog', async () => {
    const page = await open('manager');
    await readPages(page, 'manager');
    await dialogs(page);
  });

  test('manager at 390 px, zh-CN: every page and dialog', async () => {
    const page = await open('manager', PHONE);
    await readPages(page, 'manager');
    await dialogs(page);
  });

  test('manager at 390 px, English: every page', async () => {
    const page = await open('manager', PHONE, 'en');
    await readPages(page, 'manager');
  });

  test('lead_a at 390 px: the read-only pages', async () => {
    const page = await open('lead_a', PHONE);
    await readPages(page, 'lead_a');
    expect(await page.getByTestId('repair-add-cost').count()).toBe(0);
    await gotoPage(page, `/assets?projectId=${fx.projectId}`);
    await page.getByTestId('asset-export').waitFor();
    expect((await page.getByTestId('asset-new').count()) + (await page.getByTestId('asset-import').count())).toBe(0);
  });
});
