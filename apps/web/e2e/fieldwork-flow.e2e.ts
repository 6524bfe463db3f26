// Field service on a 390×844 phone: the engineer checks in on site, writes the day's O&M record
// (运维记录) covering that visit, checks out and submits it; the customer's project lead (刘处长)
// opens it on her phone and signs it with a finger. No page along the way may scroll sideways.
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect } from 'vitest';
import { expectAccessible } from './support/a11y';
import { login, logout } from './support/auth';
import { PHONE, useBrowser } from './support/browser';
import {
  apiCall,
  ensureCheckedOut,
  expectRecordStatus,
  expectSignatureImage,
  recordAction,
  recordRow,
  signInDialog,
} from './support/fieldwork';
import { flowSteps } from './support/flow';
import { t } from './support/i18n';
import { expectNoHorizontalScroll } from './support/layout';
import { CUSTOMER_A, PROJECT_A } from './support/tickets';
import { chooseOption, dialogOpen, expectAttr, expectText, openFromMenu } from './support/ui';

/** A 1×1 PNG standing in for the camera's picture. */
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** A phone that grants the page its position (a real phone would ask once). */
const PHONE_WITH_GPS = {
  ...PHONE,
  geolocation: { latitude: 30.2741, longitude: 120.1551, accuracy: 25 },
  permissions: ['geolocation'],
};

describe('field service on a 390×844 phone: check in, O&M record, check out, sign', () => {
  const session = useBrowser();
  const step = flowSteps();
  let page: Page;
  let visitId: string;
  let record: { id: string; number: string };
  const suffix = Date.now().toString(36);
  const location = `省信息中心 3 楼机房 ${suffix}`;
  const content = `巡检核心交换机与统一认证服务器，清理日志分区 ${suffix}`;

  const fits = (label: string) => expectNoHorizontalScroll(page, label);

  step('engineer checks in on project A from 现场签到', async () => {
    page = await session.newPage('phone', PHONE_WITH_GPS);
    await login(page, 'engineer');
    await ensureCheckedOut(page); // an earlier failed run must not leave a visit open
    await openFromMenu(page, t('nav.field'));
    await page.waitForURL(/\/field$/);
    await expectText(page.locator('h1'), t('field.title'));
    const form = page.locator('form').filter({ has: page.getByTestId('check-in-submit') });
    await form.waitFor();
    await fits('check-in form');
    await chooseOption(page, form.getByRole('combobox', { name: t('field.project') }), `${PROJECT_A} (${CUSTOMER_A})`);
    await form.getByLabel(t('field.location')).fill(location);
    expect(await form.getByRole('switch', { name: t('field.useGeo') }).getAttribute('aria-checked')).toBe('true');
    await form.getByTestId('check-in-submit').click();

    const current = page.getByTestId('current-visit');
    await current.waitFor();
    visitId = (await current.getAttribute('data-visit-id'))!;
    expect(visitId).toBeTruthy();
    await expectText(page.getByTestId('current-project'), PROJECT_A);
    await current.getByText(location).waitFor();
    // the position the phone reported is recorded with the visit
    await current.getByText('30.27410, 120.15510', { exact: false }).waitFor();
    // the time on site ticks
    const duration = page.getByTestId('current-duration');
    const first = (await duration.innerText()).trim();
    expect(first).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    await expect.poll(async () => (await duration.innerText()).trim(), { timeout: 5000 }).not.toBe(first);
    // and today's list shows the open visit
    const row = page.getByTestId('visit-row').filter({ hasText: location });
    await row.getByTestId('visit-open').waitFor();
    // a photo of the site, taken after checking in
    await page
      .getByTestId('visit-photo-input')
      .setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: Buffer.from(PNG_1PX, 'base64') });
    const photo = page.getByTestId('visit-photo');
    await photo.waitFor();
    await expect
      .poll(
        () => photo.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0),
        { timeout: 10_000 },
      )
      .toBe(true);
    await page.getByTestId('check-out').waitFor();
    await fits('on site, with the check-out button');
    await session.screenshot(page, 'phone-field-on-site', { fullPage: true });
  });

  step('engineer writes the daily O&M record, selecting that visit', async () => {
    await openFromMenu(page, t('nav.records'));
    await page.waitForURL(/\/records(\?.*)?$/);
    await fits('records list (engineer)');
    await page.getByTestId('record-new').click();
    await page.waitForURL(/\/records\/new$/);
    await expectText(page.locator('h1'), t('record.newTitle'));
    const form = page.locator('form').filter({ has: page.getByTestId('record-save') });
    await form.getByTestId('record-kind-daily').click();
    await chooseOption(page, form.getByRole('combobox', { name: t('record.project') }), `${PROJECT_A} (${CUSTOMER_A})`);
    const option = form.locator(`[data-testid=visit-option][data-visit-id="${visitId}"]`);
    await option.check();
    // the service window and the place come from the visit
    await expect
      .poll(() => form.getByTestId('record-service-start-input').inputValue())
      .toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(await form.getByTestId('record-service-end-input').inputValue()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(await form.getByLabel(t('record.location')).inputValue()).toBe(location);
    await expectText(form.getByTestId('record-derived-headcount'), t('record.derivedHeadcount', { n: 1 }));
    await form.getByLabel(t('record.content')).fill(content);
    await form.getByLabel(t('record.result')).fill('设备运行正常，日志分区使用率降至 35%');
    await fits('record editor, filled in');
    await session.screenshot(page, 'phone-record-editor', { fullPage: true });
    await form.getByTestId('record-save').click();

    await page.waitForURL((u) => /^\/records\/[^/]+$/.test(u.pathname) && u.pathname !== '/records/new');
    await expectRecordStatus(page, 'draft');
    const detail = page.getByTestId('record-detail');
    record = {
      id: (await detail.getAttribute('data-record-id'))!,
      number: (await page.getByTestId('record-number').innerText()).trim(),
    };
    await expectText(page.getByTestId('record-content'), content);
    await expectText(page.getByTestId('record-staff'), '张工');
    await page.getByTestId('record-visit').filter({ hasText: '张工' }).waitFor();
    await fits('record detail (draft)');
  });

  step('engineer checks out', async () => {
    await openFromMenu(page, t('nav.field'));
    await page.getByTestId('check-out').click();
    const modal = page.getByTestId('check-out-modal');
    await dialogOpen(modal);
    await fits('check-out dialog');
    await page.getByTestId('check-out-confirm').click();
    await modal.waitFor({ state: 'detached' });
    await page.getByTestId('check-in-submit').waitFor();
    const row = page.getByTestId('visit-row').filter({ hasText: location });
    await row.getByTestId('visit-done').waitFor();
    await fits('checked out');
  });

  step('engineer submits the record from 待办', async () => {
    await openFromMenu(page, t('nav.records'));
    const row = await recordRow(page, record.number);
    await expectText(row.getByTestId('record-status'), t('record.status.draft'));
    await row.getByTestId('record-link').click();
    await page.waitForURL((u) => u.pathname === `/records/${record.id}`);
    // the visit in the record now has its check-out time
    await page.getByTestId('record-visit').filter({ hasText: '张工' }).getByTestId('visit-done').waitFor();
    await recordAction(page, 'submit');
    await expectRecordStatus(page, 'submitted');
    await page.getByTestId('record-step-submitted').waitFor();
    await fits('record detail (submitted)');
    await logout(page);
  });

  step('刘处长 (lead_a) opens it on her phone and signs with a finger', async () => {
    await login(page, 'lead_a');
    await openFromMenu(page, t('nav.records'));
    await page.waitForURL(/\/records(\?.*)?$/);
    const row = await recordRow(page, record.number);
    await expectText(row.getByTestId('record-status'), t('record.status.submitted'));
    await fits('records to sign (lead)');
    await row.getByTestId('record-link').click();
    await page.waitForURL((u) => u.pathname === `/records/${record.id}`);
    await expectRecordStatus(page, 'submitted');
    await expectText(page.getByTestId('record-content'), content);
    await page.getByTestId('record-action-sign').click();
    await page.getByTestId('signature-modal').waitFor();
    await fits('signature dialog');
    await session.screenshot(page, 'phone-signature');
    await signInDialog(page, { touch: true });
    await expectRecordStatus(page, 'signed');
    await expectSignatureImage(page);
    const signed = page.getByTestId('record-step-signed');
    await signed.getByText('刘处长', { exact: false }).waitFor();
    await signed.getByText(t('record.signerIp', { ip: '' }).trim(), { exact: false }).waitFor();
    expect((await page.getByTestId('record-hash').innerText()).trim()).toMatch(/[0-9a-f]{32,}/i);
    expect(await page.getByTestId('record-action-sign').count()).toBe(0);
    await fits('record detail (signed)');
    await session.screenshot(page, 'phone-record-signed', { fullPage: true });
  });
  step(
    'she downloads the service record sheet (PDF) with the record in it; its QR code page says the record is intact',
    async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('record-pdf').click()]);
      expect(download.suggestedFilename()).toBe(`服务记录单-${record.number}-v1.pdf`);
      const bytes = fs.readFileSync((await download.path())!);
      const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
      const text = (await (await pdf.getPage(1)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
      for (const expected of ['运维服务记录单', record.number, content, '张工', '刘处长', '已签字确认'])
        expect(text, expected).toContain(expected);
      const signed = await apiCall<{ contentHash: string }>(page, 'GET', `/om-records/${record.id}`);
      await logout(page);
      await page.goto(`/verify/${record.id}?h=${signed.contentHash.slice(0, 16)}`);
      const result = page.getByTestId('verify-result');
      await expectAttr(result, 'data-intact', 'true');
      await result.getByRole('heading', { name: t('verify.intact') }).waitFor();
      await result.getByText(record.number, { exact: false }).waitFor();
      await fits('verify page');
      await expectAccessible(page, 'verify page');
      await page.goto(`/verify/${record.id}?h=${'0'.repeat(16)}`);
      await page.getByTestId('verify-not-found').waitFor();
    },
  );
});
