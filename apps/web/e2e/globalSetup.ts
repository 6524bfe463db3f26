// Starts one Weibao server for the whole browser suite: a fresh temporary data directory seeded
// with the demo (`cli.js seed-demo`), `main.js` on a free port of 127.0.0.1, and the built web UI.
// Tests get the URL with inject('baseUrl'); failure screenshots go to inject('artifactsDir').
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    artifactsDir: string;
    /** The server's stdout/stderr (pino JSON lines, LOG_LEVEL=info: every request and every refused one with its code). */
    serverLog: string;
    /** The server's WEIBAO_DATA_DIR (its SQLite database is weibao.sqlite there): tests may read it, e.g. the mail outbox. */
    dataDir: string;
  }
}

const root = path.resolve(import.meta.dirname, '../../..');
const serverDist = path.join(root, 'apps/server/dist');
const webDist = path.join(root, 'apps/web/dist');

function requireBuilt(): void {
  const missing = [path.join(serverDist, 'main.js'), path.join(serverDist, 'cli.js'), path.join(webDist, 'index.html')]
    .filter((f) => !fs.existsSync(f))
    .map((f) => path.relative(root, f));
  if (missing.length) {
    throw new Error(
      `The browser suite needs the built server and web UI, but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing.\n` +
        'Run `npm test` (or `npm test -- e2e`), which builds both first, or `npm run build`.',
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function waitForHealth(url: string, child: ChildProcess, logFile: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `Weibao server exited (${child.exitCode ?? child.signalCode}) before it was healthy. Log ${logFile}:\n${tail(logFile)}`,
      );
    }
    try {
      const r = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `Weibao server at ${url} did not answer /api/v1/health within ${timeoutMs / 1000} s. Log ${logFile}:\n${tail(logFile)}`,
  );
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  requireBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weibao-e2e-data-'));
  const artifactsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weibao-e2e-artifacts-'));
  const logFile = path.join(artifactsDir, 'server.log');
  // Serve a snapshot of the web build: the server registers the static files present at startup,
  // so a rebuild of apps/web/dist during the run (e.g. by `vite build --watch`) would break it.
  const webCopy = path.join(dataDir, 'web');
  fs.cpSync(webDist, webCopy, { recursive: true });
  const index = path.join(webCopy, 'index.html');
  const assets = fs.existsSync(index)
    ? [...fs.readFileSync(index, 'utf8').matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!)
    : [];
  if (!fs.existsSync(index) || assets.some((a) => !fs.existsSync(path.join(webCopy, a)))) {
    throw new Error(
      'apps/web/dist is incomplete (being rebuilt right now?): run the suite again after the build finishes, or `npm test -- e2e`.',
    );
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    WEIBAO_DATA_DIR: dataDir,
    WEIBAO_WEB_DIST: webCopy,
    LOG_LEVEL: 'info',
  };
  // Always the embedded database: the suite must not touch a PostgreSQL the caller configured.
  delete env.DATABASE_URL;
  delete env.WEIBAO_SEED_DEMO;

  const seed = spawnSync(process.execPath, [path.join(serverDist, 'cli.js'), 'seed-demo'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (seed.status !== 0) {
    throw new Error(
      `\`node apps/server/dist/cli.js seed-demo\` failed (exit ${seed.status}):\n${seed.stdout}\n${seed.stderr}`,
    );
  }

  const port = await freePort();
  const host = '127.0.0.1';
  const baseUrl = `http://${host}:${port}`;
  const log = fs.openSync(logFile, 'a');
  const server = spawn(process.execPath, [path.join(serverDist, 'main.js')], {
    cwd: root,
    // Links the server writes into e-mails (e.g. the one-time rating link) must open this server.
    env: { ...env, HOST: host, PORT: String(port), WEIBAO_PUBLIC_URL: baseUrl },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  try {
    await waitForHealth(baseUrl, server, logFile);
  } catch (e) {
    await stop(server);
    throw e;
  }
  project.provide('baseUrl', baseUrl);
  project.provide('artifactsDir', artifactsDir);
  project.provide('serverLog', logFile);
  project.provide('dataDir', dataDir);
  console.log(`[e2e] Weibao at ${baseUrl} (data ${dataDir}); screenshots and server log in ${artifactsDir}`);

  return async () => {
    await stop(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
    const files = fs.readdirSync(artifactsDir);
    const failures = files.filter((f) => f.startsWith('fail-')).length;
    const views = files.filter((f) => f.startsWith('view-')).length;
    if (failures || views)
      console.log(`[e2e] ${failures} failure and ${views} other screenshot(s) kept in ${artifactsDir}`);
    else if (fs.statSync(logFile).size === 0) fs.rmSync(artifactsDir, { recursive: true, force: true });
    else console.log(`[e2e] server log (warnings) kept at ${logFile}`);
  };
}
