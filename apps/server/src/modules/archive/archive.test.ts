import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, expectRefused, ticketInput } from '../../test/api.js';
import { fetchFile, xlsxRows } from '../../test/files.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';
import { importLedger, LEDGER_ROWS } from '../../test/ledger.js';

const V = '/api/v1';

describe.each(DIALECTS)('maintenance archives and warranty reminders (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const s: Record<string, Session> = {};
  const a = new Map<string, any>();
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    for (const u of ['manager', 'dispatcher', 'engineer', 'lead_a', 'cust_a', 'lead_b']) s[u] = await t.login(u);
    expect((await importLedger(t, s.manager!, ids.projectA, LEDGER_ROWS)).status).toBe(200);
    for (const x of (await s.manager!.get(`${V}/assets`)).body.items) a.set(x.serial, x);
    const tk = (
      await s.dispatcher!.post(
        `${V}/tickets`,
        ticketInput(ids.projectA, {
          assetId: a.get('SRV-001').id,
          title: '数据库服务器硬盘告警',
          assigneeId: ids.users.engineer,
        }),
      )
    ).body;
    t.clock.advance(60_000);
    await s.engineer!.post(`${V}/tickets/${tk.id}/replacements`, {
      oldAssetId: a.get('DISK-001').id,
      newSerial: 'DISK-002',
      replacedOn: '2026-10-12',
      partCostCents: 120_000,
    });
    t.clock.advance(60_000);
    await s.engineer!.post(`${V}/assets/${a.get('SRV-001').id}/inspections`, {
      doneOn: '2026-10-12',
      note: '年度巡检正常',
    });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("shows an asset's tickets, replacements, inspections, costs and acceptance in one timeline, newest first", async () => {
    const r = (await s.lead_a!.get(`${V}/assets/${a.get('SRV-001').id}/archive`)).body;
    expect(r.items.map((e: any) => e.kind)).toEqual(['inspection', 'cost', 'replacement', 'ticket', 'acceptance']);
    expect(r.items[2]).toMatchObject({
      title: '更换 数据盘1：DISK-001 → DISK-002',
      detail: '质保期 2028-03-15 → 2028-03-15（+0 天，按停机天数顺延）',
    });
    // The fault cause is not known yet: the cost is pending, neither free nor billable.
    expect(r.items[1]).toMatchObject({
      amountCents: 120_000,
      billable: null,
      detail: '更换 数据盘1 希捷 4TB（DISK-001 → DISK-002） · 待定',
    });
    const repair = (await s.lead_a!.get(`${V}/tickets/${r.items[1].ticketId}/repair`)).body;
    expect([repair.decision, repair.costItems[0].billable, repair.totals]).toEqual([
      'pending',
      null,
      { billableCents: 0, freeCents: 0, pendingCents: 120_000 },
    ]);
    expect(r.items[4]).toMatchObject({ title: '验收 一期' });
    // The replaced disk's archive is the same position's history.
    const disk = (await s.manager!.get(`${V}/assets/${a.get('DISK-001').id}/archive?kinds=replacement`)).body.items;
    expect(disk.map((e: any) => e.serial)).toEqual(['DISK-002']);
    const en = (
      await fetchFile(t, s.lead_a!, `${V}/assets/${a.get('SRV-001').id}/archive?kinds=inspection`, 'en')
    ).json();
    expect(en.items[0].title).toBe('Annual inspection 2026-10-12');
    expect((await s.lead_b!.get(`${V}/assets/${a.get('SRV-001').id}/archive`)).status).toBe(404);
  });

  it("pages a customer's archive with a keyset cursor, filtered by kind and date, without gaps or repeats", async () => {
    const all = (await s.manager!.get(`${V}/customers/${ids.orgA}/archive?limit=200`)).body.items;
    // The seed's tickets for customer A plus ours, two acceptance batches, one replacement, inspection and cost.
    const seedTickets = await t.database.db
      .selectFrom('tickets')
      .select('id')
      .where('customer_id', '=', ids.orgA)
      .execute();
    expect(all.filter((e: any) => e.kind === 'ticket')).toHaveLength(seedTickets.length);
    expect(
      all
        .filter((e: any) => e.kind !== 'ticket')
        .map((e: any) => e.kind)
        .sort(),
    ).toEqual(['acceptance', 'acceptance', 'cost', 'inspection', 'replacement']);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = (
        await s.lead_a!.get(`${V}/customers/${ids.orgA}/archive?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).body;
      walked.push(...page.items.map((e: any) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all.map((e: any) => e.id));
    const times = all.map((e: any) => e.at);
    expect(times).toEqual([...times].sort((x: number, y: number) => y - x));
    const repairsOnly = (await s.lead_a!.get(`${V}/customers/${ids.orgA}/archive?kinds=replacement&kinds=cost`)).body
      .items;
    expect(repairsOnly.map((e: any) => e.kind).sort()).toEqual(['cost', 'replacement']);
    const early = (await s.lead_a!.get(`${V}/customers/${ids.orgA}/archive?from=2022-01-01&to=2022-12-31`)).body.items;
    expect(early.map((e: any) => [e.kind, e.title])).toEqual([['acceptance', '验收 早期']]);
    expect((await s.lead_b!.get(`${V}/customers/${ids.orgA}/archive`)).status).toBe(404);
    expect((await s.lead_a!.get(`${V}/customers/${ids.orgB}/archive`)).status).toBe(404);
    await expectRefused(t, s.manager!, 'GET', `${V}/customers/${ids.orgA}/archive?kinds=gossip`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'kinds',
    });
  });

  it('exports archives to Excel', async () => {
    const f = await fetchFile(t, s.lead_a!, `${V}/customers/${ids.orgA}/archive.xlsx?kinds=replacement&kinds=cost`);
    expect(f.status).toBe(200);
    const rows = await xlsxRows(f.body);
    expect(rows[0]![0]).toBe('维修档案 省信息中心');
    expect(rows.slice(2).map((r) => [r[1], r[3]])).toEqual([
      ['费用', 'SRV-001'],
      ['更换部件', 'DISK-002'],
    ]);
    const asset = await xlsxRows(
      (await fetchFile(t, s.manager!, `${V}/assets/${a.get('SRV-001').id}/archive.xlsx`)).body,
    );
    expect(asset.length).toBe(2 + 5);
  });

  it('reminds the service manager once per threshold at 90, 30 and 7 days before the warranty ends', async () => {
    const notes = async () =>
      t.database.db
        .selectFrom('notifications')
        .selectAll()
        .where('kind', '=', 'asset.warranty')
        .where('user_id', '=', ids.users.manager)
        .orderBy('at')
        .execute();
    expect(await t.app.services.assets.remindWarranty()).toBe(0);
    // SRV-001, LIC and DISK-002 end 2028-03-15; 100 days before is 2027-12-06.
    t.clock.set(Date.UTC(2027, 11, 6, 2));
    expect(await t.app.services.assets.remindWarranty()).toBe(0);
    t.clock.set(Date.UTC(2027, 11, 16, 2)); // 90 days before
    expect(await t.app.services.assets.remindWarranty()).toBe(3);
    expect(await t.app.services.assets.remindWarranty()).toBe(0);
    let n = await notes();
    expect(n.map((x) => x.title)).toEqual(['保修即将到期：省级政务信息系统运维项目 3 项资产（90 天内）']);
    expect(n[0]!.body).toContain('数据库服务器（SRV-001）保修至 2028-03-15');
    const mails = await t.database.db
      .selectFrom('mail_outbox')
      .select(['to_addr', 'subject'])
      .where('subject', 'like', '保修即将到期%')
      .execute();
    expect(mails).toEqual([{ to_addr: 'manager@weibao.local', subject: n[0]!.title }]);
    t.clock.set(Date.UTC(2028, 0, 20, 2)); // 55 days before: nothing new
    expect(await t.app.services.assets.remindWarranty()).toBe(0);
    t.clock.set(Date.UTC(2028, 2, 10, 2)); // 5 days before: straight to the 7-day reminder, the 30-day one is skipped
    expect(await t.app.services.assets.remindWarranty()).toBe(3);
    n = await notes();
    expect(n.map((x) => x.title.replace(/.*（/, '（'))).toEqual(['（90 天内）', '（7 天内）']);
    // The list of items by warranty end shows them (read through the service: passwords have expired by now).
    const svc = t.app.services;
    const actor = svc.auth.toActor((await svc.userRepo.byUsername(t.database.db, 'manager'))!, 'token');
    const soon = await svc.assets.list(actor, { sort: 'recent', limit: 50, endingWithinDays: 7 });
    // In-service items only: the replaced DISK-001 had the same end and is history now.
    expect(soon.items.map((x) => [x.serial, x.warrantyStatus, x.daysLeft]).sort()).toEqual([
      ['DISK-002', 'expiring', 5],
      ['LIC-KYLIN-01', 'expiring', 5],
      ['SRV-001', 'expiring', 5],
    ]);
  });
});
