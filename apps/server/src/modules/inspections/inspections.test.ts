import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, expectRefused } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';
const DAY = 86_400_000;
const ITEMS = [
  { key: 'power', title: '电源指示灯', method: '目视', expected: '绿色常亮' },
  { key: 'cpu', title: 'CPU 使用率', method: '登录监控平台查看', min: 0, max: 80, unit: '%' },
  { key: 'backup', title: '备份任务', method: '检查最近一次备份', expected: '成功', photoRequired: true },
];

describe.each(DIALECTS)('inspection templates, plans and generated tasks (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const s: Record<string, Session> = {};
  let tpl: any;
  let monthly: any;
  const login = async () => {
    for (const u of ['manager', 'engineer', 'lead_a', 'lead_b']) s[u] = await t.login(u);
  };
  const tasks = async (who: string, q: string) => (await s[who]!.get(`${V}/inspection-tasks?${q}`)).body.items as any[];
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    await login();
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('keeps every version of a checklist template; revising makes a new current version', async () => {
    const r = await s.manager!.post(`${V}/checklist-templates`, {
      name: '政务系统月度巡检',
      scope: 'system',
      items: ITEMS,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    tpl = r.body;
    expect(tpl).toMatchObject({ version: 1, current: true, familyId: tpl.id });
    expect(tpl.items[1]).toMatchObject({ key: 'cpu', min: 0, max: 80, unit: '%', photoRequired: false, expected: '' });
    const v2 = (
      await s.manager!.put(`${V}/checklist-templates/${tpl.id}`, {
        name: '政务系统月度巡检',
        scope: 'system',
        items: [...ITEMS, { key: 'disk', title: '磁盘使用率', max: 85, unit: '%' }],
      })
    ).body;
    expect(v2).toMatchObject({ version: 2, current: true, familyId: tpl.id });
    expect((await s.engineer!.get(`${V}/checklist-templates/${tpl.id}`)).body).toMatchObject({
      version: 1,
      current: false,
    });
    expect((await s.engineer!.get(`${V}/checklist-templates`)).body.map((x: any) => [x.id, x.version])).toEqual([
      [v2.id, 2],
    ]);
    await expectRefused(
      t,
      s.manager!,
      'POST',
      `${V}/checklist-templates`,
      { name: 'x', scope: 'system', items: [ITEMS[0], ITEMS[0]] },
      { status: 400, code: 'VALIDATION', field: 'items[1].key' },
    );
    await expectRefused(
      t,
      s.manager!,
      'POST',
      `${V}/checklist-templates`,
      { name: 'x', scope: 'system', items: [{ key: 'a', title: 'a', min: 9, max: 1 }] },
      { status: 400, code: 'VALIDATION', field: 'items[0].max' },
    );
    await expectRefused(
      t,
      s.manager!,
      'POST',
      `${V}/checklist-templates`,
      { name: 'x', scope: 'asset_type', items: ITEMS },
      { status: 400, code: 'VALIDATION', field: 'assetType' },
    );
    expect(
      (await s.engineer!.post(`${V}/checklist-templates`, { name: 'x', scope: 'system', items: ITEMS })).status,
    ).toBe(403);
  });

  it('generates monthly tasks ahead of time, by the 25th, from a plan created mid-month', async () => {
    // The test clock: 2026-10-12. Created today, "by the 25th" owes October; lead 31 days reaches 2026-11-12.
    const r = await s.manager!.post(`${V}/projects/${ids.projectA}/inspection-plans`, {
      name: '月度全功能巡检',
      kind: 'monthly',
      templateId: tpl.id,
      dueDay: 25,
      startsOn: '2026-10-12',
      assigneeIds: [ids.users.engineer, ids.users.engineer2],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    monthly = r.body;
    expect(monthly).toMatchObject({ templateName: '政务系统月度巡检', assigneeNames: ['张工', '赵工'], paused: false });
    let list = await tasks('manager', `projectId=${ids.projectA}&from=2026-01-01&to=2027-12-31`);
    expect(list.map((x) => [x.period, x.dueOn, x.state])).toEqual([['2026-10', '2026-10-25', 'open']]);
    expect(list[0].templateVersionId).not.toBe(tpl.id); // the current (second) version
    t.clock.advance(20 * DAY); // 2026-11-01: November's task is within the lead now
    await login();
    expect(await t.app.services.inspections.generateDue()).toBe(1);
    expect(await t.app.services.inspections.generateDue()).toBe(0);
    list = await tasks('lead_a', `projectId=${ids.projectA}&from=2026-01-01&to=2027-12-31`);
    expect(list.map((x) => [x.dueOn, x.state])).toEqual([
      ['2026-10-25', 'overdue'],
      ['2026-11-25', 'open'],
    ]);
    expect(new Set(list.map((x) => x.assigneeName)).size).toBe(2); // round-robin by month
    expect(await tasks('lead_b', `from=2026-01-01&to=2027-12-31`)).toEqual([]);
    expect(
      (await s.lead_b!.get(`${V}/inspection-tasks?projectId=${ids.projectA}&from=2026-01-01&to=2027-12-31`)).status,
    ).toBe(404);
  });

  it('tells the service manager once about an overdue task', async () => {
    expect(await t.app.services.inspections.notifyOverdue()).toBe(1);
    expect(await t.app.services.inspections.notifyOverdue()).toBe(0);
    const n = await t.database.db
      .selectFrom('notifications')
      .select(['title'])
      .where('kind', '=', 'inspection.overdue')
      .where('user_id', '=', ids.users.manager)
      .execute();
    expect(n.map((x) => x.title)).toEqual([
      '巡检逾期：省级政务信息系统运维项目 月度全功能巡检（应于 2026-10-25 前完成）',
    ]);
  });

  it('clamps "by the 31st" to the month end and repeats periodic checks every N months', async () => {
    const eom = (
      await s.manager!.post(`${V}/projects/${ids.projectB}/inspection-plans`, {
        name: '月末巡检',
        kind: 'monthly',
        templateId: tpl.id,
        dueDay: 31,
        startsOn: '2026-11-01',
        leadDays: 92,
        assigneeIds: [ids.users.engineer],
      })
    ).body;
    const q = await tasks('manager', `projectId=${ids.projectB}&from=2026-01-01&to=2027-12-31`);
    expect(q.filter((x) => x.planId === eom.id).map((x) => x.dueOn)).toEqual([
      '2026-11-30',
      '2026-12-31',
      '2027-01-31',
    ]);
    const quarterly = (
      await s.manager!.post(`${V}/projects/${ids.projectB}/inspection-plans`, {
        name: '软件定期检查',
        kind: 'periodic',
        intervalMonths: 3,
        templateId: tpl.id,
        dueDay: 15,
        startsOn: '2026-09-01',
        leadDays: 92,
        assigneeIds: [ids.users.engineer],
      })
    ).body;
    const p = await tasks('manager', `projectId=${ids.projectB}&from=2026-01-01&to=2027-12-31`);
    // A plan that started in the past owes its past periods: September's check is overdue at once.
    expect(p.filter((x) => x.planId === quarterly.id).map((x) => [x.dueOn, x.state])).toEqual([
      ['2026-09-15', 'overdue'],
      ['2026-12-15', 'open'],
    ]);
    await expectRefused(
      t,
      s.manager!,
      'POST',
      `${V}/projects/${ids.projectB}/inspection-plans`,
      { name: 'x', kind: 'monthly', templateId: tpl.id, startsOn: '2026-11-01', assigneeIds: [ids.users.lead_a] },
      { status: 400, code: 'VALIDATION', field: 'assigneeIds[0]' },
    );
    await expectRefused(
      t,
      s.manager!,
      'POST',
      `${V}/projects/${ids.projectB}/inspection-plans`,
      { name: 'x', kind: 'monthly', templateId: 'nope', startsOn: '2026-11-01', assigneeIds: [ids.users.engineer] },
      { status: 400, code: 'VALIDATION', field: 'templateId' },
    );
  });

  it('owes nothing while paused: open tasks are cancelled, and tasks resume from the resume day', async () => {
    await expectRefused(
      t,
      s.manager!,
      'POST',
      `${V}/inspection-plans/${monthly.id}/pause`,
      {},
      { status: 400, code: 'VALIDATION', field: 'reason' },
    );
    const p = await s.manager!.post(`${V}/inspection-plans/${monthly.id}/pause`, { reason: '系统迁移停机' });
    expect(p.body).toMatchObject({ paused: true, pauses: [{ from: '2026-11-01', to: null, reason: '系统迁移停机' }] });
    t.clock.advance(45 * DAY); // 2026-12-16
    await login();
    await t.app.services.inspections.generateDue(); // project B's plans move on; the paused one does not
    let list = await tasks('manager', `projectId=${ids.projectA}&from=2026-01-01&to=2027-12-31`);
    expect(list.map((x) => [x.dueOn, x.state])).toEqual([
      ['2026-10-25', 'overdue'],
      ['2026-11-25', 'cancelled'],
    ]);
    const r = await s.manager!.post(`${V}/inspection-plans/${monthly.id}/resume`);
    expect(r.body.pauses).toEqual([{ from: '2026-11-01', to: '2026-12-16', reason: '系统迁移停机' }]);
    list = await tasks('manager', `projectId=${ids.projectA}&from=2026-01-01&to=2027-12-31`);
    expect(list.map((x) => [x.dueOn, x.state])).toEqual([
      ['2026-10-25', 'overdue'],
      ['2026-11-25', 'cancelled'],
      ['2026-12-25', 'open'],
    ]); // January is beyond the 31-day lead
    expect((await s.manager!.post(`${V}/inspection-plans/${monthly.id}/resume`)).status).toBe(409);
    const overdueOnly = await tasks('manager', `projectId=${ids.projectA}&from=2026-01-01&to=2027-12-31&state=overdue`);
    expect(overdueOnly.map((x) => x.dueOn)).toEqual(['2026-10-25']);
  });

  it('counts a month: planned, done, late, overdue, open, cancelled', async () => {
    const oct = (await s.lead_a!.get(`${V}/projects/${ids.projectA}/inspection-completion?month=2026-10`)).body;
    expect(oct).toMatchObject({ planned: 1, overdue: 1, done: 0, late: 0, open: 0, cancelled: 0 });
    const nov = (await s.lead_a!.get(`${V}/projects/${ids.projectA}/inspection-completion?month=2026-11`)).body;
    expect(nov).toMatchObject({ planned: 0, cancelled: 1 });
    expect(nov.byPlan).toEqual([
      {
        planId: monthly.id,
        planName: '月度全功能巡检',
        kind: 'monthly',
        planned: 0,
        done: 0,
        late: 0,
        overdue: 0,
        open: 0,
        cancelled: 1,
      },
    ]);
    expect((await s.lead_b!.get(`${V}/projects/${ids.projectA}/inspection-completion?month=2026-10`)).status).toBe(404);
  });

  it('generates an annual task per accepted asset on its acceptance anniversary (R5)', async () => {
    const acc = (
      await s.manager!.post(`${V}/projects/${ids.projectA}/acceptances`, {
        batch: '年检批次',
        acceptedOn: '2026-01-20',
      })
    ).body;
    const a = (
      await s.manager!.post(`${V}/projects/${ids.projectA}/assets`, {
        kind: 'hardware',
        type: '服务器',
        name: '年检服务器',
        model: 'M',
        serial: 'AN-1',
        acceptanceId: acc.id,
      })
    ).body;
    await s.manager!.post(`${V}/projects/${ids.projectA}/assets`, {
      kind: 'hardware',
      type: '服务器',
      name: '未验收',
      model: 'M',
      serial: 'AN-2',
    });
    const plan = (
      await s.manager!.post(`${V}/projects/${ids.projectA}/inspection-plans`, {
        name: '年度免费巡检',
        kind: 'annual',
        templateId: tpl.id,
        startsOn: '2026-12-01',
        leadDays: 60,
        assigneeIds: [ids.users.engineer2],
      })
    ).body;
    const list = (await tasks('manager', `projectId=${ids.projectA}&from=2026-01-01&to=2027-12-31`)).filter(
      (x) => x.planId === plan.id,
    );
    expect(list.map((x) => [x.assetId, x.assetName, x.dueOn, x.assigneeName])).toEqual([
      [a.id, '年检服务器', '2027-01-20', '赵工'],
    ]);
    expect((await s.engineer!.post(`${V}/projects/${ids.projectA}/inspection-plans`, {})).status).toBe(403);
  });
});
