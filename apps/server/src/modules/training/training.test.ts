import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, expectRefused, multipart } from '../../test/api.js';
import {
  DOCUMENT_TEST_MS,
  POPPLER,
  expectFiledDocument,
  partiesOf,
  renderDocument,
  squeeze,
} from '../../test/documents.js';
import { fetchFile, pdfText, xlsxRows } from '../../test/files.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';
const HOUR = 3_600_000;

describe.each(DIALECTS)('training until every trainee can operate independently (R18) (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const s: Record<string, Session> = {};
  let plan: any;
  const url = () => `${V}/training-plans/${plan.id}`;
  const trainee = (name: string) => plan.trainees.find((x: any) => x.name === name);
  const batch = (name: string) => plan.batches.find((x: any) => x.name === name);
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    for (const u of ['manager', 'engineer', 'cust_a', 'lead_a', 'lead_b', 'cust_b', 'auditor']) s[u] = await t.login(u);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('the manager sets up a plan: courses, trainees (a customer user or a named person); others only read', async () => {
    const r = await s.manager!.post(`${V}/projects/${ids.projectA}/training-plans`, {
      name: '系统上线培训',
      description: '操作、运行和维护',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    plan = r.body;
    expect(plan.progress).toMatchObject({ trainees: 0, complete: false, completedAt: null });
    expect((await s.engineer!.post(`${V}/projects/${ids.projectA}/training-plans`, { name: 'x' })).status).toBe(403);
    expect((await s.cust_a!.post(`${url()}/courses`, { title: 'x' })).status).toBe(403);
    plan = (await s.manager!.post(`${url()}/courses`, { title: '业务操作', objective: '能独立完成日常业务办理' })).body;
    plan = (await s.manager!.post(`${url()}/courses`, { title: '系统维护', objective: '能独立备份和恢复' })).body;
    const [ops, admin] = plan.courses;
    plan = (
      await s.manager!.post(`${url()}/trainees`, { userId: ids.users.cust_a, unit: '省信息中心', phone: '13800000001' })
    ).body;
    plan = (
      await s.manager!.post(`${url()}/trainees`, { name: '王科员', unit: '省信息中心业务处', courseIds: [ops.id] })
    ).body;
    expect(plan.trainees.map((x: any) => x.courseIds.length)).toEqual([2, 1]);
    expect(trainee('王科员').courseIds).toEqual([ops.id]);
    // A PATCH changes what it names and nothing else (no defaults sneak back in).
    plan = (await s.manager!.patch(`${V}/training-trainees/${trainee('王科员').id}`, { phone: '13900000002' })).body;
    expect(trainee('王科员')).toMatchObject({ phone: '13900000002', unit: '省信息中心业务处', courseIds: [ops.id] });
    plan = (await s.manager!.patch(url(), { name: '系统上线培训' })).body;
    expect(plan.description).toBe('操作、运行和维护');
    expect(plan.trainees[0]).toMatchObject({
      userId: ids.users.cust_a,
      courseIds: [ops.id, admin.id],
      independent: false,
    });
    await expectRefused(
      t,
      s.manager!,
      'POST',
      `${url()}/trainees`,
      { userId: ids.users.cust_a },
      { status: 409, code: 'DUPLICATE', field: 'userId' },
    );
    await expectRefused(
      t,
      s.manager!,
      'POST',
      `${url()}/trainees`,
      { userId: ids.users.cust_b },
      { status: 400, code: 'VALIDATION', field: 'userId' },
    );
    await expectRefused(
      t,
      s.manager!,
      'POST',
      `${url()}/trainees`,
      { unit: '无名' },
      { status: 400, code: 'VALIDATION', field: 'name' },
    );
    await expectRefused(
      t,
      s.manager!,
      'POST',
      `${url()}/trainees`,
      { name: '赵', courseIds: ['nope'] },
      { status: 400, code: 'VALIDATION', field: 'courseIds[0]' },
    );
    // The customer reads its own plan; another customer does not even learn it exists.
    expect((await s.lead_a!.get(url())).status).toBe(200);
    expect((await s.cust_a!.get(`${V}/projects/${ids.projectA}/training-plans`)).body.map((p: any) => p.name)).toEqual([
      '系统上线培训',
    ]);
    expect((await s.lead_b!.get(url())).status).toBe(404);
    expect((await s.lead_b!.get(`${V}/projects/${ids.projectA}/training-plans`)).status).toBe(404);
  });

  it('materials are versioned: a new upload keeps the family and the old version stays downloadable', async () => {
    const ops = plan.courses[0];
    const up = async (u: string, name: string, text: string) => {
      const m = multipart(name, text, 'application/pdf');
      const r = await t.app.inject({
        method: 'POST',
        url: u,
        headers: { ...s.engineer!.headers, ...m.headers },
        payload: m.payload,
      });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    plan = await up(
      `${V}/training-courses/${ops.id}/materials?note=${encodeURIComponent('第一版')}`,
      '操作手册.pdf',
      'v1',
    );
    const first = plan.courses[0].materials[0];
    expect(first).toMatchObject({
      version: 1,
      fileName: '操作手册.pdf',
      size: 2,
      note: '第一版',
      uploadedByName: '张工',
      history: [],
    });
    plan = await up(`${V}/training-materials/${first.id}/versions`, '操作手册-v2.pdf', 'v2-bigger');
    const cur = plan.courses[0].materials;
    expect(cur).toHaveLength(1);
    expect(cur[0]).toMatchObject({
      familyId: first.familyId,
      version: 2,
      fileName: '操作手册-v2.pdf',
      history: [{ id: first.id, version: 1 }],
    });
    const old = await fetchFile(t, s.cust_a!, `${V}/training-materials/${first.id}/file`);
    expect([old.status, old.body.toString()]).toEqual([200, 'v1']);
    expect(decodeURIComponent(String(old.headers['content-disposition']))).toContain('操作手册.pdf');
    expect((await fetchFile(t, s.lead_b!, `${V}/training-materials/${first.id}/file`)).status).toBe(404);
    const empty = multipart('空.pdf', '', 'application/pdf');
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `${V}/training-courses/${ops.id}/materials`,
          headers: { ...s.manager!.headers, ...empty.headers },
          payload: empty.payload,
        })
      ).statusCode,
    ).toBe(400);
  });

  it('schedules batches (分批) and sessions (分次); attendance opens half an hour before the start', async () => {
    const [ops, admin] = plan.courses;
    const everyone = plan.trainees.map((x: any) => x.id);
    plan = (await s.manager!.post(`${url()}/batches`, { name: '第一批', traineeIds: everyone })).body;
    const b1 = batch('第一批');
    expect(b1).toMatchObject({ position: 1, traineeIds: everyone, retrainIds: [] });
    const at = t.clock.now + 2 * HOUR;
    await expectRefused(
      t,
      s.manager!,
      'POST',
      `${V}/training-batches/${b1.id}/sessions`,
      {
        courseId: ops.id,
        startsAt: at,
        endsAt: at,
        mode: 'onsite',
        place: '3 楼会议室',
        trainerId: ids.users.engineer,
      },
      { status: 400, code: 'VALIDATION', field: 'endsAt' },
    );
    await expectRefused(
      t,
      s.manager!,
      'POST',
      `${V}/training-batches/${b1.id}/sessions`,
      { courseId: ops.id, startsAt: at, endsAt: at + HOUR, mode: 'onsite', place: '3 楼会议室' },
      { status: 400, code: 'VALIDATION', field: 'trainerName' },
    );
    await expectRefused(
      t,
      s.manager!,
      'POST',
      `${V}/training-batches/${b1.id}/sessions`,
      {
        courseId: ops.id,
        startsAt: at,
        endsAt: at + HOUR,
        mode: 'onsite',
        place: '3 楼会议室',
        trainerId: ids.users.cust_a,
      },
      { status: 400, code: 'VALIDATION', field: 'trainerId' },
    );
    plan = (
      await s.manager!.post(`${V}/training-batches/${b1.id}/sessions`, {
        courseId: ops.id,
        startsAt: at,
        endsAt: at + 2 * HOUR,
        mode: 'onsite',
        place: '3 楼会议室',
        trainerId: ids.users.engineer,
      })
    ).body;
    plan = (
      await s.manager!.post(`${V}/training-batches/${b1.id}/sessions`, {
        courseId: admin.id,
        startsAt: at + 3 * HOUR,
        endsAt: at + 4 * HOUR,
        mode: 'online',
        place: '腾讯会议 123-456',
        trainerName: '厂商讲师 周工',
      })
    ).body;
    plan = (
      await s.manager!.patch(`${V}/training-sessions/${batch('第一批').sessions[1].id}`, { place: '腾讯会议 123-456' })
    ).body;
    const [s1, s2] = batch('第一批').sessions;
    expect(s1).toMatchObject({ courseTitle: '业务操作', trainerName: '张工', mode: 'onsite', attendance: [] });
    expect(s2).toMatchObject({ trainerId: null, trainerName: '厂商讲师 周工', mode: 'online' });
    const [chen, wang] = everyone;
    await expectRefused(
      t,
      s.engineer!,
      'PUT',
      `${V}/training-sessions/${s1.id}/attendance`,
      { entries: [{ traineeId: chen, status: 'present' }] },
      { status: 409, code: 'ACTION_NOT_ALLOWED', field: 'sessionId' },
    );
    t.clock.advance(2 * HOUR);
    for (const u of Object.keys(s)) s[u] = await t.login(u); // sessions end after 30 idle minutes
    await expectRefused(
      t,
      s.engineer!,
      'PUT',
      `${V}/training-sessions/${s1.id}/attendance`,
      { entries: [{ traineeId: 'x', status: 'present' }] },
      { status: 400, code: 'VALIDATION', field: 'entries[0].traineeId' },
    );
    plan = (
      await s.engineer!.put(`${V}/training-sessions/${s1.id}/attendance`, {
        entries: [
          { traineeId: chen, status: 'present' },
          { traineeId: wang, status: 'late', note: '迟到 10 分钟' },
        ],
      })
    ).body;
    expect(batch('第一批').sessions[0].attendance).toEqual([
      { traineeId: chen, status: 'present', note: '' },
      { traineeId: wang, status: 'late', note: '迟到 10 分钟' },
    ]);
    // A cancelled session takes no attendance.
    plan = (await s.manager!.patch(`${V}/training-sessions/${s2.id}`, { cancelled: true })).body;
    await expectRefused(
      t,
      s.engineer!,
      'PUT',
      `${V}/training-sessions/${s2.id}/attendance`,
      { entries: [{ traineeId: chen, status: 'present' }] },
      { status: 409, code: 'ACTION_NOT_ALLOWED', field: 'sessionId' },
    );
    const back = await s.manager!.patch(`${V}/training-sessions/${s2.id}`, {
      cancelled: false,
      startsAt: t.clock.now - HOUR,
      endsAt: t.clock.now,
    });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    plan = back.body;
    const r = await s.engineer!.put(`${V}/training-sessions/${s2.id}/attendance`, {
      entries: [{ traineeId: chen, status: 'present' }],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    plan = r.body;
  });

  it('a trainee not yet independent goes to a later batch; the plan completes only when the last trainee passes', async () => {
    const [ops, admin] = plan.courses;
    const b1 = batch('第一批');
    const chen = plan.trainees[0];
    const wang = trainee('王科员');
    const day = '2026-10-12';
    await expectRefused(
      t,
      s.engineer!,
      'POST',
      `${url()}/assessments`,
      { traineeId: wang.id, courseId: admin.id, batchId: b1.id, independent: true, assessedOn: day },
      { status: 400, code: 'VALIDATION', field: 'courseId' },
    );
    await expectRefused(
      t,
      s.engineer!,
      'POST',
      `${url()}/assessments`,
      { traineeId: wang.id, courseId: ops.id, batchId: b1.id, independent: true, assessedOn: '2026-10-13' },
      { status: 400, code: 'VALIDATION', field: 'assessedOn' },
    );
    expect(
      (
        await s.cust_a!.post(`${url()}/assessments`, {
          traineeId: wang.id,
          courseId: ops.id,
          batchId: b1.id,
          independent: true,
          assessedOn: day,
        })
      ).status,
    ).toBe(403);

    plan = (
      await s.engineer!.post(`${url()}/assessments`, {
        traineeId: chen.id,
        courseId: ops.id,
        batchId: b1.id,
        independent: true,
        assessedOn: day,
      })
    ).body;
    plan = (
      await s.engineer!.post(`${url()}/assessments`, {
        traineeId: chen.id,
        courseId: admin.id,
        batchId: b1.id,
        independent: true,
        assessedOn: day,
        assessorName: '刘处长',
        note: '现场演示备份恢复',
      })
    ).body;
    // 王科员 fails with no later batch: the plan says he waits for one.
    plan = (
      await s.engineer!.post(`${url()}/assessments`, {
        traineeId: wang.id,
        courseId: ops.id,
        batchId: b1.id,
        independent: false,
        assessedOn: day,
        note: '查询条件不会组合',
      })
    ).body;
    expect(plan.progress).toMatchObject({
      trainees: 2,
      independent: 1,
      notYet: 1,
      needsBatch: 1,
      complete: false,
      completedAt: null,
    });
    expect(trainee('王科员')).toMatchObject({
      independent: false,
      needsBatch: true,
      courses: [{ courseId: ops.id, status: 'not_yet', note: '查询条件不会组合' }],
    });
    expect(plan.trainees[0]).toMatchObject({
      independent: true,
      courses: [
        { status: 'independent', assessorName: '张工' },
        { status: 'independent', assessorName: '刘处长' },
      ],
    });
    await expectRefused(
      t,
      s.engineer!,
      'POST',
      `${url()}/assessments`,
      {
        traineeId: wang.id,
        courseId: ops.id,
        batchId: b1.id,
        independent: false,
        assessedOn: day,
        retrainBatchId: b1.id,
      },
      { status: 400, code: 'VALIDATION', field: 'retrainBatchId' },
    );

    // A second batch; assessed again as not yet, he is put into it automatically.
    plan = (await s.manager!.post(`${url()}/batches`, { name: '第二批' })).body;
    plan = (
      await s.engineer!.post(`${url()}/assessments`, {
        traineeId: wang.id,
        courseId: ops.id,
        batchId: b1.id,
        independent: false,
        assessedOn: day,
      })
    ).body;
    expect(batch('第二批')).toMatchObject({ traineeIds: [wang.id], retrainIds: [wang.id] });
    expect(plan.progress).toMatchObject({ needsBatch: 0, complete: false });
    await expectRefused(
      t,
      s.engineer!,
      'POST',
      `${url()}/assessments`,
      { traineeId: chen.id, courseId: ops.id, batchId: batch('第二批').id, independent: true, assessedOn: day },
      { status: 400, code: 'VALIDATION', field: 'batchId' },
    );

    plan = (
      await s.engineer!.post(`${url()}/assessments`, {
        traineeId: wang.id,
        courseId: ops.id,
        batchId: batch('第二批').id,
        independent: true,
        assessedOn: day,
      })
    ).body;
    expect(plan.progress).toMatchObject({
      trainees: 2,
      independent: 2,
      notYet: 0,
      complete: true,
      completedAt: t.clock.now,
    });
    expect(plan.assessments).toHaveLength(5);
    const note = (await s.manager!.get(`${V}/notifications`)).body.find((n: any) => n.kind === 'training_complete');
    expect(note?.title).toBe('培训完成：系统上线培训');
    // A new trainee reopens it.
    plan = (await s.manager!.post(`${url()}/trainees`, { name: '赵新人' })).body;
    expect(plan.progress).toMatchObject({ complete: false, completedAt: null, trainees: 3 });
    const audit = (await s.auditor!.get(`${V}/audit?action=training.complete`)).body.items;
    expect(audit.map((e: any) => e.summary)).toEqual([
      '中心项目 培训计划 系统上线培训 完成：2 名学员均可独立操作'.replace('中心项目', plan.projectName),
    ]);
  });

  it('attendance sheet and completion report as PDF and Excel show who is not yet independent', async () => {
    const s1 = batch('第一批').sessions.find((x: any) => x.courseTitle === '业务操作');
    const sheet = await fetchFile(t, s.lead_a!, `${V}/training-sessions/${s1.id}/attendance.pdf`);
    expect(sheet.headers['content-type']).toBe('application/pdf');
    const sheetText = (await pdfText(sheet.body)).pages.join('').replace(/\s+/g, '');
    for (const want of [
      '培训签到表',
      '系统上线培训',
      '第一批',
      '业务操作',
      '张工',
      '王科员',
      '迟到',
      '迟到10分钟',
      '应到2人实到2人',
    ])
      expect(sheetText).toContain(want);
    const rows = await xlsxRows(
      (await fetchFile(t, s.lead_a!, `${V}/training-sessions/${s1.id}/attendance.xlsx`)).body,
    );
    expect(rows[0]).toEqual(['序号', '姓名', '单位', '电话', '出勤', '备注']);
    expect(rows[2]).toEqual(['2', '王科员', '省信息中心业务处', '13900000002', '迟到', '迟到 10 分钟']);
    expect((await fetchFile(t, s.lead_b!, `${V}/training-sessions/${s1.id}/attendance.pdf`)).status).toBe(404);

    const report = await fetchFile(t, s.lead_a!, `${url()}/report.pdf`);
    const text = (await pdfText(report.body)).pages.join('').replace(/\s+/g, '');
    for (const want of [
      '培训完成情况报告',
      '未完成：2/3名学员可独立操作',
      '赵新人',
      '尚不能独立操作',
      '查询条件不会组合',
      '刘处长',
      '第二批',
    ])
      expect(text).toContain(want);
    const wb = await fetchFile(t, s.lead_a!, `${url()}/report.xlsx`);
    const matrix = await xlsxRows(wb.body);
    expect(matrix[0]).toEqual(['姓名', '单位', '可独立操作', '业务操作', '系统维护']);
    expect(matrix.find((r) => r[0] === '王科员')).toEqual([
      '王科员',
      '省信息中心业务处',
      '是',
      '可独立操作 2026-10-12',
      '—',
    ]);
    expect(matrix.find((r) => r[0] === '赵新人')!.slice(2)).toEqual(['否', '未考核', '未考核']);
    expect((await fetchFile(t, s.lead_b!, `${url()}/report.xlsx`)).status).toBe(404);
  });

  it.skipIf(!POPPLER)(
    'the sign-in sheet and the completion report are ready to file: PX numbers, parties, contract, signatures',
    async () => {
      const parties = await partiesOf(s.manager!, plan.projectId);
      const s1 = batch('第一批').sessions.find((x: any) => x.courseTitle === '业务操作');
      const render = async (path: string) => renderDocument((await fetchFile(t, s.lead_a!, path)).body);
      const want = { ...parties, contractRef: parties.contracts[0]!, number: /PX-2026-[0-9A-F]{8}/ };
      const sheet = await render(`${V}/training-sessions/${s1.id}/attendance.pdf`);
      const sheetNumber = expectFiledDocument(sheet, { ...want, closingLabel: '讲师签字' });
      expect(
        expectFiledDocument(await render(`${V}/training-sessions/${s1.id}/attendance.pdf`), {
          ...want,
          number: sheetNumber,
          closingLabel: '讲师签字',
        }),
      ).toBe(sheetNumber);
      expect(squeeze(sheet.pages.join(''))).toContain('应到2人实到2人');
      const report = await render(`${url()}/report.pdf`);
      const reportNumber = expectFiledDocument(report, { ...want, closingLabel: '结论' });
      expect(reportNumber).not.toBe(sheetNumber);
      expect(squeeze(report.pages.at(-1)!)).toContain('结论未完成：2/3名学员可独立操作');
    },
    DOCUMENT_TEST_MS,
  );
});
