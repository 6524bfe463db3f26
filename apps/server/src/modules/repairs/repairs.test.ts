import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, expectRefused, ticketInput } from '../../test/api.js';
import ExcelJS from 'exceljs';
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
import { importLedger, LEDGER_ROWS } from '../../test/ledger.js';
import { warrantyHistory } from '../assets/warranty.js';

const V = '/api/v1';
const DAY = 86_400_000;

describe.each(DIALECTS)('repairs: replaced parts, free or billable, cost statement (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const s: Record<string, Session> = {};
  const a = new Map<string, any>();
  const tk: Record<string, any> = {};
  const login = async () => {
    for (const u of ['manager', 'dispatcher', 'engineer', 'lead_a', 'cust_a', 'lead_b']) s[u] = await t.login(u);
  };
  const assets = async () => {
    for (const x of (await s.manager!.get(`${V}/assets?limit=200`)).body.items) a.set(x.serial, x);
  };
  const ticket = async (over: Record<string, unknown>) => {
    const r = await s.dispatcher!.post(
      `${V}/tickets`,
      ticketInput(ids.projectA, { assigneeId: ids.users.engineer, ...over }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  const resolve = async (id: string, faultCause: string) => {
    for (const action of [
      { action: 'respond' },
      { action: 'arrival_not_needed', reason: '远程处理' },
      { action: 'resolve', solution: '已修复', faultCause },
    ]) {
      const r = await s.engineer!.post(`${V}/tickets/${id}/actions`, action);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
  };
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    await login();
    expect((await importLedger(t, s.manager!, ids.projectA, LEDGER_ROWS)).status).toBe(200);
    await assets();
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('records the faulty asset at intake and whether it was in warranty on the fault day', async () => {
    // Reported by phone three days ago (2026-10-09) and entered now.
    tk.t1 = await ticket({
      assetId: a.get('SRV-001').id,
      reportedAt: t.clock.now - 3 * DAY,
      reportedAtReason: '电话报修补录',
    });
    const r = (await s.lead_a!.get(`${V}/tickets/${tk.t1.id}/repair`)).body;
    expect(r).toMatchObject({
      faultOn: '2026-10-09',
      inWarranty: true,
      warrantyEndAtFault: '2028-03-15',
      decision: 'pending',
      reason: 'cause_pending',
      extensionPolicy: 'downtime',
      labourRateCents: 15_000,
    });
    expect(r.asset.serial).toBe('SRV-001');
    expect((await s.lead_b!.get(`${V}/tickets/${tk.t1.id}/repair`)).status).toBe(404);
    const foreign = await s.dispatcher!.post(
      `${V}/tickets`,
      ticketInput(ids.projectB, { assetId: a.get('SRV-001').id }),
    );
    expect([foreign.status, foreign.body.field]).toEqual([400, 'assetId']);
  });

  it('extends a replaced part by the repair downtime, and a replaced replacement again (R4, downtime policy)', async () => {
    const disk = a.get('DISK-001');
    const r = await s.engineer!.post(`${V}/tickets/${tk.t1.id}/replacements`, {
      oldAssetId: disk.id,
      newSerial: 'DISK-002',
      newModel: '希捷 8TB',
      replacedOn: '2026-10-12',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(
      r.body.replacements.map((x: any) => [
        x.oldSerial,
        x.newSerial,
        x.previousEnd,
        x.newEnd,
        x.extendedByDays,
        x.inWarranty,
      ]),
    ).toEqual([['DISK-001', 'DISK-002', '2028-03-15', '2028-03-18', 3, true]]);
    await assets();
    expect(a.get('DISK-001')).toMatchObject({ state: 'replaced', replacedById: a.get('DISK-002').id });
    expect(a.get('DISK-002')).toMatchObject({
      state: 'in_service',
      parentId: a.get('SRV-001').id,
      originalWarrantyEnd: '2028-03-15',
      warrantyEnd: '2028-03-18',
      model: '希捷 8TB',
    });
    await expectRefused(
      t,
      s.engineer!,
      'POST',
      `${V}/tickets/${tk.t1.id}/replacements`,
      { oldAssetId: disk.id, newSerial: 'DISK-X', replacedOn: '2026-10-12' },
      { status: 409, code: 'ACTION_NOT_ALLOWED', field: 'oldAssetId' },
    );
    await expectRefused(
      t,
      s.engineer!,
      'POST',
      `${V}/tickets/${tk.t1.id}/replacements`,
      { oldAssetId: a.get('SW-OLD').id, newSerial: 'DISK-X', replacedOn: '2026-10-12' },
      { status: 400, code: 'VALIDATION', field: 'oldAssetId' },
    );
    await expectRefused(
      t,
      s.engineer!,
      'POST',
      `${V}/tickets/${tk.t1.id}/replacements`,
      { oldAssetId: a.get('DISK-002').id, newSerial: 'DISK-X', replacedOn: '2026-10-08' },
      { status: 400, code: 'VALIDATION', field: 'replacedOn' },
    );
    await expectRefused(
      t,
      s.engineer!,
      'POST',
      `${V}/tickets/${tk.t1.id}/replacements`,
      { oldAssetId: a.get('DISK-002').id, newSerial: 'SRV-001', replacedOn: '2026-10-12' },
      { status: 409, code: 'DUPLICATE', field: 'newSerial' },
    );
    expect(
      (
        await s.cust_a!.post(`${V}/tickets/${tk.t1.id}/replacements`, {
          oldAssetId: a.get('DISK-002').id,
          newSerial: 'DISK-X',
          replacedOn: '2026-10-12',
        })
      ).status,
    ).toBe(403);

    // The new disk fails today and is replaced two days later.
    tk.t2 = await ticket({ assetId: a.get('SRV-001').id });
    t.clock.advance(2 * DAY);
    await login();
    const again = await s.engineer!.post(`${V}/tickets/${tk.t2.id}/replacements`, {
      oldAssetId: a.get('DISK-002').id,
      newSerial: 'DISK-003',
      replacedOn: '2026-10-14',
    });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    await assets();
    const d = (await s.lead_a!.get(`${V}/assets/${a.get('DISK-003').id}`)).body;
    const expected = warrantyHistory('2025-03-15', 36, 'downtime', [
      { faultOn: '2026-10-09', replacedOn: '2026-10-12' },
      { faultOn: '2026-10-12', replacedOn: '2026-10-14' },
    ]);
    expect(d.warrantyHistory.map((x: any) => [x.on, x.kind, x.end, x.extendedByDays])).toEqual(
      expected.map((x) => [x.on, x.policy, x.end, x.extendedByDays]),
    );
    expect(d.warrantyHistory.map((x: any) => x.end)).toEqual(['2028-03-15', '2028-03-18', '2028-03-20']);
    expect(d).toMatchObject({ originalWarrantyEnd: '2028-03-15', warrantyEnd: '2028-03-20' });
    expect(d.warrantyHistory[2]).toMatchObject({
      ticketNumber: tk.t2.number,
      oldSerial: 'DISK-002',
      newSerial: 'DISK-003',
    });
    // Installed on 2026-10-14, the new disk owes its first annual inspection a year from then (not from the
    // original acceptance of 2025-03-15, which would make 2026-03-15 overdue), within its warranty to 2028-03-20.
    expect(d.annualInspections.map((y: any) => [y.year, y.dueOn, y.status])).toEqual([[1, '2027-10-14', 'upcoming']]);
    expect(a.get('DISK-003').nextInspectionDue).toBe('2027-10-14');
    await expectRefused(
      t,
      s.engineer!,
      'POST',
      `${V}/assets/${a.get('DISK-003').id}/inspections`,
      { doneOn: '2026-10-13' },
      { status: 400, code: 'VALIDATION', field: 'doneOn' },
    );
  });

  it('is free in warranty unless human-caused, billable at cost out of warranty (R2, R3)', async () => {
    await resolve(tk.t1.id, 'non_human');
    let r = (await s.manager!.get(`${V}/tickets/${tk.t1.id}/repair`)).body;
    expect([r.decision, r.reason]).toEqual(['free', 'in_warranty']);
    expect((await s.manager!.get(`${V}/tickets/${tk.t1.id}`)).body.billable).toBe(false);
    r = (
      await s.engineer!.post(`${V}/tickets/${tk.t1.id}/cost-items`, {
        kind: 'labour',
        description: '更换硬盘',
        quantity: 2,
      })
    ).body;
    expect(r.costItems.map((c: any) => [c.kind, c.quantity, c.unitCostCents, c.amountCents, c.billable])).toEqual([
      ['labour', 2, 15_000, 30_000, false],
    ]);
    expect(r.totals).toEqual({ billableCents: 0, freeCents: 30_000, pendingCents: 0 });

    // Out of warranty: billable whatever the cause, before the cause is even known.
    tk.t3 = await ticket({ assetId: a.get('SW-OLD').id, title: '核心交换机端口故障' });
    r = (await s.engineer!.get(`${V}/tickets/${tk.t3.id}/repair`)).body;
    expect([r.inWarranty, r.decision, r.reason, r.warrantyEndAtFault]).toEqual([
      false,
      'billable',
      'out_of_warranty',
      '2025-06-30',
    ]);
    const rep = await s.engineer!.post(`${V}/tickets/${tk.t3.id}/replacements`, {
      oldAssetId: a.get('SW-OLD').id,
      newSerial: 'SW-NEW',
      replacedOn: '2026-10-14',
      partCostCents: 800_000,
    });
    expect(rep.body.replacements.map((x: any) => [x.inWarranty, x.previousEnd, x.newEnd, x.extendedByDays])).toEqual([
      [false, '2025-06-30', '2025-06-30', 0],
    ]);
    await s.engineer!.post(`${V}/tickets/${tk.t3.id}/cost-items`, {
      kind: 'labour',
      description: '更换交换机并恢复配置',
      quantity: 1.5,
    });
    r = (
      await s.engineer!.post(`${V}/tickets/${tk.t3.id}/cost-items`, {
        kind: 'travel',
        description: '往返交通',
        quantity: 1,
        unitCostCents: 5_000,
      })
    ).body;
    expect(r.costItems.map((c: any) => [c.kind, c.amountCents, c.billable, c.reason])).toEqual([
      ['part', 800_000, true, 'out_of_warranty'],
      ['labour', 22_500, true, 'out_of_warranty'],
      ['travel', 5_000, true, 'out_of_warranty'],
    ]);
    await resolve(tk.t3.id, 'non_human');
    expect((await s.manager!.get(`${V}/tickets/${tk.t3.id}`)).body.billable).toBe(true);

    // In warranty but caused by people.
    tk.t4 = await ticket({ assetId: a.get('LIC-KYLIN-01').id, title: '误删系统文件' });
    await s.engineer!.post(`${V}/tickets/${tk.t4.id}/cost-items`, {
      kind: 'labour',
      description: '重装系统',
      quantity: 3,
    });
    await resolve(tk.t4.id, 'human');
    r = (await s.lead_a!.get(`${V}/tickets/${tk.t4.id}/repair`)).body;
    expect([r.inWarranty, r.decision, r.reason, r.totals.billableCents]).toEqual([
      true,
      'billable',
      'human_cause',
      45_000,
    ]);

    await expectRefused(
      t,
      s.engineer!,
      'POST',
      `${V}/tickets/${tk.t4.id}/cost-items`,
      { kind: 'labour', description: 'x', quantity: 1, unitCostCents: 1 },
      { status: 400, code: 'VALIDATION', field: 'unitCostCents' },
    );
    await expectRefused(
      t,
      s.engineer!,
      'POST',
      `${V}/tickets/${tk.t4.id}/cost-items`,
      { kind: 'part', description: 'x', quantity: 1 },
      { status: 400, code: 'VALIDATION', field: 'unitCostCents' },
    );
    await expectRefused(
      t,
      s.engineer!,
      'POST',
      `${V}/tickets/${tk.t4.id}/cost-items`,
      { kind: 'part', description: 'x', quantity: 0.001, unitCostCents: 1 },
      { status: 400, code: 'VALIDATION', field: 'quantity' },
    );
    expect(
      (
        await s.lead_a!.post(`${V}/tickets/${tk.t4.id}/cost-items`, {
          kind: 'other',
          description: 'x',
          quantity: 1,
          unitCostCents: 1,
        })
      ).status,
    ).toBe(403);
  });

  it('restarts the full term from the replacement under a restart contract (project B)', async () => {
    const acc = (
      await s.manager!.post(`${V}/projects/${ids.projectB}/acceptances`, { batch: 'B-一期', acceptedOn: '2024-02-29' })
    ).body;
    const ups = (
      await s.manager!.post(`${V}/projects/${ids.projectB}/assets`, {
        kind: 'hardware',
        type: 'UPS',
        name: '机房UPS',
        model: 'APC 10K',
        serial: 'UPS-1',
        acceptanceId: acc.id,
      })
    ).body;
    expect(ups.warrantyEnd).toBe('2027-02-28');
    const tb = (await s.dispatcher!.post(`${V}/tickets`, ticketInput(ids.projectB, { assetId: ups.id }))).body;
    const r = await s.engineer!.post(`${V}/tickets/${tb.id}/replacements`, {
      oldAssetId: ups.id,
      newSerial: 'UPS-2',
      replacedOn: '2026-10-14',
    });
    expect(r.body.replacements.map((x: any) => [x.policy, x.previousEnd, x.newEnd, x.extendedByDays])).toEqual([
      ['restart', '2027-02-28', '2029-10-14', 959],
    ]);
    expect(r.body.extensionPolicy).toBe('restart');
    // The contract can switch policy; later replacements follow it.
    const c = await s.manager!.patch(`${V}/contracts/${ids.contractB}`, {
      partExtension: 'downtime',
      labourRateCents: 20_000,
    });
    expect(c.body).toMatchObject({ partExtension: 'downtime', labourRateCents: 20_000 });
    await expectRefused(
      t,
      s.manager!,
      'PATCH',
      `${V}/contracts/${ids.contractB}`,
      { partExtension: 'forever' },
      { status: 400, code: 'VALIDATION', field: 'partExtension' },
    );
  });

  it("puts only billable lines, each with its reason, on the customer's cost statement (JSON, PDF, Excel)", async () => {
    const q = `customerId=${ids.orgA}&from=2026-10-01&to=2026-10-31`;
    const st = (await s.lead_a!.get(`${V}/cost-statement?${q}`)).body;
    expect(st.lines.map((l: any) => [l.ticketNumber, l.kind, l.amountCents, l.reason])).toEqual([
      [tk.t3.number, 'part', 800_000, 'out_of_warranty'],
      [tk.t3.number, 'labour', 22_500, 'out_of_warranty'],
      [tk.t3.number, 'travel', 5_000, 'out_of_warranty'],
      [tk.t4.number, 'labour', 45_000, 'human_cause'],
    ]);
    expect(st.lines[0].reasonText).toBe('超出保修期（保修至 2025-06-30，故障日 2026-10-14），按成本价收费');
    expect(st.totalCents).toBe(872_500);
    expect(st.byKind).toEqual([
      { kind: 'part', amountCents: 800_000 },
      { kind: 'labour', amountCents: 67_500 },
      { kind: 'travel', amountCents: 5_000 },
      { kind: 'other', amountCents: 0 },
    ]);
    expect(
      (await s.lead_a!.get(`${V}/cost-statement?customerId=${ids.orgA}&from=2026-10-15&to=2026-10-31`)).body.lines,
    ).toEqual([]);

    const pdf = await fetchFile(t, s.manager!, `${V}/cost-statement.pdf?${q}`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    // Wrapped lines lose their spaces in text extraction: compare without whitespace.
    const text = (await pdfText(pdf.body)).pages.join('').replace(/\s+/g, '');
    for (const want of [
      '费用结算单',
      '省信息中心',
      tk.t3.number,
      tk.t4.number,
      '超出保修期（保修至 2025-06-30，故障日 2026-10-14），按成本价收费',
      '人为原因造成的故障，按成本价收费',
      '合计（小写）¥8725.00',
      '金额大写捌仟柒佰贰拾伍元整',
      '1.5小时',
    ])
      expect(text).toContain(want.replace(/\s+/g, ''));
    const xlsx = await xlsxRows((await fetchFile(t, s.lead_a!, `${V}/cost-statement.xlsx?${q}`)).body);
    // A 单位 column follows 数量 (个, 小时); the total row is followed by the total in capital figures.
    expect(xlsx.filter((r) => r[1] === tk.t3.number).map((r) => [r[5], r[8], r[10], r[11]])).toEqual([
      ['材料费', '个', '8000', st.lines[0].reasonText],
      ['人工费', '小时', '225', st.lines[1].reasonText],
      ['交通差旅费', '次', '50', st.lines[2].reasonText],
    ]);
    expect(xlsx.at(-2)![10]).toBe('8725');
    expect(xlsx.at(-1)![7]).toBe('捌仟柒佰贰拾伍元整');
    const en = await fetchFile(t, s.lead_a!, `${V}/cost-statement?${q}`, 'en');
    expect(en.json().lines[3].reasonText).toBe('Fault caused by people: charged at cost');
    // A download link carries the app's language (?lang=), which wins over the browser's header.
    const enXlsx = await xlsxRows(
      (await fetchFile(t, s.lead_a!, `${V}/cost-statement.xlsx?${q}&lang=en`, 'zh-CN')).body,
    );
    expect(enXlsx.find((r) => r[1] === 'Ticket')![0]).toBe('Date');
    expect(
      (await s.lead_b!.get(`${V}/cost-statement?customerId=${ids.orgA}&from=2020-01-01&to=2026-12-31`)).status,
    ).toBe(404); // not 400 for the long period

    expect((await s.lead_b!.get(`${V}/cost-statement?${q}`)).status).toBe(404);
    expect((await s.cust_a!.get(`${V}/cost-statement?${q}`)).status).toBe(403);
    expect((await s.engineer!.get(`${V}/cost-statement?${q}`)).status).toBe(403);
    await expectRefused(
      t,
      s.manager!,
      'GET',
      `${V}/cost-statement?customerId=${ids.orgA}&from=2026-10-31&to=2026-10-01`,
      undefined,
      { status: 400, code: 'VALIDATION', field: 'to' },
    );
  });

  it.skipIf(!POPPLER)(
    'the cost statement is ready to file: JS number, parties, contract, 金额大写, units, signatures and seals',
    async () => {
      const q = `customerId=${ids.orgA}&from=2026-10-01&to=2026-10-31`;
      const parties = await partiesOf(s.manager!, ids.projectA);
      const pdf = async (query = q) =>
        renderDocument((await fetchFile(t, s.manager!, `${V}/cost-statement.pdf?${query}`)).body);
      const zh = await pdf();
      const number = expectFiledDocument(zh, {
        ...parties,
        contractRef: parties.contracts[0]!,
        number: /JS-2026-[0-9A-F]{8}/,
        closingLabel: '金额大写',
      });
      expect(
        expectFiledDocument(await pdf(), {
          ...parties,
          contractRef: parties.contracts[0]!,
          number,
          closingLabel: '金额大写',
        }),
      ).toBe(number);
      const text = squeeze(zh.pages.join(''));
      for (const want of ['金额大写捌仟柒佰贰拾伍元整', '1.5小时', '1个', '3小时']) expect(text).toContain(want);
      // Another period is another statement with another number.
      const other = await pdf(`customerId=${ids.orgA}&from=2026-10-15&to=2026-10-31`);
      expect(
        expectFiledDocument(other, {
          ...parties,
          contractRef: parties.contracts[0]!,
          number: /JS-2026-[0-9A-F]{8}/,
          closingLabel: '金额大写',
        }),
      ).not.toBe(number);
      expect(squeeze(other.pages.join(''))).toContain('金额大写零元整');
      const en = await pdf(`${q}&lang=en`);
      expectFiledDocument(en, {
        ...parties,
        contractRef: parties.contracts[0]!.replace(/《(.*)》/, ' "$1"'),
        number,
        closingLabel: 'Total in words',
        lang: 'en',
      });

      // Excel prints sensibly: landscape A4 fitted to one page wide, ruled cells, real dates and numbers.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await fetchFile(t, s.manager!, `${V}/cost-statement.xlsx?${q}`)).body as never);
      const ws = wb.worksheets[0]!;
      expect(ws.pageSetup).toMatchObject({
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        paperSize: 9,
      });
      const line = ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(2).value === tk.t3.number)!;
      expect(line.getCell(1).value).toBeInstanceOf(Date);
      expect([line.getCell(8).value, line.getCell(9).value, line.getCell(11).value]).toEqual([1, '个', 8000]);
      expect(line.getCell(11).numFmt).toBe('#,##0.00');
      expect(line.getCell(7).border?.left?.style).toBe('thin');
      expect(ws.getRow(2).getCell(2).value).toBe(number);
    },
    DOCUMENT_TEST_MS,
  );

  it("publishes repair points; customers see those serving their projects and the ticket shows its project's point (R12)", async () => {
    const input = {
      name: '省会维修中心',
      address: '省会市高新区科技路 1 号',
      personInCharge: '孙主管',
      contact: 'service@weibao.local',
      phone: '0371-88886666',
      capabilities: ['服务器维修', '网络设备更换'],
      staff: [
        { discipline: 'hardware', count: 4 },
        { discipline: 'network_security', count: 2 },
      ],
      projectIds: [ids.projectA],
    };
    const p = await s.manager!.post(`${V}/repair-points`, input);
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    expect(p.body.projects).toEqual([{ id: ids.projectA, name: expect.any(String) }]);
    expect((await s.lead_a!.get(`${V}/repair-points`)).body.map((x: any) => x.name)).toEqual(['省会维修中心']);
    expect((await s.lead_b!.get(`${V}/repair-points`)).body).toEqual([]);
    expect(
      (await s.cust_a!.get(`${V}/tickets/${tk.t1.id}/repair`)).body.repairPoints.map((x: any) => [
        x.name,
        x.phone,
        x.personInCharge,
      ]),
    ).toEqual([['省会维修中心', '0371-88886666', '孙主管']]);
    const both = await s.manager!.put(`${V}/repair-points/${p.body.id}`, {
      ...input,
      projectIds: [ids.projectA, ids.projectB],
    });
    expect(both.body.projects).toHaveLength(2);
    expect((await s.lead_b!.get(`${V}/repair-points`)).body[0].projects.map((x: any) => x.id)).toEqual([ids.projectB]);
    await expectRefused(
      t,
      s.manager!,
      'POST',
      `${V}/repair-points`,
      { ...input, projectIds: ['nope'] },
      { status: 400, code: 'VALIDATION', field: 'projectIds[0]' },
    );
    await expectRefused(
      t,
      s.manager!,
      'POST',
      `${V}/repair-points`,
      { ...input, staff: [{ discipline: 'plumbing', count: 1 }] },
      { status: 400, code: 'VALIDATION', field: 'staff[0].discipline' },
    );
    expect((await s.engineer!.post(`${V}/repair-points`, input)).status).toBe(403);
  });
});
