// O&M records stay inside the customer: a record of 省信息中心 (customer A) is invisible to
// 市自然资源局 (cust_b and its lead lead_b) in lists and by URL; cust_a may read it but not act on it.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { login } from './support/auth';
import { useBrowser } from './support/browser';
import {
  apiCall,
  createSubmittedRecord,
  expectRecordStatus,
  openRecordsTab,
  recordListSettled,
  recordRow,
  type ApiRecord,
} from './support/fieldwork';
import { flowSteps } from './support/flow';
import { t } from './support/i18n';
import { CUSTOMER_A, PROJECT_A } from './support/tickets';
import { expectText, gotoPage, menuLabels } from './support/ui';

describe('O&M record isolation between customers', () => {
  const session = useBrowser();
  const step = flowSteps();
  const content = `核查备份任务执行情况 ${Date.now().toString(36)}`;
  let record: ApiRecord;

  step('the engineer has a record of customer A awaiting signature', async () => {
    const page = await session.newPage('engineer');
    await login(page, 'engineer');
    record = await createSubmittedRecord(page, PROJECT_A, content);
    expect(record.status).toBe('submitted');
  });

  /** Customer B's user sees 运维记录, but nothing of customer A in any tab, nor by URL or API. */
  async function cannotSee(page: Page, username: string): Promise<void> {
    const me = await login(page, username);
    expect(me.orgName).not.toBe(CUSTOMER_A);
    expect(await menuLabels(page)).toContain(t('nav.records'));
    for (const tab of ['todo', 'all'] as const) {
      await gotoPage(page, '/records');
      await openRecordsTab(page, tab);
      await recordListSettled(page);
      const text = await page.locator('main').innerText();
      expect(text, `${username}, tab ${tab}`).not.toContain(record.number);
      expect(text, `${username}, tab ${tab}`).not.toContain(PROJECT_A);
    }
    await gotoPage(page, `/records/${encodeURIComponent(record.id)}`);
    await expectText(page.locator('h1'), t('record.notFound'));
    const body = await page.locator('body').innerText();
    expect(body).not.toContain(content);
    expect(body).not.toContain(record.number);
    for (const path of ['', '/signature']) {
      const r = await page.request.get(`/api/v1/om-records/${encodeURIComponent(record.id)}${path}`);
      expect(r.status(), `GET /om-records/:id${path} as ${username}`).toBe(404);
      expect(await r.text()).not.toContain(content);
    }
    const list = await apiCall<{ items: { id: string }[] }>(page, 'GET', '/om-records?limit=100');
    expect(list.items.map((i) => i.id)).not.toContain(record.id);
  }

  step('cust_b sees nothing of it', async () => {
    await cannotSee(await session.newPage('cust_b'), 'cust_b');
  });

  step('lead_b sees nothing of it and cannot sign it', async () => {
    const page = await session.newPage('lead_b');
    await cannotSee(page, 'lead_b');
    const tiny =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const me = await page.request.get('/api/v1/auth/me');
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    const r = await page.request.post('/api/v1/om-records/sign', {
      headers: { 'x-csrf-token': csrfToken },
      data: { recordIds: [record.id], signature: tiny },
    });
    expect(r.status(), `POST /om-records/sign as lead_b: ${await r.text()}`).toBeGreaterThanOrEqual(400);
    expect(r.status()).toBeLessThan(500);
  });

  step('cust_a (customer A, not the lead) reads it without any action', async () => {
    const page = await session.newPage('cust_a');
    await login(page, 'cust_a');
    await gotoPage(page, '/records');
    await openRecordsTab(page, 'all');
    const row = await recordRow(page, record.number);
    await row.getByTestId('record-link').click();
    await expectRecordStatus(page, 'submitted');
    await expectText(page.getByTestId('record-content'), content);
    expect(await page.locator('[data-testid^=record-action-]').count()).toBe(0);
  });
});
