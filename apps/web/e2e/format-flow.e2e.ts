// One way to show time, and no raw i18n keys (issue 14, item 1): a ticket whose response clock stopped breached by
// more than two hours and whose resolution clock ran past its due, with its clock history, as the dispatcher and on
// the customer portal, and a signed record's public verify page, in zh-CN and en — with the browser in New York,
// so a page that formatted in the browser's zone instead of Beijing time shows the wrong hour.
// Each page: no dotted catalogue key in its text, every date-time in the "2026-12-07 11:29" form, the ticket's own
// times in Beijing time, the lateness as a two-unit duration, and axe (no serious/critical violation).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { labelCatalogue } from '../../../packages/schema/src/labels';
import { pageAudit } from './support/a11y';
import { login } from './support/auth';
import { DESKTOP, PHONE, useBrowser } from './support/browser';
import { apiCall, createSubmittedRecord, projectIdByName } from './support/fieldwork';
import { type Lang, t } from './support/i18n';
import { PROJECT_A } from './support/tickets';
import { expectAttr, gotoPage } from './support/ui';

const LANGS: Lang[] = ['zh-CN', 'en'];
/** Far from UTC+8 (and with daylight saving in summer): Beijing time must not depend on it. */
const ELSEWHERE = { timezoneId: 'America/New_York' };
const tr = (key: string, lang: Lang, vars: Record<string, string | number> = {}) => t(key, vars, lang);

/** Top-level names of the catalogues ("duration", "clock", …): a dotted word starting with one is a raw key. */
const NAMESPACES = (() => {
  const dir = path.resolve(import.meta.dirname, '../src/i18n');
  const names = new Set<string>(Object.keys(labelCatalogue('zh-CN')));
  for (const f of ['zh-CN.json', 'en.json'])
    for (const k of Object.keys(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')))) names.add(k);
  return names;
})();

/** "YYYY-MM-DD HH:mm" of an instant in Beijing (UTC+8, no daylight saving). */
const beijing = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The two-unit duration the app should show for `ms`, built from the catalogue's own words. */
function hoursMinutes(ms: number, lang: Lang): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  expect(h, 'a lateness of more than an hour').toBeGreaterThan(0);
  expect(m, 'a lateness with minutes').toBeGreaterThan(0);
  return tr('duration.pair', lang, {
    first: tr('duration.h', lang, { n: h }),
    second: tr('duration.m', lang, { n: m }),
  });
}

/** The page's text has no raw key and writes every date-time one way; returns the text. */
async function expectTimesAndWords(page: Page, label: string): Promise<string> {
  const text = await page.locator('body').innerText();
  const rawKeys = [...text.matchAll(/\b([a-z]+)\.[a-zA-Z][\w.]*\b/g)]
    .filter((m) => NAMESPACES.has(m[1]!))
    .map((m) => m[0]);
  expect(rawKeys, `raw i18n keys on ${label}`).toEqual([]);
  // Anything that looks like a date with a time of day (2026/12/7 11:29:05, 2026-12-07T11:29, 12/7/2026, 11:29 AM …)
  const dateTimes = [
    ...text.matchAll(/\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}[ T,]*\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AP]M)?/gi),
  ].map((m) => m[0]);
  expect(dateTimes.length, `date-times on ${label}`).toBeGreaterThan(0);
  expect(
    dateTimes.filter((s) => !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(s)),
    `date-times not "YYYY-MM-DD HH:mm" on ${label}`,
  ).toEqual([]);
  return text;
}

interface ApiClock {
  kind: string;
  status: string;
  startedAt: number;
  breachedByMs: number;
}
interface ApiTicket {
  id: string;
  number: string;
  clocks: ApiClock[];
}

describe('time and words on the ticket, its clock history, the customer portal and the verify page', () => {
  const session = useBrowser({ closeAfterEach: true });
  const { open, check } = pageAudit(session, 'format');
  const run = Date.now().toString(36);
  let ticket: ApiTicket;
  let response: ApiClock;
  let record: { id: string; number: string; hash: string; signedAt: number };

  beforeAll(async () => {
    const [dispatcher, engineer, lead] = await Promise.all(
      ['dispatcher', 'engineer', 'lead_a'].map((u) => session.newPage(`setup-${u}`, DESKTOP)),
    );
    await Promise.all([login(dispatcher!, 'dispatcher'), login(engineer!, 'engineer'), login(lead!, 'lead_a')]);
    const projectId = await projectIdByName(dispatcher!, PROJECT_A);
    // Reported by phone 200 minutes ago and responded to now: the 30-minute response clock stops about
    // 2 h 50 min late, and the level-1 resolution clock keeps running past its due.
    const created = await apiCall<{ id: string }>(dispatcher!, 'POST', '/tickets', {
      projectId,
      title: `时间格式 ${run}`,
      description: '时间与时长的显示',
      level: 1,
      channel: 'phone',
      reporterName: '陈科员',
      reporterPhone: '13800000000',
      reportedAt: Date.now() - 200 * 60_000,
      reportedAtReason: '值班电话记录补录',
    });
    const me = await apiCall<{ id: string }>(engineer!, 'GET', '/auth/me');
    await apiCall(dispatcher!, 'POST', `/tickets/${created.id}/actions`, { action: 'dispatch', assigneeId: me.id });
    await apiCall(engineer!, 'POST', `/tickets/${created.id}/actions`, { action: 'respond', note: '已电话联系报修人' });
    ticket = await apiCall<ApiTicket>(dispatcher!, 'GET', `/tickets/${created.id}`);
    response = ticket.clocks.find((c) => c.kind === 'response')!;
    expect(response.status).toBe('breached');

    // A signed service record for the public verify page.
    const submitted = await createSubmittedRecord(engineer!, PROJECT_A, `时间格式核验 ${run}`);
    // A stroke drawn on a canvas in the page: the server wants a real PNG of a signature.
    const signature = await lead!.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 240;
      canvas.height = 80;
      const g = canvas.getContext('2d')!;
      g.lineWidth = 3;
      g.beginPath();
      g.moveTo(10, 60);
      g.bezierCurveTo(60, 5, 120, 75, 230, 20);
      g.stroke();
      return canvas.toDataURL('image/png');
    });
    await apiCall(lead!, 'POST', '/om-records/sign', { recordIds: [submitted.id], signature });
    const signed = await apiCall<{ number: string; contentHash: string; signedAt: number }>(
      lead!,
      'GET',
      `/om-records/${submitted.id}`,
    );
    record = { id: submitted.id, number: signed.number, hash: signed.contentHash, signedAt: signed.signedAt };
  });

  /** The clock cards and the clock history of the ticket page in `lang`. */
  async function expectTicketPage(page: Page, lang: Lang, label: string): Promise<void> {
    const card = page.getByTestId('clock-response');
    await expectAttr(card, 'data-status', 'breached');
    await page.getByTestId('clock-history').waitFor();
    const late = tr('clock.lateBy', lang, { time: hoursMinutes(response.breachedByMs, lang) });
    expect((await card.innerText()).replace(/\s+/g, ' '), `the response clock's lateness on ${label}`).toContain(late);
    const text = await expectTimesAndWords(page, label);
    // The clock history starts when the fault was reported, in Beijing time.
    expect(text, `the reported time in Beijing time on ${label}`).toContain(beijing(response.startedAt));
    await check(page, label);
  }

  for (const lang of LANGS) {
    test(`the dispatcher's ticket page with its clocks and history (${lang}), browser in New York`, async () => {
      const page = await open('dispatcher', lang, { ...DESKTOP, ...ELSEWHERE });
      await gotoPage(page, `/tickets/${ticket.id}`);
      await expectTicketPage(page, lang, `ticket ${ticket.number} as the dispatcher`);
    });

    test(`the customer portal's ticket page (${lang}, 390 px), browser in New York`, async () => {
      const page = await open('cust_a', lang, { ...PHONE, ...ELSEWHERE });
      await gotoPage(page, `/portal/tickets/${ticket.id}`);
      await expectTicketPage(page, lang, `ticket ${ticket.number} on the customer portal`);
      await gotoPage(page, '/portal/tickets');
      await page
        .getByText(/^GD-\d{4}-\d+$/)
        .first()
        .waitFor();
      await expectTimesAndWords(page, 'my tickets on the customer portal');
    });

    test(`the public verify page of a signed record (${lang}), browser in New York`, async () => {
      const page = await open(null, lang, { ...PHONE, ...ELSEWHERE });
      await page.goto(`/verify/${record.id}?h=${record.hash.slice(0, 16)}`);
      await expectAttr(page.getByTestId('verify-result'), 'data-intact', 'true');
      const text = await expectTimesAndWords(page, 'the verify page');
      expect(text, 'the signing time in Beijing time').toContain(beijing(record.signedAt));
      await check(page, 'the verify page');
    });
  }
});
