import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHead, auditSince, demoIds, expectRefused, ticketInput, tokenSessions } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';
const MIN = 60_000;
const clock = (tk: any, kind: string) =>
  tk.clocks.filter((c: any) => c.kind === kind).sort((a: any, b: any) => b.cycle - a.cycle)[0];

// Work logged after the fact (issue 13, item 3): respond/arrive/resolve with `occurredAt`.
describe.each(DIALECTS)('actions logged after the fact (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let disp: Session;
  let eng: Session;
  let cust: Session;
  const act = (s: Session, id: string, body: Record<string, unknown>) => s.post(`${V}/tickets/${id}/actions`, body);
  const open = async (over: Record<string, unknown> = {}) =>
    (
      await disp.post(
        `${V}/tickets`,
        ticketInput(ids.projectA, { assigneeId: ids.users.engineer, reportedAt: t.clock.now, level: 1, ...over }),
      )
    ).body;
  const refused = (s: Session, id: string, body: Record<string, unknown>, code = 'VALIDATION', field = 'occurredAt') =>
    expectRefused(t, s, 'POST', `${V}/tickets/${id}/actions`, body, { status: 400, code, field });

  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    [disp, eng, cust] = await tokenSessions(t, 'dispatcher', 'engineer', 'cust_a');
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('a call-back at +25 min logged at +40 min stops the response clock at +25 (met), with both times in the timeline, audit and stored outcome', async () => {
    const tk = await open();
    const reported = tk.reportedAt;
    t.clock.advance(40 * MIN);
    const logged = t.clock.now;
    const head = await auditHead(t.database);
    const r = await act(eng, tk.id, { action: 'respond', note: '已电话回访', occurredAt: reported + 25 * MIN });
    expect(r.status).toBe(200);
    // 30-minute target: met at +25 although logging at +40 would have breached it.
    expect(clock(r.body, 'response')).toMatchObject({
      status: 'met',
      stoppedAt: reported + 25 * MIN,
      elapsedMs: 25 * MIN,
    });
    const stored = await t.database.db
      .selectFrom('sla_clocks')
      .selectAll()
      .where('ticket_id', '=', tk.id)
      .where('kind', '=', 'response')
      .executeTakeFirstOrThrow();
    expect({
      outcome: stored.outcome,
      elapsed: Number(stored.elapsed_ms),
      stoppedAt: Number(stored.stopped_at),
    }).toEqual({ outcome: 'met', elapsed: 25 * MIN, stoppedAt: reported + 25 * MIN });
    const ev = (await disp.get(`${V}/tickets/${tk.id}/timeline`)).body.find((e: any) => e.type === 'respond');
    expect(ev).toMatchObject({ at: logged, data: { occurredAt: reported + 25 * MIN, note: '已电话回访' } });
    const [row] = (await auditSince(t.database, head)).filter((a) => a.action === 'ticket.respond');
    expect(JSON.parse(row!.detail_json)).toMatchObject({ occurredAt: reported + 25 * MIN, loggedAt: logged });
    expect(Number(row!.at)).toBe(logged);
    // Beijing time (UTC+8): reported 10:00, happened 10:25, logged 10:40.
    expect(row!.summary).toContain('发生于 2026-10-12 10:25（登记于 2026-10-12 10:40）');
  });

  it('the breach alert raised while the call-back was not yet logged does not outlive the fact: met at +25, the raised alert stays on the record', async () => {
    const tk = await open();
    const reported = tk.reportedAt;
    // The worker runs at +31 min: nobody has logged the call-back yet, so the response breach is raised.
    t.clock.set(reported + 31 * MIN);
    while ((await t.app.services.worker.raiseDueAlerts()) > 0) {
      /* drain */
    }
    expect((await disp.get(`${V}/tickets/${tk.id}`)).body.breached).toBe(true);
    t.clock.set(reported + 40 * MIN);
    const r = await act(eng, tk.id, { action: 'respond', occurredAt: reported + 25 * MIN });
    expect(clock(r.body, 'response')).toMatchObject({ status: 'met', stoppedAt: reported + 25 * MIN });
    const stored = await t.database.db
      .selectFrom('sla_clocks')
      .select('outcome')
      .where('ticket_id', '=', tk.id)
      .where('kind', '=', 'response')
      .executeTakeFirstOrThrow();
    expect(stored.outcome).toBe('met');
    // What was raised stays on the record: the fired alert row and its internal timeline event.
    const alert = await t.database.db
      .selectFrom('sla_alerts')
      .select('state')
      .where('ticket_id', '=', tk.id)
      .where('kind', '=', 'breach')
      .where(
        'clock_id',
        'in',
        t.database.db
          .selectFrom('sla_clocks')
          .select('id')
          .where('ticket_id', '=', tk.id)
          .where('kind', '=', 'response'),
      )
      .executeTakeFirstOrThrow();
    expect(alert.state).toBe('fired');
    expect((await disp.get(`${V}/tickets/${tk.id}/timeline`)).body.map((e: any) => e.type)).toContain('sla.breach');
    // A clock that really ran late stays breached: the arrival, still open at +40, is past its due.
    expect(clock(r.body, 'arrival').status).toBe('breached');
  });

  it('arrival and resolution logged later stop at occurredAt; resolvedAt is when it happened', async () => {
    const tk = await open();
    const r0 = tk.reportedAt;
    t.clock.advance(50 * MIN);
    const arrived = await act(eng, tk.id, {
      action: 'arrive',
      occurredAt: r0 + 28 * MIN,
      occurredAtReason: '山区无信号，恢复后补录',
    });
    expect(clock(arrived.body, 'arrival')).toMatchObject({ status: 'met', stoppedAt: r0 + 28 * MIN });
    expect(clock(arrived.body, 'response')).toMatchObject({ status: 'met', stoppedAt: r0 + 28 * MIN });
    const ev = (await disp.get(`${V}/tickets/${tk.id}/timeline`)).body.find((e: any) => e.type === 'arrive');
    expect(ev.data).toMatchObject({ occurredAt: r0 + 28 * MIN, occurredAtReason: '山区无信号，恢复后补录' });
    t.clock.advance(100 * MIN);
    const resolved = await act(eng, tk.id, {
      action: 'resolve',
      solution: '更换电源',
      faultCause: 'non_human',
      occurredAt: r0 + 110 * MIN,
      occurredAtReason: '现场处理完后补录',
    });
    expect(resolved.body).toMatchObject({ status: 'resolved', resolvedAt: r0 + 110 * MIN });
    expect(clock(resolved.body, 'resolution')).toMatchObject({
      status: 'met',
      stoppedAt: r0 + 110 * MIN,
      elapsedMs: 110 * MIN,
    });
  });

  it('refuses, naming the field: future, before the report, before the previous step, before the assignment or last resumption, too old without a reason, customers, other actions', async () => {
    t.clock.advance(60 * MIN);
    const tk = await open({ reportedAt: t.clock.now - 30 * MIN });
    const r0 = tk.reportedAt;
    await refused(eng, tk.id, { action: 'respond', occurredAt: t.clock.now + 5 * MIN });
    await refused(eng, tk.id, { action: 'respond', occurredAt: r0 - MIN });
    await refused(eng, tk.id, { action: 'respond', occurredAt: r0 + 5 * MIN }, 'REASON_REQUIRED', 'occurredAtReason');
    // Within the configured 15 minutes no reason is needed.
    expect((await act(eng, tk.id, { action: 'respond', occurredAt: r0 + 20 * MIN })).status).toBe(200);
    // The arrival cannot precede the response already recorded at r0+20.
    const { en } = await refused(eng, tk.id, { action: 'arrive', occurredAt: r0 + 19 * MIN });
    expect(en.body.detail).toContain('previous step');
    // The engineer named at intake (entered at r0+30) counts as assigned from the report.
    expect(
      clock((await act(eng, tk.id, { action: 'arrive', occurredAt: r0 + 22 * MIN })).body, 'arrival'),
    ).toMatchObject({ status: 'met', stoppedAt: r0 + 22 * MIN });
    // Customers never back-date, whatever the action.
    await refused(cust, tk.id, { action: 'urge', occurredAt: t.clock.now - MIN });
    // Only respond, arrive and resolve take a happened-at time.
    await refused(eng, tk.id, {
      action: 'suspend',
      suspendReason: 'waiting_parts',
      reason: '等备件',
      occurredAt: t.clock.now - MIN,
    });

    // Arrival: not before the engineer was assigned (dispatched at +10 here).
    const tk2 = (await disp.post(`${V}/tickets`, ticketInput(ids.projectA, { reportedAt: t.clock.now, level: 1 })))
      .body;
    t.clock.advance(10 * MIN);
    await act(disp, tk2.id, { action: 'dispatch', assigneeId: ids.users.engineer });
    t.clock.advance(5 * MIN);
    await refused(eng, tk2.id, { action: 'arrive', occurredAt: tk2.reportedAt + 5 * MIN });
    expect((await act(eng, tk2.id, { action: 'arrive', occurredAt: tk2.reportedAt + 12 * MIN })).status).toBe(200);

    // Resolution: not before the ticket was resumed (the clock's last pause ended then).
    const tk3 = await open();
    await act(eng, tk3.id, { action: 'arrival_not_needed', reason: '远程处理' });
    t.clock.advance(5 * MIN);
    await act(eng, tk3.id, { action: 'suspend', suspendReason: 'waiting_customer', reason: '等客户' });
    t.clock.advance(10 * MIN);
    await act(eng, tk3.id, { action: 'resume' });
    t.clock.advance(5 * MIN);
    await refused(eng, tk3.id, {
      action: 'resolve',
      solution: '远程重启',
      faultCause: 'non_human',
      occurredAt: t.clock.now - 8 * MIN,
    });
    const ok = await act(eng, tk3.id, {
      action: 'resolve',
      solution: '远程重启',
      faultCause: 'non_human',
      occurredAt: t.clock.now - 3 * MIN,
    });
    expect(clock(ok.body, 'resolution')).toMatchObject({
      status: 'met',
      stoppedAt: t.clock.now - 3 * MIN,
      pausedMs: 10 * MIN,
      elapsedMs: 7 * MIN,
    });
  });

  it('an on-site check-in that is the arrival takes occurredAt too; a check-in that is not cannot be back-dated', async () => {
    const tk = await open();
    t.clock.advance(20 * MIN);
    const checkIn = (body: Record<string, unknown>) => ({ projectId: ids.projectA, location: '3 楼机房', ...body });
    // Not the arrival (no ticket): nothing to back-date.
    await expectRefused(t, eng, 'POST', `${V}/site-visits/check-in`, checkIn({ occurredAt: t.clock.now - 5 * MIN }), {
      status: 400,
      code: 'VALIDATION',
      field: 'occurredAt',
    });
    // The arrival's own rules apply: not before the report.
    await expectRefused(
      t,
      eng,
      'POST',
      `${V}/site-visits/check-in`,
      checkIn({ ticketId: tk.id, occurredAt: tk.reportedAt - MIN }),
      { status: 400, code: 'VALIDATION', field: 'occurredAt' },
    );
    const v = await eng.post(
      `${V}/site-visits/check-in`,
      checkIn({ ticketId: tk.id, occurredAt: tk.reportedAt + 12 * MIN }),
    );
    expect(v.status).toBe(200);
    expect(v.body.checkedInAt).toBe(tk.reportedAt + 12 * MIN);
    const after = (await eng.get(`${V}/tickets/${tk.id}`)).body;
    expect(clock(after, 'arrival')).toMatchObject({ status: 'met', stoppedAt: tk.reportedAt + 12 * MIN });
    await eng.post(`${V}/site-visits/${v.body.id}/check-out`, {});
  });

  it('the ticket tells the dialog after how many minutes a reason is needed', async () => {
    const tk = await open();
    expect((await eng.get(`${V}/tickets/${tk.id}`)).body.occurredAtReasonMinutes).toBe(15);
  });
});
