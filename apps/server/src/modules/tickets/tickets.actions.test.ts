import { TICKET_ACTIONS } from '@weibao/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditHead,
  auditSince,
  demoIds,
  expectRefused,
  ticketInput,
  tokenSession,
  tokenSessions,
} from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';
const MIN = 60_000;
const clock = (tk: any, kind: string, cycle?: number) =>
  tk.clocks
    .filter((c: any) => c.kind === kind && (cycle === undefined || c.cycle === cycle))
    .sort((a: any, b: any) => b.cycle - a.cycle)[0];
/** A complete body for every action, so a refusal can only come from the workflow rules. */
const FULL: Record<string, Record<string, unknown>> = {
  dispatch: {},
  claim: {},
  transfer: { reason: '换人' },
  respond: {},
  arrive: {},
  arrival_not_needed: { reason: '远程' },
  suspend: { suspendReason: 'waiting_customer', reason: '等客户' },
  resume: {},
  urge: {},
  resolve: { solution: '重启', faultCause: 'non_human' },
  confirm: {},
  reopen: { reason: '复发' },
  cancel: { reason: '误报' },
  change_level: { level: 4, reason: '降级' },
};

describe.each(DIALECTS)('ticket workflow actions (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let disp: Session;
  let eng: Session;
  let eng2: Session;
  let cust: Session;
  let manager: Session;
  const act = (s: Session, id: string, body: Record<string, unknown>) => s.post(`${V}/tickets/${id}/actions`, body);
  const open = async (over: Record<string, unknown> = {}) =>
    (
      await disp.post(
        `${V}/tickets`,
        ticketInput(ids.projectA, { assigneeId: ids.users.engineer, reportedAt: t.clock.now, ...over }),
      )
    ).body;
  /** Every action the user may not take now is refused with 409 and changes nothing. */
  const refusesAllBut = async (s: Session, id: string) => {
    const allowed: string[] = (await s.get(`${V}/tickets/${id}`)).body.allowedActions;
    for (const action of TICKET_ACTIONS.filter((a) => !allowed.includes(a))) {
      await expectRefused(
        t,
        s,
        'POST',
        `${V}/tickets/${id}/actions`,
        { action, assigneeId: ids.users.engineer2, ...FULL[action] },
        { status: 409, code: 'ACTION_NOT_ALLOWED', field: 'action' },
      );
    }
    return allowed;
  };

  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    [disp, eng, eng2, cust, manager] = await tokenSessions(
      t,
      'dispatcher',
      'engineer',
      'engineer2',
      'cust_a',
      'manager',
    );
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('dispatch, claim and transfer: assignee rules, reasons, notifications; transfers are internal', async () => {
    const tk = (await disp.post(`${V}/tickets`, ticketInput(ids.projectA))).body;
    const url = `${V}/tickets/${tk.id}/actions`;
    // Nobody to chase yet: urging needs an assignee who is not the actor.
    expect(await refusesAllBut(eng, tk.id)).toEqual(['claim', 'respond']);
    await expectRefused(
      t,
      disp,
      'POST',
      url,
      { action: 'dispatch' },
      { status: 400, code: 'VALIDATION', field: 'assigneeId' },
    );
    await expectRefused(
      t,
      disp,
      'POST',
      url,
      { action: 'dispatch', assigneeId: ids.users.cust_a },
      { status: 400, code: 'VALIDATION', field: 'assigneeId' },
    );
    await expectRefused(t, disp, 'POST', url, { action: 'fly' }, { status: 400, code: 'VALIDATION', field: 'action' });
    const claimed = await act(eng2, tk.id, { action: 'claim' });
    expect(claimed.body).toMatchObject({ status: 'assigned', assigneeId: ids.users.engineer2 });
    await expectRefused(
      t,
      eng2,
      'POST',
      url,
      { action: 'transfer', assigneeId: ids.users.engineer },
      { status: 400, code: 'REASON_REQUIRED', field: 'reason' },
    );
    await expectRefused(
      t,
      eng2,
      'POST',
      url,
      { action: 'transfer', assigneeId: ids.users.engineer2, reason: '换人' },
      { status: 400, code: 'VALIDATION', field: 'assigneeId' },
    );
    const moved = await act(eng2, tk.id, {
      action: 'transfer',
      assigneeId: ids.users.engineer,
      reason: '需要硬件工程师',
    });
    expect(moved.body.assigneeId).toBe(ids.users.engineer);
    expect(
      (await eng.get(`${V}/notifications`)).body.find((n: any) => n.ticketId === tk.id && n.kind === 'ticket.transfer')
        .body,
    ).toContain('需要硬件工程师');
    const staff = (await disp.get(`${V}/tickets/${tk.id}/timeline`)).body;
    expect(staff.map((e: any) => e.type)).toEqual(['created', 'claim', 'transfer']);
    expect(staff[2]).toMatchObject({
      reason: '需要硬件工程师',
      actorName: '赵工',
      data: { toAssignee: ids.users.engineer },
    });
    expect((await cust.get(`${V}/tickets/${tk.id}/timeline`)).body.map((e: any) => e.type)).toEqual([
      'created',
      'claim',
    ]);
    expect((await act(disp, tk.id, { action: 'dispatch', assigneeId: ids.users.engineer2 })).body.assigneeId).toBe(
      ids.users.engineer2,
    );
  });

  it('respond and arrive stop their clocks; resolve is blocked while the arrival clock runs (409 ARRIVAL_OPEN)', async () => {
    const tk = await open({ level: 1 });
    const url = `${V}/tickets/${tk.id}/actions`;
    t.clock.advance(5 * MIN);
    const responded = await act(eng, tk.id, { action: 'respond', note: '已电话联系' });
    expect(responded.body.status).toBe('in_progress');
    expect(clock(responded.body, 'response')).toMatchObject({
      status: 'met',
      stoppedAt: t.clock.now,
      elapsedMs: 5 * MIN,
    });
    await expectRefused(
      t,
      eng,
      'POST',
      url,
      { action: 'resolve', solution: '重启', faultCause: 'non_human' },
      { status: 409, code: 'ARRIVAL_OPEN', field: 'action' },
    );
    // Only the assignee checks in on site.
    expect(await refusesAllBut(disp, tk.id)).not.toContain('arrive');
    t.clock.advance(40 * MIN);
    const arrived = await act(eng, tk.id, { action: 'arrive' });
    expect(clock(arrived.body, 'arrival')).toMatchObject({ status: 'breached', breachedByMs: 15 * MIN });
    expect(arrived.body.breached).toBe(true);
    await expectRefused(
      t,
      eng,
      'POST',
      url,
      { action: 'resolve', faultCause: 'human' },
      { status: 400, code: 'VALIDATION', field: 'solution' },
    );
    await expectRefused(
      t,
      eng,
      'POST',
      url,
      { action: 'resolve', solution: '更换硬盘' },
      { status: 400, code: 'VALIDATION', field: 'faultCause' },
    );
    const resolved = await act(eng, tk.id, { action: 'resolve', solution: '更换硬盘', faultCause: 'human' });
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      solution: '更换硬盘',
      faultCause: 'human',
      billable: true,
      resolvedAt: t.clock.now,
    });
    expect(clock(resolved.body, 'resolution')).toMatchObject({ status: 'met', elapsedMs: 45 * MIN });
    expect(
      (await disp.get(`${V}/notifications`)).body.some(
        (n: any) => n.ticketId === tk.id && n.kind === 'ticket.resolved',
      ),
    ).toBe(true);
    expect(await refusesAllBut(cust, tk.id)).toEqual(['confirm', 'reopen']);
    const closed = await act(cust, tk.id, { action: 'confirm', rating: 4 });
    expect(closed.body).toMatchObject({ status: 'closed', closedAt: t.clock.now });
    expect(await refusesAllBut(eng, tk.id)).toEqual(['reopen']);
  });

  it('arrival not needed requires a reason and excludes the arrival clock', async () => {
    const tk = await open();
    await expectRefused(
      t,
      eng,
      'POST',
      `${V}/tickets/${tk.id}/actions`,
      { action: 'arrival_not_needed' },
      { status: 400, code: 'REASON_REQUIRED', field: 'reason' },
    );
    const r = await act(eng, tk.id, { action: 'arrival_not_needed', reason: '远程处理即可' });
    expect(clock(r.body, 'arrival')).toMatchObject({
      status: 'not_needed',
      notNeededReason: '远程处理即可',
      dueAt: null,
    });
    expect(clock(r.body, 'response').status).toBe('running');
    expect(
      (await act(eng, tk.id, { action: 'resolve', solution: '远程重启', faultCause: 'non_human' })).body.status,
    ).toBe('resolved');
  });

  it('suspend with an allowed reason pauses the running clocks; with a disallowed one they keep running', async () => {
    const tk = await open();
    const url = `${V}/tickets/${tk.id}/actions`;
    await act(eng, tk.id, { action: 'respond' });
    await expectRefused(
      t,
      eng,
      'POST',
      url,
      { action: 'suspend', suspendReason: 'waiting_customer' },
      { status: 400, code: 'REASON_REQUIRED', field: 'reason' },
    );
    await expectRefused(
      t,
      eng,
      'POST',
      url,
      { action: 'suspend', reason: '等待' },
      { status: 400, code: 'VALIDATION', field: 'suspendReason' },
    );
    await expectRefused(
      t,
      eng,
      'POST',
      url,
      { action: 'suspend', reason: '等待', suspendReason: 'lunch' },
      { status: 400, code: 'VALIDATION', field: 'suspendReason' },
    );
    t.clock.advance(10 * MIN);
    const paused = await act(eng, tk.id, {
      action: 'suspend',
      suspendReason: 'waiting_customer',
      reason: '等客户提供日志',
    });
    expect(paused.body).toMatchObject({ status: 'suspended', suspendReason: 'waiting_customer', nextDueAt: null });
    expect(['arrival', 'resolution'].map((k) => clock(paused.body, k).status)).toEqual(['paused', 'paused']);
    expect(clock(paused.body, 'response').status).toBe('met'); // a stopped clock is unaffected
    expect(await refusesAllBut(eng, tk.id)).toEqual(['transfer', 'arrival_not_needed', 'resume']);
    t.clock.advance(60 * MIN);
    const resumed = await act(eng, tk.id, { action: 'resume' });
    expect(resumed.body.status).toBe('in_progress');
    expect(clock(resumed.body, 'resolution')).toMatchObject({
      status: 'running',
      pausedMs: 60 * MIN,
      elapsedMs: 10 * MIN,
      dueAt: tk.reportedAt + 180 * MIN,
    });

    const tk2 = await open();
    const r = await act(eng, tk2.id, { action: 'suspend', suspendReason: 'waiting_parts', reason: '等备件' });
    expect(r.body.status).toBe('suspended');
    expect(r.body.clocks.map((c: any) => c.status)).toEqual(['running', 'running', 'running']);
    expect(clock(r.body, 'resolution').dueAt).toBe(tk2.reportedAt + 120 * MIN);
    const ev = (await disp.get(`${V}/tickets/${tk2.id}/timeline`)).body.find((e: any) => e.type === 'suspend');
    expect(ev).toMatchObject({ reason: '等备件', data: { suspendReason: 'waiting_parts', clocksPaused: false } });
  });

  it('urge: at most once per 10 minutes (429), notifying assignee and service manager', async () => {
    const tk = (await cust.post(`${V}/tickets`, ticketInput(ids.projectA))).body;
    await act(disp, tk.id, { action: 'dispatch', assigneeId: ids.users.engineer });
    const url = `${V}/tickets/${tk.id}/actions`;
    expect((await act(cust, tk.id, { action: 'urge', reason: '很急' })).status).toBe(200);
    for (const who of [eng, manager]) {
      expect(
        (await who.get(`${V}/notifications`)).body
          .filter((n: any) => n.ticketId === tk.id && n.kind === 'ticket.urge')
          .map((n: any) => n.body),
      ).toEqual(['很急']);
    }
    t.clock.advance(9 * MIN);
    await expectRefused(
      t,
      disp,
      'POST',
      url,
      { action: 'urge' },
      { status: 429, code: 'URGE_TOO_SOON', field: 'action' },
    );
    // The assignee does not urge himself.
    expect(await refusesAllBut(eng, tk.id)).not.toContain('urge');
    t.clock.advance(MIN);
    expect((await act(disp, tk.id, { action: 'urge' })).status).toBe(200);
  });

  it('reopen needs a reason and starts resolution cycle 2 from the reopen time', async () => {
    const tk = await open();
    await act(eng, tk.id, { action: 'arrive' });
    t.clock.advance(30 * MIN);
    await act(eng, tk.id, { action: 'resolve', solution: '调整参数', faultCause: 'non_human' });
    await expectRefused(
      t,
      cust,
      'POST',
      `${V}/tickets/${tk.id}/actions`,
      { action: 'reopen', reason: ' ' },
      { status: 400, code: 'REASON_REQUIRED', field: 'reason' },
    );
    t.clock.advance(2 * 60 * MIN);
    const r = await act(cust, tk.id, { action: 'reopen', reason: '问题复现' });
    expect(r.body).toMatchObject({ status: 'in_progress', reopenCount: 1, resolvedAt: null });
    expect(clock(r.body, 'resolution', 1)).toMatchObject({ status: 'met', elapsedMs: 30 * MIN });
    expect(clock(r.body, 'resolution', 2)).toMatchObject({
      status: 'running',
      startedAt: t.clock.now,
      targetMs: 120 * MIN,
      dueAt: t.clock.now + 120 * MIN,
    });
    expect(r.body.nextDueAt).toBe(t.clock.now + 120 * MIN);
    expect(
      (await eng.get(`${V}/notifications`)).body.some(
        (n: any) => n.ticketId === tk.id && n.kind === 'ticket.reopen' && n.body === '问题复现',
      ),
    ).toBe(true);
    const history = (await disp.get(`${V}/tickets/${tk.id}/clock-history`)).body;
    expect(history.filter((h: any) => h.kind === 'resolution').map((h: any) => h.cycle)).toEqual([1, 2]);
  });

  it('cancel needs a reason; the reporting customer may cancel only until the first response', async () => {
    const mine = (await cust.post(`${V}/tickets`, ticketInput(ids.projectA))).body;
    await expectRefused(
      t,
      cust,
      'POST',
      `${V}/tickets/${mine.id}/actions`,
      { action: 'cancel' },
      { status: 400, code: 'REASON_REQUIRED', field: 'reason' },
    );
    const lead = await tokenSession(t, 'lead_a');
    expect(await refusesAllBut(lead, mine.id)).toEqual(['urge']);
    const r = await act(cust, mine.id, { action: 'cancel', reason: '已自行恢复' });
    expect(r.body).toMatchObject({ status: 'cancelled', nextDueAt: null });
    expect(r.body.clocks.every((c: any) => c.status === 'not_needed' && c.notNeededReason === 'cancelled')).toBe(true);
    expect(await refusesAllBut(disp, mine.id)).toEqual([]);
    const responded = (await cust.post(`${V}/tickets`, ticketInput(ids.projectA))).body;
    await act(eng, responded.id, { action: 'respond' });
    expect(await refusesAllBut(cust, responded.id)).toEqual(['urge']);
    expect((await act(disp, responded.id, { action: 'cancel', reason: '重复报修' })).body.status).toBe('cancelled');
  });

  it('change_level needs level and reason and retargets running clocks from reported_at; audited with the author', async () => {
    const targets = [1, 2, 3, 4].map((level) => ({
      level,
      responseMin: 10 * level,
      arrivalMin: 20 * level,
      resolutionMin: 60 * level,
    }));
    expect((await manager.patch(`${V}/contracts/${ids.contractB}`, { policy: { targets } })).status).toBe(200);
    const tk = (
      await disp.post(
        `${V}/tickets`,
        ticketInput(ids.projectB, { level: 4, assigneeId: ids.users.engineer, reportedAt: t.clock.now - 5 * MIN }),
      )
    ).body;
    expect(clock(tk, 'resolution').dueAt).toBe(tk.reportedAt + 240 * MIN);
    t.clock.advance(5 * MIN);
    await act(eng, tk.id, { action: 'respond' }); // stopped at 10 min: met under level 4 (40 min)
    const url = `${V}/tickets/${tk.id}/actions`;
    await expectRefused(
      t,
      disp,
      'POST',
      url,
      { action: 'change_level', level: 1 },
      { status: 400, code: 'REASON_REQUIRED', field: 'reason' },
    );
    await expectRefused(
      t,
      disp,
      'POST',
      url,
      { action: 'change_level', reason: '升级' },
      { status: 400, code: 'VALIDATION', field: 'level' },
    );
    await expectRefused(
      t,
      disp,
      'POST',
      url,
      { action: 'change_level', level: 4, reason: '升级' },
      { status: 400, code: 'VALIDATION', field: 'level' },
    );
    await expectRefused(
      t,
      disp,
      'POST',
      url,
      { action: 'change_level', level: 0, reason: '升级' },
      { status: 400, code: 'VALIDATION', field: 'level' },
    );
    const seq = await auditHead(t.database);
    const r = await act(disp, tk.id, { action: 'change_level', level: 1, reason: '影响全省业务' });
    expect(r.body.level).toBe(1);
    expect(clock(r.body, 'arrival')).toMatchObject({
      targetMs: 20 * MIN,
      dueAt: tk.reportedAt + 20 * MIN,
      status: 'running',
    });
    expect(clock(r.body, 'resolution')).toMatchObject({ targetMs: 60 * MIN, dueAt: tk.reportedAt + 60 * MIN });
    expect(clock(r.body, 'response')).toMatchObject({ targetMs: 40 * MIN, status: 'met' });
    expect(r.body.nextDueAt).toBe(tk.reportedAt + 20 * MIN);
    const ev = (await disp.get(`${V}/tickets/${tk.id}/timeline`)).body.find((e: any) => e.type === 'change_level');
    expect(ev).toMatchObject({
      actorId: ids.users.dispatcher,
      actorName: '李调度',
      reason: '影响全省业务',
      data: { fromLevel: 4, toLevel: 1 },
    });
    const [row] = await auditSince(t.database, seq);
    expect([row!.action, row!.actor_id, row!.target_id]).toEqual(['ticket.change_level', ids.users.dispatcher, tk.id]);
    expect(JSON.parse(row!.detail_json)).toMatchObject({ before: { level: 4 }, after: { level: 1 } });
    expect(await refusesAllBut(eng, tk.id)).not.toContain('change_level');
  });

  it('foreign customers and unknown ids get 404 for actions, writing nothing', async () => {
    const tk = await open();
    await expectRefused(
      t,
      await t.login('cust_b'),
      'POST',
      `${V}/tickets/${tk.id}/actions`,
      { action: 'urge' },
      { status: 404, code: 'NOT_FOUND' },
    );
    await expectRefused(
      t,
      disp,
      'POST',
      `${V}/tickets/nope/actions`,
      { action: 'urge' },
      { status: 404, code: 'NOT_FOUND' },
    );
  });
});
