import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, expectRefused, multipart, signaturePng } from '../../test/api.js';
import {
  DOCUMENT_TEST_MS,
  POPPLER,
  expectFiledDocument,
  partiesOf,
  renderDocument,
  squeeze,
} from '../../test/documents.js';
import { docxText, fetchFile, pdfText } from '../../test/files.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';
const ITEMS = [
  { key: 'power', title: '电源指示灯', method: '目视', expected: '绿色常亮' },
  { key: 'cpu', title: 'CPU 使用率', method: '查看监控', min: 0, max: 80, unit: '%' },
  { key: 'backup', title: '备份任务', expected: '成功', photoRequired: true },
];

describe.each(DIALECTS)(
  'running an inspection: results, photos, adjustments, findings, record and sign-off (%s)',
  (dialect) => {
    let t: Awaited<ReturnType<typeof testApp>>;
    let ids: Awaited<ReturnType<typeof demoIds>>;
    const s: Record<string, Session> = {};
    let task: any;
    const url = () => `${V}/inspection-tasks/${task.id}`;
    beforeAll(async () => {
      t = await testApp(dialect);
      ids = await demoIds(t);
      for (const u of ['manager', 'engineer', 'engineer2', 'lead_a', 'cust_a', 'lead_b', 'auditor'])
        s[u] = await t.login(u);
      const tpl = (
        await s.manager!.post(`${V}/checklist-templates`, { name: '月度巡检', scope: 'system', items: ITEMS })
      ).body;
      await s.manager!.post(`${V}/projects/${ids.projectA}/inspection-plans`, {
        name: '月度全功能巡检',
        kind: 'monthly',
        templateId: tpl.id,
        dueDay: 25,
        startsOn: '2026-10-01',
        assigneeIds: [ids.users.engineer],
      });
      task = (await s.engineer!.get(`${V}/inspection-tasks?projectId=${ids.projectA}&from=2026-10-01&to=2026-10-31`))
        .body.items[0];
    });
    afterAll(async () => {
      await t?.drop();
    });

    it('saves item by item, so a run is resumed where it stopped; only the assignee or the manager records', async () => {
      expect((await s.engineer2!.put(`${url()}/results/power`, { outcome: 'pass' })).status).toBe(403);
      expect((await s.cust_a!.put(`${url()}/results/power`, { outcome: 'pass' })).status).toBe(403);
      const r = await s.engineer!.put(`${url()}/results/power`, { outcome: 'pass' });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const again = (await s.engineer!.get(url())).body;
      expect(again).toMatchObject({ status: 'in_progress', results: [{ key: 'power', outcome: 'pass', value: null }] });
      expect(again.template.items.map((i: any) => i.key)).toEqual(['power', 'cpu', 'backup']);
      expect((await s.cust_a!.get(url())).status).toBe(200);
      expect((await s.lead_b!.get(url())).status).toBe(404);
      expect((await s.engineer!.put(`${url()}/results/nope`, { outcome: 'pass' })).status).toBe(404);
    });

    it('refuses a pass outside the expected range and records the failure with its value', async () => {
      await expectRefused(
        t,
        s.engineer!,
        'PUT',
        `${url()}/results/cpu`,
        { outcome: 'pass', value: 93 },
        { status: 400, code: 'VALIDATION', field: 'outcome' },
      );
      const r = await s.engineer!.put(`${url()}/results/cpu`, {
        outcome: 'fail',
        value: 93,
        note: '业务高峰持续高负载',
      });
      expect(r.body.results.find((x: any) => x.key === 'cpu')).toMatchObject({
        outcome: 'fail',
        value: 93,
        note: '业务高峰持续高负载',
      });
    });

    it('records parameter changes as before → after with a reason, and opens a ticket for a failed item in one step', async () => {
      const a = await s.engineer!.post(`${url()}/adjustments`, {
        parameter: '数据库连接池上限',
        before: '100',
        after: '200',
        reason: 'CPU 等待连接',
      });
      expect(a.body.adjustments.map((x: any) => [x.parameter, x.before, x.after, x.reason, x.byName])).toEqual([
        ['数据库连接池上限', '100', '200', 'CPU 等待连接', '张工'],
      ]);
      await expectRefused(
        t,
        s.engineer!,
        'POST',
        `${url()}/adjustments`,
        { parameter: 'x', before: '1', after: '2' },
        { status: 400, code: 'VALIDATION', field: 'reason' },
      );
      const r = await s.engineer!.post(`${url()}/results/cpu/ticket`, { level: 3 });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const link = r.body.results.find((x: any) => x.key === 'cpu');
      expect(link.ticketNumber).toMatch(/^GD-2026-/);
      const ticket = (await s.manager!.get(`${V}/tickets/${link.ticketId}`)).body;
      expect(ticket).toMatchObject({
        title: '巡检发现：CPU 使用率',
        level: 3,
        channel: 'onsite',
        projectId: ids.projectA,
        assigneeId: ids.users.engineer,
        status: 'assigned',
      });
      expect(ticket.description).toContain('实测：93%');
      expect((await s.engineer!.post(`${url()}/results/cpu/ticket`, { level: 3 })).status).toBe(409);
      expect((await s.engineer!.post(`${url()}/results/power/ticket`, { level: 3 })).status).toBe(409);
    });

    it('finishes only with every item answered and every required photo', async () => {
      await expectRefused(
        t,
        s.engineer!,
        'POST',
        `${url()}/finish`,
        {},
        { status: 400, code: 'VALIDATION', field: 'results.backup' },
      );
      await s.engineer!.put(`${url()}/results/backup`, { outcome: 'pass' });
      await expectRefused(
        t,
        s.engineer!,
        'POST',
        `${url()}/finish`,
        {},
        { status: 400, code: 'VALIDATION', field: 'results.backup' },
      );
      const bad = multipart('x.txt', 'text', 'text/plain');
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: `${url()}/results/backup/photo`,
            headers: { ...s.engineer!.headers, ...bad.headers },
            payload: bad.payload,
          })
        ).statusCode,
      ).toBe(400);
      const png = multipart('backup.png', Buffer.from(signaturePng().split(',')[1]!, 'base64'), 'image/png');
      const up = await t.app.inject({
        method: 'POST',
        url: `${url()}/results/backup/photo`,
        headers: { ...s.engineer!.headers, ...png.headers },
        payload: png.payload,
      });
      expect(up.statusCode, up.body).toBe(200);
      expect(up.json().results.find((x: any) => x.key === 'backup').hasPhoto).toBe(true);
      const photo = await t.app.inject({
        method: 'GET',
        url: `${url()}/results/backup/photo`,
        headers: s.lead_a!.headers,
      });
      expect([photo.headers['content-type'], photo.rawPayload.subarray(1, 4).toString()]).toEqual(['image/png', 'PNG']);
    });

    it('writes an inspection record that the project lead signs through the records path', async () => {
      const r = await s.engineer!.post(`${url()}/finish`, {});
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toMatchObject({ status: 'done', state: 'done', doneOn: '2026-10-12', recordStatus: 'draft' });
      const rec = (await s.engineer!.get(`${V}/om-records/${r.body.recordId}`)).body;
      expect(rec).toMatchObject({
        kind: 'inspection',
        result: '发现 1 项问题：CPU 使用率，已转工单 1 张',
        staffNames: ['张工'],
      });
      expect(rec.content).toContain('检查 3 项：合格 2，不合格 1，不适用 0。');
      expect(rec.content).toContain('- 数据库连接池上限：100 → 200（CPU 等待连接）');
      expect(rec.tickets.map((x: any) => x.title)).toEqual(['巡检发现：CPU 使用率']);
      expect((await s.engineer!.put(`${url()}/results/power`, { outcome: 'fail' })).status).toBe(409);
      expect((await s.engineer!.post(`${V}/om-records/${rec.id}/submit`)).status).toBe(200);
      const signed = await s.lead_a!.post(`${V}/om-records/sign`, { recordIds: [rec.id], signature: signaturePng() });
      expect(signed.status, JSON.stringify(signed.body)).toBe(200);
      expect((await s.lead_a!.get(url())).body.recordStatus).toBe('signed');
      // The report (巡检报告): every item, the finding with its ticket, the adjustment, the photo and the signature.
      const pdf = await fetchFile(t, s.lead_a!, `${url()}/report.pdf`);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const { pages, images } = await pdfText(pdf.body);
      const text = pages.join('').replace(/\s+/g, '');
      for (const want of [
        '巡检报告',
        '月度全功能巡检',
        '电源指示灯',
        'CPU使用率',
        '93%',
        '不合格',
        '已转工单',
        '数据库连接池上限：100→200',
        '备份任务',
        '签字人刘处长',
        `巡检记录${rec.number}`,
      ])
        expect(text).toContain(want);
      expect(images).toBe(3); // the photo, the signature and the verification QR code of the signed record
      expect((await fetchFile(t, s.lead_b!, `${url()}/report.pdf`)).status).toBe(404);
      // The same report in Word, read back from the document XML.
      const word = await fetchFile(t, s.lead_a!, `${url()}/report.docx`);
      expect(word.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      expect(decodeURIComponent(String(word.headers['content-disposition']))).toContain('巡检报告-');
      const docx = await docxText(word.body);
      const wtext = docx.text.replace(/\s+/g, '');
      for (const want of [
        '巡检报告',
        '月度全功能巡检',
        '电源指示灯',
        'CPU使用率',
        '93%',
        '不合格',
        '已转工单',
        '数据库连接池上限：100→200',
        '备份任务',
        '签字人刘处长',
        `巡检记录${rec.number}`,
        '合格2，不合格1',
      ])
        expect(wtext).toContain(want);
      expect(docx.images).toBe(2); // the photo and the signature
      expect(docx.styles).toContain('w:eastAsia="SimSun"'); // Chinese in 宋体 by default
      expect((await fetchFile(t, s.lead_b!, `${url()}/report.docx`)).status).toBe(404);
      const exported = (await s.auditor!.get(`${V}/audit?action=inspection.report`)).body;
      expect(exported.items.map((e: any) => e.summary)).toEqual(
        expect.arrayContaining([
          expect.stringContaining('导出巡检报告（Word）'),
          expect.stringContaining('导出巡检报告（PDF）'),
        ]),
      );
      const done = (await s.lead_a!.get(`${V}/projects/${ids.projectA}/inspection-completion?month=2026-10`)).body;
      expect(done).toMatchObject({ planned: 1, done: 1, late: 0, overdue: 0 });
    });

    it.skipIf(!POPPLER)(
      'the inspection report is ready to file: XJ number, parties, contract, who ran it, signatures with their content',
      async () => {
        const parties = await partiesOf(s.manager!, ids.projectA);
        const report = async (id: string) =>
          renderDocument((await fetchFile(t, s.lead_a!, `${V}/inspection-tasks/${id}/report.pdf`)).body);
        const signed = await report(task.id);
        const number = expectFiledDocument(signed, {
          ...parties,
          contractRef: parties.contracts[0]!,
          number: /XJ-2026-[0-9A-F]{8}/,
          closingLabel: '结论',
        });
        expect(
          expectFiledDocument(await report(task.id), {
            ...parties,
            contractRef: parties.contracts[0]!,
            number,
            closingLabel: '结论',
          }),
        ).toBe(number);
        const text = squeeze(signed.pages.join(''));
        for (const want of ['巡检人张工', '签字人刘处长', '扫码核验记录真伪', '现场照片备份任务SHA-256'])
          expect(text).toContain(want);
        // The Word copy carries the same number, parties and a signature and seal table.
        const word = squeeze((await docxText((await fetchFile(t, s.lead_a!, `${url()}/report.docx`)).body)).text);
        for (const want of [
          `文件编号：${number}`,
          `服务方（乙方）：${parties.providerName}`,
          '签字盖章',
          '（盖章）',
          '巡检人：张工',
        ])
          expect(word).toContain(want);

        // The manager runs a task assigned to another engineer: the report names the manager as the one who ran it.
        const tpl = (
          await s.manager!.post(`${V}/checklist-templates`, { name: '代为巡检', scope: 'system', items: [ITEMS[0]] })
        ).body;
        const plan = (
          await s.manager!.post(`${V}/projects/${ids.projectA}/inspection-plans`, {
            name: '代为巡检计划',
            kind: 'monthly',
            templateId: tpl.id,
            dueDay: 25,
            startsOn: '2026-10-01',
            assigneeIds: [ids.users.engineer2],
          })
        ).body;
        const other = (
          await s.manager!.get(`${V}/inspection-tasks?projectId=${ids.projectA}&from=2026-10-01&to=2026-10-31`)
        ).body.items.find((x: any) => x.planId === plan.id);
        const ran = (await s.manager!.put(`${V}/inspection-tasks/${other.id}/results/power`, { outcome: 'pass' })).body;
        const runner = ran.results[0].byName;
        expect(runner).not.toBe(other.assigneeName);
        expect((await s.manager!.post(`${V}/inspection-tasks/${other.id}/finish`, {})).status).toBe(200);
        const byManager = await report(other.id);
        const otherNumber = expectFiledDocument(byManager, {
          ...parties,
          contractRef: parties.contracts[0]!,
          number: /XJ-2026-[0-9A-F]{8}/,
          closingLabel: '结论',
        });
        expect(otherNumber).not.toBe(number);
        const otherText = squeeze(byManager.pages.join(''));
        expect(otherText).toContain(`巡检人${runner}`);
        expect(otherText).toContain(`指派人员${other.assigneeName}`);
        expect(otherText).not.toContain('扫码核验'); // not signed yet
      },
      DOCUMENT_TEST_MS,
    );

    it("an annual task, when finished, records the asset's yearly inspection (R5)", async () => {
      const tpl = (
        await s.manager!.post(`${V}/checklist-templates`, {
          name: '服务器年检',
          scope: 'asset_type',
          assetType: '服务器',
          items: [ITEMS[0]],
        })
      ).body;
      const acc = (
        await s.manager!.post(`${V}/projects/${ids.projectA}/acceptances`, { batch: '去年', acceptedOn: '2025-10-20' })
      ).body;
      const asset = (
        await s.manager!.post(`${V}/projects/${ids.projectA}/assets`, {
          kind: 'hardware',
          type: '服务器',
          name: '年检服务器',
          model: 'M',
          serial: 'YJ-1',
          acceptanceId: acc.id,
        })
      ).body;
      const plan = (
        await s.manager!.post(`${V}/projects/${ids.projectA}/inspection-plans`, {
          name: '年度免费巡检',
          kind: 'annual',
          templateId: tpl.id,
          startsOn: '2026-10-01',
          assigneeIds: [ids.users.engineer2],
        })
      ).body;
      const annual = (
        await s.engineer2!.get(`${V}/inspection-tasks?projectId=${ids.projectA}&from=2026-10-01&to=2026-12-31`)
      ).body.items.find((x: any) => x.planId === plan.id);
      expect(annual).toMatchObject({ assetId: asset.id, dueOn: '2026-10-20' });
      await s.engineer2!.put(`${V}/inspection-tasks/${annual.id}/results/power`, { outcome: 'pass' });
      expect(
        (await s.engineer2!.post(`${V}/inspection-tasks/${annual.id}/finish`, { summary: '设备运行正常' })).status,
      ).toBe(200);
      const d = (await s.lead_a!.get(`${V}/assets/${asset.id}`)).body;
      expect(d.annualInspections[0]).toMatchObject({ dueOn: '2026-10-20', doneOn: '2026-10-12', status: 'done' });
      expect(d.nextInspectionDue).toBe('2027-10-20');
    });
  },
);
