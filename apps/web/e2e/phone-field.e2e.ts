// The phone field flow (issue 14, items 6 and 10) at 390 px and 1280 px, in zh-CN and en: the caller's
// details on the ticket page with a tel: link (first, before the actions, on a phone; in the ticket's
// details within the first screen on a desktop); the engineer checks in on that ticket and the O&M record
// written from the visit already names it; at intake the dispatcher types a known number and sees the
// caller's organisation and recent tickets, and one click fills the form. axe on each page.
// The suite is slow: one signed-in page per role and width serves both languages (the language is
// switched in localStorage and applied by the next page load), and one API call sets up each ticket.
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { pageAudit } from './support/a11y';
import { login } from './support/auth';
import { PHONE, useBrowser } from './support/browser';
import { apiCall, ensureCheckedOut, projectIdByName } from './support/fieldwork';
import { flowSteps } from './support/flow';
import { type Lang, t } from './support/i18n';
import { CUSTOMER_A, PROJECT_A } from './support/tickets';
import { chooseOption, expectText, gotoPage } from './support/ui';

const DESK_1280: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
type Width = '390' | '1280';
// Each width's pages are signed in once and then serve both languages.
const COMBOS: { width: Width; size: BrowserContextOptions; lang: Lang }[] = [
  { width: '390', size: PHONE, lang: 'zh-CN' },
  { width: '390', size: PHONE, lang: 'en' },
  { width: '1280', size: DESK_1280, lang: 'en' },
  { width: '1280', size: DESK_1280, lang: 'zh-CN' },
];

interface Call {
  caller: string;
  phone: string;
  place: string;
  ticket: { id: string; number: string };
}

describe('phone field flow at 390 and 1280 px in zh-CN and en: caller details, check-in ticket into the record, caller lookup at intake', () => {
  const session = useBrowser();
  const audit = pageAudit(session, 'phone-field');
  const setup = flowSteps();
  const suffix = Date.now().toString(36);
  const digits = String(Date.now()).slice(-8);
  const calls = new Map<string, Call>();
  const pages = new Map<string, Page>();

  /** The signed-in page of `user` at `width` (made once), showing `lang` from its next page load on. */
  async function pageFor(user: string, width: Width, size: BrowserContextOptions, lang: Lang): Promise<Page> {
    const key = `${user}-${width}`;
    let page = pages.get(key);
    if (!page) {
      page = await session.newPage(key, size);
      await login(page, user);
      pages.set(key, page);
    }
    await page.evaluate((l) => localStorage.setItem('weibao.lang', l), lang);
    return page;
  }
  /** antd toasts last 3 s: one that times out while axe runs would be measured mid-fade. */
  const toastsGone = (page: Page) =>
    expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
  async function open(page: Page, path: string, lang: Lang): Promise<void> {
    await gotoPage(page, path);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
  }

  setup('the dispatcher logs one call per width and language for 张工 through the API', async () => {
    const page = await pageFor('dispatcher', '1280', DESK_1280, 'en');
    const projectId = await projectIdByName(page, PROJECT_A);
    const engineers = await apiCall<{ id: string; username: string }[]>(
      page,
      'GET',
      `/projects/${projectId}/assignees`,
    );
    const engineer = engineers.find((u) => u.username === 'engineer')!;
    for (const [i, { width, lang }] of COMBOS.entries()) {
      // Numbers nobody else uses, so each lookup finds exactly its caller.
      const call = {
        caller: `王处长${suffix}${i}`,
        phone: `13${6 + i}${digits}`,
        place: `省信息中心 5 楼 ${suffix}-${i}`,
      };
      const ticket = await apiCall<Call['ticket']>(page, 'POST', '/tickets', {
        projectId,
        title: `打印服务中断 ${suffix} ${width} ${lang}`,
        level: 3,
        channel: 'phone',
        reporterName: call.caller,
        reporterPhone: call.phone,
        location: call.place,
        assigneeId: engineer.id,
      });
      calls.set(`${width}-${lang}`, { ...call, ticket });
    }
  });

  for (const { width, size, lang } of COMBOS) {
    const step = flowSteps();
    const tr = (key: string, vars: Record<string, string | number> = {}) => t(key, vars, lang);
    const at = `${width} px, ${lang}`;
    const call = (): Call => {
      const c = calls.get(`${width}-${lang}`);
      if (!c) throw new Error('no ticket for this width and language: the setup step failed');
      return c;
    };

    step(
      `${at}: the ticket page shows the caller (name, tel: link, organisation, place) ${width === '390' ? 'before the actions' : 'in the first screen'}`,
      async () => {
        const { caller, phone, place, ticket } = call();
        const page = await pageFor('engineer', width, size, lang);
        await ensureCheckedOut(page);
        await open(page, `/tickets/${ticket.id}`, lang);
        const firstAction = page.locator('[data-testid^="action-"]').first();
        await firstAction.waitFor();
        if (width === '390') {
          // The caller card comes before the action buttons.
          const card = page.getByTestId('caller-card');
          await expectText(card.getByTestId('caller-name'), caller);
          expect(await card.getByTestId('caller-phone').getAttribute('href')).toBe(`tel:${phone}`);
          await card.getByText(place, { exact: true }).waitFor();
          await card.getByText(CUSTOMER_A, { exact: false }).first().waitFor();
          const cardBox = (await card.boundingBox())!;
          const actionBox = (await firstAction.boundingBox())!;
          expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(actionBox.y);
        } else {
          // Side by side there is room for the ticket's details (customer, reporter with the tel: link, place)
          // next to the actions: all of it on the first screen, nothing to scroll to.
          const info = page.getByTestId('ticket-info');
          await info.getByText(caller, { exact: false }).first().waitFor();
          await info.getByText(place, { exact: true }).waitFor();
          await info.getByText(CUSTOMER_A, { exact: true }).waitFor();
          const screen = page.viewportSize()!.height;
          expect(await page.evaluate(() => window.scrollY)).toBe(0);
          for (const [what, el] of [
            ['first action', firstAction],
            ['reporter tel: link', info.getByTestId('reporter-phone')],
            ['place', info.getByText(place, { exact: true })],
          ] as const) {
            const box = (await el.boundingBox())!;
            expect(box.y + box.height, `${what} is on the first screen (${screen} px)`).toBeLessThanOrEqual(screen);
          }
        }
        // The ticket's details dial the reporter at every width.
        expect(await page.getByTestId('reporter-phone').getAttribute('href')).toBe(`tel:${phone}`);
        await audit.check(page, `ticket page ${at}`);
      },
    );

    step(`${at}: checks in on that ticket; the record written from the visit already names it`, async () => {
      const { place, ticket } = call();
      const page = await pageFor('engineer', width, size, lang);
      await open(page, '/field', lang);
      const form = page.locator('form').filter({ has: page.getByTestId('check-in-submit') });
      await chooseOption(
        page,
        form.getByRole('combobox', { name: tr('field.project') }),
        `${PROJECT_A} (${CUSTOMER_A})`,
      );
      await chooseOption(page, form.getByRole('combobox', { name: tr('field.ticket') }), ticket.number);
      await form.getByLabel(tr('field.location')).fill(place);
      // No position in this browser: check in without one.
      const geo = form.getByRole('switch', { name: tr('field.useGeo') });
      if ((await geo.getAttribute('aria-checked')) === 'true') await geo.click();
      await form.getByTestId('check-in-submit').click();
      await page.getByTestId('current-visit').waitFor();
      await page.getByTestId('write-record').click();
      await page.waitForURL((u) => u.pathname === '/records/new');
      const tickets = page.getByTestId('record-tickets-input');
      await expect.poll(async () => (await tickets.innerText()).trim(), { timeout: 15_000 }).toContain(ticket.number);
      await toastsGone(page); // 已签到
      await audit.check(page, `record editor from the visit ${at}`);
      await ensureCheckedOut(page);
    });

    step(
      `${at}: intake: a known number shows the caller, organisation and recent tickets; one click fills the form`,
      async () => {
        const { caller, phone, place, ticket } = call();
        const page = await pageFor('dispatcher', width, size, lang);
        await open(page, '/intake', lang);
        const form = page.locator('form').filter({ has: page.getByTestId('intake-submit') });
        await form.getByLabel(tr('intake.reporterPhone')).fill(phone);
        const lookup = page.getByTestId('caller-lookup');
        await lookup.waitFor();
        await expectText(
          lookup.getByTestId('caller-lookup-name'),
          tr('start.caller.lookupFound', { name: caller, org: CUSTOMER_A }),
        );
        await lookup.getByTestId('caller-recent-ticket').filter({ hasText: ticket.number }).waitFor();
        expect(await lookup.getByTestId('caller-lookup-phone').getAttribute('href')).toBe(`tel:${phone}`);
        await lookup.getByTestId('caller-lookup-use').click();
        await page
          .locator('.ant-message-success')
          .getByText(tr('start.caller.filled', { name: caller }), { exact: true })
          .waitFor();
        await expect.poll(() => form.getByLabel(tr('intake.reporterName')).inputValue()).toBe(caller);
        await expect.poll(() => form.getByTestId('intake-project').innerText()).toContain(PROJECT_A);
        await expect.poll(() => form.getByLabel(tr('intake.location')).inputValue()).toBe(place);
        await toastsGone(page);
        await audit.check(page, `intake with the caller lookup ${at}`);
      },
    );
  }
});
