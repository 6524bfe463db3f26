import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type SqliteDatabase,
  type SqliteDialectConfig,
} from 'kysely';
import pg from 'pg';
import type { DB } from './types.js';

export type Dialect = 'sqlite' | 'postgres';
export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  destroy(): Promise<void>;
}

// int8 (bigint) columns hold epoch milliseconds, well inside Number's exact range.
pg.types.setTypeParser(20, (v) => Number(v));

/** Opens SQLite (WAL, foreign keys, busy timeout) or PostgreSQL, depending on the URL. */
export function openDatabase(opts: { databaseUrl: string | null; sqlitePath?: string; poolSize?: number }): Database {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    prepareRepeatedStatements(pool);
    // A connection the server ends while it is checked out (a claim lease that ran out: see
    // claimLease) must not crash the process: its next query fails and the pool drops it.
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', destroy: () => db.destroy() };
  }
  const file = opts.sqlitePath ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', destroy: () => db.destroy() };
}

/**
 * Kysely's SQLite driver prepares (parses and plans) every statement it runs, which costs as much as
 * running a small query. The app issues a bounded set of SQL texts, so the most recently used ones
 * stay prepared. Safe to share: Kysely runs one statement at a time on this single connection.
 */
function withStatementCache(sqlite: SQLite.Database, max = 500): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

/**
 * Transactions take SQLite's write lock when they begin (BEGIN IMMEDIATE). With a plain, deferred
 * BEGIN, a transaction that reads first and writes later fails at its first write with
 * SQLITE_BUSY_SNAPSHOT (no busy timeout applies) whenever another process (the CLI, a backup, a
 * second server) committed in between. An immediate transaction waits for the lock instead.
 * Within this process Kysely already runs one transaction at a time on the single connection.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig) {
    super(config);
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.config);
  }
}

/**
 * Kysely sends every query unnamed, so PostgreSQL parses and plans it on every execution: planning
 * the queue page took ~0.5 ms against ~0.5 ms running it. A SQL text seen a second time gets a
 * name, and pg then prepares it once per connection and only binds and executes it afterwards. The
 * app's texts form a bounded set; past `max` distinct names new texts simply stay unnamed.
 */
function prepareRepeatedStatements(pool: pg.Pool, max = 1000): void {
  const names = new Map<string, string>();
  const seen = new Set<string>();
  const nameOf = (text: string): string | undefined => {
    const name = names.get(text);
    if (name || names.size >= max) return name;
    if (!seen.has(text)) {
      if (seen.size < 10 * max) seen.add(text);
      return undefined;
    }
    const created = `wb${names.size + 1}`;
    names.set(text, created);
    return created;
  };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    // Only the (text, values) form Kysely uses is rewritten; other callers pass through.
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const [text, values] = args;
      if (args.length === 2 && typeof text === 'string' && Array.isArray(values)) {
        const name = nameOf(text);
        if (name) return query({ name, text, values });
      }
      return query(...args);
    };
  });
}
