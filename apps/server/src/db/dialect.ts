import { type Kysely, type RawBuilder, type SqlBool, type Transaction, sql } from 'kysely';
import type { Dialect } from './database.js';
import type { DB } from './types.js';

/**
 * The only place outside database.ts that knows the dialect: row claiming for jobs that must run
 * once across several app nodes. PostgreSQL skips rows another node holds; SQLite has one writer,
 * so its transaction already serialises claimers.
 */
export function forUpdateSkipLocked<Q extends { forUpdate(): Q; skipLocked(): Q }>(dialect: Dialect, q: Q): Q {
  return dialect === 'postgres' ? q.forUpdate().skipLocked() : q;
}

/**
 * Bounds how long a vanished node keeps the rows it claimed. A process that dies closes its socket
 * and PostgreSQL rolls its transaction back at once; a host that is cut off or loses power closes
 * nothing, and its locks would stay until TCP keepalive gives up (hours). With this lease PostgreSQL
 * ends the transaction once the client has been silent inside it for `ms`, so another node takes
 * the rows over at its next poll. SQLite: the OS frees a dead process's lock.
 */
export async function claimLease(dialect: Dialect, db: Tx, ms: number): Promise<void> {
  if (dialect === 'postgres')
    await sql`select set_config('idle_in_transaction_session_timeout', ${String(Math.round(ms))}, true)`.execute(db);
}

export function forUpdate<Q extends { forUpdate(): Q }>(dialect: Dialect, q: Q): Q {
  return dialect === 'postgres' ? q.forUpdate() : q;
}

/** Case-insensitive "contains" for search boxes. */
export function ilike(dialect: Dialect) {
  return dialect === 'postgres' ? ('ilike' as const) : ('like' as const);
}

/**
 * `column` contains `text`, case-insensitively, with % and _ in `text` taken literally. SQLite's
 * LIKE has no escape character unless one is named, so the ESCAPE clause is spelled out for both.
 */
export function containsText(dialect: Dialect, column: string, text: string): RawBuilder<SqlBool> {
  const pattern = `%${text.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
  return sql<SqlBool>`${sql.ref(column)} ${sql.raw(ilike(dialect))} ${pattern} escape '\\'`;
}

export type Tx = Transaction<DB> | Kysely<DB>;

/**
 * Fresh planner statistics after a bulk load: PostgreSQL plans from them and autovacuum would only
 * catch up later, leaving the first pages after a 100,000-row import on bad plans. SQLite's
 * planner does without.
 */
export async function refreshStats(dialect: Dialect, db: Tx, table: keyof DB & string): Promise<void> {
  if (dialect === 'postgres') await sql`analyze ${sql.table(table)}`.execute(db);
}

/**
 * A table's row count without counting it, for a total too large to count on every page: PostgreSQL's
 * planner estimate (pg_class.reltuples, kept by ANALYZE and autovacuum; null before the first one),
 * SQLite's max(rowid) (exact for a table rows are not deleted from).
 */
export async function estimatedRowCount(dialect: Dialect, db: Tx, table: keyof DB & string): Promise<number | null> {
  if (dialect === 'postgres') {
    const r = await sql<{
      n: number | string;
    }>`select reltuples as n from pg_class where oid = to_regclass(${table})`.execute(db);
    const n = Number(r.rows[0]?.n ?? -1);
    return n >= 0 ? Math.round(n) : null;
  }
  const r = await sql<{ n: number | null }>`select max(rowid) as n from ${sql.table(table)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * Keyset predicate for newest-first pages over (at, id): rows strictly after the cursor row.
 * Spelled as OR/AND (not a row value) so both dialects walk the (…, at, id) index backwards.
 */
export function olderThan(at: string, id: string, after: { at: number; id: string }): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(at)} < ${after.at} or (${sql.ref(at)} = ${after.at} and ${sql.ref(id)} < ${after.id}))`;
}
export { sql };
