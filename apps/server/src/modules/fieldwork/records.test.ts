import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, demoIds, expectRefused, signaturePng } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';

describe.each(DIALECTS)('O&M records signed by the project lead (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const s: Record<string, Session> = {};
  const visits: string[] = [];
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    for (const u of ['manager', 'engineer', 'engineer2', 'cust_a', 'lead_a', 'cust_b', 'lead_b'])
      s[u] = await t.login(u);
    for (const who of ['engineer', 'engineer2']) {
      const v = (await s[who]!.post(`${V}/site-visits/check-in`, { projectId: ids.projectA, location: '机房' })).body;
      visits.push(v.id);
      t.clock.advance(60_000);
      await s[who]!.post(`${V}/site-visits/${v.id}/check-out`, {});
    }
  });
  afterAll(async () => {
    await t?.drop();
  });
  const draft = (over: Record<string, unknown> = {}) => ({
    projectId: ids.projectA,
    kind: 'daily',
    serviceStart: t.clock.now - 4 * 3_600_000,
    serviceEnd: t.clock.now,
    location: '省信息中心机房',
    content: '巡视机房环境，检查服务器与网络设备运行状态',
    result: '运行正常',
    visitIds: visits,
    ...over,
  });

  it('derives staff names and headcount from the check-ins; an override needs a reason', async () => {
    const r = await s.engineer!.post(`${V}/om-records`, draft({ extraStaff: ['厂商工程师 孙工'] }));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      status: 'draft',
      version: 1,
      staffNames: ['张工', '赵工', '厂商工程师 孙工'],
      headcount: 3,
      headcountDerived: 3,
      headcountReason: null,
    });
    expect(r.body.number).toMatch(/^YW-2026-\d{6}$/);
    expect(r.body.visits.map((v: any) => v.engineerName)).toEqual(['张工', '赵工']);
    await expectRefused(t, s.engineer!, 'POST', `${V}/om-records`, draft({ headcount: 4 }), {
      status: 400,
      code: 'REASON_REQUIRED',
      field: 'headcountReason',
    });
    const over = await s.engineer!.post(
      `${V}/om-records`,
      draft({ headcount: 4, headcountReason: '一名工程师手机没电未签到' }),
    );
    expect(over.body).toMatchObject({ headcount: 4, headcountDerived: 2, headcountReason: '一名工程师手机没电未签到' });
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    await expectRefused(t, s.engineer!, 'POST', `${V}/om-records`, draft({ serviceEnd: t.clock.now - 5 * 3_600_000 }), {
      status: 400,
      code: 'VALIDATION',
      field: 'serviceEnd',
    });
    await expectRefused(t, s.engineer!, 'POST', `${V}/om-records`, draft({ content: '' }), {
      status: 400,
      code: 'VALIDATION',
      field: 'content',
    });
    await expectRefused(t, s.engineer!, 'POST', `${V}/om-records`, draft({ projectId: ids.projectB }), {
      status: 400,
      code: 'VALIDATION',
      field: 'visitIds',
    });
    await expectRefused(t, s.engineer!, 'POST', `${V}/om-records`, draft({ kind: 'weekly' }), {
      status: 400,
      code: 'VALIDATION',
      field: 'kind',
    });
  });

  it('submit → reject with a reason → fix → resubmit → the lead signs a batch; only the lead of that customer can', async () => {
    const a = (await s.engineer!.post(`${V}/om-records`, draft())).body;
    const b = (
      await s.engineer!.post(
        `${V}/om-records`,
        draft({ kind: 'remote', visitIds: [], location: '远程', content: '远程检查数据库备份' }),
      )
    ).body;
    // Drafts stay with the provider.
    expect((await s.lead_a!.get(`${V}/om-records/${a.id}`)).status).toBe(404);
    for (const r of [a, b])
      expect((await s.engineer!.post(`${V}/om-records/${r.id}/submit`)).body.status).toBe('submitted');
    const todo = (await s.lead_a!.get(`${V}/om-records?todo=true`)).body.items.map((x: any) => x.id);
    expect(todo).toEqual(expect.arrayContaining([a.id, b.id]));
    expect((await s.lead_a!.get(`${V}/om-records/${a.id}`)).body.allowedActions).toEqual(['sign', 'reject']);
    expect((await s.cust_a!.get(`${V}/om-records/${a.id}`)).body.allowedActions).toEqual([]);
    expect((await s.lead_b!.get(`${V}/om-records/${a.id}`)).status).toBe(404);
    await expectRefused(
      t,
      s.lead_b!,
      'POST',
      `${V}/om-records/sign`,
      { recordIds: [a.id], signature: signaturePng() },
      { status: 400, code: 'VALIDATION', field: 'recordIds' },
    );
    await expectRefused(
      t,
      s.cust_a!,
      'POST',
      `${V}/om-records/sign`,
      { recordIds: [a.id], signature: signaturePng() },
      { status: 403, code: 'FORBIDDEN' },
    );
    await expectRefused(
      t,
      s.lead_a!,
      'POST',
      `${V}/om-records/${a.id}/reject`,
      {},
      { status: 400, code: 'VALIDATION', field: 'reason' },
    );

    const rej = await s.lead_a!.post(`${V}/om-records/${a.id}/reject`, { reason: '服务结束时间与门禁记录不符' });
    expect(rej.body).toMatchObject({
      status: 'rejected',
      rejectReason: '服务结束时间与门禁记录不符',
      rejectorName: '刘处长',
    });
    const note = await t.database.db
      .selectFrom('notifications')
      .select('body')
      .where('user_id', '=', ids.users.engineer)
      .where('kind', '=', 'om_record.rejected')
      .executeTakeFirstOrThrow();
    expect(note.body).toContain('服务结束时间与门禁记录不符');
    expect((await s.engineer!.get(`${V}/om-records?todo=true`)).body.items.map((x: any) => x.id)).toContain(a.id);
    const fixed = await s.engineer!.patch(`${V}/om-records/${a.id}`, { serviceEnd: t.clock.now - 30 * 60_000 });
    expect(fixed.body).toMatchObject({ status: 'rejected', serviceEnd: t.clock.now - 30 * 60_000 });
    expect((await s.engineer!.post(`${V}/om-records/${a.id}/submit`)).body.status).toBe('submitted');

    // A signature that is not a PNG is refused and nothing changes, no file is left behind.
    const files = () =>
      fs.existsSync(path.join(t.dataDir, 'signatures'))
        ? fs.readdirSync(path.join(t.dataDir, 'signatures'), { recursive: true }).length
        : 0;
    const before = files();
    await expectRefused(
      t,
      s.lead_a!,
      'POST',
      `${V}/om-records/sign`,
      {
        recordIds: [a.id],
        signature: `data:image/png;base64,${Buffer.from('not a png, just text long enough to pass the size check of one hundred bytes at least, yes').toString('base64')}`,
      },
      { status: 400, code: 'VALIDATION', field: 'signature' },
    );
    expect(files()).toBe(before);

    const sig = signaturePng();
    const signed = await call(t.app, s.lead_a!, 'POST', `${V}/om-records/sign`, {
      payload: { recordIds: [a.id, b.id], signature: sig },
      headers: { 'x-forwarded-for': '10.1.2.3' },
    });
    expect(signed.status, signed.raw).toBe(200);
    for (const r of signed.body.items) {
      expect(r).toMatchObject({
        status: 'signed',
        signedAt: t.clock.now,
        signerName: '刘处长',
        signerIp: '10.1.2.3',
        hasSignature: true,
        allowedActions: [],
      });
      expect(r.contentHash).toMatch(/^[0-9a-f]{64}$/);
      const img = await t.app.inject({
        method: 'GET',
        url: `${V}/om-records/${r.id}/signature`,
        headers: s.cust_a!.headers,
      });
      expect([img.statusCode, img.headers['content-type']]).toEqual([200, 'image/png']);
      expect(img.rawPayload.equals(Buffer.from(sig.split(',')[1]!, 'base64'))).toBe(true);
    }
    // Signed is frozen: no edit, no second signature, no rejection.
    await expectRefused(
      t,
      s.engineer!,
      'PATCH',
      `${V}/om-records/${a.id}`,
      { content: '改' },
      { status: 409, code: 'ACTION_NOT_ALLOWED' },
    );
    await expectRefused(
      t,
      s.lead_a!,
      'POST',
      `${V}/om-records/${a.id}/reject`,
      { reason: '再退' },
      { status: 409, code: 'ACTION_NOT_ALLOWED' },
    );
    expect(await t.app.services.records.verify()).toEqual({ checked: 2, problems: [] });
  });

  it('a correction is a new version with a reason that must be signed again; both stay visible', async () => {
    const r = (await s.engineer!.post(`${V}/om-records`, draft({ kind: 'visit' }))).body;
    await s.engineer!.post(`${V}/om-records/${r.id}/submit`);
    await s.lead_a!.post(`${V}/om-records/sign`, { recordIds: [r.id], signature: signaturePng() });
    await expectRefused(
      t,
      s.engineer!,
      'POST',
      `${V}/om-records/${r.id}/amend`,
      { content: '更正' },
      { status: 400, code: 'VALIDATION', field: 'amendReason' },
    );
    const v2 = (
      await s.engineer!.post(`${V}/om-records/${r.id}/amend`, {
        amendReason: '处理结果漏写一项',
        result: '运行正常；已更换 UPS 电池',
      })
    ).body;
    expect(v2).toMatchObject({
      number: r.number,
      version: 2,
      status: 'draft',
      supersedesId: r.id,
      amendReason: '处理结果漏写一项',
      result: '运行正常；已更换 UPS 电池',
    });
    // One open correction at a time; the signed version is unchanged meanwhile.
    await expectRefused(
      t,
      s.engineer!,
      'POST',
      `${V}/om-records/${r.id}/amend`,
      { amendReason: '再改' },
      { status: 409, code: 'ACTION_NOT_ALLOWED' },
    );
    expect((await s.lead_a!.get(`${V}/om-records/${r.id}`)).body).toMatchObject({
      status: 'signed',
      result: '运行正常',
    });
    await s.engineer!.post(`${V}/om-records/${v2.id}/submit`);
    await s.lead_a!.post(`${V}/om-records/sign`, { recordIds: [v2.id], signature: signaturePng(80, 30) });
    const old = (await s.cust_a!.get(`${V}/om-records/${r.id}`)).body;
    expect(old.status).toBe('superseded');
    expect(old.versions.map((v: any) => [v.version, v.status, v.amendReason])).toEqual([
      [1, 'superseded', null],
      [2, 'signed', '处理结果漏写一项'],
    ]);
    expect((await t.app.services.records.verify()).problems).toEqual([]);
  });

  it('records verify finds a signed record changed, a deleted link and a swapped signature image', async () => {
    const svc = t.app.services.records;
    const clean = await svc.verify();
    expect(clean.problems).toEqual([]);
    const rows = await t.database.db
      .selectFrom('om_records')
      .selectAll()
      .where('chain_seq', 'is not', null)
      .orderBy('chain_seq')
      .execute();
    const victim = rows[0]!;
    await t.database.db
      .updateTable('om_records')
      .set({ content: `${victim.content}（篡改）` })
      .where('id', '=', victim.id)
      .execute();
    let r = await svc.verify();
    expect(r.problems.map((p) => [p.recordId, p.problem])).toEqual([
      [victim.id, 'content hash mismatch (the signed record was changed)'],
    ]);
    await t.database.db
      .updateTable('om_records')
      .set({ content: victim.content })
      .where('id', '=', victim.id)
      .execute();
    fs.writeFileSync(
      path.join(t.dataDir, rows[2]!.signature_path!),
      Buffer.from(signaturePng(10, 10).split(',')[1]!, 'base64'),
    );
    r = await svc.verify();
    expect(r.problems.map((p) => [p.recordId, p.problem])).toEqual([[rows[2]!.id, 'signature image changed']]);
    await t.database.db.deleteFrom('om_records').where('id', '=', rows[1]!.id).execute();
    r = await svc.verify();
    expect(r.problems.map((p) => p.problem)).toContain(
      `missing link before #${rows[2]!.chain_seq}: expected #${rows[1]!.chain_seq} (a signed record was deleted)`,
    );
    const last = rows[rows.length - 1]!;
    await t.database.db
      .updateTable('om_records')
      .set({ chain_seq: null, status: 'draft' })
      .where('id', '=', last.id)
      .execute();
    r = await svc.verify();
    expect(r.problems.map((p) => p.problem).join('\n')).toContain('does not match the last link');
  });
});
