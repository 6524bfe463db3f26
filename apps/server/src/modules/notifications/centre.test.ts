import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHead, auditSince, demoIds, expectRefused, ticketInput, tokenSessions } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';
import { slaAlertText } from '../sla/alerts.js';
import { urgentTicketText } from '../tickets/texts.js';

const V = '/api/v1';
/** Urging again is allowed after 10 minutes. */
const URGE_GAP = 11 * 60_000;

describe.each(DIALECTS)('notification centre (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let disp: Session;
  let eng: Session;
  let tk: { id: string; number: string };
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    [disp, eng] = await tokenSessions(t, 'dispatcher', 'engineer', 'engineer2');
    tk = (
      await disp.post(
        `${V}/tickets`,
        ticketInput(ids.projectA, { level: 3, title: '重复催办', assigneeId: ids.users.engineer }),
      )
    ).body;
    for (let i = 0; i < 3; i++) {
      t.clock.advance(URGE_GAP);
      expect(
        (await disp.post(`${V}/tickets/${tk.id}/actions`, { action: 'urge', reason: `第 ${i + 1} 次催办` })).status,
      ).toBe(200);
    }
  });
  afterAll(async () => {
    await t?.drop();
  });

  const mineInDb = async (userId: string) =>
    t.database.db
      .selectFrom('notifications')
      .select(['id', 'at', 'read_at', 'kind', 'ticket_id'])
      .where('user_id', '=', userId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .execute();

  it('groups repeated notifications of one kind for one ticket into one line with a count and the ticket number', async () => {
    const page = (await eng.get(`${V}/notifications/page`)).body;
    const urges = page.items.filter((n: any) => n.kind === 'ticket.urge' && n.ticketId === tk.id);
    expect(urges).toHaveLength(1);
    expect(urges[0]).toMatchObject({
      count: 3,
      unreadCount: 3,
      readAt: null,
      ticketNumber: tk.number,
      at: t.clock.now,
      firstAt: t.clock.now - 2 * URGE_GAP,
    });
    expect(urges[0].body).toBe('第 3 次催办'); // the newest one speaks for the group
    expect(urges[0].ids).toHaveLength(3);
    expect(urges[0].ids[0]).toBe(urges[0].id);
    // Another kind for the same ticket is its own line.
    expect(page.items.find((n: any) => n.kind === 'ticket.dispatched' && n.ticketId === tk.id)).toMatchObject({
      count: 1,
    });
    const rows = await mineInDb(ids.users.engineer!);
    expect(page.items.reduce((s: number, n: any) => s + n.count, 0)).toBe(Math.min(rows.length, 20));
  });

  it('filters by unread, kind and ticket, and pages by keyset without gaps or repeats', async () => {
    const rows = await mineInDb(ids.users.engineer!);
    expect(rows.length).toBeGreaterThan(4);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `${V}/notifications/page?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const r: any = (await eng.get(q)).body;
      expect(r.items.reduce((s: number, n: any) => s + n.count, 0)).toBeLessThanOrEqual(2);
      for (const n of r.items) seen.push(...n.ids);
      cursor = r.nextCursor;
    } while (cursor);
    expect(seen).toEqual(rows.map((r) => r.id));
    const byKind = (await eng.get(`${V}/notifications/page?kind=ticket.urge&limit=100`)).body.items;
    expect(byKind.flatMap((n: any) => n.ids).sort()).toEqual(
      rows
        .filter((r) => r.kind === 'ticket.urge')
        .map((r) => r.id)
        .sort(),
    );
    const byTicket = (await eng.get(`${V}/notifications/page?ticketId=${tk.id}&limit=100`)).body.items;
    expect(byTicket.every((n: any) => n.ticketId === tk.id)).toBe(true);
    expect(byTicket.map((n: any) => n.kind).sort()).toEqual(['ticket.dispatched', 'ticket.urge']);
    const [one] = rows;
    await eng.post(`${V}/notifications/${one!.id}/read`);
    const unread = (await eng.get(`${V}/notifications/page?state=unread&limit=100`)).body.items.flatMap(
      (n: any) => n.ids,
    );
    expect(unread.sort()).toEqual(
      rows
        .filter((r) => r.id !== one!.id && r.read_at === null)
        .map((r) => r.id)
        .sort(),
    );
  });

  it('refuses a bad filter or cursor naming the field', async () => {
    await expectRefused(t, eng, 'GET', `${V}/notifications/page?cursor=%25%25`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'cursor',
    });
    await expectRefused(t, eng, 'GET', `${V}/notifications/page?kind=DROP%20TABLE`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'kind',
    });
    await expectRefused(t, eng, 'GET', `${V}/notifications/page?state=maybe`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'state',
    });
    await expectRefused(
      t,
      eng,
      'POST',
      `${V}/notifications/read-all`,
      { kind: 'Bad Kind' },
      { status: 400, code: 'VALIDATION', field: 'kind' },
    );
  });

  it('marks a group, then everything, read in one request each: one UPDATE, the count returned, audited once', async () => {
    const before = await mineInDb(ids.users.engineer!);
    const others = await mineInDb(ids.users.engineer2!);
    expect((await eng.get(`${V}/notifications/summary`)).body).toEqual({
      unread: before.filter((r) => r.read_at === null).length,
      kinds: [...new Set(before.map((r) => r.kind))].sort(),
    });
    t.clock.advance(1000);
    let seq = await auditHead(t.database);
    const group = await eng.post(`${V}/notifications/read-all`, { kind: 'ticket.urge', ticketId: tk.id });
    expect([group.status, group.body]).toEqual([
      200,
      { updated: before.filter((r) => r.kind === 'ticket.urge' && r.ticket_id === tk.id && r.read_at === null).length },
    ]);
    expect(
      (await auditSince(t.database, seq)).map((a) => [
        a.action,
        a.actor_id,
        a.target_id,
        JSON.parse(a.detail_json).updated,
      ]),
    ).toEqual([['notification.read_all', ids.users.engineer, ids.users.engineer, group.body.updated]]);
    const left = (await mineInDb(ids.users.engineer!)).filter((r) => r.read_at === null).length;
    expect(left).toBeGreaterThan(0);
    seq = await auditHead(t.database);
    const all = await eng.post(`${V}/notifications/read-all`, {});
    expect(all.body).toEqual({ updated: left });
    expect((await auditSince(t.database, seq)).map((a) => a.action)).toEqual(['notification.read_all']);
    const after = await mineInDb(ids.users.engineer!);
    expect(after.filter((r) => r.read_at === null)).toEqual([]);
    // Read stamps: the earlier ones keep theirs, the rest carry the time of these requests.
    for (const r of after) expect(r.read_at).toBe(before.find((b) => b.id === r.id)!.read_at ?? t.clock.now);
    expect((await eng.get(`${V}/notifications/summary`)).body.unread).toBe(0);
    expect(await mineInDb(ids.users.engineer2!)).toEqual(others); // nobody else's
    expect((await eng.post(`${V}/notifications/read-all`, {})).body).toEqual({ updated: 0 });
  });

  it('the demo seed marks its history read (stamped when raised), leaving newer notifications unread', async () => {
    t.clock.advance(URGE_GAP);
    await disp.post(`${V}/tickets/${tk.id}/actions`, { action: 'urge', reason: '新的催办' });
    const cut = t.clock.now;
    t.clock.advance(URGE_GAP);
    await disp.post(`${V}/tickets/${tk.id}/actions`, { action: 'urge', reason: '更新的催办' });
    const n = await t.app.services.notifications.markDemoHistoryRead(cut + 1);
    expect(n).toBeGreaterThan(0);
    const rows = await t.database.db.selectFrom('notifications').select(['at', 'read_at']).execute();
    expect(rows.filter((r) => r.at <= cut && r.read_at === null)).toEqual([]);
    expect(rows.filter((r) => r.at > cut).every((r) => r.read_at === null)).toBe(true);
  });
});

describe('notification wording uses the level names of labels.ts', () => {
  it('SLA alerts and urgent-fault notices say 一级 / Level 1, not "1 级"', () => {
    const zh = slaAlertText('zh-CN', 'breach', 'resolution', { number: 'WB-1', title: '断网', level: 1 }, null);
    expect(zh.body).toContain('一级故障「断网」');
    expect(zh.body).not.toMatch(/\d 级/);
    expect(slaAlertText('en', 'warn80', 'response', { number: 'WB-1', title: 'Down', level: 2 }, null).body).toContain(
      'Level 2 fault "Down"',
    );
    const facts = {
      level: 2,
      number: 'WB-2',
      title: '断网',
      customer: '省信息中心',
      project: 'P',
      reporter: '陈',
      reportedAt: 0,
    };
    expect(urgentTicketText('zh-CN', facts).title).toBe('二级故障报修：WB-2 断网');
    expect(urgentTicketText('en', facts).title).toBe('Level 2 fault reported: WB-2 断网');
  });
});
