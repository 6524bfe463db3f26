import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHead, auditSince, demoIds, expectRefused, ticketInput, tokenSessions } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';
const MIN = 60_000;
const SORTS = ['due', 'level', 'created', 'status'] as const;
const KEY = { due: null, level: 'level', created: 'createdAt', status: 'status' } as const;

/** The queue as an admin table: sorts with keyset pages, totals, bulk actions, export, saved filters. */
describe.each(DIALECTS)('ticket queue table (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let disp: Session;
  let eng: Session;
  let custA: Session;
  let custB: Session;
  let manager: Session;

  const walk = async (s: Session, query: string, limit: number) => {
    const seen: any[] = [];
    let cursor: string | null = null;
    let first: any = null;
    do {
      const r = await s.get(
        `${V}/tickets?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      if (!first) first = r.body;
      else expect(r.body.total).toBeNull();
      seen.push(...r.body.items);
      cursor = r.body.nextCursor;
    } while (cursor);
    expect(new Set(seen.map((x) => x.id)).size).toBe(seen.length);
    return { items: seen, first };
  };

  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    [disp, eng, custA, custB, manager] = await tokenSessions(
      t,
      'dispatcher',
      'engineer',
      'cust_a',
      'cust_b',
      'manager',
    );
    // Created at one instant with few levels: the sort keys tie a lot, only the id splits them.
    for (let i = 0; i < 21; i++) {
      const r = await disp.post(
        `${V}/tickets`,
        ticketInput(i % 3 ? ids.projectA : ids.projectB, {
          title: `排序工单 ${i}`,
          level: (i % 2) + 2,
          reportedAt: t.clock.now - i * MIN,
          ...(i % 4 === 0 ? { assigneeId: ids.users.engineer } : {}),
        }),
      );
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('walks every sort order in both directions: each ticket once, in (key, id) order', async () => {
    const all = (await t.database.db.selectFrom('tickets').select('id').execute()).map((r) => r.id).sort();
    for (const sort of SORTS) {
      for (const dir of ['asc', 'desc'] as const) {
        const { items } = await walk(disp, `sort=${sort}&dir=${dir}`, 6);
        expect(items.map((x) => x.id).sort(), `${sort} ${dir}`).toEqual(all);
        const key = KEY[sort];
        if (!key) continue;
        const sign = dir === 'asc' ? 1 : -1;
        for (let i = 1; i < items.length; i++) {
          const [a, b] = [items[i - 1], items[i]];
          const cmp = a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : a.id < b.id ? -1 : 1;
          expect(cmp * sign, `${sort} ${dir} at ${i}`).toBe(-1);
        }
      }
    }
    // The due order is the existing queue order: descending is its exact reverse.
    const asc = (await walk(disp, 'sort=due&dir=asc', 9)).items.map((x) => x.id);
    const desc = (await walk(disp, 'sort=due&dir=desc', 9)).items.map((x) => x.id);
    expect(desc).toEqual([...asc].reverse());
  });

  it('keeps filters with a sort, and refuses a cursor of another order naming the field', async () => {
    const { items } = await walk(disp, `sort=level&dir=desc&projectId=${ids.projectB}`, 4);
    expect(items.length).toBeGreaterThan(4);
    expect(items.every((x) => x.projectId === ids.projectB)).toBe(true);
    const customer = await walk(custB, 'sort=created&dir=asc', 3);
    expect(customer.items.every((x) => x.customerId === ids.orgB)).toBe(true);
    const page = await disp.get(`${V}/tickets?sort=level&limit=3`);
    const cursor = encodeURIComponent(page.body.nextCursor);
    await expectRefused(t, disp, 'GET', `${V}/tickets?sort=created&cursor=${cursor}`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'cursor',
    });
    await expectRefused(t, disp, 'GET', `${V}/tickets?sort=level&dir=desc&cursor=${cursor}`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'cursor',
    });
    await expectRefused(t, disp, 'GET', `${V}/tickets?sort=title`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'sort',
    });
  });

  it('returns an exact total for small sets on the first page, none for text search', async () => {
    const db = t.database.db;
    const n = async (q: any) => Number((await q.select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirst()).n);
    const first = await disp.get(`${V}/tickets?projectId=${ids.projectB}&limit=5`);
    expect(first.body.total).toEqual({
      value: await n(db.selectFrom('tickets').where('project_id', '=', ids.projectB)),
      kind: 'exact',
    });
    const all = await disp.get(`${V}/tickets?limit=5`);
    expect(all.body.total).toEqual({ value: await n(db.selectFrom('tickets')), kind: 'exact' });
    const mine = await custA.get(`${V}/tickets?status=new&limit=5`);
    expect(mine.body.total).toEqual({
      value: await n(db.selectFrom('tickets').where('customer_id', '=', ids.orgA).where('status', '=', 'new')),
      kind: 'exact',
    });
    expect((await disp.get(`${V}/tickets?q=${encodeURIComponent('排序')}`)).body.total).toBeNull();
  });

  it('applies a bulk urge to each ticket: refusals reported per ticket, the others done and audited', async () => {
    const page = (await disp.get(`${V}/tickets?q=${encodeURIComponent('排序工单')}&limit=100`)).body.items;
    const assigned = page.filter((x: any) => x.assigneeId);
    const unassigned = page.find((x: any) => !x.assigneeId);
    const seq = await auditHead(t.database);
    const r = await disp.post(`${V}/tickets/bulk`, {
      action: 'urge',
      ids: [assigned[0].id, assigned[1].id, unassigned.id, 'no-such-ticket'],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.okCount).toBe(2);
    expect(r.body.refusedCount).toBe(2);
    expect(r.body.results.map((x: any) => [x.number, x.ok, x.code])).toEqual([
      [assigned[0].number, true, null],
      [assigned[1].number, true, null],
      [unassigned.number, false, 'ACTION_NOT_ALLOWED'],
      [null, false, 'NOT_FOUND'],
    ]);
    expect(r.body.results[2].message).toContain('催办');
    const rows = await auditSince(t.database, seq);
    expect(rows.map((x) => `${x.action}:${x.target_id ?? '-'}`)).toEqual([
      `ticket.urge:${assigned[0].id}`,
      `ticket.urge:${assigned[1].id}`,
      'ticket.bulk:-',
    ]);
    const notices = await t.database.db
      .selectFrom('notifications')
      .select('user_id')
      .where('kind', '=', 'ticket.urge')
      .where('ticket_id', '=', assigned[0].id)
      .execute();
    expect(notices.map((x) => x.user_id)).toContain(ids.users.engineer);
    // Urged a minute ago: the same ticket is refused, a fresh one goes through.
    const again = await disp.post(`${V}/tickets/bulk`, { action: 'urge', ids: [assigned[0].id, assigned[2].id] });
    expect(again.body.results.map((x: any) => [x.ok, x.code])).toEqual([
      [false, 'URGE_TOO_SOON'],
      [true, null],
    ]);
  });

  it('bulk dispatch, transfer and cancel run the single-ticket commands; cancel needs a reason', async () => {
    const page = (await disp.get(`${V}/tickets?q=${encodeURIComponent('排序工单')}&status=new&limit=100`)).body.items;
    const [a, b, c] = page;
    const d = await disp.post(`${V}/tickets/bulk`, {
      action: 'dispatch',
      ids: [a.id, b.id],
      assigneeId: ids.users.engineer,
    });
    expect(d.body.okCount, JSON.stringify(d.body)).toBe(2);
    expect((await disp.get(`${V}/tickets/${a.id}`)).body).toMatchObject({
      status: 'assigned',
      assigneeId: ids.users.engineer,
    });
    const tr = await disp.post(`${V}/tickets/bulk`, {
      action: 'transfer',
      ids: [a.id, c.id],
      assigneeId: ids.users.engineer2,
      reason: '工程师请假',
    });
    expect(tr.body.results.map((x: any) => [x.ok, x.code])).toEqual([
      [true, null],
      [false, 'ACTION_NOT_ALLOWED'],
    ]);
    expect((await disp.get(`${V}/tickets/${a.id}`)).body.assigneeId).toBe(ids.users.engineer2);
    await expectRefused(
      t,
      disp,
      'POST',
      `${V}/tickets/bulk`,
      { action: 'cancel', ids: [c.id] },
      { status: 400, code: 'VALIDATION', field: 'reason' },
    );
    await expectRefused(
      t,
      disp,
      'POST',
      `${V}/tickets/bulk`,
      { action: 'dispatch', ids: [c.id] },
      { status: 400, code: 'VALIDATION', field: 'assigneeId' },
    );
    await expectRefused(
      t,
      disp,
      'POST',
      `${V}/tickets/bulk`,
      { action: 'urge', ids: [] },
      { status: 400, code: 'VALIDATION', field: 'ids' },
    );
    const x = await disp.post(`${V}/tickets/bulk`, { action: 'cancel', ids: [c.id], reason: '重复报修' });
    expect(x.body.okCount).toBe(1);
    expect((await disp.get(`${V}/tickets/${c.id}`)).body.status).toBe('cancelled');
    // An engineer may call the route, but each ticket's policy still refuses a dispatch.
    const e = await eng.post(`${V}/tickets/bulk`, { action: 'dispatch', ids: [b.id], assigneeId: ids.users.engineer2 });
    expect(e.body.results[0]).toMatchObject({ ok: false, code: 'ACTION_NOT_ALLOWED' });
  });

  it('refuses bulk actions to customers', async () => {
    const own = (await custA.get(`${V}/tickets?limit=1`)).body.items[0];
    await expectRefused(
      t,
      custA,
      'POST',
      `${V}/tickets/bulk`,
      { action: 'urge', ids: [own.id] },
      { status: 403, code: 'FORBIDDEN' },
    );
  });

  const exported = async (s: Session, query: string, lang = 'zh-CN') => {
    const res = await t.app.inject({
      method: 'GET',
      url: `${V}/tickets/export.xlsx?${query}&lang=${lang}`,
      headers: s.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0]!;
    return {
      ws,
      headers: res.headers,
      rows: ws
        .getSheetValues()
        .slice(2)
        .map((r) => (r as unknown[]).slice(1)),
    };
  };

  it('exports the filtered list to Excel in the page order, with real date cells, audited', async () => {
    const seq = await auditHead(t.database);
    const { rows, ws, headers } = await exported(disp, `projectId=${ids.projectB}&sort=level&dir=desc`);
    const page = (await walk(disp, `projectId=${ids.projectB}&sort=level&dir=desc`, 100)).items;
    expect(rows.map((r) => r[0])).toEqual(page.map((x: any) => x.number));
    expect(headers['x-export-rows']).toBe(String(page.length));
    expect(ws.getRow(1).values).toContain('工单号');
    expect(rows[0]![8]).toBeInstanceOf(Date);
    // The cell shows Beijing wall-clock time.
    expect((rows[0]![8] as Date).getTime()).toBe(page[0].reportedAt + 8 * 3_600_000);
    const audit = await auditSince(t.database, seq);
    expect(audit.map((x) => x.action)).toEqual(['ticket.export']);
    expect(JSON.parse(audit[0]!.detail_json)).toMatchObject({
      rows: page.length,
      capped: false,
      filter: { projectId: ids.projectB },
    });
    const en = await exported(disp, `projectId=${ids.projectB}`, 'en');
    expect(en.ws.getRow(1).values).toContain('Number');
  });

  it("a customer's export holds only their organisation's tickets, whatever they ask for", async () => {
    const own = await t.database.db
      .selectFrom('tickets')
      .select('number')
      .where('customer_id', '=', ids.orgA)
      .execute();
    const { rows } = await exported(custA, `customerId=${ids.orgB}`);
    expect(rows.map((r) => r[0]).sort()).toEqual(own.map((x) => x.number).sort());
  });

  it('saves named filters per user: listed to their owner only, unique names, deleted by the owner only', async () => {
    const f = await disp.post(`${V}/saved-filters`, {
      scope: 'tickets',
      name: '二级待分派',
      query: { level: '2', status: ['new'], sort: 'level' },
    });
    expect(f.status, JSON.stringify(f.body)).toBe(200);
    expect(f.body).toMatchObject({ name: '二级待分派', query: { level: '2', status: ['new'] } });
    expect((await disp.get(`${V}/saved-filters?scope=tickets`)).body.map((x: any) => x.name)).toEqual(['二级待分派']);
    expect((await manager.get(`${V}/saved-filters?scope=tickets`)).body).toEqual([]);
    expect((await manager.post(`${V}/saved-filters`, { scope: 'tickets', name: '二级待分派', query: {} })).status).toBe(
      200,
    );
    await expectRefused(
      t,
      disp,
      'POST',
      `${V}/saved-filters`,
      { scope: 'tickets', name: '二级待分派', query: {} },
      { status: 409, code: 'DUPLICATE', field: 'name' },
    );
    await expectRefused(
      t,
      disp,
      'POST',
      `${V}/saved-filters`,
      { scope: 'tickets', name: ' ', query: {} },
      { status: 400, code: 'VALIDATION', field: 'name' },
    );
    await expectRefused(
      t,
      disp,
      'POST',
      `${V}/saved-filters`,
      { scope: 'assets', name: 'x', query: {} },
      { status: 400, code: 'VALIDATION', field: 'scope' },
    );
    await expectRefused(t, manager, 'DELETE', `${V}/saved-filters/${f.body.id}`, undefined, {
      status: 404,
      code: 'NOT_FOUND',
    });
    const seq = await auditHead(t.database);
    expect((await disp.del(`${V}/saved-filters/${f.body.id}`)).status).toBe(204);
    expect((await auditSince(t.database, seq)).map((x) => x.action)).toEqual(['saved_filter.delete']);
    expect((await disp.get(`${V}/saved-filters?scope=tickets`)).body).toEqual([]);
  });

  it('caps filtered totals at 10,000+ and estimates the huge unfiltered queue from statistics', async () => {
    const db = t.database.db;
    const template = await db
      .selectFrom('tickets')
      .selectAll()
      .where('project_id', '=', ids.projectA)
      .limit(1)
      .executeTakeFirstOrThrow();
    const rows = Array.from({ length: 10_050 }, (_, i) => ({
      ...template,
      id: `bulk-${String(i).padStart(6, '0')}`,
      number: `LOAD-${i}`,
      status: 'new',
      assignee_id: null,
    }));
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto('tickets')
        .values(rows.slice(i, i + 500))
        .execute();
    if (dialect === 'postgres')
      await db.executeQuery({ sql: 'analyze tickets', parameters: [], query: { kind: 'RawNode' } } as never);
    const all = await disp.get(`${V}/tickets?limit=5`);
    expect(all.body.total.kind).toBe('estimate');
    const exact = Number(
      (
        await db
          .selectFrom('tickets')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(Math.abs(all.body.total.value - exact)).toBeLessThan(exact * 0.1);
    expect((await disp.get(`${V}/tickets?status=new&limit=5`)).body.total).toEqual({ value: 10_000, kind: 'at_least' });
    const small = await disp.get(`${V}/tickets?projectId=${ids.projectB}&limit=5`);
    expect(small.body.total.kind).toBe('exact');
  });
});
