import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase } from '../../test/harness.js';
import { migrateToLatest } from '../migrate.js';
import { KbSearch } from './kb.js';

describe.each(DIALECTS)('knowledge-base index (%s)', (dialect) => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let search: KbSearch;
  const all = { statuses: ['published'] };
  beforeAll(async () => {
    fresh = await freshDatabase(dialect);
    await migrateToLatest(fresh.database.db);
    search = new KbSearch(dialect);
    // 700 articles about 网络; the oldest also says 交换机 in its title; one old one is the only 光模块 article.
    const rows = Array.from({ length: 700 }, (_, i) => ({
      id: `a${String(i).padStart(4, '0')}`,
      seq: i + 1,
      number: `KB-${i + 1}`,
      title: i === 0 ? '交换机网络故障' : `网络问题 ${i}`,
      body: i === 3 ? '更换光模块后恢复' : '检查网络连接',
      category_id: null,
      tags_json: '[]',
      visibility: i % 2 ? 'customer' : 'internal',
      project_id: null,
      status: 'published',
      version: 1,
      source_ticket_id: null,
      created_at: i,
      created_by: null,
      updated_at: i,
      updated_by: null,
    }));
    await fresh.database.db.transaction().execute(async (tx) => {
      for (let k = 0; k < rows.length; k += 100)
        await tx
          .insertInto('kb_articles')
          .values(rows.slice(k, k + 100))
          .execute();
      await search.indexMany(
        tx,
        rows.map((r) => ({ seq: r.seq, title: r.title, body: r.body, tags: [] })),
      );
    });
  });
  afterAll(async () => {
    await fresh?.drop();
  });

  it('a rare query ranks across every article, however old', async () => {
    expect(await search.match(fresh.database.db, '光模块', all, 10)).toEqual(['a0003']);
    expect(await search.match(fresh.database.db, '交换机', all, 10)).toEqual(['a0000']);
  });
  it('a query matching more than the ranking window ranks among the newest matches only', async () => {
    const ids = await search.match(fresh.database.db, '网络', all, 1000);
    expect(ids).toHaveLength(500);
    expect(ids.every((id) => Number(id.slice(1)) >= 200)).toBe(true);
    // Narrowing the query brings the old article back.
    expect(await search.match(fresh.database.db, '交换机 网络', all, 10)).toEqual(['a0000']);
  });
  it('filters by visibility in the same query', async () => {
    const ids = await search.match(fresh.database.db, '光模块', { statuses: ['published'], customerProjects: [] }, 10);
    expect(ids).toEqual(['a0003']);
    expect(
      await search.match(fresh.database.db, '交换机', { statuses: ['published'], customerProjects: [] }, 10),
    ).toEqual([]);
  });
});
