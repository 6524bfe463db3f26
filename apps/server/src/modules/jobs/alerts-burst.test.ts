import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, ticketInput, tokenSessions } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';
const MIN = 60_000;

/** "YYYY-MM-DD HH:mm" in Beijing time, computed here independently of the server's helper. */
const bj = (ms: number) => {
  const d = new Date(ms + 8 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
};

/**
 * Alert bursts (issue 13 E and 7): stale warnings of a breached clock are not sent, breaches go
 * first, fired_at is the commit instant, and the texts reach dispatchers and read well.
 */
describe.each(DIALECTS)('SLA alert bursts and who hears of them (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let disp: Session;
  let cust: Session;
  const drain = async () => {
    let n = 0;
    for (let k; (k = await t.app.services.worker.raiseDueAlerts()) > 0;) n += k;
    return n;
  };
  const alertsOf = (ticketIds: string[]) =>
    t.database.db
      .selectFrom('sla_alerts')
      .innerJoin('sla_clocks', 'sla_clocks.id', 'sla_alerts.clock_id')
      .select([
        'sla_alerts.id',
        'sla_alerts.ticket_id',
        'sla_alerts.kind',
        'sla_alerts.state',
        'sla_alerts.fire_at',
        'sla_alerts.fired_at',
        'sla_clocks.kind as clock',
        'sla_clocks.due_at',
      ])
      .where('sla_alerts.ticket_id', 'in', ticketIds)
      .execute();
  const notesOf = (ticketId: string) =>
    t.database.db
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'title', 'body', 'at', 'source_key'])
      .where('ticket_id', '=', ticketId)
      .execute();
  /** A level-1 ticket reported `ago` ms before the (test) now, with a back-dating reason when needed. */
  const backdated = async (ago: number, over: Record<string, unknown> = {}) => {
    const r = await disp.post(
      `${V}/tickets`,
      ticketInput(ids.projectA, {
        level: 1,
        assigneeId: ids.users.engineer,
        reportedAt: t.clock.now - ago,
        reportedAtReason: '电话补录',
        ...over,
      }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };

  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    [disp, cust] = await tokenSessions(t, 'dispatcher', 'cust_a');
    // The dispatcher reads English and has a mailbox: texts are rendered per reader, mail goes to everyone with an address.
    await t.database.db
      .updateTable('users')
      .set({ locale: 'en', email: 'dispatch@weibao.local' })
      .where('id', '=', ids.users.dispatcher!)
      .execute();
    await drain(); // the seed's own overdue alerts
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('a back-dated ticket past 50%, 80% and the breach gets one breach per clock, no stale warnings, and it reaches the dispatcher', async () => {
    const tk = await backdated(40 * MIN);
    await drain();
    const alerts = await alertsOf([tk.id]);
    const byClock = (clock: string) =>
      alerts
        .filter((a) => a.clock === clock)
        .map((a) => `${a.kind}:${a.state}`)
        .sort();
    for (const clock of ['response', 'arrival'])
      expect(byClock(clock)).toEqual(['breach:fired', 'warn50:superseded', 'warn80:superseded']);
    expect(byClock('resolution')).toEqual(['breach:pending', 'warn50:pending', 'warn80:pending']);
    const sla = (await notesOf(tk.id)).filter((n) => n.kind.startsWith('sla.'));
    expect(sla.map((n) => n.kind).every((k) => k === 'sla.breach')).toBe(true);
    for (const user of [ids.users.engineer, ids.users.manager, ids.users.dispatcher])
      expect(sla.filter((n) => n.user_id === user)).toHaveLength(2);
    const events = (await disp.get(`${V}/tickets/${tk.id}/timeline`)).body.filter((e: any) =>
      e.type.startsWith('sla.'),
    );
    expect(events.map((e: any) => `${e.type}:${e.data.clock}`).sort()).toEqual([
      'sla.breach:arrival',
      'sla.breach:response',
    ]);
    // Nothing more arrives later for those clocks: the warnings are settled, not postponed.
    await drain();
    expect((await notesOf(tk.id)).filter((n) => n.kind.startsWith('sla.'))).toHaveLength(6);
    // The deadline reads as Beijing time in each reader's language; the mail carries the same words.
    const due = alerts.find((a) => a.clock === 'response' && a.kind === 'breach')!.due_at!;
    const zh = sla.find((n) => n.user_id === ids.users.manager && n.title.includes('响应'))!;
    expect(zh.title).toBe(`SLA 已超时：${tk.number} 响应时限`);
    expect(zh.body).toContain(`${bj(due)}（北京时间）`);
    const en = sla.find((n) => n.user_id === ids.users.dispatcher && n.title.includes('response'))!;
    expect(en.title).toBe(`SLA breached: ${tk.number} response deadline`);
    expect(en.body).toContain(`${bj(due)} (Beijing time)`);
    const mail = await t.database.db
      .selectFrom('mail_outbox')
      .select(['to_addr', 'subject', 'body'])
      .where('source_key', 'like', `sla:%`)
      .where('body', 'like', `%${tk.title}%`)
      .execute();
    expect(mail.map((m) => m.to_addr).sort()).toEqual([
      'dispatch@weibao.local',
      'dispatch@weibao.local',
      'engineer@weibao.local',
      'engineer@weibao.local',
      'manager@weibao.local',
      'manager@weibao.local',
    ]);
    expect(mail.find((m) => m.to_addr === 'dispatch@weibao.local' && m.subject === en.title)!.body).toBe(en.body);
  });

  it('raises the breaches of a burst before its warnings, even warnings that fell due earlier', async () => {
    // Warnings due 5 min ago (50% of 30 min after 20 min) and breaches due just now (31 min ago).
    const warned = [await backdated(20 * MIN), await backdated(20 * MIN), await backdated(20 * MIN)];
    const breached = [await backdated(31 * MIN), await backdated(31 * MIN), await backdated(31 * MIN)];
    expect(await t.app.services.worker.raiseDueAlerts(6)).toBe(6);
    const first = (await alertsOf([...warned, ...breached].map((x) => x.id))).filter((a) => a.state !== 'pending');
    expect(first.filter((a) => a.state === 'fired').map((a) => a.kind)).toEqual(Array(6).fill('breach'));
    // Their clocks' warnings were claimed after the breaches, and are stale by then.
    await drain();
    const all = await alertsOf([...warned, ...breached].map((x) => x.id));
    const fired = (list: { id: string }[]) =>
      all
        .filter((a) => list.some((x) => x.id === a.ticket_id) && a.state === 'fired')
        .map((a) => `${a.clock}:${a.kind}`)
        .sort();
    for (const tk of warned) expect(fired([tk])).toEqual(['arrival:warn50', 'response:warn50']);
    for (const tk of breached) expect(fired([tk])).toEqual(['arrival:breach', 'response:breach']);
  });

  it('stamps fired_at when the notifications are written, not when the alert was claimed', async () => {
    const tk = await backdated(31 * MIN);
    // A clock that moves 1 ms on every read, as real time does while a batch runs.
    let ms = t.clock.now;
    Object.defineProperty(t.clock, 'now', {
      configurable: true,
      get: () => ++ms,
      set: (v: number) => {
        ms = v;
      },
    });
    try {
      await drain();
    } finally {
      Object.defineProperty(t.clock, 'now', { configurable: true, writable: true, value: ms });
    }
    const fired = (await alertsOf([tk.id])).filter((a) => a.state === 'fired');
    expect(fired).toHaveLength(2);
    const notes = await notesOf(tk.id);
    const events = await t.database.db
      .selectFrom('ticket_events')
      .select(['at', 'data_json'])
      .where('ticket_id', '=', tk.id)
      .where('type', '=', 'sla.breach')
      .execute();
    for (const a of fired) {
      const written = notes.filter((n) => n.source_key === `sla:${a.id}`).map((n) => n.at);
      expect(written).toHaveLength(3);
      expect(a.fired_at!).toBeGreaterThanOrEqual(Math.max(...written));
      expect(a.fired_at!).toBeGreaterThanOrEqual(Math.max(...events.map((e) => e.at)));
    }
  });

  // SQLite has one writer per file and the OS frees a dead process's lock; the lease is PostgreSQL's.
  it.runIf(dialect === 'postgres')(
    'a node that goes silent holding a claim loses it within the 500 ms lease; another node raises the alerts',
    async () => {
      const tk = await backdated(31 * MIN);
      const repo = t.app.services.tickets.d.sla.repo;
      let claimed = 0;
      let stalled!: Promise<unknown>;
      await new Promise<void>((held) => {
        stalled = t.database.db.transaction().execute(async (tx) => {
          claimed = (await repo.claimDueAlerts(tx, 'postgres', t.clock.now, 100)).length;
          held();
          await new Promise((r) => setTimeout(r, 2000)); // the node hangs, or its host is cut off
          await tx.selectFrom('sla_alerts').select('id').limit(1).execute();
        });
      });
      expect(claimed).toBe(6); // two breaches, four warnings
      expect(await t.app.services.worker.raiseDueAlerts()).toBe(0); // still held
      await new Promise((r) => setTimeout(r, 900));
      expect(await drain()).toBe(6);
      await expect(stalled).rejects.toThrow();
      expect(
        (await alertsOf([tk.id]))
          .filter((a) => a.state === 'fired')
          .map((a) => `${a.clock}:${a.kind}`)
          .sort(),
      ).toEqual(['arrival:breach', 'response:breach']);
    },
  );

  it('a new level-1 ticket from a customer notifies the dispatchers and the service manager at once (in-app and mail); a level-3 one does not', async () => {
    const urgent = (await cust.post(`${V}/tickets`, ticketInput(ids.projectA, { level: 1, title: '政务外网中断' })))
      .body;
    const minor = (await cust.post(`${V}/tickets`, ticketInput(ids.projectA, { level: 3, title: '打印机卡纸' }))).body;
    expect(urgent.number).toBeTruthy();
    const notes = (await notesOf(urgent.id)).filter((n) => n.kind === 'ticket.urgent');
    expect(notes.map((n) => n.user_id).sort()).toEqual([ids.users.dispatcher, ids.users.manager].sort());
    const zh = notes.find((n) => n.user_id === ids.users.manager)!;
    expect(zh.title).toBe(`一级故障报修：${urgent.number} 政务外网中断`);
    expect(zh.body).toContain(`${bj(urgent.reportedAt)}（北京时间）`);
    expect(notes.find((n) => n.user_id === ids.users.dispatcher)!.title).toBe(
      `Level 1 fault reported: ${urgent.number} 政务外网中断`,
    );
    const mail = await t.database.db
      .selectFrom('mail_outbox')
      .select(['to_addr', 'source_key'])
      .where('source_key', 'like', `urgent:${urgent.id}:%`)
      .execute();
    expect(mail.map((m) => m.to_addr).sort()).toEqual(['dispatch@weibao.local', 'manager@weibao.local']);
    expect(
      (await disp.get(`${V}/notifications`)).body.some(
        (n: any) => n.ticketId === urgent.id && n.kind === 'ticket.urgent',
      ),
    ).toBe(true);
    expect((await notesOf(minor.id)).filter((n) => n.kind === 'ticket.urgent')).toEqual([]);
    expect(
      await t.database.db
        .selectFrom('mail_outbox')
        .select('id')
        .where('source_key', 'like', `urgent:${minor.id}:%`)
        .execute(),
    ).toEqual([]);
  });

  it('no notification or mail carries diagnostics or an ISO UTC time', async () => {
    await backdated(3 * 60 * MIN); // every clock of it breached
    await drain();
    const notes = await t.database.db.selectFrom('notifications').select(['title', 'body']).execute();
    const mails = await t.database.db.selectFrom('mail_outbox').select(['subject as title', 'body']).execute();
    expect(notes.some((n) => n.title.startsWith('SLA'))).toBe(true);
    for (const n of [...notes, ...mails]) {
      expect(`${n.title} ${n.body}`).not.toMatch(/检测延迟|\d\s*ms\b|\d{4}-\d\d-\d\dT\d\d:\d\d/);
    }
  });
});
