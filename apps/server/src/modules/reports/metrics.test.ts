import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, expectRefused, ticketInput, tokenSession } from '../../test/api.js';
import { docxText, fetchFile, pdfText, xlsxSheet } from '../../test/files.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';
const MIN = 60_000;
/** UTC instant of a Beijing wall time on 2026-10-dd. */
const cst = (day: number, hh: number, mm = 0) => Date.UTC(2026, 9, day, hh - 8, mm);

/**
 * A hand-computed fixture on a business-hours contract (Mon–Fri 09:00–17:00, no holidays), so the
 * figures only come out right if calendar gaps and pauses are excluded the way sla-semantics says:
 *
 *  T1 L1 Mon 10:00  respond 10:20 (met)  arrival not needed  resolve 11:40: 100 min (met)  rated 5
 *  T2 L2 Mon 16:50  respond Tue 09:15: 10 + 15 = 25 working min (met; 16 h 25 min of wall time)
 *  T5 L3 Mon 19:00  respond Tue 09:10: 10 working min (met), reported off hours (24 h support)
 *  T3 L2 Tue 10:00  respond 10:40 (breached by 10)  suspended 10:45–13:45 (waiting for the customer)
 *                   resolve 14:30: 45 + 45 = 90 working min (met; 270 min of wall time)
 *  T4 L1 Tue 15:00  respond 15:10 (met)  resolve Wed 10:00: 120 + 60 = 180 min (breached by 60), human cause
 *
 * response 4 met / 1 breached = 80%; L1 100%, L2 50%, L3 100%. resolution 2 / 1 = 66.7%; L1 50%, L2 100%.
 * MTTR (100 + 90 + 180) / 3 = 123 min. Commitments met: response L1, L3, resolution L2, 24 h support,
 * satisfaction; missed: response L2, resolution L1 → 合同执行合格率 5 / 7 = 71.4%.
 */
describe.each(DIALECTS)('commitments, analytics and the monthly report (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let mgr: Session;
  let disp: Session;
  let eng: Session;
  let project: string;
  const tk: Record<string, { id: string; number: string }> = {};

  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    [mgr, disp, eng] = [
      await tokenSession(t, 'manager'),
      await tokenSession(t, 'dispatcher'),
      await tokenSession(t, 'engineer'),
    ];
    const p = (
      await mgr.post(`${V}/projects`, {
        customerId: ids.orgA,
        code: 'PRJ-KPI',
        name: '指标项目',
        serviceManagerId: ids.users.manager,
      })
    ).body;
    project = p.id;
    const policy = {
      calendar: {
        kind: 'business',
        weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
        chinaHolidays: false,
      },
      pauseReasons: ['waiting_customer'],
    };
    const c = await mgr.post(`${V}/projects/${project}/contracts`, {
      code: 'HT-KPI',
      name: '指标合同',
      startsOn: '2026-10-01',
      endsOn: '2029-09-30',
      policy,
    });
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    const act = (id: string, body: Record<string, unknown>) =>
      eng.post(`${V}/tickets/${id}/actions`, body).then((r) => expect(r.status, JSON.stringify(r.body)).toBe(200));
    const open = async (name: string, level: number, at: number) => {
      t.clock.set(at);
      const r = await disp.post(
        `${V}/tickets`,
        ticketInput(project, { level, assigneeId: ids.users.engineer, title: `指标工单${name}` }),
      );
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      tk[name] = { id: r.body.id, number: r.body.number };
    };
    const at = async (ms: number, id: string, body: Record<string, unknown>) => {
      t.clock.set(ms);
      await act(tk[id]!.id, body);
    };
    expect(new Date(cst(12, 10)).getUTCDay()).toBe(1); // Monday
    await open('T1', 1, cst(12, 10));
    await at(cst(12, 10, 20), 'T1', { action: 'respond' });
    await at(cst(12, 10, 21), 'T1', { action: 'arrival_not_needed', reason: '远程' });
    await at(cst(12, 11, 40), 'T1', { action: 'resolve', solution: '重启服务', faultCause: 'non_human' });
    await open('T2', 2, cst(12, 16, 50));
    await open('T5', 3, cst(12, 19));
    await at(cst(13, 9, 10), 'T5', { action: 'respond' });
    await at(cst(13, 9, 15), 'T2', { action: 'respond' });
    await open('T3', 2, cst(13, 10));
    // Declared before its 30 min ran out: an arrival clock that ran late first stays breached (issue 13).
    await at(cst(13, 10, 25), 'T3', { action: 'arrival_not_needed', reason: '远程' });
    await at(cst(13, 10, 40), 'T3', { action: 'respond' });
    await at(cst(13, 10, 45), 'T3', { action: 'suspend', suspendReason: 'waiting_customer', reason: '等客户确认' });
    await at(cst(13, 13, 45), 'T3', { action: 'resume' });
    await at(cst(13, 14, 30), 'T3', { action: 'resolve', solution: '更换配置', faultCause: 'non_human' });
    await open('T4', 1, cst(13, 15));
    await at(cst(13, 15, 10), 'T4', { action: 'respond' });
    await at(cst(13, 15, 11), 'T4', { action: 'arrival_not_needed', reason: '远程' });
    await at(cst(14, 10), 'T4', { action: 'resolve', solution: '更换硬盘', faultCause: 'human' });
    const cust = await tokenSession(t, 'cust_a');
    const rated = await cust.post(`${V}/tickets/${tk.T1!.id}/actions`, { action: 'confirm', rating: 5 });
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('stores each clock outcome when it stops: working minutes, pauses and calendar gaps excluded', async () => {
    const rows = await t.database.db
      .selectFrom('sla_clocks')
      .select(['ticket_id', 'kind', 'outcome', 'elapsed_ms', 'late_ms', 'level', 'project_id'])
      .where('project_id', '=', project)
      .where('outcome', 'is not', null)
      .execute();
    const of = (name: string, kind: string) => rows.find((r) => r.ticket_id === tk[name]!.id && r.kind === kind);
    expect(of('T2', 'response')).toMatchObject({ outcome: 'met', level: 2 });
    expect(Number(of('T2', 'response')!.elapsed_ms)).toBe(25 * MIN);
    expect(of('T3', 'response')!.outcome).toBe('breached');
    expect(Number(of('T3', 'response')!.late_ms)).toBe(10 * MIN);
    expect(Number(of('T3', 'resolution')!.elapsed_ms)).toBe(90 * MIN);
    expect(Number(of('T4', 'resolution')!.late_ms)).toBe(60 * MIN);
    expect(of('T1', 'arrival')!.outcome).toBe('not_needed');
    // Clocks stopped before migration 0011 are backfilled to the same figures.
    await t.database.db
      .updateTable('sla_clocks')
      .set({ outcome: null, elapsed_ms: null, late_ms: null })
      .where('project_id', '=', project)
      .execute();
    expect(await t.app.services.tickets.backfillOutcomes()).toBeGreaterThanOrEqual(rows.length);
    const again = await t.database.db
      .selectFrom('sla_clocks')
      .select(['ticket_id', 'kind', 'outcome', 'elapsed_ms', 'late_ms', 'level', 'project_id'])
      .where('project_id', '=', project)
      .where('outcome', 'is not', null)
      .execute();
    const key = (r: (typeof rows)[number]) => `${r.ticket_id}|${r.kind}|${r.outcome}|${r.elapsed_ms}|${r.late_ms}`;
    expect(again.map(key).sort()).toEqual(rows.map(key).sort());
  });

  it('measures the dashboard figures from the records', async () => {
    const a = (await mgr.get(`${V}/analytics?projectId=${project}&from=2026-10-12&to=2026-10-14`)).body;
    const rate = (kind: string, level: number | null) =>
      a.onTime.find((r: any) => r.kind === kind && r.level === level);
    expect(rate('response', null)).toEqual({
      kind: 'response',
      level: null,
      met: 4,
      breached: 1,
      notNeeded: 0,
      pct: 80,
    });
    expect(rate('response', 2)).toMatchObject({ met: 1, breached: 1, pct: 50 });
    expect(rate('response', 3)).toMatchObject({ met: 1, breached: 0, pct: 100 });
    expect(rate('resolution', null)).toMatchObject({ met: 2, breached: 1, pct: 66.7 });
    expect(rate('resolution', 1)).toMatchObject({ met: 1, breached: 1, pct: 50 });
    expect(rate('arrival', null)).toMatchObject({ met: 0, breached: 0, notNeeded: 3, pct: null });
    expect(a.mttrMin).toBe(123);
    expect([a.received, a.resolved]).toEqual([5, 3]);
    expect(a.backlog).toMatchObject({
      open: 2,
      byLevel: [
        { level: 1, count: 0 },
        { level: 2, count: 1 },
        { level: 3, count: 1 },
        { level: 4, count: 0 },
      ],
    });
    expect(a.breachesByCause.sort((x: any, y: any) => x.kind.localeCompare(y.kind))).toEqual([
      { cause: 'human', kind: 'resolution', count: 1 },
      { cause: 'non_human', kind: 'response', count: 1 },
    ]);
    expect(a.trend.weeks.filter((w: any) => w.kind === 'response')).toEqual([
      { start: '2026-10-12', kind: 'response', met: 4, breached: 1, pct: 80 },
    ]);
    expect(a.trend.months.filter((w: any) => w.kind === 'resolution')).toEqual([
      { month: '2026-10', kind: 'resolution', met: 2, breached: 1, pct: 66.7 },
    ]);
    expect(a.satisfaction).toEqual({ rated: 1, satisfied: 1, pct: 100 });
    // Modules with nothing to measure say so: no data, never 100%.
    expect(a.presence.pct).toBeNull();
    expect(a.inspections.pct).toBeNull();
    expect(a.training.pct).toBeNull();
    // A period with nothing in it has no rate at all.
    const empty = (await mgr.get(`${V}/analytics?projectId=${project}&from=2026-10-01&to=2026-10-11`)).body;
    expect(empty.onTime.every((r: any) => r.pct === null)).toBe(true);
    expect(empty.mttrMin).toBeNull();
  });

  it('evaluates each commitment met / missed / no data and the contract execution pass rate', async () => {
    const r = (await mgr.get(`${V}/projects/${project}/commitments?month=2026-10`)).body;
    const item = (kind: string, level: number | null = null) =>
      r.items.find((i: any) => i.kind === kind && i.level === level);
    expect(item('response', 1)).toMatchObject({ status: 'met', actual: 100, measured: 2, failed: 0, minutes: 30 });
    expect(item('response', 2)).toMatchObject({
      status: 'missed',
      actual: 50,
      measured: 2,
      failed: 1,
      detail: { 'zh-CN': '已结束的2级工单响应时钟 2，达标 1', en: 'level-2 response clocks ended: 2, on target: 1' },
    });
    // In the bid's order: the clocks per level first, the report last.
    expect(r.items.map((i: any) => i.kind).filter((k: string, n: number, a: string[]) => a.indexOf(k) === n)).toEqual([
      'response',
      'arrival',
      'resolution',
      'support_24h',
      'resident_headcount',
      'monthly_inspection',
      'annual_inspection',
      'training_complete',
      'satisfaction',
      'report_delivery',
    ]);
    expect(item('response', 3)).toMatchObject({ status: 'met', actual: 100 });
    expect(item('response', 4)).toMatchObject({ status: 'no_data', actual: null });
    expect(item('arrival', 1)).toMatchObject({ status: 'no_data' });
    expect(item('resolution', 1)).toMatchObject({ status: 'missed', actual: 50, minutes: 120 });
    expect(item('resolution', 2)).toMatchObject({ status: 'met', actual: 100 });
    expect(item('support_24h')).toMatchObject({ status: 'met', actual: 100, measured: 1 });
    expect(item('satisfaction')).toMatchObject({ status: 'met', actual: 100, target: 95 });
    for (const k of [
      'resident_headcount',
      'monthly_inspection',
      'annual_inspection',
      'training_complete',
      'report_delivery',
    ])
      expect(item(k).status, k).toBe('no_data');
    expect([r.met, r.missed, r.executionPct]).toEqual([5, 2, 71.4]);
    // The same figure in the overview across every project the caller sees.
    const all = (await mgr.get(`${V}/commitments?month=2026-10`)).body;
    expect(all.items.find((p: any) => p.projectId === project)).toEqual({
      projectId: project,
      projectName: '指标项目',
      customerName: '省信息中心',
      contractCode: 'HT-KPI',
      met: 5,
      missed: 2,
      noData: 12,
      executionPct: 71.4,
    });
    expect(all.items.map((p: any) => p.projectId).sort()).toEqual(
      (await t.database.db.selectFrom('projects').select('id').execute()).map((p) => p.id).sort(),
    );
    expect(item('response', 2).link).toMatchObject({
      page: 'tickets',
      clock: 'response',
      level: 2,
      outcome: 'breached',
      from: cst(1, 0),
      to: Date.UTC(2026, 10, 1) - 8 * 3_600_000,
    });

    // The link's records: exactly the breached tickets.
    const l = item('response', 2).link;
    const drill = (
      await mgr.get(
        `${V}/tickets?projectId=${project}&clock=${l.clock}&level=${l.level}&outcome=breached&endedFrom=${l.from}&endedTo=${l.to}`,
      )
    ).body;
    expect(drill.items.map((x: any) => x.number)).toEqual([tk.T3!.number]);
    const res = item('resolution', 1).link;
    expect(
      (
        await mgr.get(
          `${V}/tickets?projectId=${project}&clock=resolution&outcome=breached&endedFrom=${res.from}&endedTo=${res.to}`,
        )
      ).body.items.map((x: any) => x.number),
    ).toEqual([tk.T4!.number]);
    await expectRefused(
      t,
      mgr,
      'GET',
      `${V}/tickets?clock=response&outcome=breached&endedFrom=1790000000000&endedTo=1790000000001`,
      undefined,
      { status: 400, code: 'VALIDATION', field: 'projectId' },
    );
    await expectRefused(
      t,
      mgr,
      'GET',
      `${V}/tickets?projectId=${project}&clock=response&endedFrom=1790000000000&endedTo=1790000000001`,
      undefined,
      { status: 400, code: 'VALIDATION', field: 'outcome' },
    );
    await expectRefused(
      t,
      mgr,
      'GET',
      `${V}/tickets?projectId=${project}&clock=response&outcome=breached&endedFrom=1e300&endedTo=1`,
      undefined,
      { status: 400, code: 'VALIDATION', field: 'endedFrom' },
    );
    await expectRefused(t, mgr, 'GET', `${V}/projects/${project}/monthly-report.pdf?month=2099-01`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'month',
    });
    await expectRefused(t, mgr, 'GET', `${V}/projects/${project}/monthly-reports?cursor=garbage`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'cursor',
    });
    await expectRefused(
      t,
      mgr,
      'PUT',
      `${V}/projects/${project}/report-schedule`,
      { enabled: true, dayOfMonth: 29, formats: ['pdf'], recipients: [] },
      { status: 400, code: 'VALIDATION', field: 'dayOfMonth' },
    );
    await expectRefused(
      t,
      mgr,
      'PUT',
      `${V}/projects/${project}/report-schedule`,
      { enabled: true, dayOfMonth: 3, formats: ['pdf'], recipients: ['not-an-address'] },
      { status: 400, code: 'VALIDATION', field: 'recipients[0]' },
    );
  });

  it('lets the service manager edit a commitment, keeps the 满意率 target one value, and refuses bad targets', async () => {
    const list = (await mgr.get(`${V}/projects/${project}/commitments?month=2026-10`)).body;
    const sat = list.items.find((i: any) => i.kind === 'satisfaction');
    const r = await mgr.patch(`${V}/commitments/${sat.id}`, { target: 90, note: '合同约定' });
    expect(r.body).toMatchObject({ target: 90, note: '合同约定', enabled: true });
    expect((await mgr.get(`${V}/contracts/${list.contractId}`)).body.satisfactionTargetPct).toBe(90);
    await mgr.patch(`${V}/contracts/${list.contractId}`, { satisfactionTargetPct: 97 });
    const after = (await mgr.get(`${V}/projects/${project}/commitments?month=2026-10`)).body;
    expect(after.items.find((i: any) => i.kind === 'satisfaction').target).toBe(97);
    // Disabling a missed commitment takes it out of the pass rate.
    const resp2 = after.items.find((i: any) => i.kind === 'response' && i.level === 2);
    await mgr.patch(`${V}/commitments/${resp2.id}`, { enabled: false });
    const off = (await mgr.get(`${V}/projects/${project}/commitments?month=2026-10`)).body;
    expect([off.met, off.missed, off.executionPct]).toEqual([5, 1, 83.3]);
    await mgr.patch(`${V}/commitments/${resp2.id}`, { enabled: true });
    await expectRefused(
      t,
      mgr,
      'PATCH',
      `${V}/commitments/${sat.id}`,
      { target: 101 },
      { status: 400, code: 'VALIDATION', field: 'target' },
    );
    const head = list.items.find((i: any) => i.kind === 'resident_headcount');
    await expectRefused(
      t,
      mgr,
      'PATCH',
      `${V}/commitments/${head.id}`,
      { target: 2.5 },
      { status: 400, code: 'VALIDATION', field: 'target' },
    );
    await expectRefused(
      t,
      disp,
      'PATCH',
      `${V}/commitments/${head.id}`,
      { target: 2 },
      { status: 403, code: 'FORBIDDEN' },
    );
    await expectRefused(t, mgr, 'GET', `${V}/projects/${project}/commitments?month=2026-13`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'month',
    });
    await expectRefused(t, mgr, 'GET', `${V}/analytics?from=2026-10-12&to=2026-10-01`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'to',
    });
  });

  it('generates the report in Word, PDF and Excel with the same figures, archived with its hash', async () => {
    t.clock.set(cst(20, 10));
    await mgr.put(`${V}/projects/${project}/report-notes?month=2026-10`, {
      nextMonthPlan: '完成年度巡检\n组织第二批培训',
    });
    const get = (f: string) => fetchFile(t, mgr, `${V}/projects/${project}/monthly-report.${f}?month=2026-10`);
    const [docx, pdf, xlsx] = [await get('docx'), await get('pdf'), await get('xlsx')];
    for (const f of [docx, pdf, xlsx]) expect(f.status).toBe(200);
    const word = (await docxText(docx.body)).text;
    const pdfAll = (await pdfText(pdf.body)).pages.join('\n');
    for (const text of [word, pdfAll]) {
      expect(text).toContain('月度运维报告');
      expect(text).toContain('指标项目');
      expect(text).toContain(tk.T3!.number); // the response breach
      expect(text).toContain(tk.T4!.number); // the resolution breach and a level-1 major fault
      expect(text).toContain('2 小时 3 分'); // MTTR 123 min
      expect(text).toContain('71.4%');
      expect(text).toContain('组织第二批培训');
      // The level-1 faults' timelines in words: intake, response, resolution (T4's resolution came late).
      for (const step of ['受理报修', '响应', '解决']) expect(text).toContain(step);
      expect(text).not.toMatch(/\bcreated\b/);
    }
    const sla = await xlsxSheet(xlsx.body, 'SLA达成');
    const row = (kind: string, level: string) => sla.find((r) => r[0] === kind && r[1] === level);
    expect(row('响应', '全部')!.slice(2)).toEqual([4, 1, 0, 0.8]);
    expect(row('解决', '全部')!.slice(2)).toEqual([2, 1, 0, 0.667]);
    const counts = await xlsxSheet(xlsx.body, '工单统计');
    expect(counts.filter((r) => r[0] === '故障等级').map((r) => [r[1], r[2]])).toEqual([
      ['一级', 2],
      ['二级', 2],
      ['三级', 1],
      ['四级', 0],
    ]);
    expect(counts.filter((r) => r[0] === '报修渠道').map((r) => [r[1], r[2]])).toEqual([['电话', 5]]);
    expect(counts.filter((r) => r[0] === '故障原因').map((r) => [r[1], r[2]])).toEqual([
      ['非人为原因', 2],
      ['人为原因', 1],
    ]);
    // Reading the report archives nothing, however often; a month still running cannot be issued (定稿).
    await get('pdf');
    expect((await mgr.get(`${V}/projects/${project}/monthly-reports?month=2026-10`)).body.items).toEqual([]);
    await expectRefused(
      t,
      mgr,
      'POST',
      `${V}/projects/${project}/monthly-reports/issue`,
      { month: '2026-10' },
      { status: 400, code: 'VALIDATION', field: 'month' },
    );
    await expectRefused(
      t,
      disp,
      'POST',
      `${V}/projects/${project}/monthly-reports/issue`,
      { month: '2026-09' },
      { status: 403, code: 'FORBIDDEN' },
    );
    await expectRefused(
      t,
      await tokenSession(t, 'lead_a'),
      'POST',
      `${V}/projects/${project}/monthly-reports/issue`,
      { month: '2026-09' },
      { status: 403, code: 'FORBIDDEN' },
    );
    // Once the month is over, issuing archives one version of each format, with the figures a download shows.
    // (Word and Excel stamp their own creation time into the file, so two renderings are not byte-identical.)
    t.clock.set(Date.UTC(2026, 10, 2, 2));
    const issued = (await mgr.post(`${V}/projects/${project}/monthly-reports/issue`, { month: '2026-10' })).body.items;
    expect(issued.map((a: any) => a.format)).toEqual(['docx', 'pdf', 'xlsx']);
    const archive = (await mgr.get(`${V}/projects/${project}/monthly-reports?month=2026-10`)).body.items;
    expect(archive.map((a: any) => a.format).sort()).toEqual(['docx', 'pdf', 'xlsx']);
    const back: Record<string, Buffer> = {};
    for (const a of archive) {
      expect(a).toMatchObject({ trigger: 'manual', generatedByName: expect.any(String), emailedTo: [] });
      const f = await fetchFile(t, mgr, `${V}/monthly-reports/${a.id}/file`);
      expect(f.headers['x-report-sha256']).toBe(a.sha256);
      expect(createHash('sha256').update(f.body).digest('hex')).toBe(a.sha256);
      back[a.format] = f.body;
    }
    expect(await xlsxSheet(back.xlsx!, 'SLA达成')).toEqual(sla);
    expect((await pdfText(back.pdf!)).pages.join('\n')).toContain('71.4%');
    expect((await docxText(back.docx!)).text).toContain('组织第二批培训');
    // A file changed on disk no longer matches its hash: refused, not served.
    const stored = await t.database.db
      .selectFrom('monthly_reports')
      .select('storage_path')
      .where('id', '=', archive[0].id)
      .executeTakeFirstOrThrow();
    fs.appendFileSync(path.join(t.app.services.config.dataDir, stored.storage_path), 'x');
    expect((await fetchFile(t, mgr, `${V}/monthly-reports/${archive[0].id}/file`)).status).toBe(409);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail_json'])
      .where('action', '=', 'report.issue')
      .execute();
    expect(audit.some((a) => JSON.parse(a.detail_json).sha256 === archive[1].sha256)).toBe(true);
    expect(audit).toHaveLength(3);
    // Each download is audited as a reading, none as an archived version.
    const reads = await t.database.db
      .selectFrom('audit_log')
      .select('detail_json')
      .where('action', '=', 'report.download')
      .execute();
    expect(reads.filter((r) => JSON.parse(r.detail_json).archived === false)).toHaveLength(4);
    // Issuing again is a new version (a correction), again one per format asked for.
    await mgr.post(`${V}/projects/${project}/monthly-reports/issue`, { month: '2026-10', formats: ['xlsx', 'xlsx'] });
    expect(
      (await mgr.get(`${V}/projects/${project}/monthly-reports?month=2026-10`)).body.items
        .map((a: any) => a.format)
        .sort(),
    ).toEqual(['docx', 'pdf', 'xlsx', 'xlsx']);
  }, 120_000); // eight renderings of the report, three of them PDFs

  it("e-mails last month's report on schedule, once across nodes, and counts it as delivered", async () => {
    t.clock.set(cst(25, 10));
    const s = (
      await mgr.put(`${V}/projects/${project}/report-schedule`, {
        enabled: true,
        dayOfMonth: 3,
        formats: ['pdf', 'xlsx'],
        recipients: ['Chen@SXXZX.example.cn'],
      })
    ).body;
    expect(s).toMatchObject({
      enabled: true,
      recipients: ['chen@sxxzx.example.cn'],
      nextRunAt: Date.UTC(2026, 10, 3, 0, 0),
    });
    expect(await t.app.services.reports.sendDue()).toBe(0);
    t.clock.set(Date.UTC(2026, 10, 3, 0, 5));
    // Two workers at once (two app nodes): one run.
    const sent = await Promise.all([t.app.services.reports.sendDue(), t.app.services.reports.sendDue()]);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(1);
    const mail = await t.database.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_addr', '=', 'chen@sxxzx.example.cn')
      .where('subject', 'like', '%月度运维报告%')
      .execute();
    expect(mail).toHaveLength(1);
    expect(JSON.parse(mail[0]!.attachments_json!).map((a: any) => a.fileName)).toEqual([
      '月度运维报告-PRJ-KPI-2026-10.pdf',
      '月度运维报告-PRJ-KPI-2026-10.xlsx',
    ]);
    const archived = (await mgr.get(`${V}/projects/${project}/monthly-reports?month=2026-10`)).body.items.filter(
      (a: any) => a.trigger === 'schedule',
    );
    expect(archived.map((a: any) => [a.format, a.emailedTo])).toEqual([
      ['xlsx', ['chen@sxxzx.example.cn']],
      ['pdf', ['chen@sxxzx.example.cn']],
    ]);
    expect((await mgr.get(`${V}/projects/${project}/report-schedule`)).body.nextRunAt).toBe(
      Date.UTC(2026, 11, 3, 0, 0),
    );
    const c = (await mgr.get(`${V}/projects/${project}/commitments?month=2026-10`)).body;
    expect(c.items.find((i: any) => i.kind === 'report_delivery')).toMatchObject({ status: 'met', actual: 3 });
  });

  it("shows the customer's lead their own projects only, and customer users none of it", async () => {
    const lead = await tokenSession(t, 'lead_a');
    const mine = (await lead.get(`${V}/analytics`)).body;
    const own = (await t.database.db.selectFrom('projects').select('id').where('customer_id', '=', ids.orgA).execute())
      .map((p) => p.id)
      .sort();
    expect([...mine.projectIds].sort()).toEqual(own);
    expect(
      (await lead.get(`${V}/projects/${project}/commitments?month=2026-10`)).body.executionPct,
    ).not.toBeUndefined();
    const leadB = await tokenSession(t, 'lead_b');
    await expectRefused(t, leadB, 'GET', `${V}/projects/${project}/commitments?month=2026-10`, undefined, {
      status: 404,
      code: 'NOT_FOUND',
    });
    await expectRefused(t, leadB, 'GET', `${V}/analytics?projectId=${project}`, undefined, {
      status: 404,
      code: 'NOT_FOUND',
    });
    await expectRefused(t, leadB, 'GET', `${V}/projects/${project}/monthly-report.pdf?month=2026-10`, undefined, {
      status: 404,
      code: 'NOT_FOUND',
    });
    await expectRefused(t, await tokenSession(t, 'cust_a'), 'GET', `${V}/analytics`, undefined, {
      status: 403,
      code: 'FORBIDDEN',
    });
  });
});
