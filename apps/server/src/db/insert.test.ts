import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase } from '../test/harness.js';
import { sql } from './dialect.js';
import { insertRows } from './insert.js';

describe.each(DIALECTS)('database helpers on %s', (dialect) => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    fresh = await freshDatabase(dialect);
  });
  afterAll(async () => {
    await fresh.drop();
  });

  it('insertRows writes several rows with fresh values each time its cached text is reused', async () => {
    const db = fresh.database.db;
    const row = (name: string, value: number) => ({ name, value });
    await insertRows(db, 'counters', [row('a', 1), row('b', 2)]);
    await insertRows(db, 'counters', [row('c', 3), row('d', 4)]);
    await insertRows(db, 'counters', [row('e', 5)]);
    await insertRows(db, 'counters', []);
    const rows = await db
      .selectFrom('counters')
      .select(['name', 'value'])
      .where('name', 'in', ['a', 'b', 'c', 'd', 'e'])
      .orderBy('name')
      .execute();
    expect(rows.map((r) => [r.name, Number(r.value)])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
      ['e', 5],
    ]);
  });

  it("insertRows writes a missing or undefined value as NULL and joins the caller's transaction", async () => {
    const db = fresh.database.db;
    await expect(
      db.transaction().execute(async (tx) => {
        await insertRows(tx, 'settings', [
          { key: 'k1', value_json: '{}', updated_at: 1, updated_by: undefined } as never,
        ]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await db.selectFrom('settings').selectAll().where('key', '=', 'k1').executeTakeFirst()).toBeUndefined();
    await insertRows(db, 'settings', [{ key: 'k2', value_json: '{}', updated_at: 1, updated_by: undefined } as never]);
    expect(
      (await db.selectFrom('settings').selectAll().where('key', '=', 'k2').executeTakeFirstOrThrow()).updated_by,
    ).toBeNull();
  });

  it.runIf(dialect === 'postgres')('prepares a SQL text on the connection once it has been run twice', async () => {
    const db = fresh.database.db;
    await db.connection().execute(async (conn) => {
      const text = sql<{ n: number }>`select count(*)::int as n from counters where name <> ${'zz-probe'}`;
      for (let i = 0; i < 3; i++) await text.execute(conn);
      const prepared = await sql<{
        name: string;
        statement: string;
      }>`select name, statement from pg_prepared_statements`.execute(conn);
      expect(
        prepared.rows.some(
          (r) =>
            r.name.startsWith('wb') &&
            r.statement.includes('zz-probe') === false &&
            r.statement.includes('from counters where name <>'),
        ),
      ).toBe(true);
    });
  });
});
