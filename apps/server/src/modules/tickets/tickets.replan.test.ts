import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/actor.js';
import { auditHead, auditSince, demoIds, ticketInput, tokenSession } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';
const MIN = 60_000;
/** UTC instant of a Beijing wall time on 2026-10-dd. */
const cst = (day: number, hh: number, mm = 0) => Date.UTC(2026, 9, day, hh - 8, mm);
const targets = (
  l1: { responseMin: number; arrivalMin: number; resolutionMin: number },
  others = { responseMin: 30, arrivalMin: 30, resolutionMin: 120 },
) => [1, 2, 3, 4].map((level) => ({ level, ...(level === 1 ? l1 : others) }));

/**
 * Items 1 and 4 of issue 13: saving a contract's policy or calendar re-plans the running clocks of
 * its open tickets (due instants, queue order, pending alerts) in the same transaction, with the
 * alert worker raising only what the new plan says; and a breach, once it happened, stays a breach.
 */
describe.each(DIALECTS)('re-planning clocks and keeping breaches (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let mgr: Session;
  let disp: Session;
  let eng: Session;
  let n = 0;
  const drain = async () => {
    let k = 0;
    for (let m; (m = await t.app.services.worker.raiseDueAlerts()) > 0;) k += m;
    return k;
  };
  /** Fired alerts of a ticket as "clock:kind@offset of fire_at from `base`" (e.g. 10m+1 for 10 min and 1 ms), in firing order. */
  const fired = async (ticketId: string, base: number) =>
    (
      await t.database.db
        .selectFrom('sla_alerts')
        .innerJoin('sla_clocks', 'sla_clocks.id', 'sla_alerts.clock_id')
        .select(['sla_clocks.kind as clock', 'sla_alerts.kind', 'sla_alerts.fire_at'])
        .where('sla_alerts.ticket_id', '=', ticketId)
        .where('sla_alerts.state', '=', 'fired')
        .orderBy('sla_alerts.fired_at')
        .orderBy('sla_clocks.kind')
        .orderBy('sla_alerts.fire_at')
        .execute()
    ).map((a) => {
      const ms = Number(a.fire_at) - base;
      return `${a.clock}:${a.kind}@${Math.floor(ms / MIN)}m${ms % MIN ? `+${ms % MIN}` : ''}`;
    });
  const clockRow = async (ticketId: string, kind: string) =>
    t.database.db
      .selectFrom('sla_clocks')
      .selectAll()
      .where('ticket_id', '=', ticketId)
      .where('kind', '=', kind)
      .executeTakeFirstOrThrow();
  const act = async (s: Session, id: string, body: Record<string, unknown>) => {
    const r = await s.post(`${V}/tickets/${id}/actions`, body);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  /** A project of its own with one contract (from 2026-10-01), so each case re-plans only its tickets. */
  const contract = async (policy: Record<string, unknown>) => {
    n++;
    const p = (
      await mgr.post(`${V}/projects`, {
        customerId: ids.orgA,
        code: `PRJ-RP${n}`,
        name: `重排项目${n}`,
        serviceManagerId: ids.users.manager,
      })
    ).body;
    const c = await mgr.post(`${V}/projects/${p.id}/contracts`, {
      code: `HT-RP${n}`,
      name: `重排合同${n}`,
      startsOn: '2026-10-01',
      endsOn: '2027-09-30',
      policy,
    });
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    return { project: p.id as string, contract: c.body.id as string };
  };
  const open = async (project: string, at: number, level = 1) => {
    t.clock.set(at);
    const r = await disp.post(`${V}/tickets`, ticketInput(project, { level, assigneeId: ids.users.engineer }));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as { id: string; number: string; reportedAt: number };
  };
  const patchPolicy = async (contractId: string, policy: Record<string, unknown>) => {
    const r = await mgr.patch(`${V}/contracts/${contractId}`, { policy });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  const clockOf = (detail: any, kind: string) => detail.clocks.find((c: any) => c.kind === kind);

  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    [mgr, disp, eng] = [
      await tokenSession(t, 'manager'),
      await tokenSession(t, 'dispatcher'),
      await tokenSession(t, 'engineer'),
    ];
    await drain(); // the seed's own overdue alerts
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('a holiday added after a ticket was opened moves its due instants, queue order and alerts later; stopped clocks keep their outcome', async () => {
    const weekly = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
    const calendar = { kind: 'business', weekly, chinaHolidays: false };
    const { project, contract: cid } = await contract({
      calendar,
      targets: targets({ responseMin: 30, arrivalMin: 480, resolutionMin: 960 }),
    });
    expect(new Date(cst(12, 10)).getUTCDay()).toBe(1); // Monday
    const base = cst(12, 10);
    const tk = await open(project, base);
    t.clock.set(cst(12, 10, 20));
    await act(eng, tk.id, { action: 'respond' });
    // Old plan: arrival (8 working hours) due Tue 10:00, resolution (16 h) Wed 10:00.
    expect(clockOf((await disp.get(`${V}/tickets/${tk.id}`)).body, 'arrival').dueAt).toBe(cst(13, 10));
    t.clock.set(cst(12, 15));
    await drain();
    expect(await fired(tk.id, base)).toEqual(['arrival:warn50@240m']);
    const responseBefore = await clockRow(tk.id, 'response');
    expect(responseBefore.outcome).toBe('met');

    const seq = await auditHead(t.database);
    await patchPolicy(cid, { calendar: { ...calendar, customHolidays: [{ date: '2026-10-13', name: '单位活动日' }] } });
    const after = (await disp.get(`${V}/tickets/${tk.id}`)).body;
    expect(clockOf(after, 'arrival')).toMatchObject({ status: 'running', dueAt: cst(14, 10) });
    expect(clockOf(after, 'resolution')).toMatchObject({ status: 'running', dueAt: cst(15, 10) });
    expect(after.nextDueAt).toBe(cst(14, 10));
    const row = await t.database.db
      .selectFrom('tickets')
      .select(['next_due_at', 'due_sort'])
      .where('id', '=', tk.id)
      .executeTakeFirstOrThrow();
    expect([Number(row.next_due_at), Number(row.due_sort)]).toEqual([cst(14, 10), cst(14, 10)]);
    // The stopped response clock is untouched.
    expect(await clockRow(tk.id, 'response')).toEqual(responseBefore);
    expect(clockOf(after, 'response')).toMatchObject({ status: 'met', elapsedMs: 20 * MIN });
    // Pending alerts follow the new plan; the warning already raised stays raised.
    const pending = await t.database.db
      .selectFrom('sla_alerts')
      .innerJoin('sla_clocks', 'sla_clocks.id', 'sla_alerts.clock_id')
      .select(['sla_clocks.kind as clock', 'sla_alerts.kind', 'sla_alerts.fire_at'])
      .where('sla_alerts.ticket_id', '=', tk.id)
      .where('sla_alerts.state', '=', 'pending')
      .orderBy('sla_alerts.fire_at')
      .execute();
    expect(pending.map((a) => [a.clock, a.kind, Number(a.fire_at)])).toEqual([
      ['arrival', 'warn80', cst(12, 16, 24)],
      ['resolution', 'warn50', cst(14, 10)],
      ['arrival', 'breach', cst(14, 10) + 1],
      ['resolution', 'warn80', cst(14, 14, 48)],
      ['resolution', 'breach', cst(15, 10) + 1],
    ]);

    // Audited with the counts, and in the clock history in who / when / from / to form.
    const audit = await auditSince(t.database, seq);
    expect(audit.map((a) => [a.action, a.target_id, a.actor_id])).toEqual([
      ['contract.update', cid, ids.users.manager],
    ]);
    expect(JSON.parse(audit[0]!.detail_json).replanned).toEqual({ tickets: 1, clocks: 2 });
    const hist = (await disp.get(`${V}/tickets/${tk.id}/clock-history`)).body;
    const replans = (kind: string) => hist.find((h: any) => h.kind === kind).replans;
    expect(replans('arrival')).toEqual([
      {
        at: cst(12, 15),
        byName: '王经理',
        reason: 'contract_policy',
        fromDue: cst(13, 10),
        toDue: cst(14, 10),
        fromTargetMs: 480 * MIN,
        toTargetMs: 480 * MIN,
      },
    ]);
    expect(replans('resolution')).toEqual([expect.objectContaining({ fromDue: cst(14, 10), toDue: cst(15, 10) })]);
    expect(replans('response')).toEqual([]);
    expect(
      (await disp.get(`${V}/tickets/${tk.id}/timeline`)).body.filter((e: any) => e.type === 'sla.replan'),
    ).toHaveLength(1);
    expect(
      (await (await tokenSession(t, 'cust_a')).get(`${V}/tickets/${tk.id}/timeline`)).body.some(
        (e: any) => e.type === 'sla.replan',
      ),
    ).toBe(false);

    // The worker raises nothing on the old plan (arrival breach and resolution warn50 were due Tue 10:00)...
    t.clock.set(cst(13, 12));
    await drain();
    expect(await fired(tk.id, base)).toEqual(['arrival:warn50@240m', 'arrival:warn80@384m']);
    // ...and everything on the new one.
    t.clock.set(cst(14, 10) + 1);
    await drain();
    expect((await fired(tk.id, base)).slice(2)).toEqual(['arrival:breach@2880m+1', 'resolution:warn50@2880m']);

    // A save that leaves the policy alone re-plans nothing.
    const seq2 = await auditHead(t.database);
    expect((await mgr.patch(`${V}/contracts/${cid}`, { name: '重排合同（改名）' })).status).toBe(200);
    expect(JSON.parse((await auditSince(t.database, seq2))[0]!.detail_json).replanned).toBeUndefined();
  });

  it('a holiday entered afterwards for a day the clocks already ran late on leaves those breaches standing', async () => {
    const calendar = {
      kind: 'business',
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
      chinaHolidays: false,
    };
    const { project, contract: cid } = await contract({ calendar });
    const tk = await open(project, cst(19, 10)); // Monday
    t.clock.set(cst(19, 10, 40));
    await act(eng, tk.id, { action: 'respond' }); // 10 min late
    const stored = await clockRow(tk.id, 'response');
    expect(stored.outcome).toBe('breached');
    t.clock.set(cst(19, 11));
    await patchPolicy(cid, { calendar: { ...calendar, customHolidays: [{ date: '2026-10-19', name: '补录的假日' }] } });
    const d = (await disp.get(`${V}/tickets/${tk.id}`)).body;
    expect(clockOf(d, 'response')).toMatchObject({ status: 'breached', breachedByMs: 10 * MIN, elapsedMs: 40 * MIN });
    expect(await clockRow(tk.id, 'response')).toEqual(stored);
    // The running arrival clock was late too (due 10:30): it keeps its target and due, and stays breached.
    expect(clockOf(d, 'arrival')).toMatchObject({ status: 'breached', targetMs: 30 * MIN, dueAt: cst(19, 10, 30) });
    expect(d.breached).toBe(true);
    // The resolution clock had not breached: it is re-planned from the new calendar (2 h from Tue 09:00).
    expect(clockOf(d, 'resolution')).toMatchObject({ status: 'running', dueAt: cst(20, 11) });
  });

  it('a shortened target breaches at the new instant; no warning fires on the old plan', async () => {
    const { project, contract: cid } = await contract({});
    const tk = await open(project, cst(15, 10));
    const base = tk.reportedAt;
    t.clock.set(base + 5 * MIN);
    await drain();
    await patchPolicy(cid, { targets: targets({ responseMin: 10, arrivalMin: 30, resolutionMin: 120 }) });
    expect(clockOf((await disp.get(`${V}/tickets/${tk.id}`)).body, 'response')).toMatchObject({
      status: 'running',
      targetMs: 10 * MIN,
      dueAt: base + 10 * MIN,
    });
    for (const m of [5, 8, 10, 15, 24, 30]) {
      t.clock.set(base + m * MIN + 1);
      await drain();
    }
    expect((await fired(tk.id, base)).filter((a) => a.startsWith('response'))).toEqual([
      'response:warn50@5m',
      'response:warn80@8m',
      'response:breach@10m+1',
    ]);
    expect((await disp.get(`${V}/tickets/${tk.id}`)).body.breached).toBe(true);

    // Shortened below the time already run: the clock breaches now, its breach raised once, at once.
    const other = await contract({});
    const late = await open(other.project, cst(15, 14));
    t.clock.set(late.reportedAt + 20 * MIN);
    await drain();
    expect(await fired(late.id, late.reportedAt)).toEqual(['arrival:warn50@15m', 'response:warn50@15m']);
    await patchPolicy(other.contract, { targets: targets({ responseMin: 12, arrivalMin: 30, resolutionMin: 120 }) });
    const d = (await disp.get(`${V}/tickets/${late.id}`)).body;
    expect(clockOf(d, 'response')).toMatchObject({
      status: 'breached',
      dueAt: late.reportedAt + 12 * MIN,
      breachedByMs: 8 * MIN,
    });
    expect(d.breached).toBe(true);
    t.clock.set(late.reportedAt + 20 * MIN + 1000);
    expect(await drain()).toBe(1);
    expect((await fired(late.id, late.reportedAt)).slice(2)).toEqual(['response:breach@12m+1']);
    for (const m of [24, 30, 60]) {
      t.clock.set(late.reportedAt + m * MIN + 1);
      await drain();
    }
    expect((await fired(late.id, late.reportedAt)).filter((a) => a.startsWith('response'))).toEqual([
      'response:warn50@15m',
      'response:breach@12m+1',
    ]);
    await act(eng, late.id, { action: 'respond' });
    expect((await clockRow(late.id, 'response')).outcome).toBe('breached');
  });

  it('a lengthened target moves a running clock later (no breach at the old instant), but a clock already breached stays breached', async () => {
    const { project, contract: cid } = await contract({});
    const breachedFirst = await open(project, cst(16, 10) - 31 * MIN);
    const tk = await open(project, cst(16, 10));
    const base = tk.reportedAt;
    t.clock.set(base + 20 * MIN);
    await drain();
    // Its warnings fell due together with the breach: they are stale and superseded, only the breach is raised.
    expect((await fired(breachedFirst.id, breachedFirst.reportedAt)).filter((a) => a.startsWith('response'))).toEqual([
      'response:breach@30m+1',
    ]);
    await patchPolicy(cid, { targets: targets({ responseMin: 60, arrivalMin: 30, resolutionMin: 120 }) });
    expect(clockOf((await disp.get(`${V}/tickets/${tk.id}`)).body, 'response')).toMatchObject({
      status: 'running',
      targetMs: 60 * MIN,
      dueAt: base + 60 * MIN,
    });
    const kept = clockOf((await disp.get(`${V}/tickets/${breachedFirst.id}`)).body, 'response');
    expect(kept).toMatchObject({ status: 'breached', targetMs: 30 * MIN, dueAt: breachedFirst.reportedAt + 30 * MIN });
    expect(
      (await disp.get(`${V}/tickets/${breachedFirst.id}/clock-history`)).body.find((h: any) => h.kind === 'response')
        .replans,
    ).toEqual([]);

    t.clock.set(base + 30 * MIN + 1);
    await drain();
    expect((await fired(tk.id, base)).filter((a) => a.startsWith('response'))).toEqual(['response:warn50@15m']);
    expect(clockOf((await disp.get(`${V}/tickets/${tk.id}`)).body, 'response').status).toBe('running');
    t.clock.set(base + 40 * MIN);
    await act(eng, tk.id, { action: 'respond' });
    await act(eng, breachedFirst.id, { action: 'respond' });
    expect((await clockRow(tk.id, 'response')).outcome).toBe('met');
    expect((await clockRow(breachedFirst.id, 'response')).outcome).toBe('breached');
  });

  it('a breach is never erased: arrival not needed, a level change or a reassignment leave it breached in outcomes, analytics, commitments and the monthly report', async () => {
    const { project } = await contract({
      targets: targets(
        { responseMin: 30, arrivalMin: 30, resolutionMin: 120 },
        { responseMin: 240, arrivalMin: 480, resolutionMin: 1440 },
      ),
    });
    const day = 20;
    const [a, b, c] = [
      await open(project, cst(day, 10)),
      await open(project, cst(day, 10, 1)),
      await open(project, cst(day, 10, 2)),
    ];
    t.clock.set(cst(day, 10, 40));
    await drain();
    for (const tk of [a, b, c])
      expect((await fired(tk.id, tk.reportedAt)).filter((x) => x.includes('breach'))).toEqual([
        'arrival:breach@30m+1',
        'response:breach@30m+1',
      ]);

    // A: the site visit turns out not to be needed, after the arrival clock ran late.
    const da = await act(eng, a.id, { action: 'arrival_not_needed', reason: '远程解决' });
    expect(clockOf(da, 'arrival')).toMatchObject({ status: 'breached', notNeededReason: '远程解决' });
    // B: downgraded to a level with longer targets; the breached clocks keep theirs.
    const db = await act(disp, b.id, { action: 'change_level', level: 4, reason: '影响范围小' });
    expect(db.level).toBe(4);
    expect(clockOf(db, 'response')).toMatchObject({ status: 'breached', targetMs: 30 * MIN });
    expect(clockOf(db, 'resolution')).toMatchObject({ status: 'running', targetMs: 1440 * MIN });
    // C: reassigned.
    await act(disp, c.id, { action: 'transfer', assigneeId: ids.users.engineer2, reason: '换人' });
    const eng2 = await tokenSession(t, 'engineer2');
    t.clock.set(cst(day, 11));
    for (const [s, tk] of [
      [eng, a],
      [eng, b],
      [eng2, c],
    ] as const) {
      if (tk !== a) await act(s, tk.id, { action: 'arrive' });
      else await act(s, tk.id, { action: 'respond' });
      await act(s, tk.id, { action: 'resolve', solution: '已处理', faultCause: 'non_human' });
    }
    for (const tk of [a, b, c]) {
      const rows = await t.database.db
        .selectFrom('sla_clocks')
        .select(['kind', 'level', 'outcome'])
        .where('ticket_id', '=', tk.id)
        .orderBy('kind')
        .execute();
      expect(rows.map((r) => [r.kind, Number(r.level), r.outcome])).toEqual([
        ['arrival', 1, 'breached'],
        ['resolution', tk === b ? 4 : 1, 'met'],
        ['response', 1, 'breached'],
      ]);
      expect((await disp.get(`${V}/tickets/${tk.id}`)).body.breached).toBe(true);
    }

    const an = (await mgr.get(`${V}/analytics?projectId=${project}&from=2026-10-${day}&to=2026-10-${day}`)).body;
    const rate = (kind: string, level: number | null) =>
      an.onTime.find((r: any) => r.kind === kind && r.level === level);
    expect(rate('response', null)).toMatchObject({ met: 0, breached: 3, notNeeded: 0, pct: 0 });
    expect(rate('arrival', null)).toMatchObject({ met: 0, breached: 3, notNeeded: 0, pct: 0 });
    expect(rate('response', 1)).toMatchObject({ met: 0, breached: 3 });

    const cm = (await mgr.get(`${V}/projects/${project}/commitments?month=2026-10`)).body;
    const item = (kind: string, level: number) => cm.items.find((i: any) => i.kind === kind && i.level === level);
    expect(item('response', 1)).toMatchObject({ status: 'missed', measured: 3, failed: 3 });
    expect(item('arrival', 1)).toMatchObject({ status: 'missed', measured: 3, failed: 3 });

    const manager: Actor = {
      userId: ids.users.manager,
      username: 'manager',
      displayName: '王经理',
      orgId: ids.provider,
      orgKind: 'provider',
      roles: ['service_manager'],
      level: 0,
      via: 'token',
      sessionId: null,
      csrfToken: null,
      mustChangePassword: false,
    };
    const model = await (t.app.services.reports as any).d.builder.build(manager, project, '2026-10');
    const sla = (kind: string) => model.sla.find((r: any) => r.kind === kind && r.level === null);
    expect(sla('response')).toMatchObject({ met: 0, breached: 3 });
    expect(sla('arrival')).toMatchObject({ met: 0, breached: 3, notNeeded: 0 });
    expect(
      model.breaches
        .filter((x: any) => x.kind === 'arrival')
        .map((x: any) => x.number)
        .sort(),
    ).toEqual([a.number, b.number, c.number].sort());
    // The later action is shown beside the breach.
    const later = (tk: { number: string }, kind: string) =>
      model.breaches.find((x: any) => x.number === tk.number && x.kind === kind).later;
    expect([later(a, 'arrival'), later(b, 'response'), later(c, 'response')]).toEqual([
      '其后标记无需到场：远程解决',
      '其后调整为四级',
      undefined,
    ]);
  });

  it('an arrival that ran late is a breach even before the worker noticed it, when it is then declared not needed', async () => {
    const { project } = await contract({});
    const tk = await open(project, cst(21, 10));
    t.clock.set(cst(21, 10, 10));
    await act(eng, tk.id, { action: 'respond' });
    t.clock.set(cst(21, 10, 40)); // no worker pass: nothing raised yet
    const d = await act(eng, tk.id, { action: 'arrival_not_needed', reason: '远程解决' });
    expect(clockOf(d, 'arrival')).toMatchObject({
      status: 'breached',
      breachedByMs: 10 * MIN,
      notNeededReason: '远程解决',
    });
    expect(d.breached).toBe(true);
    expect(await clockRow(tk.id, 'arrival')).toMatchObject({ outcome: 'breached', late_ms: 10 * MIN });
  });

  it('cancelling a ticket after a clock breached keeps that breach; clocks still on time are cancelled', async () => {
    const { project } = await contract({});
    const late = await open(project, cst(22, 10));
    const onTime = await open(project, cst(22, 10, 30));
    t.clock.set(cst(22, 10, 40)); // late: response and arrival 10 min past due (not yet raised); onTime: 10 min in
    const d = await act(disp, late.id, { action: 'cancel', reason: '重复报修' });
    expect(clockOf(d, 'response')).toMatchObject({ status: 'breached', breachedByMs: 10 * MIN });
    await act(disp, onTime.id, { action: 'cancel', reason: '重复报修' });
    expect(await clockRow(late.id, 'response')).toMatchObject({ outcome: 'breached', late_ms: 10 * MIN });
    expect(await clockRow(late.id, 'arrival')).toMatchObject({ outcome: 'breached' });
    expect((await clockRow(late.id, 'resolution')).outcome).toBe('cancelled');
    for (const kind of ['response', 'arrival', 'resolution'] as const)
      expect((await clockRow(onTime.id, kind)).outcome).toBe('cancelled');
    // The monthly report lists the kept breach with the cancellation beside it.
    const manager: Actor = {
      userId: ids.users.manager,
      username: 'manager',
      displayName: '王经理',
      orgId: ids.provider,
      orgKind: 'provider',
      roles: ['service_manager'],
      level: 0,
      via: 'token',
      sessionId: null,
      csrfToken: null,
      mustChangePassword: false,
    };
    const model = await (t.app.services.reports as any).d.builder.build(manager, project, '2026-10');
    expect(
      model.breaches
        .filter((x: any) => x.number === late.number)
        .map((x: any) => [x.kind, x.later])
        .sort(),
    ).toEqual([
      ['arrival', '其后工单已取消'],
      ['response', '其后工单已取消'],
    ]);
  });
});
