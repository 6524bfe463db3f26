#!/usr/bin/env node
// `npm test`: every suite — lint and formatting, typecheck, unit + API (SQLite and PostgreSQL, i18n catalogue
// checks included), browser (Playwright in Debian Chromium). Ends with one line "N passed, N failed" summing them
// all. `npm test -- lint typecheck` runs only the named suites. On Node older than 22 it runs itself under Node 24
// (scripts/toolchain.mjs).
// Locally a missing PostgreSQL or Chromium skips that suite with a warning; CI sets
// WEIBAO_REQUIRE_PG=1 and WEIBAO_REQUIRE_BROWSER=1 so they count as failures instead.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { ensureBuilt, ensureInstalled, root, run } from './lib.mjs';
import { ensureSupportedNode } from './toolchain.mjs';

ensureSupportedNode();

const results = [];
const startedAt = Date.now();
const requirePg = process.env.WEIBAO_REQUIRE_PG === '1';
const requireBrowser = process.env.WEIBAO_REQUIRE_BROWSER === '1';
const only = process.argv.slice(2); // e.g. `npm test -- api e2e`
const wanted = (name) => only.length === 0 || only.includes(name);

ensureInstalled();

function reachable(url) {
  return new Promise((resolve) => {
    const u = new URL(url);
    const s = net.connect({ host: u.hostname, port: Number(u.port || 5432) });
    s.setTimeout(1500);
    s.on('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
    s.on('timeout', () => {
      s.destroy();
      resolve(false);
    });
  });
}

/** Counts from vitest's JSON report; a run that failed without a failing test still counts one failure. */
function countsOf(out, status) {
  let passed, failed, skipped;
  try {
    const r = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed = r.numPassedTests;
    failed = r.numFailedTests;
    skipped = r.numPendingTests + (r.numTodoTests ?? 0);
    // A file that failed to load has no tests but must still count as a failure.
    failed += r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  } catch {
    [passed, failed, skipped] = [0, 1, 0];
  }
  if (status !== 0 && failed === 0) failed = 1;
  return { passed, failed, skipped };
}

const reportArgs = (out) => ['--reporter=default', '--reporter=json', `--outputFile=${out}`];

/**
 * One vitest run in a child process. With `tag`, each line of its output is prefixed (runs side by side);
 * resolves to its counts.
 */
function vitestRun(name, args, { env = {}, tag = '' } = {}) {
  const out = path.join(os.tmpdir(), `weibao-${name}-${process.pid}.json`);
  const child = spawn('npx', ['vitest', 'run', ...args, ...reportArgs(out)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: tag ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
  if (tag) {
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on('line', (line) => console.log(tag + line));
    }
  }
  return new Promise((resolve) => child.on('close', (code) => resolve({ name, ...countsOf(out, code ?? 1) })));
}

/** The browser suite's runs: one, or `shards` side by side (`--shard=i/n`), each with its own server and database. */
function browserRuns(shards, tagged) {
  const args = ['--config', 'apps/web/e2e/vitest.config.ts'];
  if (shards <= 1) return [vitestRun('e2e', args, { tag: tagged ? '[e2e] ' : '' })];
  return Array.from({ length: shards }, (_, i) =>
    vitestRun(`e2e-${i + 1}`, [...args, `--shard=${i + 1}/${shards}`], { tag: `[e2e ${i + 1}/${shards}] ` }),
  );
}

/** Commands that pass or fail as a whole: each counts as one test of the suite `name`. */
function checks(name, commands) {
  console.log(`\n▶ ${name}`);
  const statuses = commands.map(([cmd, ...args]) => run(cmd, args, { allowFail: true }));
  const failed = statuses.filter((s) => s !== 0).length;
  results.push({ name, passed: statuses.length - failed, failed, skipped: 0 });
}

// Lint and formatting: any finding fails `npm test` (`npm run format` rewrites, `npx eslint --fix` fixes some).
if (wanted('lint')) {
  checks('lint', [
    ['npx', 'eslint', '--max-warnings', '0', '.'],
    ['npx', 'prettier', '--check', '--log-level', 'warn', '**/*.{ts,tsx,mjs,js,cjs,css}'],
  ]);
}

if (wanted('typecheck')) {
  checks('typecheck', [
    ['npx', 'tsc', '-b', 'apps/server'],
    ['npx', 'tsc', '--noEmit', '-p', 'apps/web/tsconfig.json'],
    ['npx', 'tsc', '--noEmit', '-p', 'bench/tsconfig.json'],
  ]);
}

// The API suite and the browser suite run side by side: the browser suite mostly waits on pages (one Chromium
// keeps about one core busy), and the API suite fills the other core.
const runs = [];
if (wanted('api')) {
  const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const pgUp = await reachable(pgUrl);
  const env = {};
  if (pgUp) env.TEST_DATABASE_URL = pgUrl;
  else if (requirePg) {
    console.error(`✖ PostgreSQL required but not reachable at ${pgUrl}`);
    results.push({ name: 'postgres', passed: 0, failed: 1, skipped: 0 });
  } else console.warn(`⚠ PostgreSQL not reachable at ${pgUrl}: the PostgreSQL half of the API suite is skipped`);
  runs.push({
    label: `unit + API tests (SQLite${pgUp ? ' and PostgreSQL' : ''})`,
    start: (tagged) => [vitestRun('api', [], { env, tag: tagged ? '[api] ' : '' })],
  });
}

if (wanted('e2e')) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    if (requireBrowser) {
      console.error(`✖ Chromium required but missing at ${chromium}`);
      results.push({ name: 'e2e', passed: 0, failed: 1, skipped: 0 });
    } else
      console.warn(`⚠ ${chromium} not found (apt-get install -y chromium fonts-wqy-microhei): browser suite skipped`);
  } else {
    ensureBuilt();
    // One browser (with its own server) per 4 cores: on 2 cores one browser beside the API suite.
    const shards = Number(process.env.WEIBAO_E2E_SHARDS ?? Math.max(1, Math.floor(os.availableParallelism() / 4)));
    runs.unshift({
      label: `browser tests (Playwright, Debian Chromium; ${shards} at a time, one server each)`,
      start: (tagged) => browserRuns(shards, tagged),
    });
  }
}

if (runs.length) {
  const tagged = runs.length > 1;
  console.log(`\n▶ ${runs.map((r) => r.label).join(tagged ? ', side by side with ' : '')}`);
  const finished = await Promise.all(runs.flatMap((r) => r.start(tagged)));
  const merged = new Map();
  for (const r of finished) {
    const name = r.name.replace(/-\d+$/, '');
    const m = merged.get(name) ?? { name, passed: 0, failed: 0, skipped: 0 };
    merged.set(name, {
      name,
      passed: m.passed + r.passed,
      failed: m.failed + r.failed,
      skipped: m.skipped + r.skipped,
    });
  }
  results.push(...merged.values());
}

const total = results.reduce(
  (a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed, skipped: a.skipped + r.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log('\nSuites:');
for (const r of results)
  console.log(
    `  ${r.name.padEnd(10)} ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`,
  );
console.log(`  took ${Math.round((Date.now() - startedAt) / 1000)} s`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
