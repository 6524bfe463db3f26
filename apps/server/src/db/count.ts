import type { SelectQueryBuilder } from 'kysely';
import type { Tx } from './dialect.js';
import type { DB } from './types.js';

/**
 * min(count, cap) of a query's rows without counting past the cap: the inner LIMIT stops the index
 * scan after `cap` rows, so a badge over a million open tickets costs the same as one over a hundred.
 * `rows` must select at least one column (e.g. the id).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function countCapped(db: Tx, rows: SelectQueryBuilder<DB, any, any>, cap: number): Promise<number> {
  const r = await db
    .selectFrom(rows.limit(cap).as('capped'))
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
