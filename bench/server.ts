/**
 * Child process serving one side of a comparison on 127.0.0.1 (random port), so the server gets
 * its own core and event loop while the load generator runs in the parent:
 * - BENCH_MODE=app: the real app (buildApp, workers started, same config loading as main.ts);
 * - BENCH_MODE=raw: the baseline, a bare Fastify app on the same database with no auth, no zod and
 *   no service layer: the app's own page SQL as a prepared statement, a one-row ticket insert, and
 *   (POST /tickets-full) the same rows an API create writes, as prepared statements in one transaction.
 * Reports {port} over IPC; exits on 'stop'.
 */
import { createHash } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { openDatabase } from '../apps/server/src/db/database.js';
import { decodeCursor, encodeCursor } from '../apps/server/src/lib/keyset.js';
import { uuid7 } from './data.js';
import { bindList, listQuery } from './queries.js';

const mode = process.env.BENCH_MODE;
const url = process.env.BENCH_PG_DB || null;
const sqlitePath = process.env.BENCH_SQLITE!;
const dialect = url ? 'postgres' : 'sqlite';

type PageRow = Record<string, string | number | null>;
const summary = (t: PageRow) => ({
  id: t.id,
  number: t.number,
  title: t.title,
  status: t.status,
  level: t.level,
  channel: t.channel,
  customerId: t.customer_id,
  customerName: t.customer_name,
  projectId: t.project_id,
  projectName: t.project_name,
  assigneeId: t.assignee_id,
  assigneeName: t.assignee_name ?? null,
  reportedAt: Number(t.reported_at),
  nextDueAt: t.next_due_at === null ? null : Number(t.next_due_at),
  breached: t.breached === 1,
  updatedAt: Number(t.updated_at),
  createdAt: Number(t.created_at),
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
  const COLS = [
    'id',
    'number',
    'project_id',
    'customer_id',
    'contract_id',
    'title',
    'description',
    'level',
    'channel',
    'status',
    'reporter_name',
    'reporter_phone',
    'reported_at',
    'created_at',
    'created_by',
    'reopen_count',
    'next_due_at',
    'due_sort',
    'breached',
    'updated_at',
  ];
  // One ticket row: what an INSERT costs on this table and its indexes, without the workflow around it.
  const ticketRow = (body: unknown, now: number) => {
    const b = body as Record<string, unknown>;
    return ticketValues(b, now);
  };
  const ticketValues = (b: Record<string, unknown>, now: number) => {
    const p = projects[seq % projects.length]!;
    return [
      uuid7(now),
      `RAW-${process.pid}-${++seq}`,
      p.id,
      p.customerId,
      p.contractId,
      String(b.title),
      String(b.description ?? ''),
      Number(b.level),
      String(b.channel),
      'new',
      String(b.reporterName),
      String(b.reporterPhone),
      now,
      now,
      creator,
      0,
      now + 1_800_000,
      now + 1_800_000,
      0,
      now,
    ];
  };
  /** The other rows an API create writes: 3 clocks, 9 alerts, 1 timeline event, 1 audit row (+ counter and audit head updates). */
  const sideRows = (ticketId: string, now: number) => {
    // The seeded policy's targets (30 / 30 / 120 min) and the alert thresholds at 50 %, 80 % and
    // 100 % + 1 ms: the same values the app writes, so the same index pages are touched.
    const targets = [1_800_000, 1_800_000, 7_200_000];
    const clocks = ['response', 'arrival', 'resolution'].map((kind, i) => [
      uuid7(now),
      ticketId,
      kind,
      1,
      targets[i]!,
      now,
      0,
      '[]',
      now + targets[i]!,
      now,
    ]);
    const thresholds = [
      ['warn50', 0.5, 0],
      ['warn80', 0.8, 0],
      ['breach', 1, 1],
    ] as const;
    const alerts = clocks.flatMap((c) =>
      thresholds.map(([kind, f, offset]) => [
        uuid7(now),
        c[0],
        ticketId,
        kind,
        now + (c[4] as number) * f + offset,
        'pending',
      ]),
    );
    const event = [uuid7(now), ticketId, now, creator, 'created', 'new', '{}', 1];
    return { clocks, alerts, event };
  };
  const ph = (dialect: string, rows: number, cols: number) => {
    let n = 0;
    return Array.from(
      { length: rows },
      () => `(${Array.from({ length: cols }, () => (dialect === 'postgres' ? `$${++n}` : '?')).join(', ')})`,
    ).join(', ');
  };
  const insertSql = (d: string) => `insert into tickets (${COLS.join(', ')}) values ${ph(d, 1, COLS.length)}`;
  const fullSql = (d: string) => ({
    counter: `update counters set value = value + 1 where name = 'raw-bench' returning value`,
    clocks: `insert into sla_clocks (id, ticket_id, kind, cycle, target_ms, started_at, cancelled, pauses_json, due_at, updated_at) values ${ph(d, 3, 10)}`,
    alerts: `insert into sla_alerts (id, clock_id, ticket_id, kind, fire_at, state) values ${ph(d, 9, 6)}`,
    event: `insert into ticket_events (id, ticket_id, at, actor_id, type, to_status, data_json, public) values ${ph(d, 1, 8)}`,
    head: 'select seq, hash from audit_head where id = 1',
    audit: `insert into audit_log (seq, id, at, actor_id, actor_roles, action, summary, detail_json, result, prev_hash, hash) values ${ph(d, 1, 11)}`,
    moveHead: `update audit_head set seq = ${d === 'postgres' ? '$1' : '?'}, hash = ${d === 'postgres' ? '$2' : '?'} where id = 1`,
  });
  const auditRow = (seqNo: number, prev: string, ticketId: string, now: number) => {
    const hash = createHash('sha256').update(prev).update(ticketId).digest('hex');
    return [
      seqNo,
      uuid7(now),
      now,
      creator,
      'dispatcher',
      'ticket.create',
      `raw ${ticketId}`,
      '{}',
      'success',
      prev,
      hash,
    ];
  };

  let page: (which: keyof typeof sqls, params: unknown[]) => Promise<PageRow[]>;
  let insert: (values: unknown[]) => Promise<void>;
  let insertFull: (b: unknown) => Promise<string>;
  if (dialect === 'sqlite') {
    const db = new SQLite(sqlitePath);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    const stmts = Object.fromEntries(Object.entries(sqls).map(([k, q]) => [k, db.prepare(q.sql)])) as Record<
      keyof typeof sqls,
      SQLite.Statement
    >;
    const ins = db.prepare(insertSql(dialect));
    page = async (which, params) => stmts[which].all(...params) as PageRow[];
    insert = async (values) => {
      ins.run(...values);
    };
    db.prepare(`insert into counters (name, value) values ('raw-bench', 0) on conflict (name) do nothing`).run();
    const f = Object.fromEntries(Object.entries(fullSql(dialect)).map(([k, v]) => [k, db.prepare(v)])) as Record<
      keyof ReturnType<typeof fullSql>,
      SQLite.Statement
    >;
    const full = db.transaction((b: unknown) => {
      const now = Date.now();
      f.counter.get();
      const t = ticketRow(b, now);
      ins.run(...t);
      const side = sideRows(t[0] as string, now);
      f.clocks.run(...side.clocks.flat());
      f.alerts.run(...side.alerts.flat());
      f.event.run(...side.event);
      const head = f.head.get() as { seq: number; hash: string };
      const a = auditRow(Number(head.seq) + 1, head.hash, t[0] as string, now);
      f.audit.run(...a);
      f.moveHead.run(a[0], a[10]);
      return t[0] as string;
    });
    insertFull = async (b) => full.immediate(b);
    app.addHook('onClose', async () => db.close());
  } else {
    const pool = new pg.Pool({ connectionString: url!, max: 10 });
    page = async (which, params) => (await pool.query({ name: which, text: sqls[which].sql, values: params })).rows;
    const text = insertSql(dialect);
    insert = async (values) => {
      await pool.query({ name: 'insert', text, values });
    };
    await pool.query(`insert into counters (name, value) values ('raw-bench', 0) on conflict (name) do nothing`);
    const f = fullSql(dialect);
    insertFull = async (b) => {
      const c = await pool.connect();
      try {
        const now = Date.now();
        await c.query('begin');
        await c.query({ name: 'counter', text: f.counter });
        const t = ticketRow(b, now);
        await c.query({ name: 'insert', text, values: t });
        const side = sideRows(t[0] as string, now);
        await c.query({ name: 'clocks', text: f.clocks, values: side.clocks.flat() });
        await c.query({ name: 'alerts', text: f.alerts, values: side.alerts.flat() });
        await c.query({ name: 'event', text: f.event, values: side.event });
        const head = (await c.query({ name: 'head', text: `${f.head} for update` })).rows[0];
        const a = auditRow(Number(head.seq) + 1, head.hash, t[0] as string, now);
        await c.query({ name: 'audit', text: f.audit, values: a });
        await c.query({ name: 'moveHead', text: f.moveHead, values: [a[0], a[10]] });
        await c.query('commit');
        return t[0] as string;
      } catch (e) {
        await c.query('rollback');
        throw e;
      } finally {
        c.release();
      }
    };
    app.addHook('onClose', async () => pool.end());
  }

  app.get('/tickets', async (req) => {
    const q = req.query as { cursor?: string; customerId?: string };
    const decoded = decodeCursor(q.cursor, [{ is: 'due' }, { is: 'asc' }, 'number', 'id']);
    const after = decoded ? { key: decoded[2], id: decoded[3] } : null;
    const which = q.customerId ? (after ? 'custAfter' : 'custFirst') : after ? 'after' : 'first';
    const rows = await page(
      which,
      bindList(sqls[which], { customerId: q.customerId, sort: after?.key, id: after?.id }),
    );
    const more = rows.length > limit;
    const items = more ? rows.slice(0, limit) : rows;
    const last = items[items.length - 1];
    return {
      items: items.map(summary),
      nextCursor: more && last ? encodeCursor(['due', 'asc', Number(last.due_sort), String(last.id)]) : null,
    };
  });
  app.post('/tickets', async (req) => {
    const values = ticketRow(req.body, Date.now());
    await insert(values);
    return { id: values[0] };
  });
  app.post('/tickets-full', async (req) => ({ id: await insertFull(req.body) }));
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
