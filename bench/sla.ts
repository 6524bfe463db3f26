/** SLA breach detection latency, the cost of an idle alert poll, and the query plans behind both. */
import { CompiledQuery } from 'kysely';
import type { SlaPolicy } from '@weibao/schema';
import type { Database } from '../apps/server/src/db/database.js';
import type { Worker } from '../apps/server/src/modules/jobs/worker.js';
import { type Reply, request, type Stats, stats } from './http.js';
import { type Captured, pollQuery } from './queries.js';

export interface Detection {
  n: number;
  response: Stats;
  allBreaches: Stats;
  createP50: number;
  waitedMs: number;
}

/**
 * Creates `n` tickets through the API, back-dated so that each one's response clock breaches at a
 * known instant 2-5 s after it was created, while the app's worker runs in the server process;
 * then reads sla_alerts.fired_at - fire_at for those breaches.
 */
export async function breachDetection(
  database: Database,
  base: string,
  headers: Record<string, string>,
  projectIds: string[],
  n: number,
): Promise<Detection> {
  const { db } = database;
  const contract = await db
    .selectFrom('contracts')
    .select('policy_json')
    .where('project_id', '=', projectIds[0]!)
    .executeTakeFirstOrThrow();
  const policy = JSON.parse(contract.policy_json) as SlaPolicy;
  if (policy.calendar.kind !== '24x7') throw new Error('breach detection assumes the seeded 24x7 calendar');
  const responseMs = (policy.targets.find((t) => t.level === 1) ?? policy.targets[0]!).responseMin * 60_000;
  const ids: string[] = [];
  const createMs: number[] = [];
  let lastFire = 0;
  for (let i = 0; i < n; i++) {
    const fireAt = Date.now() + 2000 + Math.floor(Math.random() * 3000);
    lastFire = Math.max(lastFire, fireAt);
    const t = performance.now();
    const r: Reply = await request(base, 'POST', '/api/v1/tickets', headers, {
      projectId: projectIds[i % projectIds.length],
      title: `SLA 检测 ${i}`,
      level: 1,
      channel: 'monitoring',
      reporterName: '监控平台',
      reporterPhone: '000',
      reportedAt: fireAt - responseMs,
    });
    createMs.push(performance.now() - t);
    if (r.status !== 200) throw new Error(`create -> ${r.status} ${r.body.slice(0, 300)}`);
    ids.push(JSON.parse(r.body).id);
  }
  const waitStart = Date.now();
  const breachesOf = () =>
    db
      .selectFrom('sla_alerts')
      .innerJoin('sla_clocks', 'sla_clocks.id', 'sla_alerts.clock_id')
      .select(['sla_clocks.kind as clock', 'sla_alerts.fire_at', 'sla_alerts.fired_at', 'sla_alerts.state'])
      .where('sla_alerts.ticket_id', 'in', ids)
      .where('sla_alerts.kind', '=', 'breach')
      .where('sla_clocks.kind', 'in', ['response', 'arrival'])
      .execute();
  let rows = await breachesOf();
  while (rows.some((r) => r.state !== 'fired') && Date.now() < lastFire + 30_000) {
    await new Promise((r) => setTimeout(r, 250));
    rows = await breachesOf();
  }
  const waitedMs = Date.now() - waitStart;
  const late = (r: (typeof rows)[number]) => (r.fired_at === null ? Infinity : Number(r.fired_at) - Number(r.fire_at));
  return {
    n,
    createP50: stats(createMs).p50,
    waitedMs,
    response: stats(rows.filter((r) => r.clock === 'response').map(late)),
    allBreaches: stats(rows.map(late)),
  };
}

export interface PollCost {
  calls: number;
  p50: number;
  p95: number;
  max: number;
  pending: number;
  openTickets: number;
  alertRows: number;
}

/** Times Worker.raiseDueAlerts() calls that found nothing due (calls that did raise something are skipped). */
export async function pollCost(database: Database, worker: Worker, calls = 200): Promise<PollCost> {
  const samples: number[] = [];
  for (let i = 0; samples.length < calls && i < calls * 3; i++) {
    const t = process.hrtime.bigint();
    const raised = await worker.raiseDueAlerts();
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (raised === 0) samples.push(ms);
  }
  const { db } = database;
  const count = async (q: Promise<{ n: unknown } | undefined>) => Number((await q)?.n ?? 0);
  const s = stats(samples);
  return {
    calls: s.n,
    p50: s.p50,
    p95: s.p95,
    max: s.max,
    pending: await count(
      db
        .selectFrom('sla_alerts')
        .select((e) => e.fn.countAll().as('n'))
        .where('state', '=', 'pending')
        .executeTakeFirst(),
    ),
    openTickets: await count(
      db
        .selectFrom('tickets')
        .select((e) => e.fn.countAll().as('n'))
        .where('status', 'in', ['new', 'assigned', 'in_progress', 'suspended'])
        .executeTakeFirst(),
    ),
    alertRows: await count(
      db
        .selectFrom('sla_alerts')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirst(),
    ),
  };
}

/**
 * EXPLAIN QUERY PLAN (SQLite) or EXPLAIN (ANALYZE, BUFFERS) (PostgreSQL) of a captured statement,
 * with its parameters bound as the app binds them (SQLite plans differently for literals).
 */
export async function explain(database: Database, q: Captured): Promise<string> {
  if (database.dialect === 'sqlite') {
    const { rows } = await database.db.executeQuery<{ id: number; parent: number; detail: string }>(
      CompiledQuery.raw(`explain query plan ${q.sql}`, q.parameters),
    );
    const depth = new Map<number, number>([[0, 0]]);
    return rows
      .map((r) => {
        const d = (depth.get(r.parent) ?? 0) + 1;
        depth.set(r.id, d);
        return `${'  '.repeat(d - 1)}${r.detail}`;
      })
      .join('\n');
  }
  const { rows } = await database.db.executeQuery<{ 'QUERY PLAN': string }>(
    CompiledQuery.raw(`explain (analyze, buffers, costs off) ${q.sql}`, q.parameters),
  );
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

export async function explainPoll(database: Database): Promise<{ sql: string; plan: string }> {
  const q = await pollQuery(database.dialect, Date.now());
  return { sql: q.sql, plan: await explain(database, { sql: q.sql, parameters: [...q.parameters] }) };
}
