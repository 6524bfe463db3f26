import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHead, auditSince, demoIds, expectRefused, ticketInput, tokenSessions } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';

describe.each(DIALECTS)('notifications API (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let disp: Session;
  let eng: Session;
  let eng2: Session;
  let manager: Session;
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    [disp, eng, eng2, manager] = await tokenSessions(t, 'dispatcher', 'engineer', 'engineer2', 'manager');
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('lists only my notifications, newest first, with e-mail queued for users who have an address', async () => {
    const tk = (
      await disp.post(
        `${V}/tickets`,
        ticketInput(ids.projectA, { level: 3, title: '通知测试', assigneeId: ids.users.engineer2 }),
      )
    ).body;
    t.clock.advance(1000);
    await disp.post(`${V}/tickets/${tk.id}/actions`, {
      action: 'transfer',
      assigneeId: ids.users.engineer,
      reason: '换人',
    });
    const mine = (await eng.get(`${V}/notifications`)).body;
    expect(mine[0]).toMatchObject({ kind: 'ticket.transfer', ticketId: tk.id, readAt: null, at: t.clock.now });
    const ats = mine.map((n: any) => n.at);
    expect(ats).toEqual([...ats].sort((a, b) => b - a));
    const db = t.database.db;
    const own = (
      await db.selectFrom('notifications').select('id').where('user_id', '=', ids.users.engineer).execute()
    ).map((n) => n.id);
    expect(mine.every((n: any) => own.includes(n.id))).toBe(true);
    const other = (await eng2.get(`${V}/notifications`)).body;
    expect(other.some((n: any) => n.ticketId === tk.id && n.kind === 'ticket.dispatched')).toBe(true);
    expect(other.some((n: any) => n.kind === 'ticket.transfer' && n.ticketId === tk.id)).toBe(false);
    // engineer has an e-mail address, engineer2 has none.
    const mail = await db.selectFrom('mail_outbox').selectAll().where('subject', 'like', `%${tk.number}%`).execute();
    expect(mail.map((m) => [m.to_addr, m.state])).toEqual([['engineer@weibao.local', 'pending']]);
  });

  it('marks my notification read (204, audited); anyone else gets 404 and nothing changes', async () => {
    const [n] = (await eng.get(`${V}/notifications`)).body;
    await expectRefused(t, eng2, 'POST', `${V}/notifications/${n.id}/read`, {}, { status: 404, code: 'NOT_FOUND' });
    await expectRefused(
      t,
      manager,
      'POST',
      `${V}/notifications/no-such-id/read`,
      {},
      { status: 404, code: 'NOT_FOUND' },
    );
    const seq = await auditHead(t.database);
    t.clock.advance(5000);
    const r = await eng.post(`${V}/notifications/${n.id}/read`);
    expect(r.status).toBe(204);
    expect((await eng.get(`${V}/notifications`)).body.find((x: any) => x.id === n.id).readAt).toBe(t.clock.now);
    expect((await auditSince(t.database, seq)).map((a) => [a.action, a.actor_id, a.target_id])).toEqual([
      ['notification.read', ids.users.engineer, n.id],
    ]);
  });
});
