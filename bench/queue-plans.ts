/**
 * `npx tsx bench/queue-plans.ts`: the query plan of every queue order (due, level, created, status;
 * asc and desc; staff and customer; deep page) on SQLite and PostgreSQL, over the demo seed plus
 * BENCH_PLAN_TICKETS copies of a ticket (analysed), printed as Markdown for docs/benchmarks.md.
 * The full 1M run (`npm run bench`) records the same plans next to its latencies.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { type Database, type Dialect, openDatabase } from '../apps/server/src/db/database.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import { seedDemo } from '../apps/server/src/modules/seed/demo.js';
import { type QueueSort, SORT_COLUMN } from '../apps/server/src/modules/tickets/ordering.js';
import { bindList, listQuery } from './queries.js';
import { explain } from './sla.js';

const N = Number(process.env.BENCH_PLAN_TICKETS ?? 200_000);
const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SORTS = Object.keys(SORT_COLUMN) as QueueSort[];

async function open(dialect: Dialect, dir: string): Promise<Database> {
  if (dialect === 'sqlite') return openDatabase({ databaseUrl: null, sqlitePath: path.join(dir, 'plans.sqlite') });
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query('drop database if exists weibao_plans with (force)');
  await admin.query('create database weibao_plans');
  await admin.end();
  const u = new URL(PG_ADMIN);
  u.pathname = '/weibao_plans';
  return openDatabase({ databaseUrl: u.toString() });
}

async function plans(dialect: Dialect) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weibao-plans-'));
  const database = await open(dialect, dir);
  await migrateToLatest(database.db);
  const app = await buildApp({
    config: loadConfig({}, { dataDir: dir, workers: false, logLevel: 'silent' }),
    database,
    logger: false,
  });
  await seedDemo(app.services);
  const db = database.db;
  const rows = await db.selectFrom('tickets').selectAll().execute();
  const levels = [1, 2, 3, 4];
  const statuses = ['new', 'assigned', 'in_progress', 'suspended', 'resolved', 'closed', 'cancelled'];
  for (let i = 0; i < N; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, N - i) }, (_, j) => {
      const k = i + j;
      const t = rows[k % rows.length]!;
      return {
        ...t,
        id: `p${String(k).padStart(9, '0')}`,
        number: `PLAN-${k}`,
        level: levels[k % 4]!,
        status: statuses[k % 7]!,
        created_at: t.created_at - k * 1000,
        due_sort: t.due_sort + k,
      };
    });
    await db.insertInto('tickets').values(batch).execute();
  }
  await sql`analyze`.execute(db);
  const customerId = rows[0]!.customer_id;
  const out: string[] = [];
  for (const sort of SORTS) {
    for (const dir of ['asc', 'desc'] as const) {
      const column = SORT_COLUMN[sort];
      const mid = await db
        .selectFrom('tickets')
        .select([`${column} as key`, 'id'])
        .orderBy(column, dir)
        .orderBy('id', dir)
        .offset(Math.floor(N / 2))
        .limit(1)
        .executeTakeFirstOrThrow();
      for (const customer of [false, true]) {
        const lq = await listQuery(dialect, { customer, after: true, limit: 50, sort, dir });
        const plan = await explain(database, {
          sql: lq.sql,
          parameters: bindList(lq, {
            customerId,
            sort: typeof mid.key === 'string' ? mid.key : Number(mid.key),
            id: mid.id,
          }),
        });
        out.push(
          `**${sort} ${dir}, deep 50-row page (${customer ? 'customer' : 'staff'})**`,
          '',
          '```',
          plan,
          '```',
          '',
        );
      }
    }
  }
  await app.close();
  await database.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
  return out.join('\n');
}

for (const dialect of (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',') as Dialect[]) {
  console.log(
    `### ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (demo seed + ${N.toLocaleString('en-US')} tickets, analysed)\n`,
  );
  console.log(await plans(dialect));
}
process.exit(0);
