import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, demoIds, expectRefused, fingerprint, ticketInput } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';

describe.each(DIALECTS)('check-in and check-out on site (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    for (const u of ['dispatcher', 'manager', 'engineer', 'engineer2', 'cust_a', 'lead_b']) s[u] = await t.login(u);
  });
  afterAll(async () => {
    await t?.drop();
  });
  /** Time passes; sessions idle longer than the timeout are renewed by signing in again. */
  const later = async (ms: number) => {
    t.clock.advance(ms);
    for (const u of Object.keys(s)) s[u] = await t.login(u);
  };
  const at = async (ms: number) => later(ms - t.clock.now);

  it('takes the time from the server, keeps one open visit per engineer, and only its engineer checks out', async () => {
    const inAt = t.clock.now;
    const r = await s.engineer!.post(`${V}/site-visits/check-in`, {
      projectId: ids.projectA,
      location: '省信息中心 3 楼机房',
      position: { lat: 30.27, lng: 120.15, accuracyM: 12 },
      note: '例行驻场',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      checkedInAt: inAt,
      checkInLocation: '省信息中心 3 楼机房',
      checkInPosition: { lat: 30.27, lng: 120.15, accuracyM: 12 },
      checkedOutAt: null,
      forgotten: false,
      engineerName: '张工',
    });
    expect((await s.engineer!.get(`${V}/site-visits/current`)).body.id).toBe(r.body.id);
    // The message names where and since when (Beijing time), in both languages; nothing is written.
    const before = await fingerprint(t.database);
    const zh = await call(t.app, s.engineer!, 'POST', `${V}/site-visits/check-in`, {
      payload: { projectId: ids.projectB, location: '别处' },
    });
    const en = await call(t.app, s.engineer!, 'POST', `${V}/site-visits/check-in`, {
      payload: { projectId: ids.projectB, location: '别处' },
      headers: { 'accept-language': 'en' },
    });
    expect([zh.status, zh.body.code, en.status, en.body.code]).toEqual([
      409,
      'ALREADY_CHECKED_IN',
      409,
      'ALREADY_CHECKED_IN',
    ]);
    expect(zh.body.detail).toBe('您已在 省级政务信息系统运维项目 签到（10:00），请先签退');
    expect(en.body.detail).toBe(
      'You are already checked in at 省级政务信息系统运维项目 (since 10:00); check out first',
    );
    expect(await fingerprint(t.database)).toEqual(before);
    await expectRefused(
      t,
      s.engineer2!,
      'POST',
      `${V}/site-visits/${r.body.id}/check-out`,
      {},
      { status: 403, code: 'FORBIDDEN' },
    );
    await later(95 * 60_000);
    const out = await s.engineer!.post(`${V}/site-visits/${r.body.id}/check-out`, { note: '离场' });
    expect(out.body).toMatchObject({
      checkedOutAt: inAt + 95 * 60_000,
      checkOutLocation: '省信息中心 3 楼机房',
      note: '例行驻场\n离场',
    });
    await expectRefused(
      t,
      s.engineer!,
      'POST',
      `${V}/site-visits/${r.body.id}/check-out`,
      {},
      { status: 409, code: 'ACTION_NOT_ALLOWED' },
    );
    expect((await s.engineer!.get(`${V}/site-visits/current`)).body).toBeNull();
  });

  it('rejects bad input naming the field, writing nothing', async () => {
    await expectRefused(
      t,
      s.engineer!,
      'POST',
      `${V}/site-visits/check-in`,
      { projectId: ids.projectA, location: '' },
      { status: 400, code: 'VALIDATION', field: 'location' },
    );
    await expectRefused(
      t,
      s.engineer!,
      'POST',
      `${V}/site-visits/check-in`,
      { projectId: ids.projectA, location: '机房', position: { lat: 95, lng: 0 } },
      { status: 400, code: 'VALIDATION', field: 'position.lat' },
    );
    await expectRefused(
      t,
      s.engineer!,
      'POST',
      `${V}/site-visits/check-in`,
      { projectId: 'nope', location: '机房' },
      { status: 400, code: 'VALIDATION', field: 'projectId' },
    );
    const other = (await s.dispatcher!.post(`${V}/tickets`, ticketInput(ids.projectB))).body;
    await expectRefused(
      t,
      s.engineer!,
      'POST',
      `${V}/site-visits/check-in`,
      { projectId: ids.projectA, ticketId: other.id, location: '机房' },
      { status: 400, code: 'VALIDATION', field: 'ticketId' },
    );
  });

  it("the assignee's first check-in for a ticket is its on-site arrival; others only link", async () => {
    const tk = (
      await s.dispatcher!.post(`${V}/tickets`, ticketInput(ids.projectA, { assigneeId: ids.users.engineer, level: 1 }))
    ).body;
    t.clock.advance(10 * 60_000);
    // A colleague arriving first links the visit but the clock waits for the assignee.
    const colleague = await s.engineer2!.post(`${V}/site-visits/check-in`, {
      projectId: ids.projectA,
      ticketId: tk.id,
      location: '机房',
    });
    expect(colleague.body.ticketNumber).toBe(tk.number);
    let detail = (await s.dispatcher!.get(`${V}/tickets/${tk.id}`)).body;
    expect(detail.clocks.find((c: any) => c.kind === 'arrival').stoppedAt).toBeNull();
    t.clock.advance(5 * 60_000);
    const arrivedAt = t.clock.now;
    const mine = await s.engineer!.post(`${V}/site-visits/check-in`, {
      projectId: ids.projectA,
      ticketId: tk.id,
      location: '机房',
    });
    expect(mine.status).toBe(200);
    detail = (await s.dispatcher!.get(`${V}/tickets/${tk.id}`)).body;
    expect(detail.status).toBe('in_progress');
    expect(detail.clocks.find((c: any) => c.kind === 'arrival')).toMatchObject({ stoppedAt: arrivedAt, status: 'met' });
    const timeline = (await s.dispatcher!.get(`${V}/tickets/${tk.id}/timeline`)).body;
    expect(timeline.filter((e: any) => e.type === 'arrive')).toHaveLength(1);
    // Checking out and in again later does not move the arrival.
    await s.engineer!.post(`${V}/site-visits/${mine.body.id}/check-out`, {});
    await later(60 * 60_000);
    const second = await s.engineer!.post(`${V}/site-visits/check-in`, {
      projectId: ids.projectA,
      ticketId: tk.id,
      location: '机房',
    });
    expect(
      (await s.dispatcher!.get(`${V}/tickets/${tk.id}`)).body.clocks.find((c: any) => c.kind === 'arrival').stoppedAt,
    ).toBe(arrivedAt);
    await s.engineer!.post(`${V}/site-visits/${second.body.id}/check-out`, {});
    await s.engineer2!.post(`${V}/site-visits/${colleague.body.id}/check-out`, {});
  });

  it('flags a check-out forgotten past the Beijing day once, notifies, and leaves the visit open', async () => {
    await at(Date.UTC(2026, 9, 20, 9, 0)); // 17:00 Beijing
    const v = (await s.engineer2!.post(`${V}/site-visits/check-in`, { projectId: ids.projectA, location: '值班室' }))
      .body;
    expect(await t.app.services.visits.flagForgotten(t.clock.now)).toBe(0);
    await at(Date.UTC(2026, 9, 20, 16, 30)); // 00:30 the next Beijing day
    const listed = (await s.manager!.get(`${V}/site-visits?open=true&engineerId=${ids.users.engineer2}`)).body.items;
    expect(listed.map((x: any) => [x.id, x.forgotten])).toEqual([[v.id, true]]);
    expect(await t.app.services.visits.flagForgotten(t.clock.now)).toBe(1);
    expect(await t.app.services.visits.flagForgotten(t.clock.now)).toBe(0);
    const notes = await t.database.db
      .selectFrom('notifications')
      .select(['user_id', 'kind'])
      .where('kind', '=', 'fieldwork.forgotten_checkout')
      .execute();
    expect(notes.map((n) => n.user_id).sort()).toEqual([ids.users.engineer2, ids.users.manager].sort());
    expect((await s.engineer2!.get(`${V}/site-visits/current`)).body).toMatchObject({
      id: v.id,
      checkedOutAt: null,
      forgotten: true,
    });
    const out = await s.engineer2!.post(`${V}/site-visits/${v.id}/check-out`, { note: '昨晚 19:00 离场，忘记签退' });
    expect(out.body.forgotten).toBe(false);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'fieldwork.check_out')
      .where('target_id', '=', v.id)
      .executeTakeFirstOrThrow();
    expect(audit.summary).toContain('补签退');
  });

  it("lists a day's visits newest first in keyset pages; customers see only their projects", async () => {
    const day = new Date(t.clock.now + 8 * 3_600_000).toISOString().slice(0, 10);
    for (let i = 0; i < 3; i++) {
      t.clock.advance(60_000);
      const v = (await s.engineer!.post(`${V}/site-visits/check-in`, { projectId: ids.projectA, location: `点位${i}` }))
        .body;
      await s.engineer!.post(`${V}/site-visits/${v.id}/check-out`, {});
    }
    const first = (await s.manager!.get(`${V}/site-visits?day=${day}&engineerId=${ids.users.engineer}&limit=2`)).body;
    expect(first.items.map((x: any) => x.checkInLocation)).toEqual(['点位2', '点位1']);
    const next = (
      await s.manager!.get(
        `${V}/site-visits?day=${day}&engineerId=${ids.users.engineer}&limit=2&cursor=${first.nextCursor}`,
      )
    ).body;
    expect(next.items.map((x: any) => x.checkInLocation)).toEqual(['点位0']);
    expect(next.nextCursor).toBeNull();
    expect((await s.cust_a!.get(`${V}/site-visits?day=${day}`)).body.items.length).toBe(3);
    expect((await s.lead_b!.get(`${V}/site-visits?day=${day}`)).body.items).toEqual([]);
  });
});
