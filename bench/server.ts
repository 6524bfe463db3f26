/**
 * Child process serving one side of a comparison on 127.0.0.1 (random port), so the server gets
 * its own core and event loop while the load generator runs in the parent:
 * - BENCH_MODE=app: the real app (buildApp, workers started, same config loading as main.ts);
 * - BENCH_MODE=raw: the baseline, a bare Fastify app on the same database with no auth, no zod and
 *   no service layer: the app's own page SQL as a prepared statement, and a one-row ticket insert.
 * Reports {port} over IPC; exits on 'stop'.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { openDatabase } from '../apps/server/src/db/database.js';
import { decodeCursor, encodeCursor } from '../apps/server/src/modules/tickets/ordering.js';
import { uuid7 } from './data.js';
import { bindList, listQuery } from './queries.js';

const mode = process.env.BENCH_MODE;
const url = process.env.BENCH_PG_DB || null;
const sqlitePath = process.env.BENCH_SQLITE!;
const dialect = url ? 'postgres' : 'sqlite';

type PageRow = Record<string, any>;
const summary = (t: PageRow) => ({
  id: t.id, number: t.number, title: t.title, status: t.status, level: t.level, channel: t.channel, customerId: t.customer_id,
  customerName: t.customer_name, projectId: t.project_id, projectName: t.project_name, assigneeId: t.assignee_id,
  assigneeName: t.assignee_name ?? null, reportedAt: Number(t.reported_at), nextDueAt: t.next_due_at === null ? null : Number(t.next_due_at),
  breached: t.breached === 1, updatedAt: Number(t.updated_at),
});

async function raw(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  const limit = 20;
  const sqls = {
    first: await listQuery(dialect, { customer: false, after: false, limit }),
    after: await listQuery(dialect, { customer: false, after: true, limit }),
    custFirst: await listQuery(dialect, { customer: true, after: false, limit }),
    custAfter: await listQuery(dialect, { customer: true, after: true, limit }),
  };
  const projects = JSON.parse(process.env.BENCH_PROJECTS!) as { id: string; customerId: string; contractId: string }[];
  const creator = process.env.BENCH_CREATOR!;
  let seq = 0;
  // One ticket row: what an INSERT costs on this table and its indexes, without the workflow around it.
  const ticketRow = (b: any) => {
    const now = Date.now();
    const p = projects[seq % projects.length]!;
    return [uuid7(now), `RAW-${process.pid}-${++seq}`, p.id, p.customerId, p.contractId, String(b.title), String(b.description ?? ''), Number(b.level),
      String(b.channel), 'new', String(b.reporterName), String(b.reporterPhone), now, now, creator, 0, now + 1_800_000, now + 1_800_000, 0, now];
  };
  const insertSql = (ph: (i: number) => string) => `insert into tickets (id, number, project_id, customer_id, contract_id, title, description, level, channel, status,
    reporter_name, reporter_phone, reported_at, created_at, created_by, reopen_count, next_due_at, due_sort, breached, updated_at)
    values (${Array.from({ length: 20 }, (_, i) => ph(i + 1)).join(', ')})`;

  let page: (which: keyof typeof sqls, params: unknown[]) => Promise<PageRow[]>;
  let insert: (values: unknown[]) => Promise<void>;
  if (dialect === 'sqlite') {
    const db = new SQLite(sqlitePath);
    db.pragma('journal_mode = WAL'); db.pragma('foreign_keys = ON'); db.pragma('busy_timeout = 5000'); db.pragma('synchronous = NORMAL');
    const stmts = Object.fromEntries(Object.entries(sqls).map(([k, q]) => [k, db.prepare(q.sql)])) as Record<keyof typeof sqls, SQLite.Statement>;
    const ins = db.prepare(insertSql(() => '?'));
    page = async (which, params) => stmts[which].all(...params) as PageRow[];
    insert = async (values) => { ins.run(...values); };
    app.addHook('onClose', async () => db.close());
  } else {
    const pool = new pg.Pool({ connectionString: url!, max: 10 });
    page = async (which, params) => (await pool.query({ name: which, text: sqls[which].sql, values: params })).rows;
    const text = insertSql((i) => `$${i}`);
    insert = async (values) => { await pool.query({ name: 'insert', text, values }); };
    app.addHook('onClose', async () => pool.end());
  }

  app.get('/tickets', async (req) => {
    const q = req.query as { cursor?: string; customerId?: string };
    const after = q.cursor ? decodeCursor(q.cursor) : null;
    const which = q.customerId ? (after ? 'custAfter' : 'custFirst') : after ? 'after' : 'first';
    const rows = await page(which, bindList(sqls[which], { customerId: q.customerId, sort: after?.sort, id: after?.id }));
    const more = rows.length > limit;
    const items = more ? rows.slice(0, limit) : rows;
    const last = items[items.length - 1];
    return { items: items.map(summary), nextCursor: more && last ? encodeCursor(Number(last.due_sort), last.id) : null };
  });
  app.post('/tickets', async (req) => {
    const values = ticketRow(req.body);
    await insert(values);
    return { id: values[0] };
  });
  return app;
}

async function real(): Promise<FastifyInstance> {
  const config = loadConfig(process.env, { logLevel: process.env.BENCH_LOG_LEVEL ?? 'warn' });
  const database = openDatabase({ databaseUrl: url, sqlitePath });
  const app = await buildApp({ config, database });
  app.addHook('onClose', async () => database.destroy());
  if (config.workers) app.services.worker.start();
  return app;
}

const app = mode === 'raw' ? await raw() : await real();
await app.listen({ host: '127.0.0.1', port: 0 });
const addr = app.server.address();
process.send!({ type: 'ready', port: typeof addr === 'object' && addr ? addr.port : 0 });
process.on('message', async (m) => {
  if (m === 'stop') {
    await app.close();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
