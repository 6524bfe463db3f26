// The field-service screens: 现场签到 (/field), 运维记录 (/records), their dialogs, the signature pad,
// and API shortcuts for setting up state that a test does not itself exercise.
import type { APIResponse, Page } from 'playwright-core';
import { expect } from 'vitest';
import { t } from './i18n';
import { dialogOpen, expectAttr, expectText } from './ui';

// ---------- API shortcuts (the page's own session: cookie + CSRF header) ----------

export interface ApiVisit {
  id: string;
  projectId: string;
  checkedInAt: number;
  checkedOutAt: number | null;
}
export interface ApiRecord {
  id: string;
  number: string;
  status: string;
  projectName: string;
}

async function csrf(page: Page): Promise<string> {
  const r = await page.request.get('/api/v1/auth/me');
  expect(r.status(), 'GET /auth/me').toBe(200);
  return ((await r.json()) as { csrfToken: string }).csrfToken;
}

/** A JSON request as the signed-in user of `page`; fails the test unless the status is 2xx (or `expectStatus`). */
export async function apiCall<T>(
  page: Page,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  path: string,
  body?: unknown,
  expectStatus?: number,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = await csrf(page);
  const r: APIResponse = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers,
    data: method === 'GET' ? undefined : (body ?? {}),
  });
  const text = await r.text();
  if (expectStatus !== undefined) expect(r.status(), `${method} ${path}: ${text.slice(0, 300)}`).toBe(expectStatus);
  else expect(r.ok(), `${method} ${path} answered ${r.status()}: ${text.slice(0, 300)}`).toBe(true);
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function projectIdByName(page: Page, name: string): Promise<string> {
  const projects = await apiCall<{ id: string; name: string }[]>(page, 'GET', '/projects');
  const p = projects.find((x) => x.name === name);
  if (!p) throw new Error(`project ${name} not visible to this user`);
  return p.id;
}

/** Closes the user's open visit, if any: a test that failed half-way must not block the next check-in. */
export async function ensureCheckedOut(page: Page): Promise<void> {
  const open = await apiCall<ApiVisit | null>(page, 'GET', '/site-visits/current');
  if (open) await apiCall(page, 'POST', `/site-visits/${encodeURIComponent(open.id)}/check-out`, {});
}

/** A record of `project` by the signed-in engineer, with one visit, submitted for signature. */
export async function createSubmittedRecord(page: Page, project: string, content: string): Promise<ApiRecord> {
  const projectId = await projectIdByName(page, project);
  await ensureCheckedOut(page);
  const visit = await apiCall<ApiVisit>(page, 'POST', '/site-visits/check-in', {
    projectId,
    location: '机房（接口准备）',
  });
  const record = await apiCall<ApiRecord>(page, 'POST', '/om-records', {
    projectId,
    kind: 'daily',
    serviceStart: visit.checkedInAt,
    serviceEnd: Date.now() + 1000,
    location: '机房（接口准备）',
    content,
    result: '运行正常',
    visitIds: [visit.id],
  });
  await apiCall(page, 'POST', `/site-visits/${encodeURIComponent(visit.id)}/check-out`, {});
  return apiCall<ApiRecord>(page, 'POST', `/om-records/${encodeURIComponent(record.id)}/submit`, {});
}

// ---------- UI ----------

/** Waits for the record detail page showing `status` (data attribute and the visible tag in the heading). */
export async function expectRecordStatus(page: Page, status: string): Promise<void> {
  await expectAttr(page.getByTestId('record-detail'), 'data-status', status);
  await expectText(page.locator('h1').getByTestId('record-status'), t(`record.status.${status}`));
}

/** Runs submit / review / reject / amend from the record's action bar, with the dialog's text if it has one. */
export async function recordAction(
  page: Page,
  action: 'submit' | 'review' | 'reject' | 'amend',
  text?: string,
): Promise<void> {
  const bar = page.getByRole('group', { name: t('action.barLabel') });
  const button = bar.getByTestId(`record-action-${action}`);
  await expectText(button, t(`record.action.${action}`));
  await button.click();
  const modal = page.getByTestId('record-action-modal');
  await expectAttr(modal, 'data-action', action);
  await dialogOpen(modal);
  const dialog = page.getByRole('dialog').filter({ has: modal });
  if (text !== undefined) await dialog.getByTestId('record-action-text').fill(text);
  await dialog.getByTestId('record-action-ok').click();
  await waitClosedOrError(page, modal, action);
}

/** The dialog closes on success; on a refusal the error toast's text becomes the failure. */
export async function waitClosedOrError(
  page: Page,
  dialogContent: ReturnType<Page['getByTestId']>,
  what: string,
): Promise<void> {
  const toast = page.locator('.ant-message-error');
  const outcome = await Promise.race([
    dialogContent.waitFor({ state: 'detached', timeout: 30_000 }).then(
      () => 'closed' as const,
      () => 'timeout' as const,
    ),
    toast
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 })
      .then(
        () => 'error' as const,
        () => 'timeout' as const,
      ),
  ]);
  if (outcome === 'error') throw new Error(`${what} was refused: ${await toast.first().innerText()}`);
  if (outcome === 'timeout') {
    // Say what the dialog shows: a field's error, or a save still spinning, tells a lost click from a refusal.
    const fieldErrors = await dialogContent
      .locator('.ant-form-item-explain-error')
      .allInnerTexts()
      .catch(() => []);
    const modal = page.locator('.ant-modal').filter({ has: dialogContent });
    const saving = await modal
      .locator('.ant-btn-loading')
      .count()
      .catch(() => 0);
    const shown = fieldErrors.length
      ? `field errors: ${fieldErrors.join('; ')}`
      : saving
        ? 'its save is still running'
        : 'no field error, nothing saving';
    throw new Error(`the ${what} dialog did not close within 30 s (${shown})`);
  }
}

/**
 * Draws a signature (two strokes) on the open signature canvas: with touch events through the
 * DevTools protocol (a finger on a phone) or with the mouse.
 */
export async function drawSignature(page: Page, { touch = false } = {}): Promise<void> {
  const canvas = page.getByTestId('signature-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('signature canvas not visible');
  const strokes: [number, number][][] = [
    Array.from({ length: 16 }, (_, i) => [0.1 + i * 0.05, 0.3 + 0.4 * Math.sin(i / 2.5)]),
    Array.from({ length: 10 }, (_, i) => [0.35 + i * 0.04, 0.75 - i * 0.05]),
  ];
  const at = ([fx, fy]: [number, number]) => ({ x: box.x + fx * box.width, y: box.y + fy * box.height });
  if (touch) {
    const cdp = await page.context().newCDPSession(page);
    for (const stroke of strokes) {
      const [first, ...rest] = stroke.map(at);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [first!] });
      for (const p of rest) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [p] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    }
    await cdp.detach();
  } else {
    for (const stroke of strokes) {
      const [first, ...rest] = stroke.map(at);
      await page.mouse.move(first!.x, first!.y);
      await page.mouse.down();
      for (const p of rest) await page.mouse.move(p.x, p.y, { steps: 2 });
      await page.mouse.up();
    }
  }
}

/** Signs in the open signature dialog and waits for it to close. */
export async function signInDialog(page: Page, { touch = false } = {}): Promise<void> {
  const modal = page.getByTestId('signature-modal');
  await modal.waitFor();
  const confirm = page.getByTestId('signature-confirm');
  expect(await confirm.isDisabled(), 'confirm is disabled before anything is drawn').toBe(true);
  await drawSignature(page, { touch });
  await expect.poll(() => confirm.isEnabled(), { timeout: 5000 }).toBe(true);
  await confirm.click();
  await waitClosedOrError(page, modal, 'signing');
}

/** The signature image has loaded (a real PNG, not a broken image). */
export async function expectSignatureImage(page: Page): Promise<void> {
  const img = page.getByTestId('record-signature');
  await img.waitFor();
  await expect
    .poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0), {
      timeout: 10_000,
    })
    .toBe(true);
}

/** The row of record `number` in the current list (waits for it). */
export async function recordRow(page: Page, number: string) {
  const row = page.getByTestId('record-row').filter({ hasText: number });
  await row.first().waitFor();
  return row.first();
}

/** Opens a records tab (待办 / 全部) and waits for the URL to say so. */
export async function openRecordsTab(page: Page, tab: 'todo' | 'all'): Promise<void> {
  const el = page.getByRole('tab', { name: t(`record.tab.${tab}`) });
  await el.waitFor();
  if ((await el.getAttribute('aria-selected')) === 'true') return; // the default tab: nothing to switch
  await el.click();
  await expectAttr(el, 'aria-selected', 'true');
  await page.waitForURL((u) => u.searchParams.get('todo') === (tab === 'todo' ? 'true' : 'false'));
}

/** Waits until the record list has loaded: no spinner, and rows or the empty text. */
export async function recordListSettled(page: Page): Promise<void> {
  await expect
    .poll(
      async () =>
        (await page.locator('main .ant-spin-spinning').count()) === 0 &&
        ((await page.getByTestId('record-row').count()) > 0 ||
          (await page.getByText(t('record.empty')).first().isVisible())),
      { timeout: 15_000 },
    )
    .toBe(true);
}
