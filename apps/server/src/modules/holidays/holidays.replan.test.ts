import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, ticketInput } from '../../test/api.js';
import { DIALECTS, testApp } from '../../test/harness.js';

const V = '/api/v1';

// The holidays service re-plans through tickets/replan.ts (wired in services.ts).
describe.each(DIALECTS)('a saved holiday year re-plans the open clocks of business-hours contracts (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("moves a business-hours ticket's due instant past the newly entered New Year holiday", async () => {
    const ids = await demoIds(t);
    t.clock.set(Date.parse('2026-12-31T17:00:00+08:00')); // Thursday; the package has no 2027 data
    const manager = await t.login('manager');
    const admin = await t.login('admin');
    const targets = ([1, 2, 3, 4] as const).map((level) => ({
      level,
      responseMin: 30,
      arrivalMin: 60,
      resolutionMin: 120,
    }));
    const c = await manager.post(`${V}/projects/${ids.projectA}/contracts`, {
      code: 'HT-REPLAN',
      name: '工作时间合同',
      startsOn: '2026-12-01',
      endsOn: '2027-12-31',
      policy: { targets, calendar: { kind: 'business', chinaHolidays: true } },
    });
    expect(c.status).toBe(200);
    const tk = await manager.post(`${V}/tickets`, ticketInput(ids.projectA, { level: 2 }));
    expect(tk.status).toBe(200);
    // The stored due instant and breach alert (what the worker and the queues use), not the live view.
    const due = async () => {
      const clock = await t.database.db
        .selectFrom('sla_clocks')
        .select(['id', 'due_at'])
        .where('ticket_id', '=', tk.body.id)
        .where('kind', '=', 'resolution')
        .executeTakeFirstOrThrow();
      const breach = await t.database.db
        .selectFrom('sla_alerts')
        .select('fire_at')
        .where('clock_id', '=', clock.id)
        .where('kind', '=', 'breach')
        .executeTakeFirstOrThrow();
      expect(Number(breach.fire_at)).toBe(Number(clock.due_at) + 1);
      return Number(clock.due_at);
    };
    // 60 min today until 18:00, the other 60 on Friday 1 January, counted as a plain working day.
    expect(await due()).toBe(Date.parse('2027-01-01T10:00:00+08:00'));
    const r = await admin.put(`${V}/holiday-years/2027`, {
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => ({ date, name: '元旦' })),
      workdays: [],
    });
    expect(r.status).toBe(200);
    // The holiday is now known: the remaining hour falls on Monday 4 January.
    expect(await due()).toBe(Date.parse('2027-01-04T10:00:00+08:00'));
  });
});
