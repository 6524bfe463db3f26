import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';

describe('SQLite transactions', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('hold the write lock from BEGIN, so another connection committing mid-transaction cannot break it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-db-'));
    dirs.push(dir);
    const file = path.join(dir, 'test.sqlite');
    const database = openDatabase({ databaseUrl: null, sqlitePath: file });
    await sql`create table t (id integer primary key, v text)`.execute(database.db);
    // Another process (CLI, backup, second server), here a second connection that does not wait.
    const other = new SQLite(file);
    other.pragma('busy_timeout = 0');
    let otherWrote = true;
    await database.db.transaction().execute(async (tx) => {
      await sql`select count(*) as n from t`.execute(tx);
      try {
        other.prepare("insert into t (v) values ('other')").run();
      } catch (e) {
        otherWrote = false;
        expect((e as { code?: string }).code).toBe('SQLITE_BUSY');
      }
      // With a deferred BEGIN this write fails with SQLITE_BUSY_SNAPSHOT after the other commit.
      await sql`insert into t (v) values ('mine')`.execute(tx);
    });
    expect(otherWrote).toBe(false);
    const rows = other.prepare('select v from t').all();
    expect(rows).toEqual([{ v: 'mine' }]);
    other.close();
    await database.destroy();
  });
});
