import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, tokenSession } from '../../test/api.js';
import { fetchFile } from '../../test/files.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';
/** UTC instant of a Beijing wall time on 2026-mm-dd. */
const cst = (month: number, day: number, hh: number, mm = 0) => Date.UTC(2026, month - 1, day, hh - 8, mm);

/**
 * The commitments that are not SLA clocks, measured against hand-computed fixtures on a project of
 * its own (customer A, 24×7 default contract 2026-10-01 – 2029-09-30), so the demo data cannot interfere.
 * The clock runs forward through the file: 10-08 … 10-12 (presence, inspections, training), then 11-06 (report).
 */
describe.each(DIALECTS)('commitments beyond the SLA clocks (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let mgr: Session;
  let eng: Session;
  let eng2: Session;
  let lead: Session;
  let project: string;

  const report = async (month = '2026-10') => {
    const r = await mgr.get(`${V}/projects/${project}/commitments?month=${month}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  const item = async (kind: string, month = '2026-10') => (await report(month)).items.find((i: any) => i.kind === kind);
  const setTarget = async (kind: string, body: Record<string, unknown>) => {
    const r = await mgr.patch(`${V}/commitments/${(await item(kind)).id}`, body);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };

  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    t.clock.set(cst(10, 8, 8)); // Thursday 2026-10-08 08:00, the first working day after the National Day holiday
    [mgr, eng, eng2, lead] = [
      await tokenSession(t, 'manager'),
      await tokenSession(t, 'engineer'),
      await tokenSession(t, 'engineer2'),
      await tokenSession(t, 'lead_a'),
    ];
    const p = await mgr.post(`${V}/projects`, {
      customerId: ids.orgA,
      code: 'PRJ-CMT',
      name: '承诺项目',
      serviceManagerId: ids.users.manager,
    });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    project = p.body.id;
    const c = await mgr.post(`${V}/projects/${project}/contracts`, {
      code: 'HT-CMT',
      name: '承诺合同',
      startsOn: '2026-10-01',
      endsOn: '2029-09-30',
    });
    expect(c.status, JSON.stringify(c.body)).toBe(200);
  });
  afterAll(async () => {
    await t?.drop();
  });

  /**
   * Plan: Mon–Fri on the Chinese calendar (Oct 1–7 holiday, Sat 10th a working day), target 2 people.
   *   08 Thu: 张工 + 赵工 = 2    09 Fri: 张工 = 1    10 Sat (调休): 2    11 Sun: 赵工 (not a working day)    12 Mon: 2
   * On the 8th: 1 day, none short, lowest 2 → met. On the 9th: 2 days, 1 short, lowest 1 → missed.
   * On the 12th: working days 8, 9, 10, 12 = 4, 1 short (the 9th), lowest 1 → missed; with target 1 → met.
   */
  it('resident_headcount: no plan → no data; then per working day so far, days below target and the lowest count', async () => {
    expect(await item('resident_headcount')).toMatchObject({
      status: 'no_data',
      actual: null,
      measured: 0,
      failed: 0,
      target: 3,
      detail: { 'zh-CN': '未设置驻场计划', en: 'no resident plan' },
      link: { page: 'presence', projectId: project, month: '2026-10' },
    });
    const plan = await mgr.put(`${V}/projects/${project}/resident-plan`, {
      headcount: 2,
      weekdays: [1, 2, 3, 4, 5],
      chinaCalendar: true,
      start: '08:30',
      end: '17:30',
      lateGraceMin: 15,
      engineerIds: [ids.users.engineer, ids.users.engineer2],
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    expect(await setTarget('resident_headcount', { target: 2 })).toMatchObject({
      kind: 'resident_headcount',
      target: 2,
      enabled: true,
    });

    const onSite = async (day: number, who: Session[], checkOut = true) => {
      t.clock.set(cst(10, day, 8, 20));
      const visits = [];
      for (const s of who) {
        const r = await s.post(`${V}/site-visits/check-in`, { projectId: project, location: '驻场办公室' });
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        visits.push(r.body.id);
      }
      t.clock.set(cst(10, day, 17, 30));
      if (checkOut)
        for (const [n, s] of who.entries())
          expect((await s.post(`${V}/site-visits/${visits[n]}/check-out`, {})).status).toBe(200);
    };
    await onSite(8, [eng, eng2]);
    expect(await item('resident_headcount')).toMatchObject({
      status: 'met',
      actual: 2,
      measured: 1,
      failed: 0,
      target: 2,
    });
    // The 9th: the manager (not on the resident plan) is on site all day, a visitor; 赵工 calls in for
    // an hour after work, below the plan's 4-hour minimum: neither counts, so 张工 alone → 1.
    await onSite(9, [eng, mgr]);
    t.clock.set(cst(10, 9, 18));
    const short = await eng2.post(`${V}/site-visits/check-in`, { projectId: project, location: '驻场办公室' });
    expect(short.status, JSON.stringify(short.body)).toBe(200);
    t.clock.set(cst(10, 9, 19));
    expect((await eng2.post(`${V}/site-visits/${short.body.id}/check-out`, {})).status).toBe(200);
    expect(await item('resident_headcount')).toMatchObject({
      status: 'missed',
      actual: 1,
      measured: 2,
      failed: 1,
      detail: { 'zh-CN': '2 个工作日，1 天不足 2 人（最少 1 人）', en: '2 working days, 1 below 2 (lowest 1)' },
    });
    await onSite(10, [eng, eng2]);
    await onSite(11, [eng2]);
    t.clock.set(cst(10, 12, 9));
    for (const s of [eng, eng2])
      expect((await s.post(`${V}/site-visits/check-in`, { projectId: project, location: '驻场办公室' })).status).toBe(
        200,
      );
    t.clock.set(cst(10, 12, 10)); // both still on site (open visits count)
    expect(await item('resident_headcount')).toMatchObject({ status: 'missed', actual: 1, measured: 4, failed: 1 });
    await setTarget('resident_headcount', { target: 1 });
    expect(await item('resident_headcount')).toMatchObject({ status: 'met', actual: 1, measured: 4, failed: 0 });
    await setTarget('resident_headcount', { target: 2 });
  });

  /**
   * On 10-12, plans starting 10-01 (lead 31 days → horizon 11-12):
   *   monthly M5 (by the 5th): 10-05 finished 10-12 (late), 11-05   M8 (by the 8th): 10-08 left overdue, 11-08
   *   M20 (by the 20th): 10-20 finished 10-12 (on time)
   *   annual: asset A accepted 2025-10-03 → due 2026-10-03, left overdue; asset B accepted 2025-10-30 → due 10-30, finished 10-12
   * Before any finish: monthly due = 2 overdue (10-20 still open, not counted) → 0%, 2 failed.
   * After: monthly done 1 + late 1 of 3 due → 66.7%, 1 failed, missed; annual 1 of 2 → 50%, missed.
   */
  it('monthly_inspection / annual_inspection: % of due tasks done (late counts as done); no plan → no data', async () => {
    for (const k of ['monthly_inspection', 'annual_inspection'])
      expect(await item(k)).toMatchObject({
        status: 'no_data',
        actual: null,
        measured: 0,
        failed: 0,
        link: { page: 'inspections' },
      });
    const tpl = (
      await mgr.post(`${V}/checklist-templates`, {
        name: '承诺巡检',
        scope: 'system',
        items: [{ key: 'power', title: '电源指示灯', expected: '绿色常亮' }],
      })
    ).body;
    const plan = async (name: string, body: Record<string, unknown>) => {
      const r = await mgr.post(`${V}/projects/${project}/inspection-plans`, {
        name,
        templateId: tpl.id,
        startsOn: '2026-10-01',
        assigneeIds: [ids.users.engineer],
        ...body,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.id as string;
    };
    const [m5, m8, m20] = [
      await plan('五日巡检', { kind: 'monthly', dueDay: 5 }),
      await plan('八日巡检', { kind: 'monthly', dueDay: 8 }),
      await plan('廿日巡检', { kind: 'monthly', dueDay: 20 }),
    ];
    const tasks = async () =>
      (await mgr.get(`${V}/inspection-tasks?projectId=${project}&from=2026-01-01&to=2027-12-31`)).body.items as any[];
    expect((await tasks()).map((x) => [x.planId, x.dueOn, x.state])).toEqual([
      [m5, '2026-10-05', 'overdue'],
      [m8, '2026-10-08', 'overdue'],
      [m20, '2026-10-20', 'open'],
      [m5, '2026-11-05', 'open'],
      [m8, '2026-11-08', 'open'],
    ]);
    expect(await item('monthly_inspection')).toMatchObject({ status: 'missed', actual: 0, measured: 2, failed: 2 });
    for (const [serial, acceptedOn] of [
      ['CMT-A', '2025-10-03'],
      ['CMT-B', '2025-10-30'],
    ] as const) {
      const acc = (await mgr.post(`${V}/projects/${project}/acceptances`, { batch: serial, acceptedOn })).body;
      const a = await mgr.post(`${V}/projects/${project}/assets`, {
        kind: 'hardware',
        type: '服务器',
        name: serial,
        model: 'M',
        serial,
        acceptanceId: acc.id,
      });
      expect(a.status, JSON.stringify(a.body)).toBe(200);
    }
    const annual = await plan('年度巡检', { kind: 'annual' });
    const yearly = (await tasks()).filter((x) => x.planId === annual);
    expect(yearly.map((x) => [x.assetName, x.dueOn, x.state])).toEqual([
      ['CMT-A', '2026-10-03', 'overdue'],
      ['CMT-B', '2026-10-30', 'open'],
    ]);
    expect(await item('annual_inspection')).toMatchObject({ status: 'missed', actual: 0, measured: 1, failed: 1 });

    const finish = async (id: string) => {
      expect((await eng.put(`${V}/inspection-tasks/${id}/results/power`, { outcome: 'pass' })).status).toBe(200);
      const r = await eng.post(`${V}/inspection-tasks/${id}/finish`, {});
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.state;
    };
    const all = await tasks();
    expect(await finish(all.find((x) => x.planId === m5 && x.dueOn === '2026-10-05').id)).toBe('late');
    expect(await finish(all.find((x) => x.planId === m20).id)).toBe('done');
    expect(await finish(yearly[1].id)).toBe('done');
    expect(await item('monthly_inspection')).toMatchObject({
      status: 'missed',
      actual: 66.7,
      measured: 3,
      failed: 1,
      detail: {
        'zh-CN': '到期的月度巡检任务 3，达标 2（其中逾期完成 1）',
        en: 'monthly inspection tasks due: 3, on target: 2 (1 done late)',
      },
    });
    expect(await item('annual_inspection')).toMatchObject({ status: 'missed', actual: 50, measured: 2, failed: 1 });
  });

  /** 2 trainees, 1 course: 1 independent → 50%, but training continues until the contract ends (no data); 2 → 100% met. */
  it('training_complete: unfinished training is no data until the contract ends; all independent → met', async () => {
    expect(await item('training_complete')).toMatchObject({
      status: 'no_data',
      actual: null,
      measured: 0,
      detail: { 'zh-CN': '尚无培训学员', en: 'no trainees yet' },
    });
    let plan = (await mgr.post(`${V}/projects/${project}/training-plans`, { name: '上线培训' })).body;
    plan = (
      await mgr.post(`${V}/training-plans/${plan.id}/courses`, { title: '业务操作', objective: '能独立办理业务' })
    ).body;
    plan = (await mgr.post(`${V}/training-plans/${plan.id}/trainees`, { name: '王科员', unit: '省信息中心' })).body;
    plan = (await mgr.post(`${V}/training-plans/${plan.id}/trainees`, { name: '李科员', unit: '省信息中心' })).body;
    plan = (
      await mgr.post(`${V}/training-plans/${plan.id}/batches`, {
        name: '第一批',
        traineeIds: plan.trainees.map((x: any) => x.id),
      })
    ).body;
    const [wang, li] = plan.trainees;
    const assess = async (trainee: any) => {
      const r = await eng.post(`${V}/training-plans/${plan.id}/assessments`, {
        traineeId: trainee.id,
        courseId: plan.courses[0].id,
        batchId: plan.batches[0].id,
        independent: true,
        assessedOn: '2026-10-12',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    };
    await assess(wang);
    expect(await item('training_complete')).toMatchObject({
      status: 'no_data',
      actual: 50,
      measured: 2,
      failed: 1,
      detail: { 'zh-CN': '培训学员 2，达标 1，培训进行中', en: 'trainees: 2, on target: 1, training continues' },
      link: { page: 'training' },
    });
    // In the contract's last month, unfinished training is a miss: seen during that month (a month
    // that has not begun is not measured), then back to October.
    const now = t.clock.now;
    t.clock.set(Date.UTC(2029, 8, 15, 2));
    expect(await item('training_complete', '2029-09')).toMatchObject({
      status: 'missed',
      actual: 50,
      measured: 2,
      failed: 1,
    });
    t.clock.set(now);
    await assess(li);
    expect(await item('training_complete')).toMatchObject({ status: 'met', actual: 100, measured: 2, failed: 0 });
  });

  /**
   * Target 5: October's report is due by 2026-11-05, i.e. before 2026-11-06 00:00 Beijing. Only a
   * delivery to the purchaser counts (e-mailed, or fetched by one of the customer's users).
   */
  it('report_delivery: not yet due → no data; past the 5th undelivered → missed; the lead fetching it delivers it', async () => {
    expect(await item('report_delivery')).toMatchObject({
      status: 'no_data',
      actual: null,
      measured: 0,
      detail: { 'zh-CN': '2026-11-05 前提交，尚未到期', en: 'due by 2026-11-05, not yet due' },
      link: { page: 'reports' },
    });
    t.clock.set(cst(11, 5, 23, 59));
    expect((await item('report_delivery')).status).toBe('no_data');
    t.clock.set(cst(11, 6, 0));
    expect(await item('report_delivery')).toMatchObject({
      status: 'missed',
      actual: null,
      measured: 1,
      failed: 1,
      detail: { 'zh-CN': '2026-11-05 前未提交', en: 'not delivered by 2026-11-05' },
    });
    // The provider generating it for itself is no delivery.
    t.clock.set(cst(11, 6, 8));
    expect((await fetchFile(t, mgr, `${V}/projects/${project}/monthly-report.pdf?month=2026-10`)).status).toBe(200);
    expect(await item('report_delivery')).toMatchObject({ status: 'missed', actual: null });
    // The customer's lead fetches it on the 6th: delivered, but late.
    t.clock.set(cst(11, 6, 9));
    expect((await fetchFile(t, lead, `${V}/projects/${project}/monthly-report.pdf?month=2026-10`)).status).toBe(200);
    expect(await item('report_delivery')).toMatchObject({
      status: 'missed',
      actual: 6,
      measured: 1,
      failed: 1,
      detail: { 'zh-CN': '2026-11-06 提交（逾期）', en: 'delivered 2026-11-06 (late)' },
    });
    // November's report fetched by the lead on 11-06, while November is still running: a partial
    // month is no delivery of the report the bid promised, so November stays undelivered (not yet due).
    expect(await item('report_delivery', '2026-11')).toMatchObject({
      status: 'no_data',
      detail: { 'zh-CN': '2026-12-05 前提交，尚未到期', en: 'due by 2026-12-05, not yet due' },
    });
    expect((await fetchFile(t, lead, `${V}/projects/${project}/monthly-report.pdf?month=2026-11`)).status).toBe(200);
    expect(await item('report_delivery', '2026-11')).toMatchObject({
      status: 'no_data',
      actual: null,
      measured: 0,
      detail: { 'zh-CN': '2026-12-05 前提交，尚未到期', en: 'due by 2026-12-05, not yet due' },
    });
  });

  /**
   * October seen on 11-06, the whole month now past:
   *   resident (target 2): working days 8, 9, 10, 12–16, 19–23, 26–30 = 18; short: the 9th (1) and the 14 days
   *     from the 13th on (0) = 15; lowest 0 → missed
   *   monthly 66.7% missed, annual 50% missed, training 100% met, report late → missed
   *   the 12 SLA clocks, 24 h support and satisfaction have no records → no data (14)
   *   → met 1, missed 4: 1 / 5 = 20%. Monthly target 60 → met: 2 / 5 = 40%.
   *   Report delivery disabled: 2 / 4 = 50%; resident disabled too: 2 / 3 = 66.7%.
   */
  it('executionPct = met / (met + missed); a disabled commitment leaves the count', async () => {
    let r = await report();
    const by = (kind: string) => r.items.find((i: any) => i.kind === kind);
    expect(r.items).toHaveLength(19);
    expect(by('resident_headcount')).toMatchObject({ status: 'missed', actual: 0, measured: 18, failed: 15 });
    expect(
      Object.fromEntries(
        ['monthly_inspection', 'annual_inspection', 'training_complete', 'report_delivery'].map((k) => [
          k,
          [by(k).status, by(k).actual],
        ]),
      ),
    ).toEqual({
      monthly_inspection: ['missed', 66.7],
      annual_inspection: ['missed', 50],
      training_complete: ['met', 100],
      report_delivery: ['missed', 6],
    });
    expect(
      r.items
        .filter((i: any) => i.status === 'no_data')
        .map((i: any) => i.kind)
        .sort(),
    ).toEqual([
      ...Array(4).fill('arrival'),
      ...Array(4).fill('resolution'),
      ...Array(4).fill('response'),
      'satisfaction',
      'support_24h',
    ]);
    expect([r.met, r.missed, r.noData, r.executionPct]).toEqual([1, 4, 14, 20]);

    await setTarget('monthly_inspection', { target: 60 });
    r = await report();
    expect(by('monthly_inspection')).toMatchObject({ status: 'met', actual: 66.7, target: 60 });
    expect([r.met, r.missed, r.executionPct]).toEqual([2, 3, 40]);

    expect(await setTarget('report_delivery', { enabled: false })).toMatchObject({ enabled: false, target: 5 });
    r = await report();
    expect(by('report_delivery')).toMatchObject({
      status: 'no_data',
      actual: null,
      measured: 0,
      failed: 0,
      enabled: false,
      detail: { 'zh-CN': '未启用', en: 'disabled' },
    });
    expect([r.met, r.missed, r.noData, r.executionPct]).toEqual([2, 2, 15, 50]);
    await setTarget('resident_headcount', { enabled: false });
    r = await report();
    expect([r.met, r.missed, r.noData, r.executionPct]).toEqual([2, 1, 16, 66.7]);

    // November so far (to the 6th): only 11-05 (M5) is due and not done; the annual count runs from January.
    const nov = await report('2026-11');
    const n = (kind: string) => nov.items.find((i: any) => i.kind === kind);
    expect(n('monthly_inspection')).toMatchObject({ status: 'missed', actual: 0, measured: 1, failed: 1 });
    expect(n('annual_inspection')).toMatchObject({ status: 'missed', actual: 50, measured: 2, failed: 1 });
  });

  /**
   * The finished month's report, delivered after the month ended: November e-mailed by the schedule
   * on 12-03 (by the 5th) → met on day 3, whatever was fetched during November; December fetched by
   * the lead on 2027-01-07 (after the 5th) → missed, though a copy was fetched in December.
   */
  it('report_delivery: the finished month sent or fetched by the due day is met, after it missed', async () => {
    await setTarget('report_delivery', { enabled: true });
    t.clock.set(cst(11, 6, 10));
    const sched = await mgr.put(`${V}/projects/${project}/report-schedule`, {
      enabled: true,
      dayOfMonth: 3,
      formats: ['pdf'],
      recipients: ['purchaser@sxxzx.example.cn'],
    });
    expect(sched.status, JSON.stringify(sched.body)).toBe(200);
    t.clock.set(cst(12, 2, 12));
    expect(await item('report_delivery', '2026-11')).toMatchObject({ status: 'no_data', actual: null });
    t.clock.set(sched.body.nextRunAt);
    expect(await t.app.services.reports.sendDue()).toBeGreaterThanOrEqual(1);
    expect(await item('report_delivery', '2026-11')).toMatchObject({
      status: 'met',
      actual: 3,
      measured: 1,
      failed: 0,
      detail: { 'zh-CN': '2026-12-03 提交', en: 'delivered 2026-12-03' },
    });
    expect(
      (
        await mgr.put(`${V}/projects/${project}/report-schedule`, {
          enabled: false,
          dayOfMonth: 3,
          formats: ['pdf'],
          recipients: [],
        })
      ).status,
    ).toBe(200);
    t.clock.set(cst(12, 28, 9));
    expect((await fetchFile(t, lead, `${V}/projects/${project}/monthly-report.pdf?month=2026-12`)).status).toBe(200);
    t.clock.set(Date.UTC(2027, 0, 7, 1));
    expect(await item('report_delivery', '2026-12')).toMatchObject({
      status: 'missed',
      actual: null,
      measured: 1,
      failed: 1,
      detail: { 'zh-CN': '2027-01-05 前未提交', en: 'not delivered by 2027-01-05' },
    });
    expect((await fetchFile(t, lead, `${V}/projects/${project}/monthly-report.pdf?month=2026-12`)).status).toBe(200);
    expect(await item('report_delivery', '2026-12')).toMatchObject({
      status: 'missed',
      actual: 7,
      measured: 1,
      failed: 1,
      detail: { 'zh-CN': '2027-01-07 提交（逾期）', en: 'delivered 2027-01-07 (late)' },
    });
  });

  /**
   * The annual inspection is measured on the asset ledger's dues, planned or not: on a project with no
   * inspection plan, an asset accepted 2025-11-16 was due 2026-11-16 and, seen on 2027-01-07, is overdue → missed.
   */
  it('annual_inspection: an asset whose annual inspection is overdue is missed, even without an inspection plan', async () => {
    const p = await mgr.post(`${V}/projects`, {
      customerId: ids.orgA,
      code: 'PRJ-CMT2',
      name: '承诺项目二',
      serviceManagerId: ids.users.manager,
    });
    expect(
      (
        await mgr.post(`${V}/projects/${p.body.id}/contracts`, {
          code: 'HT-CMT2',
          name: '承诺合同二',
          startsOn: '2026-10-01',
          endsOn: '2029-09-30',
        })
      ).status,
    ).toBe(200);
    const acc = (await mgr.post(`${V}/projects/${p.body.id}/acceptances`, { batch: 'CMT-C', acceptedOn: '2025-11-16' }))
      .body;
    expect(
      (
        await mgr.post(`${V}/projects/${p.body.id}/assets`, {
          kind: 'hardware',
          type: '服务器',
          name: 'CMT-C',
          model: 'M',
          serial: 'CMT-C',
          acceptanceId: acc.id,
        })
      ).status,
    ).toBe(200);
    const annual = async (month: string) =>
      (await mgr.get(`${V}/projects/${p.body.id}/commitments?month=${month}`)).body.items.find(
        (i: any) => i.kind === 'annual_inspection',
      );
    expect(await annual('2026-10')).toMatchObject({ status: 'no_data', actual: null, measured: 0 });
    expect(await annual('2026-11')).toMatchObject({
      status: 'missed',
      actual: 0,
      measured: 1,
      failed: 1,
      detail: {
        'zh-CN': '本年到期的资产年度巡检 1，达标 0',
        en: 'asset annual inspections due this year: 1, on target: 0',
      },
    });
  });
});
