import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoIds, expectRefused, signaturePng } from '../../test/api.js';
import {
  DOCUMENT_TEST_MS,
  POPPLER,
  expectFiledDocument,
  partiesOf,
  renderDocument,
  squeeze,
} from '../../test/documents.js';
import { pdfText } from '../../test/files.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';

describe.each(DIALECTS)('service record sheets, the month export and public verification (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const s: Record<string, Session> = {};
  const recs: any[] = [];
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    for (const u of ['manager', 'engineer', 'lead_a', 'lead_b', 'cust_a']) s[u] = await t.login(u);
    const v = (
      await s.engineer!.post(`${V}/site-visits/check-in`, { projectId: ids.projectA, location: '省信息中心三楼机房' })
    ).body;
    t.clock.advance(20 * 60_000);
    await s.engineer!.post(`${V}/site-visits/${v.id}/check-out`, {});
    for (const [i, content] of ['更换核心交换机风扇模块，观察运行正常', '远程检查数据库备份任务'].entries()) {
      const r = (
        await s.engineer!.post(`${V}/om-records`, {
          projectId: ids.projectA,
          kind: i ? 'remote' : 'visit',
          serviceStart: t.clock.now - 20 * 60_000,
          serviceEnd: t.clock.now,
          location: i ? '远程' : '省信息中心三楼机房',
          content,
          result: '设备运行正常',
          visitIds: i ? [] : [v.id],
          extraStaff: i ? ['李工'] : [],
        })
      ).body;
      await s.engineer!.post(`${V}/om-records/${r.id}/submit`);
      recs.push(r);
    }
    await s.lead_a!.post(`${V}/om-records/sign`, { recordIds: [recs[0].id], signature: signaturePng() });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('a signed record sheet holds every R15 field, the signature image and a QR code, in Chinese', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `${V}/om-records/${recs[0].id}/pdf`,
      headers: { ...s.lead_a!.headers, host: 'weibao.example.gov.cn' },
    });
    expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      `服务记录单-${recs[0].number}-v1.pdf`,
    );
    const { pages, images } = await pdfText(res.rawPayload);
    const text = pages.join('\n');
    for (const expected of [
      '运维服务记录单',
      recs[0].number,
      '省级政务信息系统运维项目',
      '省信息中心',
      '上门服务',
      '服务开始时间',
      '服务结束时间',
      '省信息中心三楼机房',
      '张工',
      '1 人',
      '出入记录',
      '进场',
      '离场',
      '更换核心交换机风扇模块，观察运行正常',
      '设备运行正常',
      '刘处长',
      '已签字确认',
      '扫码核验记录真伪',
    ]) {
      expect(text, expected).toContain(expected);
    }
    const signed = (await s.lead_a!.get(`${V}/om-records/${recs[0].id}`)).body;
    expect(text.replace(/\s/g, '')).toContain(signed.contentHash);
    expect(images).toBe(2); // the signature and the QR code
  });

  it('a batch PDF has one sheet per record; another customer cannot include ours', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `${V}/om-records/sheets`,
      headers: s.manager!.headers,
      payload: { recordIds: [recs[0].id, recs[1].id] },
    });
    expect(res.statusCode).toBe(200);
    const { pages } = await pdfText(res.rawPayload);
    expect(pages).toHaveLength(2);
    expect(pages[1]).toContain('远程检查数据库备份任务');
    expect(pages[1]).toContain('尚未签字');
    await expectRefused(
      t,
      s.lead_b!,
      'POST',
      `${V}/om-records/sheets`,
      { recordIds: [recs[0].id] },
      { status: 400, code: 'VALIDATION', field: 'recordIds' },
      { writes: ['audit_log', 'audit_head'] },
    );
  });

  it.skipIf(!POPPLER)(
    'service record sheets are ready to file: number, parties, contract, both signatures, 盖章, QR once signed',
    async () => {
      const parties = await partiesOf(s.manager!, ids.projectA);
      const sheet = async (id: string) =>
        renderDocument(
          (await t.app.inject({ method: 'GET', url: `${V}/om-records/${id}/pdf`, headers: s.lead_a!.headers }))
            .rawPayload,
        );
      const signed = await sheet(recs[0].id);
      expectFiledDocument(signed, {
        ...parties,
        contractRef: parties.contracts[0]!,
        number: recs[0].number,
        closingLabel: '服务结果',
      });
      const text = squeeze(signed.pages.join(''));
      for (const want of ['签字人刘处长', '扫码核验记录真伪', '已签字确认']) expect(text).toContain(want);
      // Downloaded again, the sheet carries the same number; an unsigned sheet has blank lines and no QR code.
      expect(squeeze((await sheet(recs[0].id)).pages[0]!)).toContain(`文件编号${recs[0].number}`);
      const unsigned = await sheet(recs[1].id);
      expectFiledDocument(unsigned, {
        ...parties,
        contractRef: parties.contracts[0]!,
        number: recs[1].number,
        closingLabel: '服务结果',
      });
      expect(squeeze(unsigned.pages.join(''))).not.toContain('扫码核验');
      // A batch numbers each sheet's pages on its own.
      const batch = await t.app.inject({
        method: 'POST',
        url: `${V}/om-records/sheets`,
        headers: s.manager!.headers,
        payload: { recordIds: [recs[0].id, recs[1].id] },
      });
      const both = renderDocument(batch.rawPayload);
      expect(both.images).toBe(2);
      expect(both.pages.map((p) => [squeeze(p).includes('第1页共1页'), squeeze(p).includes('文件编号')])).toEqual([
        [true, true],
        [true, true],
      ]);
      expect(squeeze(both.pages[1]!)).toContain(recs[1].number);
    },
    DOCUMENT_TEST_MS,
  );

  it("exports a project's month to Excel, one row per record version", async () => {
    const month = new Date(t.clock.now + 8 * 3_600_000).toISOString().slice(0, 7);
    const res = await t.app.inject({
      method: 'GET',
      url: `${V}/om-records/export?projectId=${ids.projectA}&month=${month}`,
      headers: s.manager!.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe(`运维记录 ${month}`);
    const rows = ws
      .getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows.map((r) => [r[0], r[2], r[6], r[10], r[11]])).toEqual([
      [recs[0].number, '上门服务', '张工', '已签字确认', '刘处长'],
      [recs[1].number, '远程服务', '李工', '待签字确认', ''],
    ]);
    await expectRefused(
      t,
      s.manager!,
      'GET',
      `${V}/om-records/export?projectId=${ids.projectA}&month=2026-13`,
      undefined,
      { status: 400, code: 'VALIDATION', field: 'month' },
    );
    expect((await s.cust_a!.get(`${V}/om-records/export?projectId=${ids.projectA}&month=${month}`)).status).toBe(403);
    // The purchaser's project lead downloads the records they can read (never drafts), only for their own projects.
    const lead = await t.app.inject({
      method: 'GET',
      url: `${V}/om-records/export?projectId=${ids.projectA}&month=${month}`,
      headers: s.lead_a!.headers,
    });
    expect(lead.statusCode, lead.body).toBe(200);
    const lwb = new ExcelJS.Workbook();
    await lwb.xlsx.load(lead.rawPayload as never);
    const readable = (await s.lead_a!.get(`${V}/om-records?projectId=${ids.projectA}`)).body.items
      .map((r: any) => r.number)
      .sort();
    expect(
      lwb.worksheets[0]!.getSheetValues()
        .slice(2)
        .map((r) => (r as unknown[])[1])
        .sort(),
    ).toEqual(readable);
    await expectRefused(
      t,
      s.lead_b!,
      'GET',
      `${V}/om-records/export?projectId=${ids.projectA}&month=${month}`,
      undefined,
      { status: 400, code: 'VALIDATION', field: 'projectId' },
    );
  });

  it('the QR code opens a public check of the hash; a wrong code or a changed record shows nothing or "not intact"', async () => {
    const signed = (await s.lead_a!.get(`${V}/om-records/${recs[0].id}`)).body;
    const code = signed.contentHash.slice(0, 16);
    const ok = await t.app.inject({ method: 'GET', url: `${V}/public/om-records/${recs[0].id}/verify?h=${code}` });
    expect(ok.json()).toMatchObject({
      intact: true,
      number: recs[0].number,
      version: 1,
      status: 'signed',
      signerName: '刘处长',
      customerName: '省信息中心',
      contentHash: signed.contentHash,
    });
    expect(ok.body).not.toContain('更换核心交换机');
    for (const bad of [`?h=${'0'.repeat(16)}`, '', `?h=${code.slice(0, 8)}`]) {
      expect(
        (await t.app.inject({ method: 'GET', url: `${V}/public/om-records/${recs[0].id}/verify${bad}` })).statusCode,
        bad,
      ).toBe(404);
    }
    // An unsigned record has no code at all.
    expect(
      (await t.app.inject({ method: 'GET', url: `${V}/public/om-records/${recs[1].id}/verify?h=${code}` })).statusCode,
    ).toBe(404);
    await t.database.db.updateTable('om_records').set({ result: '被改过' }).where('id', '=', recs[0].id).execute();
    const changed = await t.app.inject({ method: 'GET', url: `${V}/public/om-records/${recs[0].id}/verify?h=${code}` });
    expect(changed.json().intact).toBe(false);
  });

  it('a batch naming an unknown record is a 400 naming recordIds; any other failure stays a 500', async () => {
    await expectRefused(
      t,
      s.manager!,
      'POST',
      `${V}/om-records/sheets`,
      { recordIds: ['no-such-record'] },
      { status: 400, code: 'VALIDATION', field: 'recordIds' },
    );
    const spy = vi.spyOn(t.app.services.records, 'visible').mockRejectedValueOnce(new Error('connection lost'));
    try {
      expect((await s.manager!.post(`${V}/om-records/sheets`, { recordIds: [recs[0].id] })).status).toBe(500);
    } finally {
      spy.mockRestore();
    }
  });
});
