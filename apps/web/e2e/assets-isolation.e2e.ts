// Customers see only their own organisation's assets: an item of 省信息中心 (project A) is missing
// from 市自然资源局's ledger (cust_b) and its page says not found; its archive, the customer's
// archive and cost statement and a repair point serving only project A stay hidden from lead_b.
// cust_a, of the owning organisation, sees it.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { beijingDaysAgo } from './support/assets';
import { login } from './support/auth';
import { useBrowser } from './support/browser';
import { apiCall, projectIdByName } from './support/fieldwork';
import { flowSteps } from './support/flow';
import { t } from './support/i18n';
import { CUSTOMER_A, PROJECT_A } from './support/tickets';
import { expectText, gotoPage, openFromMenu } from './support/ui';

const run = `ISO-${Date.now().toString(36).toUpperCase()}`;
const SERIAL = `SRV-${run}`;
const NAME = `核心数据库服务器 ${run}`;
const POINT = `甲方专用维修点 ${run}`;

describe('asset isolation between customers', () => {
  const session = useBrowser();
  const step = flowSteps();
  let assetId: string;
  let customerA: string;
  let pageB: Page;

  step('the manager records a server of project A and a repair point serving only project A', async () => {
    const page = await session.newPage('manager');
    await login(page, 'manager');
    const projectId = await projectIdByName(page, PROJECT_A);
    customerA = (await apiCall<{ id: string; customerId: string }[]>(page, 'GET', '/projects')).find(
      (p) => p.id === projectId,
    )!.customerId;
    const acc = await apiCall<{ id: string }>(page, 'POST', `/projects/${projectId}/acceptances`, {
      batch: `验收 ${run}`,
      acceptedOn: beijingDaysAgo({ months: 6 }),
    });
    assetId = (
      await apiCall<{ id: string }>(page, 'POST', `/projects/${projectId}/assets`, {
        kind: 'hardware',
        type: '服务器',
        name: NAME,
        model: 'Inspur NF5280M6',
        serial: SERIAL,
        location: '省信息中心机房',
        acceptanceId: acc.id,
      })
    ).id;
    await apiCall(page, 'POST', '/repair-points', {
      name: POINT,
      address: '省信息中心一楼',
      personInCharge: '周主管',
      phone: '0571-00000000',
      capabilities: ['服务器'],
      staff: [],
      projectIds: [projectId],
    });
  });

  step('cust_a sees the server in the ledger and on its page', async () => {
    const page = await session.newPage('cust_a');
    await login(page, 'cust_a');
    await openFromMenu(page, t('nav.assets'));
    await page.waitForURL(/\/assets/);
    await page.getByLabel(t('asset.search')).fill(SERIAL);
    await page.getByLabel(t('asset.search')).press('Enter');
    await page.getByTestId('asset-row').filter({ hasText: SERIAL }).waitFor();
    await gotoPage(page, `/assets/${assetId}`);
    await expectText(page.getByTestId('asset-name'), NAME);
    // read-only: no edit or inspection buttons for a customer
    expect(await page.getByTestId('asset-edit').count()).toBe(0);
    expect(await page.getByTestId('inspection-record').count()).toBe(0);
  });

  step('cust_b’s ledger has none of project A’s items, not even by searching the serial', async () => {
    pageB = await session.newPage('cust_b');
    const me = await login(pageB, 'cust_b');
    expect(me.orgName).not.toBe(CUSTOMER_A);
    const api = await apiCall<{ items: { serial: string; customerId: string }[] }>(
      pageB,
      'GET',
      `/assets?q=${encodeURIComponent(SERIAL)}`,
    );
    expect(api.items).toEqual([]);
    const all = await apiCall<{ items: { serial: string; customerId: string }[] }>(pageB, 'GET', '/assets?limit=200');
    for (const a of all.items) expect(a.customerId).toBe(me.orgId);

    await openFromMenu(pageB, t('nav.assets'));
    await pageB.waitForURL(/\/assets/);
    await expect.poll(() => pageB.locator('main .ant-spin-spinning').count(), { timeout: 15_000 }).toBe(0);
    expect(await pageB.locator('main').innerText()).not.toContain(SERIAL);
    await pageB.getByLabel(t('asset.search')).fill(SERIAL);
    await pageB.getByLabel(t('asset.search')).press('Enter');
    await pageB.getByText(t('asset.empty'), { exact: true }).waitFor();
    expect(await pageB.getByTestId('asset-row').count()).toBe(0);
  });

  step('cust_b opening the server’s page gets not found; its archive is refused too', async () => {
    await pageB.goto(`/assets/${encodeURIComponent(assetId)}`);
    await expectText(pageB.getByTestId('asset-not-found'), t('asset.notFound'));
    expect(await pageB.getByTestId('asset-detail').count()).toBe(0);
    const body = await pageB.locator('body').innerText();
    expect(body).not.toContain(SERIAL);
    expect(body).not.toContain(NAME);
    for (const path of [`/assets/${assetId}`, `/assets/${assetId}/archive`, `/assets/${assetId}/archive.xlsx`]) {
      const r = await pageB.request.get(`/api/v1${path}`);
      expect(r.status(), `GET ${path} as cust_b`).toBe(404);
      expect(await r.text()).not.toContain(SERIAL);
    }
  });

  step('lead_b gets neither 省信息中心’s archive nor its cost statement, and not its repair point', async () => {
    const lead = await session.newPage('lead_b');
    await login(lead, 'lead_b');
    for (const path of [
      `/customers/${customerA}/archive`,
      `/cost-statement?customerId=${customerA}&from=${beijingDaysAgo({ months: 11 })}&to=${beijingDaysAgo({})}`,
    ]) {
      const r = await lead.request.get(`/api/v1${path}`);
      expect([403, 404], `GET ${path} as lead_b answered ${r.status()}`).toContain(r.status());
      expect(await r.text()).not.toContain(SERIAL);
    }
    // the statement page shows lead_b's own organisation only
    await openFromMenu(lead, t('nav.costs'));
    await lead.getByTestId('cost-statement').waitFor();
    expect(await lead.locator('main').innerText()).not.toContain(CUSTOMER_A);
    await openFromMenu(lead, t('nav.repairPoints'));
    await lead.waitForURL(/\/repair-points$/);
    await expect.poll(() => lead.locator('main .ant-spin-spinning').count(), { timeout: 15_000 }).toBe(0);
    expect(await lead.locator('main').innerText()).not.toContain(POINT);
    // the archive in the menu is lead_b's own organisation's
    await openFromMenu(lead, t('nav.archive'));
    await lead.waitForURL(/\/customers\/[^/]+\/archive$/);
    expect(lead.url()).not.toContain(customerA);
    await expect.poll(() => lead.locator('main .ant-spin-spinning').count(), { timeout: 15_000 }).toBe(0);
    expect(await lead.locator('main').innerText()).not.toContain(SERIAL);
  });
});
