import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditHead, auditSince, demoIds, expectRefused } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';
import { SlaService } from '../sla/service.js';
import { HolidayService } from './service.js';

const V = '/api/v1';
const BUSINESS = { kind: 'business' as const, chinaHolidays: true };
const at = (iso: string) => Date.parse(iso);

describe.each(DIALECTS)('holiday data horizon and admin holiday years (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let admin: Session;
  let manager: Session;
  let contractId: string;
  let plainId: string;
  beforeAll(async () => {
    t = await testApp(dialect); // clock: 2026-10-12; the package's data ends with 2026
    ids = await demoIds(t);
    admin = await t.login('admin');
    manager = await t.login('manager');
    const base = { startsOn: '2026-01-01', endsOn: '2027-12-31' };
    const c = await manager.post(`${V}/projects/${ids.projectA}/contracts`, {
      ...base,
      code: 'HT-HOL-1',
      name: '工作时间合同',
      policy: { calendar: BUSINESS },
    });
    expect(c.status).toBe(200);
    contractId = c.body.id;
    plainId = (
      await manager.post(`${V}/projects/${ids.projectA}/contracts`, { ...base, code: 'HT-HOL-2', name: '全天候合同' })
    ).body.id;
  });
  afterAll(async () => {
    await t?.drop();
  });
  // The clock jumps by days here; sessions time out after 30 idle minutes, so log in again after each jump.
  const relog = async () => {
    admin = await t.login('admin');
    manager = await t.login('manager');
  };
  const setClock = async (iso: string) => {
    t.clock.set(at(iso));
    await relog();
  };
  beforeEach(relog);

  const horizon = async (id = contractId, s = manager) => (await s.get(`${V}/contracts/${id}`)).body.holidayHorizon;
  const dashboardCodes = async (s: Session) =>
    (await s.get(`${V}/dashboard`)).body.holidayHorizon.map((w: any) => w.contractCode);
  const horizonNotes = () =>
    t.database.db
      .selectFrom('notifications')
      .select(['user_id', 'source_key'])
      .where('kind', '=', 'holiday.horizon')
      .where('source_key', 'like', `holiday-horizon:${contractId}:%`)
      .execute();

  it('names the uncovered year on the contract, and warns from 60 days before it starts (contract, dashboard)', async () => {
    expect(await horizon()).toEqual({ missingYears: [2027], warnFrom: '2026-11-02', active: false });
    expect(await horizon(plainId)).toEqual({ missingYears: [], warnFrom: null, active: false }); // 24x7: holidays do not matter
    expect(await dashboardCodes(manager)).not.toContain('HT-HOL-1');
    await setClock('2026-11-01T16:00:00Z'); // 2026-11-02 00:00 Beijing
    expect(await horizon()).toEqual({ missingYears: [2027], warnFrom: '2026-11-02', active: true });
    expect((await (await t.login('cust_a')).get(`${V}/contracts/${contractId}`)).body.holidayHorizon.active).toBe(true);
    expect(await dashboardCodes(manager)).toContain('HT-HOL-1'); // the system admin, who has no dashboard, sees them on the holiday page (below)
    expect(await dashboardCodes(await t.login('engineer'))).toEqual([]); // the warning is for admins and managers
    const list = (await admin.get(`${V}/holiday-years`)).body;
    expect(list.officialYears).toContain(2026);
    expect(list.officialYears).not.toContain(2027);
    expect(list.warnings).toContainEqual({
      contractId,
      contractCode: 'HT-HOL-1',
      contractName: '工作时间合同',
      projectId: ids.projectA,
      projectCode: expect.any(String),
      missingYears: [2027],
      warnFrom: '2026-11-02',
    });
  });

  it("notifies the system admins and the project's service manager once per contract and year, across nodes", async () => {
    await setClock('2026-10-30T04:00:00Z');
    await t.app.services.holidays.dateJob();
    expect(await horizonNotes()).toEqual([]);
    await setClock('2026-11-02T01:00:00Z');
    await t.app.services.holidays.dateJob();
    await t.app.services.holidays.dateJob();
    // A second node: its own service instance over the same database.
    const s = t.app.services;
    await new HolidayService({
      database: s.database,
      audit: s.audit,
      sla: new SlaService(),
      projects: s.projects,
      users: s.userRepo,
      notifications: s.notifications,
      now: s.now,
    }).dateJob();
    const notes = await horizonNotes();
    expect(notes.map((n) => n.user_id).sort()).toEqual([ids.users.admin, ids.users.manager].sort());
    expect(notes.every((n) => n.source_key === `holiday-horizon:${contractId}:2027`)).toBe(true);
    const inbox = (await manager.get(`${V}/notifications`)).body.find((n: any) => n.kind === 'holiday.horizon');
    expect(inbox.title).toContain('HT-HOL-1');
    expect(inbox.title).toContain('2027');
  });

  it('refuses bad holiday years naming the field, and non-admins, writing nothing', async () => {
    const ok = { holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [] };
    await expectRefused(
      t,
      admin,
      'PUT',
      `${V}/holiday-years/2027`,
      { ...ok, holidays: [{ date: '2028-01-01', name: '元旦' }] },
      { status: 400, code: 'VALIDATION', field: 'holidays[0].date' },
    );
    await expectRefused(
      t,
      admin,
      'PUT',
      `${V}/holiday-years/2027`,
      { ...ok, holidays: [{ date: '2027-02-30', name: '春节' }] },
      { status: 400, code: 'VALIDATION', field: 'holidays[0].date' },
    );
    await expectRefused(
      t,
      admin,
      'PUT',
      `${V}/holiday-years/2027`,
      { ...ok, workdays: [{ date: '2027-01-01', name: '调休' }] },
      { status: 400, code: 'VALIDATION', field: 'workdays[0].date' },
    );
    await expectRefused(
      t,
      admin,
      'PUT',
      `${V}/holiday-years/2027`,
      { holidays: [], workdays: [] },
      { status: 400, code: 'VALIDATION', field: 'holidays' },
    );
    await expectRefused(t, admin, 'PUT', `${V}/holiday-years/1999`, ok, {
      status: 400,
      code: 'VALIDATION',
      field: 'year',
    });
    await expectRefused(t, manager, 'PUT', `${V}/holiday-years/2027`, ok, { status: 403, code: 'FORBIDDEN' });
    expect((await manager.get(`${V}/holiday-years/2027`)).body).toEqual({
      year: 2027,
      source: 'none',
      holidays: [],
      workdays: [],
      updatedAt: null,
      updatedByName: null,
    });
  });

  it('an entered year covers every contract with Chinese holidays, clears the warning and is used by the calendars', async () => {
    await setClock('2026-11-10T02:00:00Z');
    const seq = await auditHead(t.database);
    const body = {
      holidays: [
        { date: '2027-01-01', name: '元旦' },
        { date: '2027-01-06', name: '测试假日' },
      ],
      workdays: [{ date: '2027-01-09', name: '调休上班' }],
    };
    const r = await admin.put(`${V}/holiday-years/2027`, body);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      year: 2027,
      source: 'admin',
      ...body,
      updatedAt: t.clock.now,
      updatedByName: expect.any(String),
    });
    expect((await auditSince(t.database, seq)).map((a) => [a.action, a.target_id, a.actor_id])).toEqual([
      ['holiday_year.save', '2027', ids.users.admin],
    ]);
    expect(await horizon()).toEqual({ missingYears: [], warnFrom: null, active: false });
    expect(await dashboardCodes(manager)).not.toContain('HT-HOL-1');
    expect((await admin.get(`${V}/holiday-years`)).body.warnings).toEqual([]);
    expect((await manager.get(`${V}/holiday-years`)).body.adminYears).toEqual([
      { year: 2027, holidays: 2, workdays: 1, updatedAt: t.clock.now },
    ]);
    const cal = t.app.services.sla.calendar(BUSINESS);
    expect(cal.workingBetween(at('2027-01-06T00:00:00+08:00'), at('2027-01-07T00:00:00+08:00'))).toBe(0); // a Wednesday off
    expect(cal.workingBetween(at('2027-01-09T00:00:00+08:00'), at('2027-01-10T00:00:00+08:00'))).toBe(7.5 * 3_600_000); // a Saturday at work
    expect(cal.missingHolidayYears(at('2027-03-01T00:00:00Z'), at('2027-03-02T00:00:00Z'))).toEqual([]);
  });

  it("an admin year replaces the package's data for that year (a corrected notice)", async () => {
    const before = t.app.services.sla.calendar(BUSINESS);
    const oct1 = [at('2026-10-01T00:00:00+08:00'), at('2026-10-02T00:00:00+08:00')] as const;
    const oct14 = [at('2026-10-14T00:00:00+08:00'), at('2026-10-15T00:00:00+08:00')] as const;
    expect(before.workingBetween(...oct1)).toBe(0); // 国庆节 in the package
    expect((await admin.get(`${V}/holiday-years/2026`)).body).toMatchObject({
      source: 'official',
      holidays: expect.arrayContaining([{ date: '2026-10-01', name: expect.any(String) }]),
    });
    expect(
      (
        await admin.put(`${V}/holiday-years/2026`, {
          holidays: [{ date: '2026-10-14', name: '更正假日' }],
          workdays: [],
        })
      ).status,
    ).toBe(200);
    const after = t.app.services.sla.calendar(BUSINESS);
    expect(after.workingBetween(...oct14)).toBe(0);
    expect(after.workingBetween(...oct1)).toBe(7.5 * 3_600_000);
  });

  it('re-plans the business-hours contracts touching the year inside the save, with the new year in force; a failed re-plan saves nothing', async () => {
    const s = t.app.services;
    const calls: { ids: string[]; change: unknown; covered: boolean }[] = [];
    let fail = false;
    const node = new HolidayService({
      database: s.database,
      audit: s.audit,
      sla: s.sla,
      projects: s.projects,
      users: s.userRepo,
      notifications: s.notifications,
      now: s.now,
      replanContractClocks: async (_tx, contractIds, change) => {
        calls.push({ ids: contractIds, change, covered: s.sla.national.covers(2028) });
        if (fail) throw new Error('replan failed');
        return { tickets: 0, clocks: 0 };
      },
    });
    const actor = {
      userId: ids.users.admin!,
      username: 'admin',
      displayName: '系统管理员',
      orgId: ids.provider,
      orgKind: 'provider' as const,
      roles: ['sys_admin' as const],
      level: 1,
      via: 'session' as const,
    };
    const input = { holidays: [{ date: '2028-01-01', name: '元旦' }], workdays: [] };
    // HT-HOL-1 ends in 2027 and the 24x7 contract has no holidays: no contract touches 2028 yet.
    await node.save({ actor, ip: null }, 2028, input);
    expect(calls).toEqual([]);
    const c = await manager.post(`${V}/projects/${ids.projectA}/contracts`, {
      code: 'HT-HOL-3',
      name: '三年合同',
      startsOn: '2027-06-01',
      endsOn: '2029-05-31',
      policy: { calendar: BUSINESS },
    });
    await node.save({ actor, ip: null }, 2028, input);
    expect(calls).toEqual([
      {
        ids: [c.body.id],
        change: { actorId: actor.userId, actorName: '系统管理员', reason: 'holidays' },
        covered: true,
      },
    ]);
    fail = true;
    const before = await t.database.db.selectFrom('holiday_years').selectAll().where('year', '=', 2029).execute();
    await expect(
      node.save({ actor, ip: null }, 2029, { holidays: [{ date: '2029-01-01', name: '元旦' }], workdays: [] }),
    ).rejects.toThrow('replan failed');
    expect(await t.database.db.selectFrom('holiday_years').selectAll().where('year', '=', 2029).execute()).toEqual(
      before,
    );
    expect(s.sla.national.covers(2029)).toBe(false); // the in-memory data is put back too
  });

  it('another node picks up a saved year through the cheap version check', async () => {
    const s = t.app.services;
    const sla = new SlaService();
    const other = new HolidayService({
      database: s.database,
      audit: s.audit,
      sla,
      projects: s.projects,
      users: s.userRepo,
      notifications: s.notifications,
      now: s.now,
    });
    await other.load();
    const day = [at('2027-01-07T00:00:00+08:00'), at('2027-01-08T00:00:00+08:00')] as const; // a Thursday
    expect(sla.calendar(BUSINESS).workingBetween(...day)).toBe(7.5 * 3_600_000);
    expect(
      (
        await admin.put(`${V}/holiday-years/2027`, {
          holidays: [
            { date: '2027-01-01', name: '元旦' },
            { date: '2027-01-07', name: '改期' },
          ],
          workdays: [],
        })
      ).status,
    ).toBe(200);
    expect(sla.calendar(BUSINESS).workingBetween(...day)).toBe(7.5 * 3_600_000); // not yet seen
    await other.refreshIfChanged();
    expect(sla.calendar(BUSINESS).workingBetween(...day)).toBe(0);
  });
});
