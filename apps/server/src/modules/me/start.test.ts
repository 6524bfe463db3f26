import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHead, auditSince, demoIds, expectRefused, ticketInput } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';
const ITEMS = [{ key: 'power', title: '电源指示灯', method: '目视', expected: '绿色常亮' }];

describe.each(DIALECTS)('each role starts where its work is: menu badges and the caller lookup (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const s: Record<string, Session> = {};
  const badges = async (who: string) => {
    const r = await s[who]!.get(`${V}/me/badges`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    for (const u of [
      'manager',
      'dispatcher',
      'engineer',
      'engineer2',
      'cust_a',
      'lead_a',
      'cust_b',
      'lead_b',
      'auditor',
    ])
      s[u] = await t.login(u);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('each role gets only the counts it may see', async () => {
    expect(Object.keys(await badges('dispatcher'))).toEqual(['unassigned']);
    expect(Object.keys(await badges('manager'))).toEqual(['unassigned']);
    expect(Object.keys(await badges('engineer'))).toEqual(['inspectionsDue']);
    expect(Object.keys(await badges('lead_a'))).toEqual(['toSign']);
    expect(await badges('cust_a')).toEqual({});
    expect(await badges('auditor')).toEqual({});
  });

  it('待分派 counts unassigned tickets and stops at 100 (shown as 99+)', async () => {
    const before = (await badges('dispatcher')).unassigned as number;
    const tk = (await s.dispatcher!.post(`${V}/tickets`, ticketInput(ids.projectA))).body;
    expect((await badges('dispatcher')).unassigned).toBe(Math.min(before + 1, 100));
    // Dispatched, it is no longer waiting.
    await s.dispatcher!.post(`${V}/tickets/${tk.id}/actions`, { action: 'dispatch', assigneeId: ids.users.engineer });
    expect((await badges('dispatcher')).unassigned).toBe(Math.min(before, 100));
    for (let i = before; i < 102; i++)
      await s.cust_a!.post(`${V}/tickets`, ticketInput(ids.projectA, { channel: 'web', title: `批量 ${i}` }));
    expect((await badges('dispatcher')).unassigned).toBe(100);
    expect((await badges('manager')).unassigned).toBe(100);
  });

  it("待签字 counts only the lead's own organisation's submitted records", async () => {
    const a0 = (await badges('lead_a')).toSign as number;
    const b0 = (await badges('lead_b')).toSign as number;
    const v = (await s.engineer!.post(`${V}/site-visits/check-in`, { projectId: ids.projectA, location: '机房' })).body;
    t.clock.advance(60_000);
    await s.engineer!.post(`${V}/site-visits/${v.id}/check-out`, {});
    const rec = (
      await s.engineer!.post(`${V}/om-records`, {
        projectId: ids.projectA,
        kind: 'daily',
        serviceStart: t.clock.now - 3_600_000,
        serviceEnd: t.clock.now,
        location: '机房',
        content: '巡视机房',
        result: '正常',
        visitIds: [v.id],
      })
    ).body;
    expect((await badges('lead_a')).toSign).toBe(a0);
    expect((await s.engineer!.post(`${V}/om-records/${rec.id}/submit`)).status).toBe(200);
    expect((await badges('lead_a')).toSign).toBe(a0 + 1);
    expect((await badges('lead_b')).toSign).toBe(b0);
  });

  it("待巡检 counts the engineer's own unfinished tasks due by today", async () => {
    const tpl = (await s.manager!.post(`${V}/checklist-templates`, { name: '月度巡检', scope: 'system', items: ITEMS }))
      .body;
    const plan = await s.manager!.post(`${V}/projects/${ids.projectA}/inspection-plans`, {
      name: '月度巡检',
      kind: 'monthly',
      templateId: tpl.id,
      dueDay: 25,
      startsOn: '2026-10-01',
      assigneeIds: [ids.users.engineer],
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    const e0 = (await badges('engineer')).inspectionsDue as number;
    const other0 = (await badges('engineer2')).inspectionsDue as number;
    t.clock.set(Date.UTC(2026, 9, 25, 1, 0, 0)); // the due day, 09:00 in Beijing
    for (const u of Object.keys(s)) s[u] = await t.login(u); // the jump outlived the sessions' idle timeout
    expect((await badges('engineer')).inspectionsDue).toBe(e0 + 1);
    expect((await badges('engineer2')).inspectionsDue).toBe(other0);
  });

  it('intake looks the caller up by phone: staff only, audited, newest tickets first', async () => {
    const phone = '13912345678';
    const first = (
      await s.dispatcher!.post(
        `${V}/tickets`,
        ticketInput(ids.projectA, {
          reporterName: '王处长',
          reporterPhone: phone,
          title: '邮件系统无法登录',
          location: '3 楼 302',
        }),
      )
    ).body;
    t.clock.advance(60_000);
    const second = (
      await s.dispatcher!.post(
        `${V}/tickets`,
        ticketInput(ids.projectA, {
          reporterName: '王处长',
          reporterPhone: phone,
          title: '打印机卡纸',
          location: '3 楼 305',
        }),
      )
    ).body;
    await s.dispatcher!.post(
      `${V}/tickets`,
      ticketInput(ids.projectB, { reporterName: '别人', reporterPhone: '13700000000' }),
    );
    const head = await auditHead(t.database);
    const r = await s.dispatcher!.get(`${V}/intake/lookup?phone=${phone}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      phone,
      reporterName: '王处长',
      customerId: ids.orgA,
      customerName: '省信息中心',
      projectId: ids.projectA,
      location: '3 楼 305',
    });
    expect(r.body.recentTickets.map((x: any) => x.id)).toEqual([second.id, first.id]);
    const [row] = (await auditSince(t.database, head)).filter((a) => a.action === 'ticket.reporter_lookup');
    expect([row?.actor_id, row?.target_id]).toEqual([ids.users.dispatcher, phone]);

    const none = (await s.engineer!.get(`${V}/intake/lookup?phone=10000`)).body;
    expect(none).toEqual({
      phone: '10000',
      reporterName: null,
      customerId: null,
      customerName: null,
      projectId: null,
      location: null,
      recentTickets: [],
    });
    expect((await s.cust_a!.get(`${V}/intake/lookup?phone=${phone}`)).status).toBe(403);
    expect((await s.lead_a!.get(`${V}/intake/lookup?phone=${phone}`)).status).toBe(403);
    expect((await s.auditor!.get(`${V}/intake/lookup?phone=${phone}`)).status).toBe(403);
    await expectRefused(t, s.dispatcher!, 'GET', `${V}/intake/lookup?phone=abc`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'phone',
    });
  });
});
