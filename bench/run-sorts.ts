/** bench/run.ts's queue orders: 50-row pages in every sort and direction, first pages and deep ones. */
import type { Database } from '../apps/server/src/db/database.js';
import { encodeCursor as encodeKeyset } from '../apps/server/src/lib/keyset.js';
import { type QueueSort, SORT_COLUMN } from '../apps/server/src/modules/tickets/ordering.js';
import { latency } from './http.js';

export const SORTS = Object.keys(SORT_COLUMN) as QueueSort[];
const SORT_SAMPLES = 40;

/** (key, id) of rows spread over the whole queue in one order: the cursors of deep pages. */
export async function sortSamples(database: Database, sort: QueueSort, dir: 'asc' | 'desc', n: number) {
  const column = SORT_COLUMN[sort];
  const total = Number(
    (
      await database.db
        .selectFrom('tickets')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const out: { key: number | string; id: string }[] = [];
  for (let i = 0; i < n; i++) {
    const offset = Math.floor(((i + 0.5) / n) * total * 0.98);
    const r = await database.db
      .selectFrom('tickets')
      .select([`${column} as key`, 'id'])
      .orderBy(column, dir)
      .orderBy('id', dir)
      .offset(offset)
      .limit(1)
      .executeTakeFirstOrThrow();
    out.push({ key: typeof r.key === 'string' ? r.key : Number(r.key), id: r.id });
  }
  return out;
}

/** Single-client latency of 50-row pages in each order and direction: the first page (with its total) and deep pages. */
export async function sortSeries(database: Database, base: string, headers: Record<string, string>, latencyN: number) {
  const out: { name: string; stats: Awaited<ReturnType<typeof latency>> }[] = [];
  const n = Math.max(100, Math.floor(latencyN / 4));
  for (const sort of SORTS) {
    for (const dir of ['asc', 'desc'] as const) {
      const q = `/api/v1/tickets?tab=all&limit=50&sort=${sort}&dir=${dir}`;
      const cursors = (await sortSamples(database, sort, dir, SORT_SAMPLES)).map((s) =>
        encodeKeyset([sort, dir, s.key, s.id]),
      );
      out.push({ name: `${sort} ${dir}, first page (with total)`, stats: await latency(base, [q], headers, n, 100) });
      out.push({
        name: `${sort} ${dir}, deep pages`,
        stats: await latency(
          base,
          cursors.map((c) => `${q}&cursor=${c}`),
          headers,
          n,
          100,
        ),
      });
    }
  }
  return out;
}
