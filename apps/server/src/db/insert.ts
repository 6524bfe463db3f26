import { CompiledQuery, type DialectAdapter, type Insertable } from 'kysely';
import type { Tx } from './dialect.js';
import type { DB } from './types.js';

/**
 * SQL texts of hot INSERTs, per dialect adapter, keyed by table, columns and row count. Building an
 * insert with Kysely's builder and compiling it cost more than SQLite took to run it (create
 * profiles: ~10 % of a ticket create went to parsing value objects and visiting nodes); the text only
 * depends on the shape, so it is compiled by Kysely once and reused with fresh parameters.
 */
const texts = new WeakMap<DialectAdapter, Map<string, string>>();

/** Inserts rows that all have the same keys (a missing key and `undefined` are written as NULL). */
export async function insertRows<T extends keyof DB & string>(
  db: Tx,
  table: T,
  rows: readonly Insertable<DB[T]>[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const params: unknown[] = [];
  for (const row of rows) for (const c of columns) params.push((row as Record<string, unknown>)[c] ?? null);
  const adapter = db.getExecutor().adapter;
  let byShape = texts.get(adapter);
  if (!byShape) texts.set(adapter, (byShape = new Map()));
  const key = `${table}|${rows.length}|${columns.join(',')}`;
  let text = byShape.get(key);
  if (!text) {
    const values = rows.map(() => Object.fromEntries(columns.map((c) => [c, null])));
    const compiled = db
      .insertInto(table)
      .values(values as never)
      .compile();
    if (compiled.parameters.length !== params.length)
      throw new Error(`insertRows(${table}): ${compiled.parameters.length} placeholders for ${params.length} values`);
    text = compiled.sql;
    byShape.set(key, text);
  }
  await db.executeQuery(CompiledQuery.raw(text, params));
}
