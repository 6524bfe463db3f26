// Feedback (意见反馈, R21) on a desktop, all in the UI: cust_a submits a suggestion on project A; the
// dispatcher finds it in 意见反馈, answers and closes it; cust_a sees the answer and the closed status;
// cust_b (another customer) neither lists nor opens it.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { login } from './support/auth';
import { useBrowser } from './support/browser';
import { flowSteps } from './support/flow';
import { t } from './support/i18n';
import { PROJECT_A } from './support/tickets';
import { chooseOption, expectAttr, expectText, gotoPage, openFromMenu } from './support/ui';

describe('feedback: a customer suggestion answered and closed by the desk, private to the customer', () => {
  const session = useBrowser();
  const step = flowSteps();
  const run = Date.now().toString(36);
  const title = `建议增加夜间值班电话 ${run}`;
  const body = '夜间报修时希望有专人接听。';
  const answer = `已安排夜间值班专线 ${run}，请拨打 400 电话。`;
  let cust: Page;
  let feedbackId: string;

  const detail = (page: Page) => page.getByTestId('feedback-detail');

  step('cust_a submits a suggestion from 意见反馈 and lands on it, awaiting an answer', async () => {
    cust = await session.newPage('cust_a');
    await login(cust, 'cust_a');
    await openFromMenu(cust, t('feedback.nav'));
    await cust.waitForURL(/\/feedback$/);
    await expectText(cust.locator('h1'), t('feedback.title'));
    await cust.getByTestId('feedback-new').click();
    const form = cust.getByTestId('feedback-form');
    await form.waitFor();
    await chooseOption(cust, form.getByRole('combobox', { name: t('feedback.project') }), PROJECT_A);
    await form.getByRole('radio', { name: t('feedback.category.suggestion') }).check();
    await form.getByLabel(t('feedback.titleField')).fill(title);
    await form.getByLabel(t('feedback.body')).fill(body);
    await cust.getByTestId('feedback-save').click();
    await cust.waitForURL(/\/feedback\/[^/]+$/);
    await expectAttr(detail(cust), 'data-status', 'open');
    feedbackId = (await detail(cust).getAttribute('data-feedback-id'))!;
    await expectText(cust.getByTestId('feedback-body'), body);
    await expectText(cust.getByTestId('feedback-category'), t('feedback.category.suggestion'));
    await expectText(cust.getByTestId('feedback-no-answer'), t('feedback.noAnswer'));
    // The author may withdraw an open one; there is no answer form for a customer.
    await cust.getByTestId('feedback-withdraw').waitFor();
    expect(await cust.getByTestId('feedback-answer-form').count()).toBe(0);
  });

  step('the dispatcher finds it in the open ones, answers, then closes it', async () => {
    const desk = await session.newPage('dispatcher');
    await login(desk, 'dispatcher');
    await openFromMenu(desk, t('feedback.nav'));
    await desk.waitForURL(/\/feedback/);
    await chooseOption(
      desk,
      desk.getByRole('combobox', { name: t('feedback.statusLabel') }),
      t('feedback.status.open'),
      { search: false },
    );
    await expect.poll(() => desk.url()).toContain('status=open');
    const row = desk.getByTestId('feedback-row').filter({ hasText: title });
    await row.waitFor();
    await row.getByTestId('feedback-link').click();
    await desk.waitForURL(new RegExp(`/feedback/${feedbackId}$`));
    await expectAttr(detail(desk), 'data-status', 'open');
    // Closing needs an answer first: no close button yet.
    expect(await desk.getByTestId('feedback-close').count()).toBe(0);
    await desk.getByTestId('feedback-answer-form').getByLabel(t('feedback.answerLabel')).fill(answer);
    await desk.getByTestId('feedback-answer-submit').click();
    await expectAttr(detail(desk), 'data-status', 'answered');
    await expectText(desk.getByTestId('feedback-answer-text'), answer);
    await desk.getByTestId('feedback-close').click();
    await desk.getByTestId('feedback-close-confirm').click();
    await expectAttr(detail(desk), 'data-status', 'closed');
    await expectText(desk.locator('h1').getByTestId('feedback-status'), t('feedback.status.closed'));
    expect(await desk.getByTestId('feedback-answer-form').count()).toBe(0);
  });

  step('cust_a sees the answer and the closed status; nothing left to withdraw', async () => {
    await gotoPage(cust, `/feedback/${feedbackId}`);
    await expectAttr(detail(cust), 'data-status', 'closed');
    await expectText(cust.getByTestId('feedback-answer-text'), answer);
    expect(await cust.getByTestId('feedback-withdraw').count()).toBe(0);
    await gotoPage(cust, '/feedback');
    await cust.getByTestId('feedback-row').filter({ hasText: title }).waitFor();
  });

  step('cust_b (another customer) neither lists nor opens it', async () => {
    const other = await session.newPage('cust_b');
    await login(other, 'cust_b');
    await openFromMenu(other, t('feedback.nav'));
    await other.waitForURL(/\/feedback$/);
    await expect.poll(() => other.locator('main .ant-spin-spinning').count(), { timeout: 15_000 }).toBe(0);
    expect(await other.getByText(title).count()).toBe(0);
    const r = await other.request.get(`/api/v1/feedback/${feedbackId}`);
    expect(r.status()).toBe(404);
    await gotoPage(other, `/feedback/${feedbackId}`);
    await expectText(other.locator('h1'), t('feedback.notFound'));
    expect(await other.getByText(answer).count()).toBe(0);
  });
});
