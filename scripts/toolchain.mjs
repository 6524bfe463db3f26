// Node.js for `npm start`, `npm test` and CI: the project runs on Node 22 or 24 (20 reached end of life on
// 2026-04-30). On an older Node, the scripts run themselves under Node 24 taken from the npm registry's
// `node-<platform>-<arch>` package, which ships the binary and its C++ headers: native modules (better-sqlite3)
// are built against those headers through `npm_config_nodedir`. The unpacked copy is cached for later runs.
// Plain Node, no dependencies: this runs before `npm install`.
//
// As a command, `node scripts/toolchain.mjs --env` prints the shell lines that put that Node first on PATH
// (nothing when the running Node is new enough); .ci/run evaluates them before `npm install`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const MIN_NODE_MAJOR = 22;
/** The Node 24 LTS release used where the machine's Node is older than 22. */
export const PINNED_NODE = '24.22.3';

export const nodeMajor = (version = process.versions.node) => Number(version.split('.')[0]);

function cacheRoot() {
  const base =
    process.env.WEIBAO_TOOLCHAIN_CACHE ??
    path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'weibao');
  return path.join(base, `node-v${PINNED_NODE}-${process.platform}-${process.arch}`);
}

/** The cached Node 24 folder (bin/node, include/node), unpacked from the npm registry on first use. */
export function pinnedNodeDir() {
  const dir = cacheRoot();
  if (fs.existsSync(path.join(dir, 'bin', 'node'))) return dir;
  const pkg = `node-${process.platform}-${process.arch}@${PINNED_NODE}`;
  console.error(`▶ fetching Node ${PINNED_NODE} from the npm registry (${pkg}, about 50 MB, once)…`);
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const work = fs.mkdtempSync(path.join(path.dirname(dir), '.unpack-'));
  try {
    const packed = spawnSync('npm', ['pack', pkg, '--silent', '--pack-destination', work], { encoding: 'utf8' });
    const tarball = packed.stdout?.trim().split('\n').pop();
    if (packed.status !== 0 || !tarball) throw new Error(`npm pack ${pkg} failed: ${packed.stderr?.trim()}`);
    const untar = spawnSync('tar', ['xzf', path.join(work, tarball), '-C', work], { encoding: 'utf8' });
    if (untar.status !== 0) throw new Error(`unpacking ${tarball} failed: ${untar.stderr?.trim()}`);
    const unpacked = path.join(work, 'package');
    if (!fs.existsSync(path.join(unpacked, 'bin', 'node'))) throw new Error(`${pkg} has no bin/node`);
    fs.chmodSync(path.join(unpacked, 'bin', 'node'), 0o755);
    // Rename last, so an interrupted download never leaves a half-unpacked Node in the cache.
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(unpacked, dir);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return dir;
}

/** PATH and npm settings that make `node`, `npm` and node-gyp use the Node in `dir`. */
export function envFor(dir, env = process.env) {
  return { ...env, PATH: `${path.join(dir, 'bin')}${path.delimiter}${env.PATH ?? ''}`, npm_config_nodedir: dir };
}

/**
 * On Node 22 or newer, returns. On an older Node, says so in one line and runs the current script again under
 * the pinned Node 24 with the same arguments, then exits with its status.
 */
export function ensureSupportedNode() {
  if (nodeMajor() >= MIN_NODE_MAJOR) return;
  let dir;
  try {
    dir = pinnedNodeDir();
  } catch (e) {
    console.error(
      `✖ Node ${process.versions.node} is older than ${MIN_NODE_MAJOR}, and Node ${PINNED_NODE} could not be fetched: ${e.message}`,
    );
    process.exit(1);
  }
  console.log(
    `Node ${process.versions.node} is older than ${MIN_NODE_MAJOR}: running under Node ${PINNED_NODE} from the npm registry (${dir})`,
  );
  const r = spawnSync(path.join(dir, 'bin', 'node'), process.argv.slice(1), { stdio: 'inherit', env: envFor(dir) });
  process.exit(r.status ?? 1);
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === '--env') {
  if (nodeMajor() < MIN_NODE_MAJOR) {
    const dir = pinnedNodeDir();
    const env = envFor(dir);
    console.error(
      `Node ${process.versions.node} is older than ${MIN_NODE_MAJOR}: using Node ${PINNED_NODE} from the npm registry (${dir})`,
    );
    console.log(`export PATH='${env.PATH}'`);
    console.log(`export npm_config_nodedir='${dir}'`);
  }
}
