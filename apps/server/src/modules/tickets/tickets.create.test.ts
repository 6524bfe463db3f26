import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditHead, auditSince, demoIds, expectRefused, ticketInput } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';
const MIN = 60_000;
const HOUR = 60 * MIN;

describe.each(DIALECTS)('ticket intake API (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let dispatcher: Session;
  let custA: Session;
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    dispatcher = await t.login('dispatcher');
    custA = await t.login('cust_a');
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('phone intake with an assignee: numbered, assigned, three clocks from reported_at, notified and audited', async () => {
    const seq = await auditHead(t.database);
    const reportedAt = t.clock.now - 10 * MIN;
    const r = await dispatcher.post(
      `${V}/tickets`,
      ticketInput(ids.projectA, { level: 1, reportedAt, assigneeId: ids.users.engineer, location: '3 楼机房' }),
    );
    expect(r.status).toBe(200);
    const tk = r.body;
    expect(tk).toMatchObject({
      status: 'assigned',
      level: 1,
      channel: 'phone',
      customerId: ids.orgA,
      assigneeId: ids.users.engineer,
      assigneeName: '张工',
      reportedAt,
      createdAt: t.clock.now,
      createdById: ids.users.dispatcher,
      location: '3 楼机房',
      breached: false,
    });
    expect(tk.number).toMatch(/^GD-2026-\d{6}$/);
    expect(tk.clocks.map((c: any) => [c.kind, c.cycle, c.status, c.startedAt, c.dueAt])).toEqual([
      ['arrival', 1, 'running', reportedAt, reportedAt + 30 * MIN],
      ['resolution', 1, 'running', reportedAt, reportedAt + 120 * MIN],
      ['response', 1, 'running', reportedAt, reportedAt + 30 * MIN],
    ]);
    expect(tk.nextDueAt).toBe(reportedAt + 30 * MIN);
    expect(tk.allowedActions).toEqual(
      expect.arrayContaining(['dispatch', 'transfer', 'respond', 'suspend', 'cancel', 'change_level']),
    );
    const eng = await t.login('engineer');
    const notes = (await eng.get(`${V}/notifications`)).body.filter((n: any) => n.ticketId === tk.id);
    expect(notes.map((n: any) => n.kind)).toEqual(['ticket.dispatched']);
    const timeline = (await dispatcher.get(`${V}/tickets/${tk.id}/timeline`)).body;
    expect(timeline.map((e: any) => e.type)).toEqual(['created', 'dispatch']);
    expect(timeline[0].data).toMatchObject({ reportedAt, enteredAt: t.clock.now, channel: 'phone' });
    expect(
      (await auditSince(t.database, seq))
        .filter((a) => a.action.startsWith('ticket.'))
        .map((a) => [a.action, a.target_id, a.actor_id]),
    ).toEqual([['ticket.create', tk.id, ids.users.dispatcher]]);
    // Numbers count up.
    const next = await dispatcher.post(`${V}/tickets`, ticketInput(ids.projectB));
    expect(Number(next.body.number.slice(-6))).toBe(Number(tk.number.slice(-6)) + 1);
  });

  it('back-dating by more than 24 h needs a reason; with one the clocks run from the call time', async () => {
    const url = `${V}/tickets`;
    const old = t.clock.now - 25 * HOUR;
    await expectRefused(t, dispatcher, 'POST', url, ticketInput(ids.projectA, { reportedAt: old }), {
      status: 400,
      code: 'REASON_REQUIRED',
      field: 'reportedAtReason',
    });
    await expectRefused(
      t,
      dispatcher,
      'POST',
      url,
      ticketInput(ids.projectA, { reportedAt: old, reportedAtReason: '   ' }),
      { status: 400, code: 'REASON_REQUIRED', field: 'reportedAtReason' },
    );
    // Exactly 24 h is still within the limit.
    expect(
      (await dispatcher.post(url, ticketInput(ids.projectA, { reportedAt: t.clock.now - 24 * HOUR }))).status,
    ).toBe(200);
    const r = await dispatcher.post(
      url,
      ticketInput(ids.projectA, { reportedAt: old, reportedAtReason: '周末值班电话记录补录' }),
    );
    expect(r.status).toBe(200);
    expect(r.body.reportedAt).toBe(old);
    expect(r.body.clocks.every((c: any) => c.status === 'breached' && c.startedAt === old)).toBe(true);
    expect(r.body.breached).toBe(true);
    const row = await t.database.db
      .selectFrom('tickets')
      .select(['reported_at_reason', 'created_at'])
      .where('id', '=', r.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ reported_at_reason: '周末值班电话记录补录', created_at: t.clock.now });
  });

  it('refuses reported_at in the future', async () => {
    await expectRefused(
      t,
      dispatcher,
      'POST',
      `${V}/tickets`,
      ticketInput(ids.projectA, { reportedAt: t.clock.now + 5 * MIN }),
      { status: 400, code: 'REPORTED_AT_FUTURE', field: 'reportedAt' },
    );
  });

  it('refuses malformed tickets naming the field, writing nothing', async () => {
    const url = `${V}/tickets`;
    const bad: [Record<string, unknown>, string][] = [
      [{ title: undefined }, 'title'],
      [{ title: ' ' }, 'title'],
      [{ level: 5 }, 'level'],
      [{ level: '1' }, 'level'],
      [{ channel: 'pigeon' }, 'channel'],
      [{ reporterName: '' }, 'reporterName'],
      [{ reporterPhone: '1' }, 'reporterPhone'],
      [{ reportedAt: -5 }, 'reportedAt'],
      [{ reportedAt: 1.5 }, 'reportedAt'],
      [{ projectId: undefined }, 'projectId'],
      [{ title: 'x'.repeat(201) }, 'title'],
    ];
    for (const [over, field] of bad)
      await expectRefused(t, dispatcher, 'POST', url, ticketInput(ids.projectA, over), {
        status: 400,
        code: 'VALIDATION',
        field,
      });
    await expectRefused(t, dispatcher, 'POST', url, ticketInput('no-such-project'), {
      status: 400,
      code: 'VALIDATION',
      field: 'projectId',
    });
    await expectRefused(t, dispatcher, 'POST', url, ticketInput(ids.projectA, { assigneeId: ids.users.cust_a }), {
      status: 400,
      code: 'VALIDATION',
      field: 'assigneeId',
    });
    await expectRefused(t, dispatcher, 'POST', url, ticketInput(ids.projectA, { assigneeId: ids.users.auditor }), {
      status: 400,
      code: 'VALIDATION',
      field: 'assigneeId',
    });
    // Before the contract started there is no SLA to apply.
    await expectRefused(
      t,
      dispatcher,
      'POST',
      url,
      ticketInput(ids.projectA, { reportedAt: Date.UTC(2024, 5, 1), reportedAtReason: '历史补录' }),
      { status: 409, code: 'NO_CONTRACT', field: 'projectId' },
    );
    await expectRefused(
      t,
      dispatcher,
      'POST',
      url,
      '{"title":',
      { status: 400, code: 'BAD_REQUEST' },
      { headers: { 'content-type': 'application/json' } },
    );
  });

  it('a project without a contract cannot take tickets (409 NO_CONTRACT)', async () => {
    const manager = await t.login('manager');
    const p = await manager.post(`${V}/projects`, { customerId: ids.orgA, code: 'PRJ-NOHT', name: '无合同项目' });
    await expectRefused(t, dispatcher, 'POST', `${V}/tickets`, ticketInput(p.body.id), {
      status: 409,
      code: 'NO_CONTRACT',
      field: 'projectId',
    });
  });

  it('customers report on their own projects through the portal only', async () => {
    const r = await custA.post(`${V}/tickets`, ticketInput(ids.projectA, { channel: 'phone' }));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      channel: 'web',
      status: 'new',
      customerId: ids.orgA,
      reportedAt: t.clock.now,
      assigneeId: null,
    });
    expect(r.body.allowedActions.sort()).toEqual(['cancel', 'urge']);
    const url = `${V}/tickets`;
    await expectRefused(t, custA, 'POST', url, ticketInput(ids.projectB), {
      status: 400,
      code: 'VALIDATION',
      field: 'projectId',
    });
    await expectRefused(t, custA, 'POST', url, ticketInput(ids.projectA, { reportedAt: t.clock.now - MIN }), {
      status: 400,
      code: 'VALIDATION',
      field: 'reportedAt',
    });
    await expectRefused(t, custA, 'POST', url, ticketInput(ids.projectA, { assigneeId: ids.users.engineer }), {
      status: 400,
      code: 'VALIDATION',
      field: 'assigneeId',
    });
    const lead = await t.login('lead_b');
    expect((await lead.post(url, ticketInput(ids.projectB))).body.customerId).toBe(ids.orgB);
    const eng = await t.login('engineer');
    expect((await eng.post(url, ticketInput(ids.projectB, { channel: 'onsite' }))).body.channel).toBe('onsite');
  });

  it('shows a ticket to staff and its own customer only', async () => {
    const tk = (await dispatcher.post(`${V}/tickets`, ticketInput(ids.projectB, { title: '乙方专用工单' }))).body;
    expect((await (await t.login('engineer2')).get(`${V}/tickets/${tk.id}`)).body.title).toBe('乙方专用工单');
    const own = await (await t.login('cust_b')).get(`${V}/tickets/${tk.id}`);
    expect(own.body).toMatchObject({ id: tk.id, allowedActions: ['urge'] });
    const foreign = await expectRefused(t, custA, 'GET', `${V}/tickets/${tk.id}`, undefined, {
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(foreign.zh.raw).not.toContain('乙方专用工单');
    await expectRefused(t, dispatcher, 'GET', `${V}/tickets/nope`, undefined, { status: 404, code: 'NOT_FOUND' });
  });

  it('an unknown project is a 400 naming projectId; any other failure finding it stays a 500', async () => {
    await expectRefused(t, dispatcher, 'POST', `${V}/tickets`, ticketInput('no-such-project'), {
      status: 400,
      code: 'VALIDATION',
      field: 'projectId',
    });
    const spy = vi.spyOn(t.app.services.projects, 'intakeTarget').mockRejectedValueOnce(new Error('connection lost'));
    try {
      expect((await dispatcher.post(`${V}/tickets`, ticketInput(ids.projectA))).status).toBe(500);
    } finally {
      spy.mockRestore();
    }
  });
});
