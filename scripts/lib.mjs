// Shared helpers for start.mjs and test.mjs: plain Node, no dependencies, so they run before `npm install`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0 && !opts.allowFail) {
    console.error(`\n✖ ${cmd} ${args.join(' ')} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
  return r.status ?? 1;
}

/** Installs dependencies when node_modules is missing or older than the manifests. */
export function ensureInstalled() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const manifests = [
    'package.json',
    'package-lock.json',
    'apps/server/package.json',
    'apps/web/package.json',
    'packages/schema/package.json',
  ]
    .map((f) => path.join(root, f))
    .filter((f) => fs.existsSync(f));
  const stale =
    !fs.existsSync(marker) ||
    manifests.some((f) => fs.statSync(f).mtimeMs > fs.statSync(marker).mtimeMs) ||
    !fs.existsSync(path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'));
  if (stale) {
    console.log(
      '▶ installing dependencies (npm install; the SQLite driver may compile for ~2 min on a fresh machine)…',
    );
    run('npm', ['install', '--no-audit', '--no-fund']);
  }
  // A native module built by another Node (say 20, before this script moved to 24) does not load: rebuild it
  // against the running Node's headers (npm_config_nodedir, set by toolchain.mjs for the registry's Node).
  const loads = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: root,
    encoding: 'utf8',
  });
  if (loads.status !== 0) {
    console.log(`▶ rebuilding the SQLite driver for Node ${process.versions.node} (~2 min)…`);
    run('npm', ['rebuild', 'better-sqlite3']);
  }
}

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    // e2e tests are not part of the built UI: editing them must not trigger a rebuild.
    if (e.name === 'node_modules' || e.name === 'dist' || e.name === 'e2e') continue;
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds schema + server (incremental tsc) and the web UI when its sources changed since the last build. */
export function ensureBuilt({ web = true } = {}) {
  console.log('▶ building server…');
  run('npx', ['tsc', '-b', 'apps/server']);
  const webIndex = path.join(root, 'apps/web/dist/index.html');
  if (web) {
    const srcNewest = Math.max(
      newestMtime(path.join(root, 'apps/web')),
      newestMtime(path.join(root, 'packages/schema/src')),
    );
    if (!fs.existsSync(webIndex) || fs.statSync(webIndex).mtimeMs < srcNewest) {
      console.log('▶ building web UI…');
      run('npm', ['run', 'build', '-w', '@weibao/web']);
    }
  }
}
