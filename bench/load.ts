/**
 * Bulk loading of generated rows, bypassing the API: secondary indexes of the loaded tables are
 * dropped first and re-created afterwards from their own definitions (sqlite_master / pg_indexes),
 * so the schema stays exactly the migration's. SQLite: one prepared statement per table in large
 * transactions. PostgreSQL: `insert … select * from unnest($1::text[], …)` with one array per column.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Batch, Generator } from './data.js';

const TABLES = ['tickets', 'sla_clocks', 'sla_alerts'] as const;
type Table = (typeof TABLES)[number];
type Row = object;
const field = (r: Row, c: string) => (r as Record<string, unknown>)[c] ?? null;

export interface LoadResult {
  tickets: number;
  clocks: number;
  alerts: number;
  insertMs: number;
  indexMs: number;
}

/** "label  12,345 / 1,000,000  (83,000 rows/s)" on one line, rewritten in place on a terminal. */
export class Progress {
  private last = 0;
  private readonly start = performance.now();
  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {}
  update(n: number, force = false) {
    const now = performance.now();
    if (!force && now - this.last < (process.stdout.isTTY ? 200 : 10_000)) return;
    this.last = now;
    const rate = n / Math.max(1e-3, (now - this.start) / 1000);
    const eta = rate > 0 ? (this.total - n) / rate : 0;
    const line = `  ${this.label} ${n.toLocaleString('en-US')} / ${this.total.toLocaleString('en-US')}  (${Math.round(rate).toLocaleString('en-US')} tickets/s, ${eta.toFixed(0)} s left)`;
    if (process.stdout.isTTY) process.stdout.write(`\r\x1b[2K${line}`);
    else console.log(line);
  }
  done(n: number) {
    this.update(n, true);
    if (process.stdout.isTTY) process.stdout.write('\n');
  }
}

export async function loadSqlite(file: string, gen: Generator, total: number, batchSize = 20_000): Promise<LoadResult> {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  db.pragma('temp_store = MEMORY');
  const indexes = db
    .prepare(
      `select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${TABLES.map(() => '?').join(',')})`,
    )
    .all(...TABLES) as { name: string; sql: string }[];
  for (const ix of indexes) db.exec(`drop index ${ix.name}`);
  const insert = {} as Record<Table, { cols: string[]; stmt: SQLite.Statement }>;
  for (const t of TABLES) {
    const cols = (db.pragma(`table_info(${t})`) as { name: string }[]).map((c) => c.name);
    insert[t] = {
      cols,
      stmt: db.prepare(`insert into ${t} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`),
    };
  }
  const write = db.transaction((b: Batch) => {
    for (const [t, rows] of [
      ['tickets', b.tickets],
      ['sla_clocks', b.clocks],
      ['sla_alerts', b.alerts],
    ] as [Table, Row[]][]) {
      const { cols, stmt } = insert[t];
      const vals = new Array(cols.length);
      for (const r of rows) {
        for (let i = 0; i < cols.length; i++) vals[i] = field(r, cols[i]!);
        stmt.run(vals);
      }
    }
  });
  const res: LoadResult = { tickets: 0, clocks: 0, alerts: 0, insertMs: 0, indexMs: 0 };
  const progress = new Progress('inserting', total);
  const t0 = performance.now();
  while (!gen.done) {
    const b = gen.next(batchSize);
    write(b);
    res.tickets += b.tickets.length;
    res.clocks += b.clocks.length;
    res.alerts += b.alerts.length;
    progress.update(res.tickets);
  }
  progress.done(res.tickets);
  res.insertMs = performance.now() - t0;
  const t1 = performance.now();
  for (const [i, ix] of indexes.entries()) {
    if (process.stdout.isTTY)
      process.stdout.write(`\r\x1b[2K  re-creating index ${i + 1}/${indexes.length} ${ix.name}`);
    db.exec(ix.sql);
  }
  if (process.stdout.isTTY) process.stdout.write('\n');
  db.pragma('wal_checkpoint(TRUNCATE)');
  res.indexMs = performance.now() - t1;
  db.close();
  return res;
}

export async function loadPostgres(url: string, gen: Generator, total: number, batchSize = 5_000): Promise<LoadResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('set synchronous_commit = off');
  await client.query(`set maintenance_work_mem = '512MB'`);
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = any($1)
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [TABLES],
  );
  for (const ix of indexes) await client.query(`drop index ${ix.name}`);
  const meta = {} as Record<Table, { cols: string[]; sql: string }>;
  for (const t of TABLES) {
    const { rows } = await client.query<{ column_name: string; data_type: string }>(
      'select column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name = $1 order by ordinal_position',
      [t],
    );
    const cols = rows.map((r) => r.column_name);
    const sql = `insert into ${t} (${cols.join(', ')}) select * from unnest(${rows.map((r, i) => `$${i + 1}::${r.data_type}[]`).join(', ')})`;
    meta[t] = { cols, sql };
  }
  const insertRows = async (t: Table, rows: Row[]) => {
    if (!rows.length) return;
    const { cols, sql } = meta[t];
    const arrays = cols.map((c) => rows.map((r) => field(r, c)));
    await client.query(sql, arrays);
  };
  const res: LoadResult = { tickets: 0, clocks: 0, alerts: 0, insertMs: 0, indexMs: 0 };
  const progress = new Progress('inserting', total);
  const t0 = performance.now();
  // Generate the next batch while PostgreSQL (another process) writes this one.
  let pending: Promise<void> = Promise.resolve();
  while (!gen.done) {
    const b = gen.next(batchSize);
    await pending;
    pending = (async () => {
      await client.query('begin');
      await insertRows('tickets', b.tickets);
      await insertRows('sla_clocks', b.clocks);
      await insertRows('sla_alerts', b.alerts);
      await client.query('commit');
      res.tickets += b.tickets.length;
      res.clocks += b.clocks.length;
      res.alerts += b.alerts.length;
      progress.update(res.tickets);
    })();
  }
  await pending;
  progress.done(res.tickets);
  res.insertMs = performance.now() - t0;
  const t1 = performance.now();
  // Two connections build indexes side by side (one per core).
  const second = new pg.Client({ connectionString: url });
  await second.connect();
  await second.query(`set maintenance_work_mem = '512MB'`);
  let next = 0;
  let built = 0;
  const worker = async (c: pg.Client) => {
    while (next < indexes.length) {
      const ix = indexes[next++]!;
      await c.query(ix.def);
      built++;
      if (process.stdout.isTTY)
        process.stdout.write(`\r\x1b[2K  re-created index ${built}/${indexes.length} ${ix.name}`);
    }
  };
  await Promise.all([worker(client), worker(second)]);
  if (process.stdout.isTTY) process.stdout.write('\n');
  await second.end();
  res.indexMs = performance.now() - t1;
  const t2 = performance.now();
  // What autovacuum would have done on a live database: statistics and the visibility map.
  for (const t of TABLES) await client.query(`vacuum (analyze) ${t}`);
  // Flush the load's dirty pages now rather than in a spread-out checkpoint during the measurements.
  await client.query('checkpoint');
  res.indexMs += performance.now() - t2;
  await client.end();
  return res;
}
