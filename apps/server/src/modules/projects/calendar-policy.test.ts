import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, countRows, demoIds, expectRefused, fingerprint, ticketInput } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';
/** `n` consecutive custom holidays from `first` (YYYY-MM-DD). */
const holidays = (first: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    date: new Date(Date.parse(`${first}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
  }));

/** A contract calendar without working time cannot plan SLA clocks: refused when saved, never a 500 on the next ticket. */
describe.each(DIALECTS)('contract calendar with no working time (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let manager: Session;
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    manager = await t.login('manager');
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('refuses a business calendar with two months of holidays within the contract, on create and on update', async () => {
    const base = { code: 'HT-IDLE', name: '合同', startsOn: '2027-01-01', endsOn: '2027-12-31' };
    for (const customHolidays of [holidays('2027-03-01', 61), holidays('2027-01-01', 3000)]) {
      const policy = { calendar: { kind: 'business', chinaHolidays: false, customHolidays } };
      await expectRefused(
        t,
        manager,
        'POST',
        `${V}/projects/${ids.projectA}/contracts`,
        { ...base, policy },
        { status: 400, code: 'VALIDATION', field: 'policy.calendar' },
      );
      await expectRefused(
        t,
        manager,
        'PATCH',
        `${V}/contracts/${ids.contractA}`,
        { policy },
        { status: 400, code: 'VALIDATION', field: 'policy.calendar' },
      );
    }
    // A month-long shutdown still leaves working time: accepted.
    const ok = await manager.post(`${V}/projects/${ids.projectA}/contracts`, {
      ...base,
      policy: { calendar: { kind: 'business', chinaHolidays: false, customHolidays: holidays('2027-03-01', 31) } },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });

  it('answers a new ticket on a stored calendar with no working time with a typed 409, writing nothing', async () => {
    // As if saved before the check existed: no working time for years from before the ticket.
    const row = await t.database.db
      .selectFrom('contracts')
      .select('policy_json')
      .where('id', '=', ids.contractA)
      .executeTakeFirstOrThrow();
    const policy = JSON.parse(row.policy_json);
    policy.calendar = { kind: 'business', chinaHolidays: false, customHolidays: holidays('2026-10-01', 1200) };
    await t.database.db
      .updateTable('contracts')
      .set({ policy_json: JSON.stringify(policy) })
      .where('id', '=', ids.contractA)
      .execute();
    const cust = await t.login('cust_a');
    const before = await fingerprint(t.database, ['sessions']);
    const tickets = await countRows(t.database, 'tickets');
    const r = await call(t.app, cust, 'POST', `${V}/tickets`, { payload: ticketInput(ids.projectA) });
    expect({ status: r.status, code: r.body.code }, r.raw).toEqual({ status: 409, code: 'CONFLICT' });
    expect(r.body.detail).toContain('日历');
    expect(await countRows(t.database, 'tickets')).toBe(tickets);
    expect(await fingerprint(t.database, ['sessions', 'audit_log', 'audit_head'])).toEqual(
      Object.fromEntries(Object.entries(before).filter(([k]) => k !== 'audit_log' && k !== 'audit_head')),
    );
  });
});
