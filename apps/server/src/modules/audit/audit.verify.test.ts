import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHead, ticketInput, tokenSession } from '../../test/api.js';
import { cli, copyDataDir, ensureSchemaBuilt, tamperSqlite } from '../../test/cli.js';
import { DIALECTS, testApp } from '../../test/harness.js';
import { rowDigest } from './repository.js';

describe.each(DIALECTS)('AuditService.verify() detects tampering (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let head: number;
  const db = () => t.database.db;
  const verify = () => t.app.services.audit.verify();
  const row = (seq: number) =>
    db().selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await testApp(dialect);
    const d = await tokenSession(t, 'dispatcher');
    const projectId = (await d.get('/api/v1/projects')).body[0].id;
    for (let i = 0; i < 3; i++) await d.post('/api/v1/tickets', ticketInput(projectId));
    head = await auditHead(t.database);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('an intact chain verifies', async () => {
    expect(head).toBeGreaterThan(50);
    expect(await verify()).toEqual({ ok: true, checked: head });
  });

  it('(a) a row edited directly in the database', async () => {
    const mid = Math.floor(head / 2);
    const original = await row(mid);
    await db().updateTable('audit_log').set({ summary: '什么也没发生' }).where('seq', '=', mid).execute();
    expect(await verify()).toMatchObject({ ok: false, seq: mid, problem: `row ${mid} was modified` });
    // Re-hashing the edited row does not help: the next row no longer links to it.
    const { hash: _h, prev_hash, ...rest } = { ...original, summary: '什么也没发生' };
    await db()
      .updateTable('audit_log')
      .set({ hash: rowDigest(prev_hash, { ...rest, seq: mid }) })
      .where('seq', '=', mid)
      .execute();
    expect(await verify()).toMatchObject({
      ok: false,
      seq: mid + 1,
      problem: `row ${mid + 1} does not link to row ${mid}`,
    });
    await db()
      .updateTable('audit_log')
      .set({ summary: original.summary, hash: original.hash })
      .where('seq', '=', mid)
      .execute();
    expect((await verify()).ok).toBe(true);
  });

  it('(b) a deleted middle row', async () => {
    const mid = Math.floor(head / 3);
    const original = await row(mid);
    await db().deleteFrom('audit_log').where('seq', '=', mid).execute();
    expect(await verify()).toMatchObject({
      ok: false,
      seq: mid,
      problem: `row ${mid} is missing (next is ${mid + 1})`,
    });
    await db().insertInto('audit_log').values(original).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('(c) deleted last rows', async () => {
    const last = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', head - 3)
      .orderBy('seq')
      .execute();
    await db()
      .deleteFrom('audit_log')
      .where('seq', '>', head - 3)
      .execute();
    const r = await verify();
    expect(r).toMatchObject({ ok: false, checked: head - 3, seq: head - 2 });
    expect(r.problem).toMatch(/deleted from the end/);
    await db().insertInto('audit_log').values(last).execute();
    expect(await verify()).toEqual({ ok: true, checked: head });
  });
});

describe('`weibao audit verify` as a child process on a SQLite data dir', () => {
  let base: string;
  const copy = (name: string) => copyDataDir(path.join(base, 'seeded'), base, name);
  const tamper = tamperSqlite;

  beforeAll(async () => {
    await ensureSchemaBuilt();
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'weibao-cli-'));
    const seeded = await cli(['seed-demo'], path.join(base, 'seeded'));
    expect(seeded.code, seeded.stdout + seeded.stderr).toBe(0);
    expect(seeded.stdout).toContain('demo data seeded');
  }, 120_000);
  afterAll(() => {
    if (base) fs.rmSync(base, { recursive: true, force: true });
  });

  it('intact: exit 0', async () => {
    const r = await cli(['audit', 'verify'], copy('intact'));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^audit log intact: \d+ rows verified$/m);
  }, 60_000);

  it('(a) edited row, (b) deleted middle row, (c) deleted last rows: exit 1 with the row and the problem', async () => {
    const edited = copy('edited');
    await tamper(edited, (db) => db.prepare('UPDATE audit_log SET summary = ? WHERE seq = 20').run('改过的摘要'));
    const deleted = copy('deleted');
    await tamper(deleted, (db) => db.prepare('DELETE FROM audit_log WHERE seq = 15').run());
    const truncated = copy('truncated');
    let total = 0;
    await tamper(truncated, (db) => {
      total = (db.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
      db.prepare('DELETE FROM audit_log WHERE seq > ?').run(total - 2);
    });
    const [a, b, c] = await Promise.all([
      cli(['audit', 'verify'], edited),
      cli(['audit', 'verify'], deleted),
      cli(['audit', 'verify'], truncated),
    ]);
    expect([a.code, a.stdout.trim()]).toEqual([1, 'AUDIT LOG BROKEN at row 20: row 20 was modified']);
    expect([b.code, b.stdout.trim()]).toEqual([1, 'AUDIT LOG BROKEN at row 15: row 15 is missing (next is 16)']);
    expect(c.code).toBe(1);
    expect(c.stdout.trim()).toBe(
      `AUDIT LOG BROKEN at row ${total - 1}: the chain ends at row ${total - 2} but the head says ${total}: rows were deleted from the end`,
    );
  }, 90_000);
});
