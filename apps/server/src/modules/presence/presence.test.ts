import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, expectRefused } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';

describe.each(DIALECTS)('resident presence board (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const s: Record<string, Session> = {};
  const relogin = async () => {
    for (const u of Object.keys(s)) s[u] = await t.login(u);
  };
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    for (const u of ['manager', 'engineer', 'engineer2', 'dispatcher', 'lead_a', 'lead_b', 'cust_a'])
      s[u] = await t.login(u);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('defaults to the bid: 3 people Mon–Fri on the Chinese calendar; the manager sets roster and hours', async () => {
    expect((await s.lead_a!.get(`${V}/projects/${ids.projectA}/resident-plan`)).body).toMatchObject({
      headcount: 3,
      weekdays: [1, 2, 3, 4, 5],
      chinaCalendar: true,
      start: '08:30',
      engineerIds: [],
      updatedAt: null,
    });
    await expectRefused(
      t,
      s.manager!,
      'PUT',
      `${V}/projects/${ids.projectA}/resident-plan`,
      {
        headcount: 2,
        weekdays: [1],
        chinaCalendar: true,
        start: '18:00',
        end: '09:00',
        lateGraceMin: 10,
        engineerIds: [],
      },
      { status: 400, code: 'VALIDATION', field: 'end' },
    );
    await expectRefused(
      t,
      s.manager!,
      'PUT',
      `${V}/projects/${ids.projectA}/resident-plan`,
      {
        headcount: 2,
        weekdays: [1],
        chinaCalendar: true,
        start: '08:30',
        end: '17:30',
        lateGraceMin: 10,
        engineerIds: [ids.users.cust_a],
      },
      { status: 400, code: 'VALIDATION', field: 'engineerIds' },
    );
    const r = await s.manager!.put(`${V}/projects/${ids.projectA}/resident-plan`, {
      headcount: 2,
      weekdays: [1, 2, 3, 4, 5],
      chinaCalendar: true,
      start: '08:30',
      end: '17:30',
      lateGraceMin: 10,
      engineerIds: [ids.users.engineer, ids.users.engineer2],
    });
    expect(r.body).toMatchObject({
      headcount: 2,
      lateGraceMin: 10,
      minOnSiteMin: 240,
      engineers: [
        { id: ids.users.engineer, name: '张工' },
        { id: ids.users.engineer2, name: '赵工' },
      ],
    });
    // The minimum time on site: at most the working day; left out, the plan keeps its own.
    await expectRefused(
      t,
      s.manager!,
      'PUT',
      `${V}/projects/${ids.projectA}/resident-plan`,
      {
        headcount: 2,
        weekdays: [1, 2, 3, 4, 5],
        chinaCalendar: true,
        start: '08:30',
        end: '17:30',
        lateGraceMin: 10,
        engineerIds: [],
        minOnSiteMin: 541,
      },
      { status: 400, code: 'VALIDATION', field: 'minOnSiteMin' },
    );
    expect(
      (
        await s.manager!.put(`${V}/projects/${ids.projectA}/resident-plan`, {
          headcount: 2,
          weekdays: [1, 2, 3, 4, 5],
          chinaCalendar: true,
          start: '08:30',
          end: '17:30',
          lateGraceMin: 10,
          engineerIds: [ids.users.engineer, ids.users.engineer2],
          minOnSiteMin: 300,
        })
      ).body.minOnSiteMin,
    ).toBe(300);
    expect(
      (
        await s.manager!.put(`${V}/projects/${ids.projectA}/resident-plan`, {
          headcount: 2,
          weekdays: [1, 2, 3, 4, 5],
          chinaCalendar: true,
          start: '08:30',
          end: '17:30',
          lateGraceMin: 10,
          engineerIds: [ids.users.engineer, ids.users.engineer2],
        })
      ).body.minOnSiteMin,
    ).toBe(300);
    expect(
      (
        await s.lead_a!.put(`${V}/projects/${ids.projectA}/resident-plan`, {
          headcount: 0,
          weekdays: [],
          chinaCalendar: false,
          start: '08:00',
          end: '09:00',
          lateGraceMin: 0,
          engineerIds: [],
        })
      ).status,
    ).toBe(403);
  });

  it("shows today's board from check-ins: late, absent and below headcount; customers of other projects see nothing", async () => {
    // The test clock stands at Monday 2026-10-12 10:00 Beijing time: 张工 checks in now, i.e. late.
    const v = (await s.engineer!.post(`${V}/site-visits/check-in`, { projectId: ids.projectA, location: '驻场办公室' }))
      .body;
    const board = (await s.lead_a!.get(`${V}/projects/${ids.projectA}/presence/daily`)).body;
    expect(board).toMatchObject({ day: '2026-10-12', workday: true, required: 2, present: 1, belowHeadcount: true });
    expect(board.engineers.map((e: any) => [e.name, e.status, e.minutesLate, e.openVisit])).toEqual([
      ['张工', 'late', 90, true],
      ['赵工', 'absent', 0, false],
    ]);
    expect((await s.lead_b!.get(`${V}/projects/${ids.projectA}/presence/daily`)).status).toBe(404);
    await expectRefused(
      t,
      s.manager!,
      'GET',
      `${V}/projects/${ids.projectA}/presence/daily?day=2026-10-32x`,
      undefined,
      { status: 400, code: 'VALIDATION', field: 'day' },
    );
    t.clock.advance(7 * 3_600_000);
    await relogin();
    await s.engineer!.post(`${V}/site-visits/${v.id}/check-out`, {});
  });

  it('sums the month: days below headcount, per-engineer days and hours, holidays excluded; exports to Excel', async () => {
    // Tuesday 13th: both on time.
    t.clock.set(Date.UTC(2026, 9, 13, 0, 20));
    await relogin();
    const both = [];
    for (const who of ['engineer', 'engineer2'])
      both.push({
        who,
        v: (await s[who]!.post(`${V}/site-visits/check-in`, { projectId: ids.projectA, location: '驻场办公室' })).body,
      });
    t.clock.set(Date.UTC(2026, 9, 13, 9, 20));
    await relogin();
    for (const { who, v } of both) await s[who]!.post(`${V}/site-visits/${v.id}/check-out`, {});
    const m = (await s.manager!.get(`${V}/projects/${ids.projectA}/presence/monthly?month=2026-10`)).body;
    expect(m.days).toHaveLength(13);
    // October 1–13: holidays 1–7, weekends 11 (Sunday); 10th is a 调休 Saturday: working days 8, 9, 10, 12, 13.
    expect(m.workdays).toBe(5);
    expect(m.daysBelowHeadcount).toEqual(['2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12']);
    const by = Object.fromEntries(m.engineers.map((e: any) => [e.name, e]));
    expect(by['张工']).toMatchObject({ presentDays: 2, lateDays: 1, absentDays: 3, hoursOnSite: 16 });
    expect(by['赵工']).toMatchObject({ presentDays: 1, lateDays: 0, absentDays: 4, hoursOnSite: 9 });
    const x = await t.app.inject({
      method: 'GET',
      url: `${V}/projects/${ids.projectA}/presence/monthly.xlsx?month=2026-10`,
      headers: s.manager!.headers,
    });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['人员考勤', '每日在岗']);
    expect((wb.worksheets[0]!.getRow(2).values as unknown[]).slice(1)).toEqual(['张工', '是', 2, 1, 3, 16]);
    // The purchaser's project lead downloads what they can read as JSON; nobody else's project, and not a plain customer user.
    const lead = await t.app.inject({
      method: 'GET',
      url: `${V}/projects/${ids.projectA}/presence/monthly.xlsx?month=2026-10`,
      headers: s.lead_a!.headers,
    });
    expect(lead.statusCode, lead.body).toBe(200);
    const lwb = new ExcelJS.Workbook();
    await lwb.xlsx.load(lead.rawPayload as never);
    expect((lwb.worksheets[0]!.getRow(2).values as unknown[]).slice(1)).toEqual(['张工', '是', 2, 1, 3, 16]);
    expect((await s.lead_b!.get(`${V}/projects/${ids.projectA}/presence/monthly.xlsx?month=2026-10`)).status).toBe(404);
    expect((await s.cust_a!.get(`${V}/projects/${ids.projectA}/presence/monthly.xlsx?month=2026-10`)).status).toBe(403);
  });
});
