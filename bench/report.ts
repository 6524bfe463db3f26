/** Machine description, the results as Markdown, and the block it replaces in docs/benchmarks.md. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import type { Stats, Throughput } from './http.js';
import type { LoadResult } from './load.js';
import type { Detection, PollCost } from './sla.js';

export interface DialectResult {
  dialect: 'sqlite' | 'postgres';
  version: string;
  tickets: number;
  load: LoadResult & { seedMs: number; totalRows: { tickets: number; clocks: number; alerts: number } };
  latency: { staffFirst: Stats; staffDeep: Stats; custFirst: Stats; custDeep: Stats };
  /** 50-row pages in each queue order and direction (staff, single client). */
  sorts: { name: string; stats: Stats }[];
  throughput: Record<'pageFirst' | 'pageDeep' | 'create' | 'createFull', { app: Throughput; raw: Throughput }>;
  poll: { small: PollCost; large: PollCost };
  detection: Detection;
  plans: { title: string; sql: string; plan: string }[];
  seconds: number;
  /** 1-minute load average when this dialect's run started (before it loaded the machine itself). */
  loadBefore: number;
}

export function machine(): Record<string, string> {
  const cpu =
    fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? os.cpus()[0]?.model ?? '?';
  let nproc = String(os.availableParallelism());
  try {
    nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    /* keep Node's count */
  }
  const autocannon = JSON.parse(
    fs.readFileSync(new URL('../node_modules/autocannon/package.json', import.meta.url), 'utf8'),
  ).version as string;
  return {
    nproc,
    cpu,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    autocannon,
  };
}

const ms = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(0)) : '—');
const int = (v: number) => Math.round(v).toLocaleString('en-US');
const mark = (ok: boolean) => (ok ? '✅' : '❌');

export const TARGET = { p95Ms: 5, ratio: 0.5, detectionMs: 1000 };

export function markdown(r: DialectResult): string {
  const L = r.latency;
  const lat = (name: string, s: Stats) =>
    `| ${name} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ${mark(s.p95 <= TARGET.p95Ms)} |`;
  const tp = (name: string, t: { app: Throughput; raw: Throughput }, target = true) => {
    const ratio = t.app.rps / t.raw.rps;
    const bad = (side: string, x: Throughput) =>
      x.non2xx + x.errors ? [`${side}: ${x.non2xx} non-2xx, ${x.errors} socket errors (${x.timeouts} timeouts)`] : [];
    const notes = [...bad('Weibao', t.app), ...bad('baseline', t.raw)];
    return `| ${name} | ${int(t.app.rps)} | ${ms(t.app.p50)} / ${ms(t.app.p99)} | ${int(t.raw.rps)} | ${ms(t.raw.p50)} / ${ms(t.raw.p99)} | ${ratio.toFixed(2)} | ${target ? mark(ratio >= TARGET.ratio) : '—'}${notes.length ? ` (${notes.join('; ')})` : ''} |`;
  };
  const d = r.detection;
  const rows = r.load.totalRows;
  return [
    `### ${r.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ${r.version} — ${int(r.tickets)} bulk tickets`,
    '',
    `Built in ${(r.load.insertMs / 1000).toFixed(1)} s of inserts + ${(r.load.indexMs / 1000).toFixed(1)} s of index builds${r.dialect === 'postgres' ? ', VACUUM ANALYZE and a checkpoint' : ' and a WAL checkpoint'} ` +
      `(demo seed: ${(r.load.seedMs / 1000).toFixed(1)} s). Rows at the end of the run: ${int(rows.tickets)} tickets, ${int(rows.clocks)} SLA clocks, ${int(rows.alerts)} SLA alerts. ` +
      `Whole dialect run: ${r.seconds.toFixed(0)} s; 1-minute load average before it started: ${r.loadBefore.toFixed(2)}` +
      `${r.loadBefore > 0.5 ? ' (other work was running on this machine: absolute figures are pessimistic; the ratios compare both sides under the same conditions)' : ''}.`,
    '',
    '**Queue page latency**, one client, one keep-alive connection, `GET /api/v1/tickets?tab=all&limit=20` (ms, target p95 ≤ 5 ms):',
    '',
    '| page | requests | p50 | p95 | p99 | max | p95 ≤ 5 ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | :---: |',
    lat('staff (dispatcher), first page', L.staffFirst),
    lat('staff, deep pages (random cursors over the whole queue)', L.staffDeep),
    lat('customer user (cust_a), first page', L.custFirst),
    lat('customer user, deep pages (random cursors in its org)', L.custDeep),
    '',
    '**50-row pages in each queue order** (staff, one client; `GET /api/v1/tickets?tab=all&limit=50&sort=…&dir=…`; ' +
      'the first page also counts its total, deep pages walk from cursors spread over the whole queue; ms):',
    '',
    '| order, page | requests | p50 | p95 | p99 | max | p95 ≤ 5 ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | :---: |',
    ...r.sorts.map((x) => lat(x.name, x.stats)),
    '',
    '**Throughput**, autocannon, 10 connections, no pipelining; the baseline is a bare Fastify app on the same database ' +
      '(the same page SQL as a prepared statement; for create, the same rows an API create writes, as prepared statements in one transaction). Latency p50 / p99 in ms (target ratio ≥ 0.5):',
    '',
    '| workload | Weibao req/s | p50 / p99 | baseline req/s | p50 / p99 | ratio | ≥ 0.5 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | :---: |',
    tp('queue, first page (staff)', r.throughput.pageFirst),
    tp('queue, deep pages (staff, random cursors)', r.throughput.pageDeep),
    tp('create ticket (`POST /api/v1/tickets` vs the same rows written in one transaction)', r.throughput.createFull),
    tp(
      'create ticket vs one ticket-row INSERT (informative: no clocks, alerts, timeline or audit)',
      r.throughput.create,
      false,
    ),
    '',
    `**SLA breach detection** (worker poll every ${process.env.WEIBAO_ALERT_POLL_MS ?? 200} ms in the server process): ${d.n} tickets created through the API ` +
      `(p50 ${ms(d.createP50)} ms each), each response clock breaching at a known instant 2–5 s later; latency = \`sla_alerts.fired_at − fire_at\` (target ≤ 1 s):`,
    '',
    '| alerts | n | p50 | p95 | max | ≤ 1 s |',
    '| --- | ---: | ---: | ---: | ---: | :---: |',
    `| response-clock breaches | ${d.response.n} | ${ms(d.response.p50)} | ${ms(d.response.p95)} | ${ms(d.response.max)} | ${mark(d.response.max <= TARGET.detectionMs)} |`,
    `| all breaches of those tickets (response + arrival, same instants) | ${d.allBreaches.n} | ${ms(d.allBreaches.p50)} | ${ms(d.allBreaches.p95)} | ${ms(d.allBreaches.max)} | ${mark(d.allBreaches.max <= TARGET.detectionMs)} |`,
    '',
    '**Idle poll cost**: one `worker.raiseDueAlerts()` call that finds nothing due (ms):',
    '',
    '| database | open tickets | sla_alerts rows | pending (not yet due) | calls | p50 | p95 | max |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...(
      [
        ['demo seed only', r.poll.small],
        [`after the bulk load and the API runs`, r.poll.large],
      ] as const
    ).map(
      ([n, p]) =>
        `| ${n} | ${int(p.openTickets)} | ${int(p.alertRows)} | ${int(p.pending)} | ${p.calls} | ${ms(p.p50)} | ${ms(p.p95)} | ${ms(p.max)} |`,
    ),
    '',
    ...r.plans.flatMap((p) => [
      `<details><summary>${p.title}</summary>`,
      '',
      '```sql',
      p.sql,
      '```',
      '',
      '```',
      p.plan,
      '```',
      '',
      '</details>',
      '',
    ]),
  ].join('\n');
}

/** One line per target, one column per dialect: the figure that decides it and whether it is met. */
export function summary(results: DialectResult[]): string {
  const cell = (v: string, ok: boolean) => `${v} ${mark(ok)}`;
  const row = (name: string, f: (r: DialectResult) => string) => `| ${name} | ${results.map(f).join(' | ')} |`;
  const worstP95 = (r: DialectResult) => Math.max(...Object.values(r.latency).map((s) => s.p95));
  const ratio = (t: { app: Throughput; raw: Throughput }) => t.app.rps / t.raw.rps;
  return [
    `| target | ${results.map((r) => (r.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL')).join(' | ')} |`,
    `| --- | ${results.map(() => ':---:').join(' | ')} |`,
    row('queue page p95 ≤ 5 ms (worst of the four series)', (r) =>
      cell(`${ms(worstP95(r))} ms`, worstP95(r) <= TARGET.p95Ms),
    ),
    row('queue page req/s ≥ 0.5 × baseline (first / deep pages)', (r) =>
      cell(
        `${ratio(r.throughput.pageFirst).toFixed(2)} / ${ratio(r.throughput.pageDeep).toFixed(2)}`,
        Math.min(ratio(r.throughput.pageFirst), ratio(r.throughput.pageDeep)) >= TARGET.ratio,
      ),
    ),
    row('create req/s ≥ 0.5 × baseline writing the same rows', (r) =>
      cell(ratio(r.throughput.createFull).toFixed(2), ratio(r.throughput.createFull) >= TARGET.ratio),
    ),
    row('create req/s ÷ one ticket-row INSERT (informative)', (r) => ratio(r.throughput.create).toFixed(2)),
    row('breach detection ≤ 1 s (max)', (r) =>
      cell(`${ms(r.detection.response.max)} ms`, r.detection.response.max <= TARGET.detectionMs),
    ),
    row(
      'idle poll cost, p50 (seed only → after bulk load + API runs)',
      (r) => `${ms(r.poll.small.p50)} → ${ms(r.poll.large.p50)} ms`,
    ),
  ].join('\n');
}

export function header(m: Record<string, string>, tickets: number): string {
  return [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench\`${tickets !== 1_000_000 ? ` (BENCH_TICKETS=${tickets})` : ''}.`,
    '',
    `Machine: ${m.nproc} CPUs (\`nproc\`), ${m.cpu}, ${m.memory} RAM, ${m.os}; Node ${m.node}; autocannon ${m.autocannon}. ` +
      'Server and load generator are separate processes on the same machine.',
    '',
  ].join('\n');
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

/** Replaces the results block of docs/benchmarks.md (the prose around it is kept). */
export function writeDocs(file: string, block: string) {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  const next =
    a >= 0 && b > a
      ? `${text.slice(0, a + START.length)}\n${block}\n${text.slice(b)}`
      : `${text.trimEnd()}\n\n${START}\n${block}\n${END}\n`;
  fs.writeFileSync(file, next);
}
