// Satisfaction (满意度, R29) and feedback (意见反馈, R21) pages at 390 px, in Chinese and in English:
// axe-core finds no serious/critical violation and nothing scrolls sideways — the public rating link
// (open, thanked, already rated, not found; English when the browser is English), 我的评价 with its rate
// dialog, /satisfaction (as the manager with the survey dialog, and as cust_a), /feedback with the submit
// dialog, a feedback item as its author (answered, and open with the withdraw confirmation) and as the
// dispatcher (answer form), the ticket page's rating panel (cust_a's rate form, the dispatcher's callback form); /satisfaction with its chart is also checked on a desktop.
// The recurring surveys (定期满意度调查): the list with its switches, and the new and edit dialogs on a desktop and at 390 px.
import { beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible, pageAudit } from './support/a11y';
import { apiLogin } from './support/auth';
import { DESKTOP, PHONE, useBrowser } from './support/browser';
import { apiCall, projectIdByName } from './support/fieldwork';
import type { Lang } from './support/i18n';
import { t } from './support/i18n';
import { beijingInDays, ratingLink, resolvedTicket } from './support/satisfaction';
import { PROJECT_A } from './support/tickets';
import { expectAttr, expectText, gotoPage, pickDate } from './support/ui';

const LANGS: Lang[] = ['zh-CN', 'en'];

describe('satisfaction and feedback pages: axe and the 390 px layout', () => {
  const session = useBrowser({ closeAfterEach: true });
  const run = Date.now().toString(36);
  let projectId: string;
  const links: Partial<Record<Lang, string>> = {};
  let answeredId: string;
  let openId: string;
  let pendingTicket: string;
  let phoneTicket: string;

  const { open, check } = pageAudit(session, 'satisfaction');

  const tr = (key: string, lang: Lang, vars: Record<string, string | number> = {}) => t(key, vars, lang);

  beforeAll(async () => {
    const cust = await session.newPage('setup-cust_a', DESKTOP);
    const dispatcher = await session.newPage('setup-dispatcher', DESKTOP);
    const engineer = await session.newPage('setup-engineer', DESKTOP);
    const manager = await session.newPage('setup-manager', DESKTOP);
    await Promise.all([
      apiLogin(cust, 'cust_a'),
      apiLogin(dispatcher, 'dispatcher'),
      apiLogin(engineer, 'engineer'),
      apiLogin(manager, 'manager'),
    ]);
    projectId = await projectIdByName(manager, PROJECT_A);
    for (const lang of LANGS) {
      const tk = await resolvedTicket(cust, dispatcher, engineer, `无障碍评价 ${lang} ${run}`);
      links[lang] = (await ratingLink(tk.number)).path;
    }
    // Left pending: cust_a's rate form and the dispatcher's callback form on the ticket page.
    pendingTicket = (await resolvedTicket(cust, dispatcher, engineer, `无障碍待评价 ${run}`)).id;
    phoneTicket = (await resolvedTicket(dispatcher, dispatcher, engineer, `无障碍电话回访 ${run}`)).id;
    // A survey: something for cust_a to rate in 我的评价.
    const closesOn = new Date(Date.now() + 8 * 3600_000 + 14 * 86_400_000).toISOString().slice(0, 10);
    await apiCall(manager, 'POST', `/projects/${projectId}/satisfaction-surveys`, {
      title: `无障碍满意度调查 ${run}`,
      closesOn,
    });
    // A recurring survey due in a month (so the worker leaves it alone): the list, its switch and its edit dialog.
    await apiCall(manager, 'POST', `/projects/${projectId}/survey-schedules`, {
      title: `无障碍定期调查 ${run}`,
      everyMonths: 6,
      openDays: 10,
      firstOn: beijingInDays(30),
    });
    const answered = await apiCall<{ id: string }>(cust, 'POST', '/feedback', {
      projectId,
      category: 'complaint',
      title: `无障碍投诉 ${run}`,
      body: '工程师到场较晚。',
    });
    answeredId = answered.id;
    await apiCall(dispatcher, 'POST', `/feedback/${answeredId}/answer`, {
      answer: '已与工程师沟通，今后按约定时间到场。',
    });
    openId = (
      await apiCall<{ id: string }>(cust, 'POST', '/feedback', {
        projectId,
        category: 'praise',
        title: `无障碍表扬 ${run}`,
        body: '驻场工程师服务周到。',
      })
    ).id;
  });

  for (const lang of LANGS) {
    test(`the rating link (${lang}): open, thanked, already rated, not found`, async () => {
      // English: no stored choice, the browser's language decides.
      const page =
        lang === 'en' ? await session.newPage('anonymous-en', { ...PHONE, locale: 'en-US' }) : await open(null, lang);
      await page.goto(links[lang]!);
      await expectText(page.locator('h1'), tr('satisfaction.public.title', lang));
      await expectAttr(page.getByTestId('rate-state'), 'data-state', 'pending');
      await check(page, 'rating link');
      await page.getByTestId('rating-submit').click(); // no score: the field says so
      await page.getByText(tr('satisfaction.scoreRequired', lang)).waitFor();
      await check(page, 'rating link, score missing');
      await page.getByRole('radio', { name: `4 · ${tr('satisfaction.score.4', lang)}` }).check();
      await page.getByTestId('rating-submit').click();
      await expectAttr(page.getByTestId('rate-state'), 'data-state', 'thanks');
      await check(page, 'rating link, thanked');
      await page.reload();
      await expectAttr(page.getByTestId('rate-state'), 'data-state', 'rated');
      await check(page, 'rating link, already rated');
      await page.goto(`/rate/${'x'.repeat(43)}`);
      await expectAttr(page.getByTestId('rate-state'), 'data-state', 'not_found');
      await expectText(page.getByRole('heading', { level: 2 }), tr('satisfaction.public.notFound', lang));
      await check(page, 'rating link, not found');
    });

    test(`the ticket page's rating panel (${lang}): cust_a's rate form, the dispatcher's callback form`, async () => {
      const page = await open('cust_a', lang);
      await gotoPage(page, `/portal/tickets/${encodeURIComponent(pendingTicket)}`);
      await page.getByTestId('ticket-rating-form').waitFor();
      await check(page, 'ticket rating form');
      const desk = await open('dispatcher', lang);
      await gotoPage(desk, `/tickets/${encodeURIComponent(phoneTicket)}`);
      await desk.getByTestId('ticket-callback-form').waitFor();
      await expectText(desk.getByTestId('ticket-rating').locator('h2'), tr('satisfaction.callback.title', lang));
      await check(desk, 'ticket callback form');
    });

    test(`我的评价 /ratings (${lang}) with the rate dialog, as cust_a`, async () => {
      const page = await open('cust_a', lang);
      await gotoPage(page, '/ratings');
      await expectText(page.locator('h1'), tr('satisfaction.mine.title', lang));
      const row = page.getByTestId('rating-pending-row').filter({ hasText: `无障碍满意度调查 ${run}` });
      await row.waitFor();
      await page.getByTestId('rating-history-row').first().waitFor();
      await check(page, '/ratings');
      await row.getByTestId('rating-open').click();
      await page.getByTestId('rate-modal-form').waitFor();
      await check(page, '/ratings rate dialog');
      await page.getByRole('button', { name: tr('common.cancel', lang) }).click();
    });

    test(`/satisfaction (${lang}) as the manager with the survey dialog, and as cust_a`, async () => {
      const page = await open('manager', lang);
      await gotoPage(page, `/satisfaction?projectId=${encodeURIComponent(projectId)}`);
      await page.getByTestId('satisfaction-report').waitFor();
      await page.getByTestId('survey-row').first().waitFor();
      await page
        .getByTestId('schedule-row')
        .filter({ hasText: `无障碍定期调查 ${run}` })
        .getByTestId('schedule-active')
        .waitFor();
      await check(page, '/satisfaction');
      await page.getByTestId('survey-new').click();
      await page.getByTestId('survey-form').waitFor();
      await check(page, '/satisfaction survey dialog');
      await page.getByRole('button', { name: tr('common.cancel', lang) }).click();

      const cust = await open('cust_a', lang);
      await gotoPage(cust, '/satisfaction');
      await cust.getByTestId('satisfaction-report').waitFor();
      expect(await cust.getByTestId('survey-new').count()).toBe(0);
      await cust
        .getByTestId('schedule-row')
        .filter({ hasText: `无障碍定期调查 ${run}` })
        .waitFor();
      expect(await cust.getByTestId('schedule-new').count()).toBe(0);
      expect(await cust.getByTestId('schedule-active').count()).toBe(0);
      await check(cust, '/satisfaction as cust_a');
    });

    test(`/satisfaction (${lang}): the recurring survey dialogs (new, edit) on a desktop and at 390 px, as the manager`, async () => {
      for (const [size, name] of [
        [DESKTOP, 'desktop'],
        [PHONE, '390 px'],
      ] as const) {
        const page = await open('manager', lang, size);
        await gotoPage(page, `/satisfaction?projectId=${encodeURIComponent(projectId)}`);
        const row = page.getByTestId('schedule-row').filter({ hasText: `无障碍定期调查 ${run}` });
        await row.waitFor();
        await page.getByTestId('schedule-new').click();
        const form = page.getByTestId('schedule-form');
        await form.waitFor();
        expect(await form.getByTestId('schedule-form-title').inputValue()).toBe(
          tr('satisfaction.schedule.defaultTitle', lang),
        );
        await check(page, `/satisfaction new schedule dialog, ${name}`);
        // A date in the past: the field says so, in the page's language.
        await pickDate(page, form.getByTestId('schedule-form-first-on'), beijingInDays(-1));
        await page.getByTestId('schedule-save').click();
        await form.getByText(tr('satisfaction.schedule.notPast', lang)).waitFor();
        await check(page, `/satisfaction new schedule dialog with an error, ${name}`);
        await page.getByRole('button', { name: tr('common.cancel', lang) }).click();
        await form.waitFor({ state: 'detached' });
        await row.getByTestId('schedule-edit').click();
        await page.getByTestId('schedule-form').waitFor();
        expect(await page.getByTestId('schedule-form-next-on').inputValue()).toBe(beijingInDays(30));
        await check(page, `/satisfaction edit schedule dialog, ${name}`);
        await page.getByRole('button', { name: tr('common.cancel', lang) }).click();
        await page.close();
      }
    });

    test(`/feedback (${lang}): the list and submit dialog, an item as its author and as the dispatcher`, async () => {
      const page = await open('cust_a', lang);
      await gotoPage(page, '/feedback');
      await page.getByTestId('feedback-row').first().waitFor();
      await check(page, '/feedback');
      await page.getByTestId('feedback-new').click();
      await page.getByTestId('feedback-form').waitFor();
      await check(page, '/feedback submit dialog');
      await page.getByRole('button', { name: tr('common.cancel', lang) }).click();

      await gotoPage(page, `/feedback/${answeredId}`);
      await page.getByTestId('feedback-answer-text').waitFor();
      await check(page, 'feedback answered, as the author');
      await gotoPage(page, `/feedback/${openId}`);
      await page.getByTestId('feedback-withdraw').click();
      await page.getByTestId('feedback-withdraw-confirm').waitFor();
      await check(page, 'feedback withdraw confirmation');

      const desk = await open('dispatcher', lang);
      await gotoPage(desk, `/feedback/${openId}`);
      await desk.getByTestId('feedback-answer-form').waitFor();
      await check(desk, 'feedback answer form, as the dispatcher');
    });
  }

  test('/satisfaction with its chart on a desktop (zh-CN)', async () => {
    const page = await open('manager', 'zh-CN', DESKTOP);
    await gotoPage(page, `/satisfaction?projectId=${encodeURIComponent(projectId)}`);
    await page.getByTestId('satisfaction-chart').locator('canvas').waitFor();
    await expect.poll(() => page.locator('main .ant-spin-spinning').count(), { timeout: 15_000 }).toBe(0);
    await expectAccessible(page, '/satisfaction desktop');
  });
});
