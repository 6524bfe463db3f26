// The field-service pages at 390 px and on a desktop: axe-core finds no serious/critical
// violation, and on the phone nothing scrolls sideways — in each state a user meets them in.
import type { Page } from 'playwright-core';
import { describe, test } from 'vitest';
import { expectAccessible } from './support/a11y';
import { apiLogin } from './support/auth';
import { PHONE, useBrowser } from './support/browser';
import {
  createSubmittedRecord,
  ensureCheckedOut,
  recordListSettled,
  recordRow,
  type ApiRecord,
} from './support/fieldwork';
import { t } from './support/i18n';
import { expectNoHorizontalScroll } from './support/layout';
import { CUSTOMER_A, PROJECT_A } from './support/tickets';
import { chooseOption, dialogOpen, gotoPage } from './support/ui';

describe('field service pages: axe and the 390 px layout', () => {
  const session = useBrowser({ closeAfterEach: true });
  let record: ApiRecord | undefined;

  /** axe, and at phone size no sideways scrolling. */
  async function check(page: Page, label: string): Promise<void> {
    await expectAccessible(page, label);
    if ((page.viewportSize()?.width ?? 0) <= 400) await expectNoHorizontalScroll(page, label);
  }

  /** One submitted record of customer A for the lead's pages (made by the engineer through the API). */
  async function submittedRecord(): Promise<ApiRecord> {
    if (record) return record;
    const page = await session.newPage('engineer-setup');
    await apiLogin(page, 'engineer');
    record = await createSubmittedRecord(page, PROJECT_A, `a11y 检查用记录 ${Date.now().toString(36)}`);
    return record;
  }

  test('manager at 390 px: /field before, during and after a visit; /records and the editor', async () => {
    const page = await session.newPage('manager-phone', PHONE);
    await apiLogin(page, 'manager');
    await ensureCheckedOut(page);
    await gotoPage(page, '/field');
    await page.getByTestId('check-in-submit').waitFor();
    await page.getByTestId('today-visits').waitFor();
    await check(page, '/field check-in form');
    // with the validation messages shown
    await page.getByTestId('check-in-submit').click();
    await page.getByText(t('common.required')).first().waitFor();
    await check(page, '/field check-in form with errors');

    const form = page.locator('form').filter({ has: page.getByTestId('check-in-submit') });
    await chooseOption(page, form.getByRole('combobox', { name: t('field.project') }), `${PROJECT_A} (${CUSTOMER_A})`);
    await form.getByLabel(t('field.location')).fill('调度中心（a11y）');
    await form.getByRole('switch', { name: t('field.useGeo') }).click();
    await form.getByTestId('check-in-submit').click();
    await page.getByTestId('current-visit').waitFor();
    await page.getByTestId('visit-row').first().waitFor();
    await check(page, '/field on site');
    await page.getByTestId('check-out').click();
    await dialogOpen(page.getByTestId('check-out-modal'));
    await check(page, 'check-out dialog');
    await page.getByTestId('check-out-confirm').click();
    await page.getByTestId('check-in-submit').waitFor();
    await check(page, '/field after checking out');

    await gotoPage(page, '/records?todo=false');
    await recordListSettled(page);
    await check(page, '/records (all) at 390 px');
    await gotoPage(page, '/records/new');
    await page.getByTestId('record-save').waitFor();
    await check(page, '/records/new');
    await page.getByTestId('record-save').click();
    await page.getByText(t('common.required')).first().waitFor();
    await check(page, '/records/new with errors');
  });

  test('lead_a at 390 px: records to sign, a record, the signature dialog', async () => {
    const r = await submittedRecord();
    const page = await session.newPage('lead-phone', PHONE);
    await apiLogin(page, 'lead_a');
    await gotoPage(page, '/records?todo=true');
    await recordRow(page, r.number);
    await page.getByTestId('sign-bar').waitFor();
    await check(page, '/records?todo=true (lead) at 390 px');
    await gotoPage(page, `/records/${r.id}`);
    await page.getByTestId('record-detail').waitFor();
    await check(page, 'record detail at 390 px');
    await page.getByTestId('record-action-sign').click();
    await page.getByTestId('signature-modal').waitFor();
    await check(page, 'signature dialog at 390 px');
    await page.keyboard.press('Escape');
    await page.getByTestId('signature-modal').waitFor({ state: 'detached' });
    await page.getByTestId('record-action-reject').click();
    await page.getByTestId('record-action-modal').waitFor();
    await check(page, 'return dialog at 390 px');
  });

  test('lead_a on a desktop: the records table with checkboxes and a record', async () => {
    const r = await submittedRecord();
    const page = await session.newPage('lead-desktop');
    await apiLogin(page, 'lead_a');
    await gotoPage(page, '/records?todo=true');
    await recordRow(page, r.number);
    await check(page, '/records?todo=true (lead, table)');
    await gotoPage(page, `/records/${r.id}`);
    await page.getByTestId('record-detail').waitFor();
    await check(page, 'record detail (desktop)');
  });
});
