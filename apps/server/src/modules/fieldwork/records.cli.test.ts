import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { signaturePng } from '../../test/api.js';
import { cli, copyDataDir, ensureSchemaBuilt, tamperSqlite } from '../../test/cli.js';
import { session } from '../../test/harness.js';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo.js';

/** `weibao records verify` as a child process on a SQLite data dir holding three signed records. */
describe("`weibao records verify` finds records changed behind the platform's back", () => {
  let base: string;
  const seeded = () => path.join(base, 'seeded');
  const copy = (name: string) => copyDataDir(seeded(), base, name);
  const tamper = tamperSqlite;

  beforeAll(async () => {
    await ensureSchemaBuilt();
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'weibao-records-'));
    const database = openDatabase({ databaseUrl: null, sqlitePath: path.join(seeded(), 'weibao.sqlite') });
    await migrateToLatest(database.db);
    const app = await buildApp({
      config: loadConfig({}, { dataDir: seeded(), workers: false, logLevel: 'silent' }),
      database,
      logger: false,
    });
    await seedDemo(app.services);
    const login = async (username: string) => {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: DEMO_PASSWORD },
      });
      return session(app, String(r.headers['set-cookie']).split(';')[0]!, r.json().csrfToken, r.json().id);
    };
    const eng = await login('engineer');
    const lead = await login('lead_a');
    const projectId = (await eng.get('/api/v1/projects')).body.find((p: any) => p.customerName === '省信息中心').id;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = (
        await eng.post('/api/v1/om-records', {
          projectId,
          kind: 'daily',
          serviceStart: Date.now() - 3_600_000,
          serviceEnd: Date.now(),
          location: '机房',
          content: `第${i + 1}天驻场巡视`,
          result: '正常',
        })
      ).body;
      await eng.post(`/api/v1/om-records/${r.id}/submit`);
      ids.push(r.id);
    }
    expect((await lead.post('/api/v1/om-records/sign', { recordIds: ids, signature: signaturePng() })).status).toBe(
      200,
    );
    await app.close();
    await database.destroy();
  }, 120_000);
  afterAll(() => {
    if (base) fs.rmSync(base, { recursive: true, force: true });
  });

  it('intact: exit 0', async () => {
    const r = await cli(['records', 'verify'], copy('intact'));
    expect([r.code, r.stdout.trim()], r.stderr).toEqual([0, 'O&M records intact: 3 signed records verified']);
  }, 60_000);

  it('an edited signed record and a deleted one: exit 1 naming each', async () => {
    const edited = copy('edited');
    let number = '';
    await tamper(edited, (db) => {
      number = (db.prepare('SELECT number FROM om_records WHERE chain_seq = 2').get() as { number: string }).number;
      db.prepare("UPDATE om_records SET result = '异常已处理' WHERE chain_seq = 2").run();
    });
    const deleted = copy('deleted');
    await tamper(deleted, (db) => db.prepare('DELETE FROM om_records WHERE chain_seq = 1').run());
    const [a, b] = await Promise.all([cli(['records', 'verify'], edited), cli(['records', 'verify'], deleted)]);
    expect(a.code).toBe(1);
    expect(a.stdout).toMatch(
      new RegExp(`^FINDING ${number} v1 \\(.+\\): content hash mismatch \\(the signed record was changed\\)$`, 'm'),
    );
    expect(a.stdout.trim().split('\n').pop()).toBe('O&M RECORDS CHANGED: 1 finding(s) in 3 signed records');
    expect(b.code).toBe(1);
    expect(b.stdout).toContain('missing link before #2: expected #1 (a signed record was deleted)');
  }, 90_000);
});
