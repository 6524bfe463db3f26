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

function vitest(name, args, env = {}) {
  const out = path.join(os.tmpdir(), `weibao-${name}-${process.pid}.json`);
  const status = run('npx', ['vitest', 'run', ...args, ...reportArgs(out)], {
    allowFail: true,
    env: { ...process.env, ...env },
  });
  results.push({ name, ...countsOf(out, status) });
}

/**
 * The same vitest run split into `shards` processes side by side (`--shard=i/n`), each line of output prefixed
 * with its shard. Used for the browser suite: each process starts its own server and database (globalSetup).
 */
async function vitestShards(name, args, shards) {
  const runs = Array.from({ length: shards }, (_, i) => {
    const out = path.join(os.tmpdir(), `weibao-${name}-${i + 1}-${process.pid}.json`);
    const tag = `[${i + 1}/${shards}] `;
    const child = spawn('npx', ['vitest', 'run', ...args, `--shard=${i + 1}/${shards}`, ...reportArgs(out)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on('line', (line) => console.log(tag + line));
    }
    return new Promise((resolve) => child.on('close', (code) => resolve(countsOf(out, code ?? 1))));
  });
  const counts = await Promise.all(runs);
  results.push({
    name,
    passed: counts.reduce((a, c) => a + c.passed, 0),
    failed: counts.reduce((a, c) => a + c.failed, 0),
    skipped: counts.reduce((a, c) => a + c.skipped, 0),
  });
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

if (wanted('api')) {
  const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const pgUp = await reachable(pgUrl);
  const env = {};
  if (pgUp) env.TEST_DATABASE_URL = pgUrl;
  else if (requirePg) {
    console.error(`✖ PostgreSQL required but not reachable at ${pgUrl}`);
    results.push({ name: 'postgres', passed: 0, failed: 1, skipped: 0 });
  } else console.warn(`⚠ PostgreSQL not reachable at ${pgUrl}: the PostgreSQL half of the API suite is skipped`);
  console.log(`\n▶ unit + API tests (SQLite${pgUp ? ' and PostgreSQL' : ''})`);
  vitest('api', [], env);
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
    // One browser (with its own server) per 2 cores: on 2 cores, two side by side (1,416 s) were no faster than
    // one after the other (1,434 s), as rendering and the servers compete for the same cores.
    const shards = Number(process.env.WEIBAO_E2E_SHARDS ?? Math.max(1, Math.floor(os.availableParallelism() / 2)));
    console.log(`\n▶ browser tests (Playwright, Debian Chromium; ${shards} at a time, one server each)`);
    if (shards > 1) await vitestShards('e2e', ['--config', 'apps/web/e2e/vitest.config.ts'], shards);
    else vitest('e2e', ['--config', 'apps/web/e2e/vitest.config.ts']);
  }
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
