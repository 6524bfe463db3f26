import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../../..');

/**
 * Child processes run the server code with tsx, which resolves @weibao/schema to its built
 * dist/. Build it when missing or older than the source (tsc -b is incremental).
 */
export async function ensureSchemaBuilt(): Promise<void> {
  const dist = path.join(ROOT, 'packages/schema/dist/index.js');
  const src = path.join(ROOT, 'packages/schema/src');
  const newest = Math.max(...fs.readdirSync(src).map((f) => fs.statSync(path.join(src, f)).mtimeMs));
  if (fs.existsSync(dist) && fs.statSync(path.join(ROOT, 'packages/schema/dist/api.js')).mtimeMs >= newest) return;
  const r = await run('npx', ['tsc', '-b', 'packages/schema'], {});
  if (r.code !== 0) throw new Error(`building @weibao/schema failed: ${r.stdout}${r.stderr}`);
}

export function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 120_000,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err
          ? typeof (err as { code?: unknown }).code === 'number'
            ? (err as { code: number }).code
            : 1
          : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** `weibao <args>` as a child process against the SQLite database in `dataDir`. */
export function cli(args: string[], dataDir: string) {
  return run('npx', ['tsx', 'apps/server/src/cli.ts', ...args], {
    WEIBAO_DATA_DIR: dataDir,
    DATABASE_URL: '',
    LOG_LEVEL: 'warn',
  });
}

/** A copy of the data dir `from` under `base/name`, for one tampering scenario each. */
export function copyDataDir(from: string, base: string, name: string): string {
  const dir = path.join(base, name);
  fs.cpSync(from, dir, { recursive: true });
  return dir;
}

/** Edits a data dir's SQLite file directly, behind the platform's back. */
export async function tamperSqlite(dir: string, fn: (db: import('better-sqlite3').Database) => void): Promise<void> {
  const { default: SQLite } = await import('better-sqlite3');
  const db = new SQLite(path.join(dir, 'weibao.sqlite'));
  try {
    fn(db);
  } finally {
    db.close();
  }
}
