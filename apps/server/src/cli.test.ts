import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/database.js';
import { sql } from './db/dialect.js';
import { freshDatabase } from './test/harness.js';
import { DIALECTS } from './test/harness.js';
import { ensureSchemaBuilt, run } from './test/cli.js';

/** The `weibao` CLI end to end on each dialect: migrate, seed-demo, user create, audit verify. */
// Each command is a child process that compiles the server with tsx (several seconds on 2 cores).
describe.each(DIALECTS)('weibao CLI (%s)', { timeout: 120_000 }, (dialect) => {
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  let url: string | null;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weibao-cli-'));
  const weibao = (...args: string[]) => run('npx', ['tsx', 'apps/server/src/cli.ts', ...args], env);

  beforeAll(async () => {
    await ensureSchemaBuilt();
    if (dialect === 'postgres') {
      // An empty database: the CLI itself must create the schema.
      const fresh = await freshDatabase('postgres');
      url = fresh.url;
      // Whatever the migrations create, including tables added later: start from an empty schema.
      await sql`drop schema public cascade`.execute(fresh.database.db);
      await sql`create schema public`.execute(fresh.database.db);
      drop = fresh.drop;
    } else {
      url = null;
      drop = async () => {};
    }
    env = { WEIBAO_DATA_DIR: dataDir, DATABASE_URL: url ?? '', LOG_LEVEL: 'warn' };
  });
  afterAll(async () => {
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('migrates an empty database, then reports it up to date', async () => {
    const first = await weibao('migrate');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/applied: 0001_init, 0002_settings/);
    const again = await weibao('migrate');
    expect(again.stdout).toMatch(/up to date/);
  });

  it('seeds the demo once; a second run seeds nothing', async () => {
    const r = await weibao('seed-demo');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/seeded 30 tickets/);
    expect((await weibao('seed-demo')).stdout).toMatch(/nothing seeded/);
  });

  it('creates a user who must change the issued password; bad input exits 2 with a message', async () => {
    const ok = await weibao(
      'user',
      'create',
      '--username',
      'net.wang',
      '--name',
      '王网络',
      '--org',
      '维保信息技术有限公司',
      '--role',
      'engineer',
      '--password',
      'Net#2026ok',
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/created net\.wang \(engineer\)/);
    const database = openDatabase({ databaseUrl: url, sqlitePath: path.join(dataDir, 'weibao.sqlite') });
    try {
      const u = await database.db
        .selectFrom('users')
        .select(['must_change_password', 'org_id'])
        .where('username', '=', 'net.wang')
        .executeTakeFirstOrThrow();
      expect(u.must_change_password).toBe(1);
    } finally {
      await database.destroy();
    }
    expect((await weibao('user', 'create', '--username', 'x1', '--org', '不存在', '--role', 'engineer')).code).toBe(2);
    const badRole = await weibao(
      'user',
      'create',
      '--username',
      'x2',
      '--org',
      '维保信息技术有限公司',
      '--role',
      'root',
    );
    expect(badRole.code).toBe(2);
    expect(badRole.stdout).toMatch(/unknown role root/);
    const weak = await weibao(
      'user',
      'create',
      '--username',
      'x3',
      '--org',
      '维保信息技术有限公司',
      '--role',
      'engineer',
      '--password',
      'short',
    );
    expect(weak.code).toBe(2);
    expect(weak.stdout).toMatch(/password/i);
  });

  it('verifies the audit chain the commands above wrote', async () => {
    const r = await weibao('audit', 'verify');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/audit log intact: \d+ rows verified/);
  });
});
