/**
 * `npm run bench:reports` (also run by `npm run bench`): the KPI dashboard, the commitments
 * register and the monthly O&M report for ONE project holding 100,000 tickets (issue 7: each
 * <= 1 s), on SQLite and (when reachable) PostgreSQL. Tickets are spread over the 12 months before
 * now, each with its three first-cycle SLA clocks and stored outcomes (what SlaService writes when a
 * clock stops), 1 % reopened with a second resolution cycle, level-1 tickets with a timeline.
 * Requests go through the whole app in-process (`app.inject`): session, zod, service, SQL, rendering.
 * Results replace the reports block of docs/benchmarks.md.
 *
 * Environment: BENCH_REPORT_TICKETS=100000, BENCH_DIALECTS=sqlite,postgres, BENCH_PG_URL, BENCH_REPORT_N=20, BENCH_DOCS=0
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import type { Dialect } from '../apps/server/src/db/database.js';
import { refreshStats } from '../apps/server/src/db/dialect.js';
import { insertRows } from '../apps/server/src/db/insert.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import type { SlaClocksTable, TicketEventsTable, TicketsTable } from '../apps/server/src/db/types.js';
import { DEMO_PASSWORD, seedDemo } from '../apps/server/src/modules/seed/demo.js';
import { benchLog, benchMain, freshBenchDatabase, pct } from './common.js';
import { prng, uuid7 } from './data.js';

const env = process.env;
const N = Number(env.BENCH_REPORT_TICKETS ?? 100_000);
const REPEAT = Number(env.BENCH_REPORT_N ?? 20);
const TARGET_MS = 1000;
const MIN = 60_000;
const DAY = 86_400_000;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weibao-bench-reports-'));
const log = benchLog;
const pick = <T>(rnd: () => number, xs: [T, number][]) => {
  let r = rnd() * xs.reduce((a, x) => a + x[1], 0);
  for (const [v, w] of xs) if ((r -= w) <= 0) return v;
  return xs[xs.length - 1]![0];
};

/** One ticket reported at `at`, closed or (recently) open, with its clocks and (level 1) timeline. */
function ticket(
  rnd: () => number,
  i: number,
  at: number,
  now: number,
  p: { id: string; customer: string; contract: string; creator: string; engineer: string },
) {
  const level = pick(rnd, [
    [1, 5],
    [2, 15],
    [3, 40],
    [4, 40],
  ]);
  const open = now - at < 3 * DAY && rnd() < 0.3;
  const id = uuid7(at);
  const respondMin = rnd() < 0.93 ? 1 + rnd() * 29 : 31 + rnd() * 60;
  const resolveMin = rnd() < 0.88 ? 20 + rnd() * 100 : 121 + rnd() * 300;
  const resolvedAt = open ? null : at + Math.round(resolveMin * MIN);
  const cause = pick(rnd, [
    ['non_human', 80],
    ['human', 15],
    ['unknown', 5],
  ]);
  const t: TicketsTable = {
    id,
    number: `BR-${String(i + 1).padStart(7, '0')}`,
    project_id: p.id,
    customer_id: p.customer,
    contract_id: p.contract,
    title: `工单 ${i}`,
    description: '压测工单',
    level,
    channel: pick(rnd, [
      ['phone', 35],
      ['web', 25],
      ['email', 10],
      ['monitoring', 20],
      ['fax', 2],
      ['remote', 8],
    ]),
    status: open ? 'in_progress' : 'closed',
    reporter_name: '陈科员',
    reporter_phone: '13800000000',
    location: null,
    reported_at: at,
    reported_at_reason: null,
    created_at: at,
    created_by: p.creator,
    assignee_id: p.engineer,
    fault_cause: open ? null : cause,
    solution: open ? null : '已处理',
    billable: 0,
    resolved_at: resolvedAt,
    closed_at: resolvedAt === null ? null : resolvedAt + 3 * DAY,
    auto_close_at: null,
    reopen_count: 0,
    suspend_reason: null,
    next_due_at: null,
    due_sort: at,
    breached: 0,
    last_urged_at: null,
    rating: null,
    updated_at: at,
  };
  const clock = (
    kind: string,
    cycle: number,
    start: number,
    targetMin: number,
    elapsedMin: number | null,
    notNeeded = false,
  ): SlaClocksTable => {
    const elapsed = elapsedMin === null ? null : Math.round(elapsedMin * MIN);
    return {
      id: uuid7(at),
      ticket_id: id,
      kind,
      cycle,
      target_ms: targetMin * MIN,
      started_at: start,
      stopped_at: notNeeded ? start + 5 * MIN : elapsed === null ? null : start + elapsed,
      cancelled: 0,
      not_needed_reason: notNeeded ? '远程处理' : null,
      pauses_json: '[]',
      paused_since: null,
      due_at: elapsed === null && !notNeeded ? start + targetMin * MIN : null,
      updated_at: at,
      project_id: p.id,
      level,
      outcome: notNeeded ? 'not_needed' : elapsed === null ? null : elapsed > targetMin * MIN ? 'breached' : 'met',
      elapsed_ms: notNeeded ? null : elapsed,
      late_ms: elapsed === null || notNeeded ? null : Math.max(0, elapsed - targetMin * MIN),
    };
  };
  const clocks = [
    clock('response', 1, at, 30, respondMin),
    clock('arrival', 1, at, 30, rnd() < 0.5 ? null : 5 + rnd() * 40, true),
    clock('resolution', 1, at, 120, open ? null : resolveMin),
  ];
  if (!open && rnd() < 0.01) clocks.push(clock('resolution', 2, resolvedAt! + DAY, 120, 60));
  const events: TicketEventsTable[] =
    level !== 1
      ? []
      : [
          ['create', 0],
          ['respond', respondMin],
          ['resolve', resolveMin],
        ]
          .filter(([, m]) => !open || m !== resolveMin)
          .map(([type, m]) => ({
            id: uuid7(at),
            ticket_id: id,
            at: at + Math.round(Number(m) * MIN),
            actor_id: p.engineer,
            type: String(type),
            from_status: null,
            to_status: null,
            reason: null,
            data_json: '{}',
            public: 1,
          }));
  return { t, clocks, events };
}

async function run(dialect: Dialect) {
  const database = await freshBenchDatabase(dialect, 'reports', dataDir);
  await migrateToLatest(database.db);
  const app = await buildApp({
    config: loadConfig({}, { dataDir, workers: false, logLevel: 'silent' }),
    database,
    logger: false,
  });
  await seedDemo(app.services);
  const db = database.db;
  const users = Object.fromEntries(
    (await db.selectFrom('users').select(['username', 'id']).execute()).map((u) => [u.username, u.id]),
  );
  const project = await db
    .selectFrom('projects')
    .innerJoin('contracts', 'contracts.project_id', 'projects.id')
    .select(['projects.id', 'projects.customer_id', 'contracts.id as contract_id'])
    .orderBy('projects.code')
    .executeTakeFirstOrThrow();
  const p = {
    id: project.id,
    customer: project.customer_id,
    contract: project.contract_id,
    creator: users.dispatcher!,
    engineer: users.engineer!,
  };
  const now = Date.now();
  const rnd = prng(7);
  const t0 = performance.now();
  const BATCH = 5000;
  for (let start = 0; start < N; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, N - start) }, (_, j) =>
      ticket(rnd, start + j, now - 365 * DAY + Math.floor(((start + j) / N) * (365 * DAY - 3 * 3_600_000)), now, p),
    );
    await db.transaction().execute(async (tx) => {
      // insertRows writes one statement: chunks stay under SQLite's bound-variable limit.
      const chunks = <T>(rows: T[], f: (c: T[]) => Promise<void>) =>
        Promise.all(
          Array.from({ length: Math.ceil(rows.length / 400) }, (_, k) => f(rows.slice(k * 400, k * 400 + 400))),
        );
      await chunks(
        batch.map((b) => b.t),
        (c) => insertRows(tx, 'tickets', c),
      );
      await chunks(
        batch.flatMap((b) => b.clocks),
        (c) => insertRows(tx, 'sla_clocks', c),
      );
      await chunks(
        batch.flatMap((b) => b.events),
        (c) => insertRows(tx, 'ticket_events', c),
      );
    });
    if ((start / BATCH) % 4 === 0) log(`${dialect}: ${start + batch.length} tickets`);
  }
  for (const table of ['tickets', 'sla_clocks', 'ticket_events'] as const) await refreshStats(dialect, db, table);
  const loadS = (performance.now() - t0) / 1000;
  log(`${dialect}: loaded ${N} tickets with ${N * 3} clocks in ${loadS.toFixed(1)} s`);

  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'manager', password: DEMO_PASSWORD },
  });
  const headers = {
    cookie: String(login.headers['set-cookie']).split(';')[0]!,
    'x-csrf-token': login.json().csrfToken,
  };
  const month = new Date(now + 8 * 3_600_000 - 30 * DAY).toISOString().slice(0, 7);
  const today = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
  const yearAgo = new Date(now + 8 * 3_600_000 - 364 * DAY).toISOString().slice(0, 10);
  const series: [string, string][] = [
    ['dashboard, last 12 weeks (default)', `/api/v1/analytics?projectId=${p.id}`],
    ['dashboard, whole year', `/api/v1/analytics?projectId=${p.id}&from=${yearAgo}&to=${today}`],
    ['dashboard, all projects, last 12 weeks', '/api/v1/analytics'],
    ['commitments, last month', `/api/v1/projects/${p.id}/commitments?month=${month}`],
    ['monthly report, Word', `/api/v1/projects/${p.id}/monthly-report.docx?month=${month}`],
    ['monthly report, PDF', `/api/v1/projects/${p.id}/monthly-report.pdf?month=${month}`],
    ['monthly report, Excel', `/api/v1/projects/${p.id}/monthly-report.xlsx?month=${month}`],
  ];
  const out: { name: string; p50: number; p95: number; max: number; note: string }[] = [];
  for (const [name, url] of series) {
    let note = '';
    const ms: number[] = [];
    for (let i = 0; i < REPEAT + 2; i++) {
      const a = performance.now();
      const r = await app.inject({ method: 'GET', url, headers });
      const took = performance.now() - a;
      if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
      if (i >= 2) ms.push(took); // two warm-up requests
      if (url.includes('analytics')) note = `${r.json().received.toLocaleString('en')} tickets received in the period`;
      else if (url.includes('commitments')) note = `pass rate ${r.json().executionPct}%`;
      else note = `${(r.rawPayload.length / 1024).toFixed(0)} KB`;
    }
    out.push({ name, p50: pct(ms, 50), p95: pct(ms, 95), max: Math.max(...ms), note });
    log(`${dialect}: ${name}: p95 ${pct(ms, 95).toFixed(1)} ms (${note})`);
  }
  await app.close();
  await database.destroy();
  return { dialect, loadS, series: out };
}

function report(results: Awaited<ReturnType<typeof run>>[]): string {
  const ok = (v: boolean) => (v ? 'met' : '**missed**');
  const lines = [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, one project with ${N.toLocaleString('en')} tickets over 12 months (${(N * 3).toLocaleString('en')} SLA clocks), ${REPEAT} timed requests each, ${os.cpus().length} cores, Node ${process.version}.`,
    '',
  ];
  for (const r of results) {
    lines.push(
      `**${r.dialect}** (bulk load: ${r.loadS.toFixed(1)} s)`,
      '',
      '| request | p50 / p95 / max | size or figure | target |',
      '| --- | --- | --- | --- |',
    );
    for (const s of r.series)
      lines.push(
        `| ${s.name} | ${s.p50.toFixed(0)} / ${s.p95.toFixed(0)} / ${s.max.toFixed(0)} ms | ${s.note} | ≤ ${TARGET_MS} ms, ${ok(s.max <= TARGET_MS)} |`,
      );
    lines.push('');
  }
  return lines.join('\n');
}

await benchMain({
  name: 'reports',
  heading: 'Dashboard, commitments and monthly report for a project with 100,000 tickets',
  dataDir,
  run: run,
  report,
});
