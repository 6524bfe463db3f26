/** Servers in child processes, a single-client latency loop, and autocannon runs. */
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import autocannon from 'autocannon';

export interface Server {
  port: number;
  base: string;
  stop(): Promise<void>;
}

/** Starts bench/server.ts in a child process (own core, own event loop) and waits for its port. */
export async function startServer(env: Record<string, string>, logFile?: string): Promise<Server> {
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  const child: ChildProcess = fork(path.join(import.meta.dirname, 'server.ts'), [], {
    // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the servers.
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)],
    env: { ...process.env, ...env },
    stdio: ['ignore', out, 'inherit', 'ipc'],
  });
  if (typeof out === 'number') fs.closeSync(out);
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { type?: string; port?: number } | undefined) =>
      m?.type === 'ready' && m.port ? resolve(m.port) : reject(new Error(String(m))),
    );
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    port,
    base: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

export interface Reply {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

export function request(
  base: string,
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<Reply> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${url}`,
      {
        method,
        agent,
        headers: {
          ...headers,
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? NaN;
  return {
    n: s.length,
    p50: q(0.5),
    p95: q(0.95),
    p99: q(0.99),
    max: s[s.length - 1] ?? NaN,
    mean: s.reduce((a, b) => a + b, 0) / (s.length || 1),
  };
}

/**
 * One client, one keep-alive connection, requests back to back: wall time from sending to the last
 * byte of each response. `urls` cycles; every response must be 200.
 */
export async function latency(
  base: string,
  urls: string[],
  headers: Record<string, string>,
  n: number,
  warmup = Math.min(200, n),
): Promise<Stats> {
  const samples: number[] = [];
  for (let i = 0; i < warmup + n; i++) {
    const url = urls[i % urls.length]!;
    const t = process.hrtime.bigint();
    const r = await request(base, 'GET', url, headers);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 200) throw new Error(`GET ${url} -> ${r.status} ${r.body.slice(0, 300)}`);
    if (i >= warmup) samples.push(ms);
  }
  return stats(samples);
}

export interface Throughput {
  rps: number;
  p50: number;
  p97_5: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
}

type RunOpts = {
  base: string;
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  paths?: string[];
  connections: number;
  seconds: number;
};

/** One autocannon run: N keep-alive connections, no pipelining. */
async function run(opts: RunOpts): Promise<autocannon.Result> {
  let i = 0;
  return autocannon({
    url: `${opts.base}${opts.path}`,
    method: opts.method ?? 'GET',
    connections: opts.connections,
    pipelining: 1,
    duration: opts.seconds,
    headers: { ...(opts.headers ?? {}), ...(opts.body ? { 'content-type': 'application/json' } : {}) },
    ...(opts.body ? { body: opts.body } : {}),
    ...(opts.paths
      ? {
          requests: [
            { setupRequest: (req: autocannon.Request) => ({ ...req, path: opts.paths![i++ % opts.paths!.length] }) },
          ],
        }
      : {}),
  });
}

/**
 * Our server against the baseline on the machine as it is: after a 2 s warm-up of each, the two are
 * measured in alternating halves (A B B A), so background load that drifts during the run hits both
 * sides alike. Latency percentiles are those of the longer-running half-pairs merged by weight.
 */
export async function compare(a: RunOpts, b: RunOpts): Promise<{ app: Throughput; raw: Throughput }> {
  // autocannon returns when its time is up, with requests still in flight: let the server finish
  // them before the other side starts (on SQLite the two processes would otherwise write at once).
  const settle = async (r: autocannon.Result) => {
    await new Promise((ok) => setTimeout(ok, 500));
    return r;
  };
  await settle(await run({ ...a, seconds: 2 }));
  await settle(await run({ ...b, seconds: 2 }));
  const half = Math.max(1, Math.round(a.seconds / 2));
  const a1 = await settle(await run({ ...a, seconds: half }));
  const b1 = await settle(await run({ ...b, seconds: half }));
  const b2 = await settle(await run({ ...b, seconds: half }));
  const a2 = await settle(await run({ ...a, seconds: half }));
  return { app: merge(a1, a2), raw: merge(b1, b2) };
}

function merge(x: autocannon.Result, y: autocannon.Result): Throughput {
  const n = x.requests.total + y.requests.total;
  const w = (f: (r: autocannon.Result) => number) =>
    (f(x) * x.requests.total + f(y) * y.requests.total) / Math.max(1, n);
  return {
    rps: n / (x.duration + y.duration),
    p50: w((r) => r.latency.p50),
    p97_5: w((r) => r.latency.p97_5),
    p99: w((r) => r.latency.p99),
    requests: n,
    non2xx: x.non2xx + y.non2xx,
    errors: x.errors + y.errors,
    timeouts: x.timeouts + y.timeouts,
    seconds: x.duration + y.duration,
  };
}
