import { OPEN_STATUSES } from '@weibao/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, expectRefused, ticketInput, tokenSession } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';
const MIN = 60_000;

describe.each(DIALECTS)('dashboard API (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let disp: Session;
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    disp = await tokenSession(t, 'dispatcher');
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("shows today's numbers that match the tickets table", async () => {
    const eng = await tokenSession(t, 'engineer');
    const tk = (
      await disp.post(`${V}/tickets`, ticketInput(ids.projectA, { level: 1, assigneeId: ids.users.engineer }))
    ).body;
    await eng.post(`${V}/tickets/${tk.id}/actions`, { action: 'arrival_not_needed', reason: '远程' });
    await eng.post(`${V}/tickets/${tk.id}/actions`, {
      action: 'resolve',
      solution: '远程修复',
      faultCause: 'non_human',
    });
    const d = (await disp.get(`${V}/dashboard`)).body;
    const rows = await t.database.db.selectFrom('tickets').selectAll().execute();
    const open = rows.filter((r) => OPEN_STATUSES.includes(r.status as never));
    expect(d.openTotal).toBe(open.length);
    expect(d.breachedOpen).toBe(open.filter((r) => r.breached === 1).length);
    expect(d.byLevel).toEqual(
      [1, 2, 3, 4].map((level) => ({ level, count: open.filter((r) => r.level === level).length })),
    );
    expect(d.byStatus.reduce((a: number, s: any) => a + s.count, 0)).toBe(open.length);
    for (const s of d.byStatus) expect(s.count).toBe(open.filter((r) => r.status === s.status).length);
    // Beijing day: the harness clock is 10:00 CST, so everything seeded and created so far is "today".
    expect(d.createdToday).toBe(rows.length);
    expect(d.resolvedToday).toBe(rows.filter((r) => r.resolved_at !== null).length);
    const limit = t.clock.now + 30 * MIN;
    expect(d.atRisk.length).toBeGreaterThan(0);
    expect(d.atRisk.length).toBeLessThanOrEqual(10);
    expect(d.atRisk.every((x: any) => OPEN_STATUSES.includes(x.status) && x.nextDueAt < limit)).toBe(true);
    // Tomorrow (Beijing) the day counters start again.
    t.clock.advance(14 * 60 * MIN);
    const next = (await disp.get(`${V}/dashboard`)).body;
    expect([next.createdToday, next.resolvedToday]).toEqual([0, 0]);
  });

  it('is for provider staff only', async () => {
    for (const u of ['cust_a', 'auditor', 'admin']) {
      await expectRefused(t, await tokenSession(t, u), 'GET', `${V}/dashboard`, undefined, {
        status: 403,
        code: 'FORBIDDEN',
      });
    }
  });
});
