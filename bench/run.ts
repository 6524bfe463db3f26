/**
 * `npm run bench`: 1,000,000 tickets on SQLite and (when reachable) PostgreSQL, measured over HTTP
 * against the real app listening on 127.0.0.1. See docs/benchmarks.md for the method.
 *
 * Environment:
 *   BENCH_TICKETS=1000000       bulk tickets per dialect
 *   BENCH_DIALECTS=sqlite,postgres
 *   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres   admin URL; database weibao_bench is dropped and re-created
 *   BENCH_SECONDS=10            duration of each autocannon run (after a 2 s warm-up)
 *   BENCH_LATENCY_N=2000        requests per single-client latency series
 *   BENCH_SLA_N=200             tickets in the breach-detection run
 *   BENCH_DOCS=0                do not rewrite the results block of docs/benchmarks.md
 *   BENCH_LOG_LEVEL=warn        the app's log level (info logs every request)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import type { Dialect } from '../apps/server/src/db/database.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import { seedDemo } from '../apps/server/src/modules/seed/demo.js';
import { encodeCursor as encodeKeyset } from '../apps/server/src/lib/keyset.js';
import { Generator } from './data.js';
import { compare, latency, request, startServer } from './http.js';
import { loadPostgres, loadSqlite } from './load.js';
import { listQuery, bindList } from './queries.js';
import { type DialectResult, header, machine, markdown, summary, writeDocs } from './report.js';
import { breachDetection, explain, explainPoll, pollCost } from './sla.js';
import { freshDatabase, login, reachable, world } from './run-setup.js';
import { SORTS, sortSamples, sortSeries } from './run-sorts.js';

const root = path.resolve(import.meta.dirname, '..');
const env = process.env;
const TICKETS = Number(env.BENCH_TICKETS ?? 1_000_000);
const SECONDS = Number(env.BENCH_SECONDS ?? 10);
const LATENCY_N = Number(env.BENCH_LATENCY_N ?? 2000);
const SLA_N = Number(env.BENCH_SLA_N ?? 200);
const PG_ADMIN = env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DIALECTS = (env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',').map((s) => s.trim()) as Dialect[];
const dataDir = path.join(root, '.bench-data');

const log = (msg: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);

async function runDialect(dialect: Dialect): Promise<DialectResult> {
  const started = performance.now();
  const loadBefore = os.loadavg()[0]!;
  log(`${dialect}: fresh database, migrate, demo seed (load average ${loadBefore.toFixed(2)})`);
  const { database, url, sqlitePath } = await freshDatabase(dialect, PG_ADMIN, dataDir);
  await migrateToLatest(database.db);
  const config = loadConfig({}, { dataDir, workers: false, logLevel: 'silent' });
  const local = await buildApp({ config, database, logger: false });
  const tSeed = performance.now();
  await seedDemo(local.services);
  const seedMs = performance.now() - tSeed;
  const worker = local.services.worker;
  while ((await worker.raiseDueAlerts()) > 0) {
    /* the seed's already-due alerts, as the running worker would */
  }
  const small = await pollCost(database, worker);

  const w = await world(database, Date.now());
  const gen = new Generator(w, TICKETS);
  log(
    `${dialect}: bulk-loading ${TICKETS.toLocaleString('en-US')} tickets (+ clocks and alerts of open and resolved ones)`,
  );
  const load =
    dialect === 'sqlite' ? await loadSqlite(sqlitePath, gen, TICKETS) : await loadPostgres(url!, gen, TICKETS);
  for (const [name, value] of w.counters) {
    await database.db
      .insertInto('counters')
      .values({ name, value })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value }))
      .execute();
  }
  log(
    `${dialect}: loaded in ${((load.insertMs + load.indexMs) / 1000).toFixed(1)} s (${load.clocks.toLocaleString('en-US')} clocks, ${load.alerts.toLocaleString('en-US')} alerts)`,
  );

  const serverEnv = { BENCH_SQLITE: sqlitePath, BENCH_PG_DB: url ?? '', WEIBAO_DATA_DIR: dataDir };
  // The app's log (warnings and errors; BENCH_LOG_LEVEL=info for every request) goes to .bench-data/.
  const appLog = path.join(dataDir, `server-${dialect}.log`);
  fs.rmSync(appLog, { force: true });
  const app = await startServer({ ...serverEnv, BENCH_MODE: 'app' }, appLog);
  const staff = await login(app.base, 'dispatcher');
  const cust = await login(app.base, 'cust_a');
  const custOrg = w.projects[0]!.customerId;
  const shuffle = <T>(a: T[]) =>
    a
      .map((v) => [Math.random(), v] as const)
      .sort((x, y) => x[0] - y[0])
      .map(([, v]) => v);
  const encodeCursor = (key: number, id: string) => encodeKeyset(['due', 'asc', key, id]);
  const deep = shuffle(gen.samples).map((s) => encodeCursor(s.sort, s.id));
  const custDeep = shuffle(gen.samples.filter((s) => s.customerId === custOrg)).map((s) => encodeCursor(s.sort, s.id));
  const q = '/api/v1/tickets?tab=all&limit=20';
  const check = JSON.parse((await request(app.base, 'GET', `${q}&cursor=${deep[0]}`, staff)).body);
  if (check.items?.length !== 20) throw new Error(`deep page returned ${JSON.stringify(check).slice(0, 300)}`);

  log(
    `${dialect}: single-client latency (${LATENCY_N} requests per series, after 500 of each to warm up the JIT and caches)`,
  );
  const series = {
    staffFirst: [[q], staff],
    staffDeep: [deep.map((c) => `${q}&cursor=${c}`), staff],
    custFirst: [[q], cust],
    custDeep: [custDeep.map((c) => `${q}&cursor=${c}`), cust],
  } as const;
  for (const [urls, headers] of Object.values(series)) await latency(app.base, [...urls], headers, 500, 0);
  const latencyRes = {
    staffFirst: await latency(app.base, [...series.staffFirst[0]], staff, LATENCY_N),
    staffDeep: await latency(app.base, [...series.staffDeep[0]], staff, LATENCY_N),
    custFirst: await latency(app.base, [...series.custFirst[0]], cust, LATENCY_N),
    custDeep: await latency(app.base, [...series.custDeep[0]], cust, LATENCY_N),
  };

  log(`${dialect}: 50-row pages in every queue order, both directions (first page with its total, and deep pages)`);
  const sorts = await sortSeries(database, app.base, staff, LATENCY_N);

  log(
    `${dialect}: throughput, 10 connections, ${SECONDS} s per side (Weibao and the bare Fastify baseline in alternating halves)`,
  );
  const raw = await startServer({
    ...serverEnv,
    BENCH_MODE: 'raw',
    BENCH_CREATOR: w.staffCreators[0]!,
    BENCH_PROJECTS: JSON.stringify(
      w.projects.map((p) => ({ id: p.id, customerId: p.customerId, contractId: p.contractId })),
    ),
  });
  const rawCheck = JSON.parse((await request(raw.base, 'GET', `/tickets?cursor=${deep[0]}`)).body);
  if (
    JSON.stringify(rawCheck.items.map((i: { id: string }) => i.id)) !==
    JSON.stringify(check.items.map((i: { id: string }) => i.id))
  )
    throw new Error('baseline page differs from the app page');
  const body = JSON.stringify({
    projectId: w.projects[0]!.id,
    title: '核心交换机端口闪断',
    level: 3,
    channel: 'phone',
    reporterName: '王芳',
    reporterPhone: '13800000000',
  });
  const common = { connections: 10, seconds: SECONDS };
  const deepPaths = (prefix: string) => deep.map((c) => `${prefix}cursor=${c}`);
  const ours = { ...common, base: app.base, headers: staff };
  const bare = { ...common, base: raw.base };
  const throughputRes = {
    pageFirst: await compare({ ...ours, path: q }, { ...bare, path: '/tickets' }),
    pageDeep: await compare(
      { ...ours, path: q, paths: deepPaths(`${q}&`) },
      { ...bare, path: '/tickets', paths: deepPaths('/tickets?') },
    ),
    create: await compare(
      { ...ours, path: '/api/v1/tickets', method: 'POST', body },
      { ...bare, path: '/tickets', method: 'POST', body },
    ),
    createFull: await compare(
      { ...ours, path: '/api/v1/tickets', method: 'POST', body },
      { ...bare, path: '/tickets-full', method: 'POST', body },
    ),
  };
  await raw.stop();

  log(`${dialect}: idle alert poll cost and query plans`);
  const large = await pollCost(database, worker);
  const pollPlan = await explainPoll(database);
  const plans = [{ title: 'Alert poll (SlaRepository.claimDueAlerts, run by Worker.raiseDueAlerts)', ...pollPlan }];
  const sample = gen.samples[Math.floor(gen.samples.length / 2)]!;
  for (const [title, opts, values] of [
    ['Queue, first page (staff)', { customer: false, after: false }, {}],
    [
      'Queue, deep page (staff, cursor in the middle of the queue)',
      { customer: false, after: true },
      { sort: sample.sort, id: sample.id },
    ],
    [
      'Queue, deep page (customer)',
      { customer: true, after: true },
      { customerId: custOrg, sort: sample.sort, id: sample.id },
    ],
  ] as const) {
    const lq = await listQuery(dialect, { ...opts, limit: 20 });
    plans.push({
      title,
      sql: lq.sql,
      plan: await explain(database, { sql: lq.sql, parameters: bindList(lq, values) }),
    });
  }
  for (const sort of SORTS) {
    for (const dir of ['asc', 'desc'] as const) {
      const mid = (await sortSamples(database, sort, dir, 1))[0]!;
      for (const customer of [false, true]) {
        const lq = await listQuery(dialect, { customer, after: true, limit: 50, sort, dir });
        const values = { ...(customer ? { customerId: custOrg } : {}), sort: mid.key, id: mid.id };
        plans.push({
          title: `Queue sorted by ${sort} ${dir}, 50-row deep page (${customer ? 'customer' : 'staff'})`,
          sql: lq.sql,
          plan: await explain(database, { sql: lq.sql, parameters: bindList(lq, values) }),
        });
      }
    }
  }

  log(`${dialect}: SLA breach detection (${SLA_N} tickets breaching 2-5 s after creation)`);
  const detection = await breachDetection(
    database,
    app.base,
    staff,
    w.projects.map((p) => p.id),
    SLA_N,
  );
  await app.stop();

  const count = async (t: 'tickets' | 'sla_clocks' | 'sla_alerts') =>
    Number(
      (
        await database.db
          .selectFrom(t)
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const totalRows = {
    tickets: await count('tickets'),
    clocks: await count('sla_clocks'),
    alerts: await count('sla_alerts'),
  };
  const version =
    dialect === 'sqlite'
      ? (await sql<{ v: string }>`select sqlite_version() as v`.execute(database.db)).rows[0]!.v
      : (await sql<{ server_version: string }>`show server_version`.execute(database.db)).rows[0]!.server_version;
  await local.close();
  await database.destroy();
  return {
    dialect,
    version,
    tickets: TICKETS,
    load: { ...load, seedMs, totalRows },
    latency: latencyRes,
    sorts,
    throughput: throughputRes,
    poll: { small, large },
    detection,
    plans,
    seconds: (performance.now() - started) / 1000,
    loadBefore,
  };
}

// The app imports @weibao/schema from its build output.
const schemaDist = path.join(root, 'packages/schema/dist/index.js');
if (!fs.existsSync(schemaDist)) execFileSync('npx', ['tsc', '-b', 'packages/schema'], { cwd: root, stdio: 'inherit' });
fs.mkdirSync(dataDir, { recursive: true });

const m = machine();
log(`machine: ${m.nproc} CPUs, ${m.cpu}, ${m.memory}, Node ${m.node}`);
const results: DialectResult[] = [];
for (const dialect of DIALECTS) {
  if (dialect === 'postgres' && !(await reachable(PG_ADMIN))) {
    log(`postgres: ${new URL(PG_ADMIN).host} not reachable, skipped`);
    continue;
  }
  const r = await runDialect(dialect);
  results.push(r);
  console.log(`\n${markdown(r)}\n`);
}
if (results.length) console.log(`${summary(results)}\n`);
const block = `${header(m, TICKETS)}\n${summary(results)}\n\n${results.map(markdown).join('\n')}`;
if (env.BENCH_DOCS !== '0' && results.length) {
  writeDocs(path.join(root, 'docs/benchmarks.md'), block);
  log('results written to docs/benchmarks.md');
}
process.exit(0);
