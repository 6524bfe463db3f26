import { OPEN_STATUSES } from '@weibao/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, expectRefused, ticketInput, tokenSessions } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';
const MIN = 60_000;

describe.each(DIALECTS)('ticket queue: keyset pages, tabs and filters (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let disp: Session;
  let eng: Session;
  let custA: Session;
  let custB: Session;

  /** Follows nextCursor to the end; fails on a repeated id. */
  const walk = async (s: Session, query: string, limit: number) => {
    const seen: any[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await s.get(
        `${V}/tickets?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.items.length).toBeLessThanOrEqual(limit);
      seen.push(...r.body.items);
      cursor = r.body.nextCursor;
      pages++;
    } while (cursor);
    expect(new Set(seen.map((x) => x.id)).size).toBe(seen.length);
    return { items: seen, pages };
  };
  const dbIds = async (where: (q: any) => any) =>
    (await where(t.database.db.selectFrom('tickets').select('id')).execute()).map((r: any) => r.id).sort();

  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    [disp, eng, custA, custB] = await tokenSessions(t, 'dispatcher', 'engineer', 'cust_a', 'cust_b');
    // 24 tickets reported at the same instant: equal sort keys, so only the id breaks ties.
    const same = t.clock.now - 3 * MIN;
    for (let i = 0; i < 24; i++) {
      const r = await disp.post(
        `${V}/tickets`,
        ticketInput(i % 3 ? ids.projectA : ids.projectB, {
          title: `批量工单 ${i}`,
          level: 2,
          reportedAt: same,
          ...(i % 4 === 0 ? { assigneeId: ids.users.engineer } : {}),
        }),
      );
      expect(r.status).toBe(200);
    }
    await custA.post(`${V}/tickets`, ticketInput(ids.projectA, { title: '客户自报：打印 50%_进度卡住' }));
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('walks the whole queue in pages with no duplicates or gaps, in due order, ties broken by id', async () => {
    const all = await dbIds((q) => q);
    expect(all.length).toBeGreaterThan(50);
    const { items, pages } = await walk(disp, 'tab=all', 7);
    expect(pages).toBeGreaterThan(2);
    expect(items.map((x) => x.id).sort()).toEqual(all);
    const full = (await disp.get(`${V}/tickets?limit=100`)).body;
    expect(full.nextCursor).toBeNull();
    expect(items.map((x) => x.id)).toEqual(full.items.map((x: any) => x.id));
    // Open tickets with a running clock first, by nearest due; finished ones last.
    const firstDone = items.findIndex((x) => !OPEN_STATUSES.includes(x.status));
    expect(items.slice(firstDone).every((x) => !OPEN_STATUSES.includes(x.status))).toBe(true);
    const due = items.filter((x) => OPEN_STATUSES.includes(x.status) && x.nextDueAt !== null).map((x) => x.nextDueAt);
    expect(due).toEqual([...due].sort((a, b) => a - b));
    expect(items.findIndex((x) => x.title.startsWith('批量工单'))).toBeGreaterThanOrEqual(0);
  });

  it('tabs: mine (open, assigned to me), created (by me), at_risk (due within 30 min or late)', async () => {
    const mine = await walk(eng, 'tab=mine', 4);
    expect(mine.items.map((x) => x.id).sort()).toEqual(
      await dbIds((q) => q.where('assignee_id', '=', ids.users.engineer).where('status', 'in', [...OPEN_STATUSES])),
    );
    expect(mine.pages).toBeGreaterThan(2);
    const created = await walk(custA, 'tab=created', 2);
    expect(created.items.map((x) => x.id).sort()).toEqual(
      await dbIds((q) => q.where('created_by', '=', ids.users.cust_a)),
    );
    const risk = await walk(disp, 'tab=at_risk', 5);
    const limit = t.clock.now + 30 * MIN;
    expect(risk.items.length).toBeGreaterThan(0);
    expect(
      risk.items.every((x) => OPEN_STATUSES.includes(x.status) && x.nextDueAt !== null && x.nextDueAt < limit),
    ).toBe(true);
    expect(risk.items.map((x) => x.id).sort()).toEqual(
      await dbIds((q) => q.where('status', 'in', [...OPEN_STATUSES]).where('next_due_at', '<', limit)),
    );
    // Filters narrow a tab; "mine" never shows finished tickets.
    expect((await eng.get(`${V}/tickets?tab=mine&status=closed`)).body).toEqual({
      items: [],
      nextCursor: null,
      total: { value: 0, kind: 'exact' },
    });
    const mineNew = (await eng.get(`${V}/tickets?tab=mine&status=assigned&status=closed&limit=100`)).body.items;
    expect(mineNew.length).toBeGreaterThan(0);
    expect(mineNew.every((x: any) => x.status === 'assigned' && x.assigneeId === ids.users.engineer)).toBe(true);
  });

  it('filters by status, level, project, customer, channel, assignee and text, across pages', async () => {
    const cases: [string, (q: any) => any][] = [
      ['status=new', (q) => q.where('status', '=', 'new')],
      ['status=new&status=resolved', (q) => q.where('status', 'in', ['new', 'resolved'])],
      ['level=2', (q) => q.where('level', '=', 2)],
      [`projectId=${ids.projectB}`, (q) => q.where('project_id', '=', ids.projectB)],
      [`customerId=${ids.orgA}&level=2`, (q) => q.where('customer_id', '=', ids.orgA).where('level', '=', 2)],
      ['channel=web', (q) => q.where('channel', '=', 'web')],
      [
        `assigneeId=${ids.users.engineer}&status=assigned`,
        (q) => q.where('assignee_id', '=', ids.users.engineer).where('status', '=', 'assigned'),
      ],
      [`q=${encodeURIComponent('批量')}`, (q) => q.where('title', 'like', '批量%')],
    ];
    for (const [query, where] of cases) {
      const expected = await dbIds(where);
      expect(expected.length, query).toBeGreaterThan(0);
      expect((await walk(disp, query, 3)).items.map((x) => x.id).sort(), query).toEqual(expected);
    }
    const one = (await disp.get(`${V}/tickets?limit=1`)).body.items[0];
    expect((await disp.get(`${V}/tickets?q=${one.number}`)).body.items.map((x: any) => x.id)).toEqual([one.id]);
  });

  it('text search treats % and _ literally on both dialects', async () => {
    const cpu = await dbIds((q) => q.where('title', '=', '数据库主机 CPU 持续 100%'));
    expect(cpu.length).toBeGreaterThan(0);
    expect((await walk(disp, `q=${encodeURIComponent('100%')}`, 50)).items.map((x) => x.id).sort()).toEqual(cpu);
    expect((await walk(disp, `q=${encodeURIComponent('cpu')}`, 50)).items.map((x) => x.id).sort()).toEqual(cpu);
    const print = (await walk(disp, `q=${encodeURIComponent('50%_')}`, 50)).items;
    expect(print.map((x) => x.title)).toEqual(['客户自报：打印 50%_进度卡住']);
    expect((await walk(disp, `q=${encodeURIComponent('_')}`, 50)).items.map((x) => x.title)).toEqual([
      '客户自报：打印 50%_进度卡住',
    ]);
  });

  it("customers page through their own organisation's tickets only, whatever they ask for", async () => {
    for (const [s, org] of [
      [custA, ids.orgA],
      [custB, ids.orgB],
    ] as const) {
      const other = org === ids.orgA ? ids.orgB : ids.orgA;
      const own = await walk(s, 'tab=all', 4);
      expect(own.items.map((x) => x.id).sort()).toEqual(await dbIds((q) => q.where('customer_id', '=', org)));
      const sneaky = await walk(s, `customerId=${other}`, 50);
      expect(sneaky.items.every((x) => x.customerId === org)).toBe(true);
      const otherProject = org === ids.orgA ? ids.projectB : ids.projectA;
      expect((await s.get(`${V}/tickets?projectId=${otherProject}`)).body.items).toEqual([]);
    }
  });

  it('refuses bad queries and cursors naming the field', async () => {
    const url = `${V}/tickets`;
    await expectRefused(t, disp, 'GET', `${url}?cursor=not-a-cursor`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'cursor',
    });
    await expectRefused(t, disp, 'GET', `${url}?cursor=${Buffer.from('abc:def').toString('base64url')}`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'cursor',
    });
    await expectRefused(t, disp, 'GET', `${url}?limit=0`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'limit',
    });
    await expectRefused(t, disp, 'GET', `${url}?limit=101`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'limit',
    });
    await expectRefused(t, disp, 'GET', `${url}?tab=everything`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'tab',
    });
    await expectRefused(t, disp, 'GET', `${url}?status=lost`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'status',
    });
    await expectRefused(t, disp, 'GET', `${url}?level=9`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'level',
    });
    await expectRefused(t, disp, 'GET', `${url}?channel=pigeon`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'channel',
    });
  });
});
