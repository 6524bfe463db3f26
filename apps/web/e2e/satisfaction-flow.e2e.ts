// Satisfaction (满意度, R29): a ticket reported by cust_a is resolved (set up through the API); the server
// e-mails cust_a a one-time link (read from the e2e server's mail outbox), which opens in a fresh browser
// with no login at 390 px: cust_a rates 2 with a comment and is thanked; a reload says already rated. The
// ticket page shows the rating with its channel (邮件链接). The manager gets the low-rating notification
// and /satisfaction shows the rating in the rate and in the low-rating list with the comment. A ticket the
// dispatcher entered for a phone caller has no account to ask: the dispatcher records the callback (回访)
// on the ticket page. The manager sets up a recurring survey (定期满意度调查) for project A in the UI with its
// first send today, sees it listed with next send today, and switches it off and on again.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { login } from './support/auth';
import { DESKTOP, PHONE, useBrowser } from './support/browser';
import { apiCall, projectIdByName } from './support/fieldwork';
import { flowSteps } from './support/flow';
import { t } from './support/i18n';
import { expectNoHorizontalScroll } from './support/layout';
import type { ApiRatingRequest, ApiSatisfaction, ApiSurveySchedule, ApiTicket } from './support/satisfaction';
import { beijingToday, ratingLink, resolvedTicket } from './support/satisfaction';
import { CUSTOMER_A, PROJECT_A } from './support/tickets';
import { chooseOption, expectAttr, expectText, gotoPage, openFromMenu } from './support/ui';

const scoreRadio = (page: Page, score: number) =>
  page.getByRole('radio', { name: `${score} · ${t(`satisfaction.score.${score}`)}` });

describe('satisfaction: the one-time e-mail link, the low-rating alert, the rate, and the desk callback', () => {
  const session = useBrowser();
  const step = flowSteps();
  const run = Date.now().toString(36);
  const comment = `等了很久 ${run}`;
  let cust: Page;
  let dispatcher: Page;
  let engineer: Page;
  let manager: Page;
  let ticket: ApiTicket;
  let link: { to: string; url: string; path: string };

  step(
    'a ticket cust_a reported is resolved: cust_a gets an e-mail with a one-time rating link to this server',
    async () => {
      cust = await session.newPage('cust_a');
      dispatcher = await session.newPage('dispatcher');
      engineer = await session.newPage('engineer');
      await login(cust, 'cust_a');
      await login(dispatcher, 'dispatcher');
      await login(engineer, 'engineer');
      ticket = await resolvedTicket(cust, dispatcher, engineer, `打印服务异常 ${run}`);
      link = await ratingLink(ticket.number);
      expect(link.to).toBe('chen@sxxzx.example.cn');
      expect(link.url.startsWith(`${session.baseUrl}/rate/`), link.url).toBe(true);
      const req = await apiCall<ApiRatingRequest>(cust, 'GET', `/tickets/${ticket.id}/rating`);
      expect(req).toMatchObject({ state: 'pending', score: null });
    },
  );

  step(
    'the link opens without logging in (390 px): rate 2 with a comment, then thanks; a reload says already rated',
    async () => {
      const anon = await session.newPage('anonymous', PHONE);
      await anon.goto(link.url);
      await expectText(anon.locator('h1'), t('satisfaction.public.title'));
      await expectAttr(anon.getByTestId('rate-state'), 'data-state', 'pending');
      await expect.poll(() => anon.getByTestId('rate-subject').innerText()).toContain(ticket.number);
      expect(await anon.getByTestId('rate-subject').innerText()).toContain(PROJECT_A);
      await expectNoHorizontalScroll(anon, 'rating link');
      // Keyboard: focus the first score and move with the arrow keys to 2.
      await scoreRadio(anon, 1).focus();
      await anon.keyboard.press('ArrowRight');
      await expect.poll(() => scoreRadio(anon, 2).isChecked()).toBe(true);
      await anon.getByTestId('rating-comment').fill(comment);
      await anon.getByTestId('rating-submit').click();
      await expectAttr(anon.getByTestId('rate-state'), 'data-state', 'thanks');
      await expectText(anon.getByRole('heading', { level: 2 }).first(), t('satisfaction.public.thanks'));
      await expectAttr(anon.getByTestId('rating-score'), 'data-score', '2');
      expect((await anon.request.get('/api/v1/auth/me')).status()).toBe(401); // never signed in
      await anon.reload();
      await expectAttr(anon.getByTestId('rate-state'), 'data-state', 'rated');
      await expectText(anon.getByRole('heading', { level: 2 }).first(), t('satisfaction.public.alreadyRated'));
      await expect.poll(() => anon.getByTestId('rate-form').count()).toBe(0);
      // The link is used up: the server refuses a second rating.
      const again = await anon.request.post(`/api/v1/public/ratings/${link.path.slice('/rate/'.length)}`, {
        data: { score: 5, comment: '' },
      });
      expect(again.status()).toBe(409);
    },
  );

  step('cust_a sees the rating on the ticket page: score, comment and channel 邮件链接', async () => {
    await gotoPage(cust, `/portal/tickets/${encodeURIComponent(ticket.id)}`);
    const panel = cust.getByTestId('ticket-rating');
    await expectAttr(panel, 'data-state', 'rated');
    await expectAttr(panel.getByTestId('rating-score'), 'data-score', '2');
    await expectText(panel.getByTestId('rating-comment-text'), comment);
    await expectText(panel.getByTestId('rating-channel'), t('satisfaction.channel.email'));
  });

  step(
    'the manager is alerted to the low rating and /satisfaction shows it in the rate and the low-rating list',
    async () => {
      manager = await session.newPage('manager', DESKTOP);
      await login(manager, 'manager');
      await manager.getByTestId('notification-bell').click();
      const alert = manager.getByTestId('notification-item').filter({ hasText: ticket.number }).first();
      await alert.waitFor();
      expect(await alert.innerText()).toContain(comment);

      await manager.keyboard.press('Escape');
      await openFromMenu(manager, t('satisfaction.nav'));
      await manager.waitForURL(/\/satisfaction/);
      await expectText(manager.locator('h1'), t('satisfaction.title'));
      await chooseOption(
        manager,
        manager.getByRole('combobox', { name: t('filter.project') }),
        `${PROJECT_A} (${CUSTOMER_A})`,
      );
      const projectId = await projectIdByName(manager, PROJECT_A);
      const report = manager.getByTestId('satisfaction-report');
      await report.waitFor();
      const expected = await apiCall<ApiSatisfaction>(manager, 'GET', `/projects/${projectId}/satisfaction`);
      expect(expected.ratePct).not.toBeNull();
      expect(expected.low.map((x) => x.comment)).toContain(comment);
      await expectAttr(manager.getByTestId('satisfaction-rate'), 'data-rate', String(expected.ratePct));
      await expectText(manager.getByTestId('satisfaction-rate'), `${expected.ratePct}%`);
      await expectText(manager.getByTestId('satisfaction-target'), `${expected.targetPct}%`);
      await expectAttr(manager.getByTestId('satisfaction-met'), 'data-met', String(expected.met));
      await expectText(
        manager.getByTestId('satisfaction-met'),
        t(expected.met ? 'satisfaction.report.met' : 'satisfaction.report.notMet'),
      );
      const low = manager.getByTestId('satisfaction-low-row').filter({ hasText: comment });
      await low.waitFor();
      await expectAttr(low.getByTestId('rating-score'), 'data-score', '2');
      await low.getByTestId('satisfaction-low-link').click();
      await manager.waitForURL(new RegExp(`/tickets/${encodeURIComponent(ticket.id)}$`));
      await expectAttr(manager.getByTestId('ticket-rating'), 'data-state', 'rated');
    },
  );

  step(
    'a phone report has no account to ask: the dispatcher records the callback (回访) on the ticket page',
    async () => {
      const phoneTicket = await resolvedTicket(dispatcher, dispatcher, engineer, `电话报修：网络中断 ${run}`);
      await gotoPage(dispatcher, `/tickets/${encodeURIComponent(phoneTicket.id)}`);
      const panel = dispatcher.getByTestId('ticket-rating');
      await expectAttr(panel, 'data-state', 'pending');
      await expect.poll(() => panel.locator('h2').innerText()).toBe(t('satisfaction.callback.title'));
      const form = panel.getByTestId('ticket-callback-form');
      await scoreRadio(dispatcher, 5).check();
      await form.getByLabel(t('satisfaction.callback.comment')).fill(`电话回访：满意 ${run}`);
      await form.getByTestId('rating-submit').click();
      await expectAttr(panel, 'data-state', 'rated');
      await expectText(panel.getByTestId('rating-channel'), t('satisfaction.channel.callback'));
      await expectText(panel.getByTestId('rating-comment-text'), `电话回访：满意 ${run}`);
      const req = await apiCall<ApiRatingRequest>(dispatcher, 'GET', `/tickets/${phoneTicket.id}/rating`);
      expect(req).toMatchObject({ state: 'rated', score: 5, channel: 'callback', userId: null });
      // The customer cannot rate it (the request is nobody's in the portal).
      await expect
        .poll(() =>
          apiCall<{ items: { id: string }[] }>(cust, 'GET', '/rating-requests?mine=1&state=pending').then((p) =>
            p.items.some((x) => x.id === req.id),
          ),
        )
        .toBe(false);
    },
  );

  step(
    'the manager sets up a recurring survey for project A (first send today): listed with next send today, switched off and on',
    async () => {
      const projectId = await projectIdByName(manager, PROJECT_A);
      const today = beijingToday();
      const title = `定期满意度调查 ${run}`;
      await gotoPage(manager, `/satisfaction?projectId=${encodeURIComponent(projectId)}`);
      const card = manager.getByTestId('schedule-card');
      await card.getByTestId('schedule-new').click();
      const form = manager.getByTestId('schedule-form');
      await form.waitFor();
      // The defaults: 季度满意度调查, every 3 months, open 14 days, first send today.
      expect(await form.getByTestId('schedule-form-title').inputValue()).toBe(t('satisfaction.schedule.defaultTitle'));
      expect(await form.getByLabel(t('satisfaction.schedule.everyMonths')).inputValue()).toBe('3');
      expect(await form.getByLabel(t('satisfaction.schedule.openDays')).inputValue()).toBe('14');
      expect(await form.getByTestId('schedule-form-first-on').inputValue()).toBe(today);
      await form.getByTestId('schedule-form-title').fill(title);
      const posted = manager.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith(`/projects/${projectId}/survey-schedules`),
      );
      await manager.getByTestId('schedule-save').click();
      const res = await posted;
      expect(res.ok(), await res.text()).toBe(true);
      const created = (await res.json()) as ApiSurveySchedule;
      expect(created).toMatchObject({
        projectId,
        title,
        everyMonths: 3,
        openDays: 14,
        nextOn: today,
        active: true,
        lastSentOn: null,
      });
      await form.waitFor({ state: 'detached' });

      const row = card.locator(`[data-testid="schedule-row"][data-schedule-id="${created.id}"]`);
      await row.waitFor();
      await expectText(row.getByTestId('schedule-title'), title);
      await expectText(row.getByTestId('schedule-every'), t('satisfaction.schedule.every', { n: 3 }));
      await expectText(row.getByTestId('schedule-open-days'), t('satisfaction.schedule.open', { n: 14 }));
      // Next send today. The server's worker sends due surveys within about a minute and then moves the date on
      // by 3 months, with today as the last send: either is right here.
      const dates = async () => ({
        next: await row.getAttribute('data-next'),
        last: await row.getAttribute('data-last'),
      });
      await expect
        .poll(async () => {
          const d = await dates();
          return d.next === today || (d.last === today && !!d.next && d.next > today);
        })
        .toBe(true);
      const { next, last } = await dates();
      await expectText(row.getByTestId('schedule-next'), t('satisfaction.schedule.next', { date: next! }));
      if (last !== today) await expectText(row.getByTestId('schedule-last'), t('satisfaction.schedule.neverSent'));
      // The customer's users read the project's schedules too.
      const seen = await apiCall<ApiSurveySchedule[]>(cust, 'GET', `/projects/${projectId}/survey-schedules`);
      expect(seen.map((x) => x.id)).toContain(created.id);

      const active = row.getByTestId('schedule-active');
      const serverActive = async () =>
        (await apiCall<ApiSurveySchedule[]>(manager, 'GET', `/projects/${projectId}/survey-schedules`)).find(
          (x) => x.id === created.id,
        )?.active;
      await expectAttr(active, 'aria-checked', 'true');
      await active.click();
      await expectAttr(active, 'aria-checked', 'false');
      await expectAttr(row, 'data-active', 'false');
      await expectText(row.getByTestId('schedule-state'), t('satisfaction.schedule.off'));
      expect(await serverActive()).toBe(false);
      await active.click();
      await expectAttr(active, 'aria-checked', 'true');
      await expectAttr(row, 'data-active', 'true');
      await expectText(row.getByTestId('schedule-state'), t('satisfaction.schedule.on'));
      expect(await serverActive()).toBe(true);
    },
  );
});
