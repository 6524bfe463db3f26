import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, ticketInput, tokenSession } from '../../test/api.js';
import { DIALECTS, testApp } from '../../test/harness.js';
import { TicketRepository } from './repository.js';

/** The ticket repository on both dialects: counters under concurrency, keyset order, filters, search. */
describe.each(DIALECTS)('TicketRepository (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let repo: TicketRepository;
  const db = () => t.database.db;

  beforeAll(async () => {
    t = await testApp(dialect);
    repo = new TicketRepository(dialect);
    const ids = await demoIds(t);
    const disp = await tokenSession(t, 'dispatcher');
    for (const title of ['路径 C:\\temp\\log 无法写入', '进度 100% 卡住', '名称含_下划线'])
      await disp.post('/api/v1/tickets', ticketInput(ids.projectB, { title }));
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('nextCounter hands out each number once under concurrent transactions', async () => {
    const values = await Promise.all(
      Array.from({ length: 25 }, () =>
        db()
          .transaction()
          .execute((tx) => repo.nextCounter(tx, 'concurrency-test')),
      ),
    );
    expect(values.sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(await repo.nextCounter(db(), 'another')).toBe(1);
  });

  it('list() walks (due_sort, id) with the keyset cursor: equal sort keys are split by id without loss', async () => {
    // Give a dozen tickets one shared sort key, the case where only the id orders them.
    const some = (await db().selectFrom('tickets').select('id').orderBy('id').limit(12).execute()).map((r) => r.id);
    await db().updateTable('tickets').set({ due_sort: 1_000 }).where('id', 'in', some).execute();
    const full = await repo.list(db(), { limit: 1000 });
    const sorts = full.map((r) => Number(r.due_sort));
    expect(sorts).toEqual([...sorts].sort((a, b) => a - b));
    expect(full.slice(0, 12).map((r) => r.id)).toEqual([...some].sort());
    const walked: string[] = [];
    let after: { key: number; id: string } | undefined;
    for (;;) {
      const page = await repo.list(db(), { limit: 5, after });
      const items = page.slice(0, 5);
      walked.push(...items.map((r) => r.id));
      if (page.length <= 5) break;
      const last = items[items.length - 1]!;
      after = { key: Number(last.due_sort), id: last.id };
    }
    expect(walked).toEqual(full.map((r) => r.id));
  });

  it('an empty status list matches nothing; filters combine', async () => {
    expect(await repo.list(db(), { limit: 100, statuses: [] })).toEqual([]);
    const closed = await repo.list(db(), { limit: 100, statuses: ['closed'], level: 3 });
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((r) => r.status === 'closed' && r.level === 3)).toBe(true);
    expect(closed[0]).toMatchObject({ customer_name: expect.any(String), project_name: expect.any(String) });
    // A queue row carries only what the list shows (the lean row), not the ticket's 32 columns.
    expect(Object.keys(closed[0]!)).not.toContain('description');
  });

  it('text search takes %, _ and \\ literally and ignores ASCII case', async () => {
    const titles = async (q: string) => (await repo.list(db(), { limit: 100, q })).map((r) => r.title).sort();
    expect(await titles('100%')).toEqual([
      '数据库主机 CPU 持续 100%',
      '数据库主机 CPU 持续 100%',
      '数据库主机 CPU 持续 100%',
      '进度 100% 卡住',
    ]);
    expect(await titles('0% 卡')).toEqual(['进度 100% 卡住']);
    expect(await titles('_')).toEqual(['名称含_下划线']);
    expect(await titles('c:\\TEMP\\')).toEqual(['路径 C:\\temp\\log 无法写入']);
    expect(await titles('%')).toHaveLength(4);
  });
});
