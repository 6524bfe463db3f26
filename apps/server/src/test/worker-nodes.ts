import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

/** A separate worker process (test/worker-node.ts) on a shared database: the multinode test and the alerts bench. */
export interface WorkerNode {
  id: string;
  proc: ChildProcess;
  out: string;
  exit: Promise<number | null>;
}

const ROOT = path.resolve(import.meta.dirname, '../../../..');

/** Starts one node; `env` is its whole environment (DATABASE_URL or WEIBAO_DATA_DIR, poll interval …). */
export function startWorkerNode(id: string, env: Record<string, string | undefined>, runMs = 60_000): WorkerNode {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/test/worker-node.ts'], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...env, WEIBAO_NODE_ID: id, WORKER_RUN_MS: String(runMs), SMTP_URL: '' },
  });
  const node: WorkerNode = {
    id,
    proc,
    out: '',
    exit: new Promise((resolve) => proc.on('exit', (code) => resolve(code))),
  };
  proc.stdout!.on('data', (d) => {
    node.out += String(d);
  });
  proc.stderr!.on('data', (d) => {
    node.out += String(d);
  });
  return node;
}

/** Polls `cond` every 100 ms until it holds; throws naming `what` after `timeoutMs`. */
export async function until(what: string, cond: () => boolean | Promise<boolean>, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
