import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { type Database, type Dialect, openDatabase } from '../apps/server/src/db/database.js';

export const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Whether the PostgreSQL server answers at all (the bench then skips that dialect). */
export async function pgReachable(): Promise<boolean> {
  const u = new URL(PG_ADMIN);
  return new Promise((resolve) => {
    const s = net.connect(Number(u.port || 5432), u.hostname, () => {
      s.end();
      resolve(true);
    });
    s.on('error', () => resolve(false));
    s.setTimeout(1000, () => {
      s.destroy();
      resolve(false);
    });
  });
}

/** An empty database: a new SQLite file in `dataDir`, or PostgreSQL database `weibao_bench_<name>` dropped and re-created. */
export async function freshBenchDatabase(dialect: Dialect, name: string, dataDir: string): Promise<Database> {
  if (dialect === 'sqlite')
    return openDatabase({ databaseUrl: null, sqlitePath: path.join(dataDir, `${name}-${Date.now()}.sqlite`) });
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`drop database if exists weibao_bench_${name} with (force)`);
  await admin.query(`create database weibao_bench_${name}`);
  await admin.end();
  const u = new URL(PG_ADMIN);
  u.pathname = `/weibao_bench_${name}`;
  return openDatabase({ databaseUrl: u.toString() });
}

/** The p-th percentile of a sample. */
export const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** Replaces the `<!-- bench:<name>:start/end -->` block of docs/benchmarks.md (appends a section the first time), unless BENCH_DOCS=0. */
export function writeDocsBlock(name: string, heading: string, block: string) {
  if (process.env.BENCH_DOCS === '0') return;
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const docs = path.resolve(import.meta.dirname, '../docs/benchmarks.md');
  const text = fs.readFileSync(docs, 'utf8');
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  fs.writeFileSync(
    docs,
    a >= 0 && b > a
      ? `${text.slice(0, a + start.length)}\n${block}\n${text.slice(b)}`
      : `${text.trimEnd()}\n\n## ${heading}\n\n${start}\n${block}\n${end}\n`,
  );
}

export const benchLog = (m: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`);

/**
 * Runs one benchmark on each dialect of BENCH_DIALECTS (PostgreSQL skipped when unreachable), prints
 * the report, writes its docs block and removes the scratch directory.
 */
export async function benchMain<R>(o: {
  name: string;
  heading: string;
  dataDir: string;
  run: (d: Dialect) => Promise<R>;
  report: (results: R[]) => string;
}) {
  const results: R[] = [];
  for (const d of (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',').map((x) => x.trim()) as Dialect[]) {
    if (d === 'postgres' && !(await pgReachable())) {
      benchLog('postgres not reachable: skipped');
      continue;
    }
    results.push(await o.run(d));
  }
  const block = o.report(results);
  process.stdout.write(`${block}\n`);
  writeDocsBlock(o.name, o.heading, block);
  fs.rmSync(o.dataDir, { recursive: true, force: true });
}
