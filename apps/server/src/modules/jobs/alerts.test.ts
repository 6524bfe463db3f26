import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, ticketInput, tokenSession, tokenSessions } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';
const MIN = 60_000;

/**
 * SLA warnings (50%, 80%) and the breach (just past 100%) driven by the harness clock and
 * worker.raiseDueAlerts(): each exactly once per clock cycle, none while paused or after the stop.
 */
describe.each(DIALECTS)('SLA alerts from the worker (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let disp: Session;
  let eng: Session;
  const drain = async () => {
    let n = 0;
    for (let k; (k = await t.app.services.worker.raiseDueAlerts()) > 0;) n += k;
    return n;
  };
  /** Fired alerts of a ticket as "clock#cycle:kind", in firing order. */
  const fired = async (ticketId: string) =>
    (
      await t.database.db
        .selectFrom('sla_alerts')
        .innerJoin('sla_clocks', 'sla_clocks.id', 'sla_alerts.clock_id')
        .select([
          'sla_clocks.kind as clock',
          'sla_clocks.cycle',
          'sla_alerts.kind',
          'sla_alerts.fired_at',
          'sla_alerts.fire_at',
        ])
        .where('sla_alerts.ticket_id', '=', ticketId)
        .where('sla_alerts.state', '=', 'fired')
        .orderBy('sla_alerts.fired_at')
        .orderBy('sla_clocks.kind')
        .orderBy('sla_alerts.fire_at')
        .execute()
    ).map((a) => `${a.clock}#${a.cycle}:${a.kind}`);
  const open = async (over: Record<string, unknown> = {}) =>
    (
      await disp.post(
        `${V}/tickets`,
        ticketInput(ids.projectA, { level: 1, assigneeId: ids.users.engineer, reportedAt: t.clock.now, ...over }),
      )
    ).body;
  const at = (tk: any, ms: number) => t.clock.set(tk.reportedAt + ms);

  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    [disp, eng] = await tokenSessions(t, 'dispatcher', 'engineer');
    await drain(); // the seed's own overdue alerts
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('raises 50%, 80% and the breach once each, notifying assignee, service manager and dispatchers', async () => {
    const tk = await open();
    at(tk, 15 * MIN - 1);
    await drain();
    expect(await fired(tk.id)).toEqual([]);
    at(tk, 15 * MIN);
    await drain();
    expect(await fired(tk.id)).toEqual(['arrival#1:warn50', 'response#1:warn50']);
    await drain();
    expect(await fired(tk.id)).toHaveLength(2);
    at(tk, 24 * MIN);
    await drain();
    expect((await fired(tk.id)).slice(2)).toEqual(['arrival#1:warn80', 'response#1:warn80']);
    at(tk, 30 * MIN); // elapsed == target is still on time
    await drain();
    expect(await fired(tk.id)).toHaveLength(4);
    expect(
      (await t.database.db.selectFrom('tickets').select('breached').where('id', '=', tk.id).executeTakeFirstOrThrow())
        .breached,
    ).toBe(0);
    at(tk, 30 * MIN + 1);
    await drain();
    expect((await fired(tk.id)).slice(4)).toEqual(['arrival#1:breach', 'response#1:breach']);
    at(tk, 60 * MIN);
    await drain();
    expect((await fired(tk.id)).slice(6)).toEqual(['resolution#1:warn50']);
    at(tk, 96 * MIN);
    await drain();
    expect((await fired(tk.id)).slice(7)).toEqual(['resolution#1:warn80']);
    at(tk, 3 * 60 * MIN);
    await drain();
    expect((await fired(tk.id)).slice(8)).toEqual(['resolution#1:breach']);
    await drain();
    expect(await fired(tk.id)).toHaveLength(9);

    const db = t.database.db;
    expect(
      (await db.selectFrom('tickets').select('breached').where('id', '=', tk.id).executeTakeFirstOrThrow()).breached,
    ).toBe(1);
    expect((await disp.get(`${V}/tickets/${tk.id}`)).body.breached).toBe(true);
    // One in-app notification per alert for each of the assignee, the project's service manager and its dispatcher.
    const notes = await db
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'source_key', 'title'])
      .where('ticket_id', '=', tk.id)
      .where('kind', 'like', 'sla.%')
      .execute();
    expect(notes).toHaveLength(27);
    for (const user of [ids.users.engineer, ids.users.manager, ids.users.dispatcher]) {
      const mine = notes.filter((n) => n.user_id === user);
      expect(mine.map((n) => n.kind).sort()).toEqual([
        'sla.breach',
        'sla.breach',
        'sla.breach',
        'sla.warn50',
        'sla.warn50',
        'sla.warn50',
        'sla.warn80',
        'sla.warn80',
        'sla.warn80',
      ]);
      expect(new Set(mine.map((n) => n.source_key)).size).toBe(9);
    }
    expect([...new Set(notes.filter((n) => n.kind === 'sla.breach').map((n) => n.title))].sort()).toEqual(
      ['到场', '响应', '解决'].map((k) => `SLA 已超时：${tk.number} ${k}时限`).sort(),
    );
    // Timeline: internal sla.* events with the clock; the customer does not see them.
    const events = (await disp.get(`${V}/tickets/${tk.id}/timeline`)).body.filter((e: any) =>
      e.type.startsWith('sla.'),
    );
    expect(
      events
        .filter((e: any) => e.type === 'sla.breach')
        .map((e: any) => e.data.clock)
        .sort(),
    ).toEqual(['arrival', 'resolution', 'response']);
    const breach = events.find((e: any) => e.type === 'sla.breach' && e.data.clock === 'response');
    expect(breach.data).toMatchObject({
      cycle: 1,
      dueAt: tk.reportedAt + 30 * MIN + 1,
      noticedAt: tk.reportedAt + 30 * MIN + 1,
    });
    const cust = await tokenSession(t, 'cust_a');
    expect((await cust.get(`${V}/tickets/${tk.id}/timeline`)).body.some((e: any) => e.type.startsWith('sla.'))).toBe(
      false,
    );
  });

  it('raises nothing while the clocks are paused, and reschedules on resume by the paused time', async () => {
    const tk = await open();
    at(tk, 10 * MIN);
    await eng.post(`${V}/tickets/${tk.id}/actions`, {
      action: 'suspend',
      suspendReason: 'waiting_customer',
      reason: '等客户',
    });
    at(tk, 5 * 60 * MIN);
    await drain();
    expect(await fired(tk.id)).toEqual([]);
    const states = await t.database.db
      .selectFrom('sla_alerts')
      .select('state')
      .where('ticket_id', '=', tk.id)
      .execute();
    expect(states.every((s) => s.state === 'paused')).toBe(true);
    await eng.post(`${V}/tickets/${tk.id}/actions`, { action: 'resume' });
    const resumed = t.clock.now;
    await drain();
    expect(await fired(tk.id)).toEqual([]);
    t.clock.set(resumed + 5 * MIN); // 10 min ran before the pause: 15 min (50%) is 5 min after resuming
    await drain();
    expect(await fired(tk.id)).toEqual(['arrival#1:warn50', 'response#1:warn50']);
    // A suspension the contract does not allow does not pause anything.
    const tk2 = await open();
    await eng.post(`${V}/tickets/${tk2.id}/actions`, { action: 'suspend', suspendReason: 'other', reason: '其他' });
    at(tk2, 15 * MIN);
    await drain();
    expect(await fired(tk2.id)).toEqual(['arrival#1:warn50', 'response#1:warn50']);
  });

  it('raises nothing for a stopped clock, and once per cycle after a reopen', async () => {
    const tk = await open();
    at(tk, 5 * MIN);
    await eng.post(`${V}/tickets/${tk.id}/actions`, { action: 'respond' });
    at(tk, 16 * MIN);
    await drain();
    expect(await fired(tk.id)).toEqual(['arrival#1:warn50']);
    await eng.post(`${V}/tickets/${tk.id}/actions`, { action: 'arrive' });
    await eng.post(`${V}/tickets/${tk.id}/actions`, { action: 'resolve', solution: '已修复', faultCause: 'non_human' });
    at(tk, 10 * 60 * MIN);
    await drain();
    expect(await fired(tk.id)).toEqual(['arrival#1:warn50']);
    const cancelled = await t.database.db
      .selectFrom('sla_alerts')
      .select(['state', 'fire_at'])
      .where('ticket_id', '=', tk.id)
      .where('state', '!=', 'fired')
      .execute();
    expect(cancelled).toHaveLength(8);
    expect(cancelled.every((a) => a.state === 'cancelled' && a.fire_at === null)).toBe(true);

    const cust = await tokenSession(t, 'cust_a');
    await cust.post(`${V}/tickets/${tk.id}/actions`, { action: 'reopen', reason: '又坏了' });
    const reopened = t.clock.now;
    t.clock.set(reopened + 60 * MIN);
    await drain();
    expect((await fired(tk.id)).slice(1)).toEqual(['resolution#2:warn50']);
    t.clock.set(reopened + 96 * MIN);
    await drain();
    t.clock.set(reopened + 121 * MIN);
    await drain();
    await drain();
    expect((await fired(tk.id)).slice(1)).toEqual([
      'resolution#2:warn50',
      'resolution#2:warn80',
      'resolution#2:breach',
    ]);
    const notes = await t.database.db
      .selectFrom('notifications')
      .select('source_key')
      .where('ticket_id', '=', tk.id)
      .where('kind', 'like', 'sla.%')
      .where('user_id', '=', ids.users.manager)
      .execute();
    expect(notes).toHaveLength(4);
  });
});
