import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, expectRefused, fingerprint, multipart } from '../../test/api.js';
import { fetchFile, xlsxOf, xlsxRows } from '../../test/files.js';
import { HEADER, importLedger, LEDGER_ROWS } from '../../test/ledger.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(DIALECTS)(
  'asset ledger: acceptance, warranty, Excel import/export, annual inspections (%s)',
  (dialect) => {
    let t: Awaited<ReturnType<typeof testApp>>;
    let ids: Awaited<ReturnType<typeof demoIds>>;
    const s: Record<string, Session> = {};
    const bySerial = new Map<string, any>();
    beforeAll(async () => {
      t = await testApp(dialect);
      ids = await demoIds(t);
      for (const u of ['manager', 'engineer', 'lead_a', 'cust_a', 'lead_b', 'cust_b']) s[u] = await t.login(u);
    });
    afterAll(async () => {
      await t?.drop();
    });

    it('offers a template whose header the import accepts', async () => {
      const f = await fetchFile(t, s.manager!, `${V}/assets/import-template.xlsx`);
      expect(f.status).toBe(200);
      expect(f.headers['content-type']).toBe(XLSX);
      expect((await xlsxRows(f.body))[0]).toEqual(HEADER);
      expect((await fetchFile(t, s.cust_a!, `${V}/assets/import-template.xlsx`)).status).toBe(403);
    });

    it("imports nothing when a row fails, naming each bad row and field in the user's language", async () => {
      const bad = [
        ...LEDGER_ROWS,
        ['', '打印机', '打印机', 'HP', 'SRV-001', '', '', '', 'NOPE-9', '二期', '2026-13-01', 'x'],
      ];
      const before = await fingerprint(t.database, ['sessions']);
      const r = await importLedger(t, s.manager!, ids.projectA, bad);
      expect(r.status).toBe(422);
      expect(r.body.code).toBe('IMPORT_INVALID');
      expect(r.body.detail).toContain('1 行错误');
      expect(r.body.errors.map((e: any) => e.field)).toEqual([
        'rows[6].kind',
        'rows[6].serial',
        'rows[6].warrantyMonths',
        'rows[6].acceptedOn',
      ]);
      expect(r.body.errors[1].message).toBe('第 6 行 序列号/许可证号：与第 2 行重复');
      expect(await fingerprint(t.database, ['sessions'])).toEqual(before);
      const en = await importLedger(t, s.manager!, ids.projectA, bad, 'all', 'en');
      expect(en.body.errors[1].message).toBe('row 6 Serial / licence key: duplicates row 2');
      expect(en.body.detail).not.toMatch(/[\u3400-\u9fff]/);
      // A parent serial that is neither in the file nor in the ledger.
      const orphan = await importLedger(t, s.manager!, ids.projectA, [
        ['硬件', '硬盘', '盘', 'X', 'D-9', '', '', '', 'NOPE-9', '', '', ''],
      ]);
      expect(orphan.body.errors).toEqual([
        { field: 'rows[2].parentSerial', message: '第 2 行 上级设备序列号：找不到该序列号的上级设备' },
      ]);
      const notTemplate = multipart('x.xlsx', await xlsxOf(['a', 'b'], [[1, 2]]), XLSX);
      const nt = await t.app.inject({
        method: 'POST',
        url: `${V}/projects/${ids.projectA}/assets/import`,
        headers: { ...s.manager!.headers, ...notTemplate.headers },
        payload: notTemplate.payload,
      });
      expect([nt.statusCode, nt.json().field]).toEqual([400, 'file']);
    });

    it('imports the valid rows when asked: acceptance batches, parts, warranty from acceptance (contract default 36 months)', async () => {
      const bad = [...LEDGER_ROWS, ['', '打印机', '打印机', 'HP', 'SRV-001', '', '', '', '', '', '', '']];
      const r = await importLedger(t, s.manager!, ids.projectA, bad, 'valid');
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toMatchObject({ mode: 'valid', imported: 4, skipped: 1, acceptancesCreated: 2 });
      expect(r.body.errors.map((e: any) => e.field)).toEqual(['rows[6].kind', 'rows[6].serial']);
      const page = (await s.manager!.get(`${V}/assets?projectId=${ids.projectA}`)).body;
      for (const a of page.items) bySerial.set(a.serial, a);
      expect([...bySerial.keys()].sort()).toEqual(['DISK-001', 'LIC-KYLIN-01', 'SRV-001', 'SW-OLD']);
      expect(bySerial.get('SRV-001')).toMatchObject({
        acceptedOn: '2025-03-15',
        warrantyMonths: 36,
        warrantyEnd: '2028-03-15',
        originalWarrantyEnd: '2028-03-15',
        warrantyStatus: 'in_warranty',
        acceptanceBatch: '一期',
        kind: 'hardware',
      });
      expect(bySerial.get('DISK-001')).toMatchObject({ parentName: '数据库服务器', warrantyEnd: '2028-03-15' });
      expect(bySerial.get('LIC-KYLIN-01')).toMatchObject({ kind: 'software', acceptedOn: '2025-03-15' });
      expect(bySerial.get('SW-OLD')).toMatchObject({
        warrantyEnd: '2025-06-30',
        warrantyStatus: 'expired',
        daysLeft: -469,
      });
      const acc = (await s.lead_a!.get(`${V}/projects/${ids.projectA}/acceptances`)).body;
      expect(acc.map((a: any) => [a.batch, a.acceptedOn, a.assetCount])).toEqual([
        ['一期', '2025-03-15', 3],
        ['早期', '2022-06-30', 1],
      ]);
    });

    it('lists by warranty end and filters by status, keyset-paged', async () => {
      const byEnd = (await s.manager!.get(`${V}/assets?projectId=${ids.projectA}&sort=warranty_end&limit=2`)).body;
      expect(byEnd.items.map((a: any) => a.serial)).toEqual(['SW-OLD', 'SRV-001']);
      const next = (
        await s.manager!.get(
          `${V}/assets?projectId=${ids.projectA}&sort=warranty_end&limit=2&cursor=${byEnd.nextCursor}`,
        )
      ).body;
      expect(next.items.map((a: any) => a.serial).sort()).toEqual(['DISK-001', 'LIC-KYLIN-01']); // same end: id order
      expect(next.nextCursor).toBeNull();
      expect((await s.manager!.get(`${V}/assets?warranty=expired`)).body.items.map((a: any) => a.serial)).toEqual([
        'SW-OLD',
      ]);
      expect((await s.manager!.get(`${V}/assets?q=kylin`)).body.items.map((a: any) => a.serial)).toEqual([
        'LIC-KYLIN-01',
      ]);
      expect((await s.manager!.get(`${V}/assets?endingWithinDays=90`)).body.items).toEqual([]);
      await expectRefused(t, s.manager!, 'GET', `${V}/assets?cursor=bogus`, undefined, {
        status: 400,
        code: 'VALIDATION',
        field: 'cursor',
      });
    });

    it('adds, edits and retires single assets with clear refusals', async () => {
      const acc = (await s.manager!.get(`${V}/projects/${ids.projectA}/acceptances`)).body.find(
        (a: any) => a.batch === '一期',
      );
      const r = await s.manager!.post(`${V}/projects/${ids.projectA}/assets`, {
        kind: 'hardware',
        type: '存储',
        name: '集中存储',
        model: 'OceanStor 5300',
        serial: 'STO-01',
        acceptanceId: acc.id,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toMatchObject({ warrantyMonths: 36, warrantyEnd: '2028-03-15', nextInspectionDue: '2026-03-15' });
      await expectRefused(
        t,
        s.manager!,
        'POST',
        `${V}/projects/${ids.projectA}/assets`,
        { kind: 'hardware', type: '存储', name: 'x', model: 'y', serial: 'STO-01' },
        { status: 409, code: 'DUPLICATE', field: 'serial' },
      );
      const accB = (
        await s.manager!.post(`${V}/projects/${ids.projectB}/acceptances`, { batch: 'B1', acceptedOn: '2026-01-05' })
      ).body;
      await expectRefused(
        t,
        s.manager!,
        'POST',
        `${V}/projects/${ids.projectA}/assets`,
        { kind: 'hardware', type: '存储', name: 'x', model: 'y', serial: 'STO-02', acceptanceId: accB.id },
        { status: 400, code: 'VALIDATION', field: 'acceptanceId' },
      );
      await expectRefused(
        t,
        s.manager!,
        'POST',
        `${V}/projects/${ids.projectA}/acceptances`,
        { batch: '三期', acceptedOn: '2026-02-30' },
        { status: 400, code: 'VALIDATION', field: 'acceptedOn' },
      );
      const longer = await s.manager!.patch(`${V}/assets/${r.body.id}`, { warrantyMonths: 60 });
      expect(longer.body).toMatchObject({ warrantyEnd: '2030-03-15', originalWarrantyEnd: '2030-03-15' });
      await expectRefused(
        t,
        s.manager!,
        'PATCH',
        `${V}/assets/${r.body.id}`,
        { state: 'retired' },
        { status: 400, code: 'REASON_REQUIRED', field: 'reason' },
      );
      const retired = await s.manager!.patch(`${V}/assets/${r.body.id}`, { state: 'retired', reason: '设备损毁报废' });
      expect(retired.body).toMatchObject({ state: 'retired', nextInspectionDue: null });
      expect((await s.engineer!.patch(`${V}/assets/${r.body.id}`, { name: 'x' })).status).toBe(403);
    });

    it('stores the acceptance document and gives it back', async () => {
      const acc = (await s.manager!.get(`${V}/projects/${ids.projectA}/acceptances`)).body.find(
        (a: any) => a.batch === '一期',
      );
      const mp = multipart('验收报告.pdf', Buffer.from('%PDF-1.4 signed acceptance'), 'application/pdf');
      const up = await t.app.inject({
        method: 'POST',
        url: `${V}/acceptances/${acc.id}/document`,
        headers: { ...s.manager!.headers, ...mp.headers },
        payload: mp.payload,
      });
      expect(up.statusCode, up.body).toBe(200);
      expect(up.json()).toMatchObject({ documentName: '验收报告.pdf', documentSize: 26 });
      const f = await fetchFile(t, s.lead_a!, `${V}/acceptances/${acc.id}/document`);
      expect(f.body.toString()).toBe('%PDF-1.4 signed acceptance');
      expect((await fetchFile(t, s.lead_b!, `${V}/acceptances/${acc.id}/document`)).status).toBe(404);
    });

    it('keeps each customer to its own assets', async () => {
      const srv = bySerial.get('SRV-001');
      expect((await s.lead_a!.get(`${V}/assets/${srv.id}`)).status).toBe(200);
      for (const u of ['lead_b', 'cust_b']) {
        expect((await s[u]!.get(`${V}/assets/${srv.id}`)).status).toBe(404);
        expect((await s[u]!.get(`${V}/assets`)).body.items.filter((a: any) => a.projectId === ids.projectA)).toEqual(
          [],
        );
        expect(
          (await s[u]!.get(`${V}/assets?customerId=${ids.orgA}`)).body.items.filter(
            (a: any) => a.projectId === ids.projectA,
          ),
        ).toEqual([]);
        expect((await s[u]!.get(`${V}/assets?projectId=${ids.projectA}`)).status).toBe(404);
        expect((await fetchFile(t, s[u]!, `${V}/projects/${ids.projectA}/assets.xlsx`)).status).toBe(404);
      }
      expect((await s.cust_a!.get(`${V}/assets?projectId=${ids.projectA}`)).body.items.length).toBeGreaterThanOrEqual(
        4,
      );
    });

    it('exports the ledger to Excel with parents and computed warranty', async () => {
      const f = await fetchFile(t, s.lead_a!, `${V}/projects/${ids.projectA}/assets.xlsx`);
      expect(f.status).toBe(200);
      const rows = await xlsxRows(f.body);
      expect(rows[0]!.slice(0, 5)).toEqual(['类型', '设备类型', '名称', '品牌型号', '序列号/许可证号']);
      const disk = rows.find((r) => r[4] === 'DISK-001')!;
      expect([disk[0], disk[8], disk[9], disk[10], disk[12], disk[13], disk[14]]).toEqual([
        '硬件',
        'SRV-001',
        '一期',
        '2025-03-15',
        '2028-03-15',
        '2028-03-15',
        '在保',
      ]);
      expect(rows).toHaveLength(6);
    });

    it('lists annual inspections overdue from acceptance and moves the next one when done (R5)', async () => {
      const overdue = (await s.manager!.get(`${V}/inspections/annual?projectId=${ids.projectA}&status=overdue`)).body
        .items;
      expect(overdue.map((i: any) => [i.asset.serial, i.dueOn, i.year, i.daysOverdue])).toEqual(
        [
          ['SW-OLD', '2023-06-30', 1, 1200],
          ['DISK-001', '2026-03-15', 1, 211],
          ['LIC-KYLIN-01', '2026-03-15', 1, 211],
          ['SRV-001', '2026-03-15', 1, 211],
        ].sort((a, b) =>
          a[1] === b[1]
            ? String(bySerial.get(a[0])!.id) < String(bySerial.get(b[0])!.id)
              ? -1
              : 1
            : a[1]! < b[1]!
              ? -1
              : 1,
        ),
      );
      const srv = bySerial.get('SRV-001');
      await expectRefused(
        t,
        s.engineer!,
        'POST',
        `${V}/assets/${srv.id}/inspections`,
        { doneOn: '2026-10-13' },
        { status: 400, code: 'VALIDATION', field: 'doneOn' },
      );
      const done = await s.engineer!.post(`${V}/assets/${srv.id}/inspections`, {
        doneOn: '2026-10-10',
        note: '全部功能检查正常',
      });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      const d = (await s.lead_a!.get(`${V}/assets/${srv.id}`)).body;
      expect(d.nextInspectionDue).toBe('2027-03-15');
      expect(d.annualInspections.map((y: any) => [y.dueOn, y.doneOn, y.status])).toEqual([
        ['2026-03-15', '2026-10-10', 'done'],
        ['2027-03-15', null, 'upcoming'],
        ['2028-03-15', null, 'upcoming'],
      ]);
      expect(d.parts.map((p: any) => p.serial)).toEqual(['DISK-001']);
      expect(d.warrantyHistory).toEqual([
        {
          on: '2025-03-15',
          kind: 'acceptance',
          end: '2028-03-15',
          extendedByDays: 0,
          ticketId: null,
          ticketNumber: null,
          oldSerial: null,
          newSerial: null,
        },
      ]);
      const after = (
        await s.manager!.get(`${V}/inspections/annual?projectId=${ids.projectA}&status=overdue`)
      ).body.items.map((i: any) => i.asset.serial);
      expect(after).not.toContain('SRV-001');
      const page1 = (await s.manager!.get(`${V}/inspections/annual?status=overdue&limit=2`)).body;
      const page2 = (await s.manager!.get(`${V}/inspections/annual?status=overdue&limit=2&cursor=${page1.nextCursor}`))
        .body;
      expect([...page1.items, ...page2.items].map((i: any) => i.asset.serial)).toEqual(after);
      expect((await s.lead_b!.get(`${V}/inspections/annual?status=overdue`)).body.items).toEqual([]);
    });
  },
);
