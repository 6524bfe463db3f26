import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database } from '../../db/database.js';
import { DIALECTS, freshDatabase } from '../../test/harness.js';
import { type AuditInput, AuditRepository } from './repository.js';

const entry = (i: number, over: Partial<AuditInput> = {}): AuditInput => ({
  at: 1_700_000_000_000 + i,
  actorId: `u${i % 3}`,
  actorName: `用户${i % 3}`,
  actorRoles: ['engineer'],
  ip: '10.0.0.1',
  action: i % 2 ? 'ticket.create' : 'auth.login',
  targetType: 'ticket',
  targetId: `t${i}`,
  summary: `第 ${i} 条`,
  detail: { i },
  result: i % 5 ? 'success' : 'failure',
  ...over,
});

/** The audit chain on an empty database: concurrent appends stay one chain, rollbacks leave no trace. */
describe.each(DIALECTS)('AuditRepository (%s)', (dialect) => {
  let fresh: { database: Database; drop(): Promise<void> };
  let repo: AuditRepository;
  beforeAll(async () => {
    fresh = await freshDatabase(dialect);
    repo = new AuditRepository(dialect);
  });
  afterAll(async () => {
    await fresh?.drop();
  });

  it('concurrent appends from many transactions form one unbroken chain', async () => {
    const db = fresh.database.db;
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        db.transaction().execute(async (tx) => {
          await repo.append(tx, entry(i));
          // Work after the append keeps the head locked a little longer, as real commands do.
          await tx.selectFrom('audit_log').select('seq').limit(1).execute();
        }),
      ),
    );
    const rows = await db.selectFrom('audit_log').select(['seq', 'prev_hash', 'hash']).orderBy('seq').execute();
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
    expect(await repo.verify(db)).toEqual({ ok: true, checked: 30 });
  });

  it('an append in a rolled-back transaction leaves neither row nor head change', async () => {
    const db = fresh.database.db;
    await expect(
      db.transaction().execute(async (tx) => {
        await repo.append(tx, entry(99));
        throw new Error('command failed');
      }),
    ).rejects.toThrow('command failed');
    expect(await repo.verify(db)).toEqual({ ok: true, checked: 30 });
  });

  it('list() filters and pages by seq', async () => {
    const db = fresh.database.db;
    const fails = await repo.list(db, { result: 'failure', limit: 100 });
    expect(fails.map((r) => r.result)).toEqual(Array(6).fill('failure'));
    const page = await repo.list(db, { action: 'auth.login', beforeSeq: 10, limit: 3 });
    expect(page.map((r) => r.action)).toEqual(['auth.login', 'auth.login', 'auth.login', 'auth.login']); // limit + 1 tells "more"
    expect(page.every((r) => Number(r.seq) < 10)).toBe(true);
    const seqs = page.map((r) => Number(r.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(await repo.list(db, { targetId: 't7', limit: 5 })).toHaveLength(1);
  });
});
