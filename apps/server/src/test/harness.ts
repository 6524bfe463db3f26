import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.js';
import { type Config, loadConfig } from '../config.js';
import { type Database, type Dialect, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { DEMO_PASSWORD, seedDemo } from '../modules/seed/demo.js';

/**
 * Test support: every test file gets a fresh database per dialect. PostgreSQL tests run when
 * TEST_DATABASE_URL is set (a server URL; a new database is created per call and dropped after);
 * with WEIBAO_REQUIRE_PG=1 (CI) a missing or unreachable server fails instead of skipping.
 */
export const PG_URL = process.env.TEST_DATABASE_URL ?? null;
export const DIALECTS: Dialect[] =
  PG_URL || process.env.WEIBAO_REQUIRE_PG === '1' ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestClock {
  now: number;
  set(ms: number): void;
  advance(ms: number): void;
}
export function testClock(start = Date.UTC(2026, 9, 12, 2, 0, 0)): TestClock {
  const c = {
    now: start,
    set(ms: number) {
      c.now = ms;
    },
    advance(ms: number) {
      c.now += ms;
    },
  };
  return c;
}

export async function freshDatabase(
  dialect: Dialect,
): Promise<{ database: Database; url: string | null; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const database = openDatabase({ databaseUrl: null, sqlitePath: ':memory:' });
    await migrateToLatest(database.db);
    return { database, url: null, drop: () => database.destroy() };
  }
  if (!PG_URL) throw new Error('TEST_DATABASE_URL is required for the PostgreSQL suite (WEIBAO_REQUIRE_PG=1)');
  const name = `weibao_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const database = openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await migrateToLatest(database.db);
  return {
    database,
    url: url.toString(),
    async drop() {
      await database.destroy();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      // pool.end() resolves before its sockets have closed; forcing the drop at once would kill those
      // backends and their FATAL would surface as an uncaught error. Wait for them, force only as a last resort.
      for (let i = 0; ; i++) {
        try {
          await c.query(`drop database if exists ${name}`);
          break;
        } catch (e) {
          if ((e as { code?: string }).code !== '55006' || i >= 100) {
            await c.query(`drop database if exists ${name} with (force)`);
            break;
          }
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      await c.end();
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  clock: TestClock;
  config: Config;
  dataDir: string;
  close(): Promise<void>;
  login(username: string, password?: string): Promise<Session>;
}

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
  headers: Record<string, string>;
  get(url: string): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  post(url: string, payload?: unknown): Promise<{ status: number; body: any }>;
  patch(url: string, payload?: unknown): Promise<{ status: number; body: any }>;
  put(url: string, payload?: unknown): Promise<{ status: number; body: any }>;
  del(url: string): Promise<{ status: number; body: any }>;
}

/** A built app on a fresh database with the demo seed, a controllable clock and no background worker. */
export async function testApp(
  dialect: Dialect,
  opts: { seed?: boolean; config?: Partial<Config> } = {},
): Promise<TestApp & { drop(): Promise<void> }> {
  const fresh = await freshDatabase(dialect);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weibao-test-'));
  const clock = testClock();
  const config = loadConfig({}, { dataDir, workers: false, logLevel: 'silent', checkResponses: true, ...opts.config });
  const app = await buildApp({ config, database: fresh.database, now: () => clock.now, logger: false });
  if (opts.seed !== false) await seedDemo(app.services);
  const login = async (username: string, password = DEMO_PASSWORD): Promise<Session> => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    if (r.statusCode !== 200) throw new Error(`login ${username} failed: ${r.statusCode} ${r.body}`);
    const cookie = String(r.headers['set-cookie']).split(';')[0]!;
    const me = r.json();
    return session(app, cookie, me.csrfToken, me.id);
  };
  const close = async () => {
    await app.close();
  };
  return {
    app,
    database: fresh.database,
    clock,
    config,
    dataDir,
    login,
    close,
    async drop() {
      await app.close();
      await fresh.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function session(app: FastifyInstance, cookie: string, csrf: string, userId: string): Session {
  const headers = { cookie, 'x-csrf-token': csrf };
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
    const r = await app.inject({
      method,
      url,
      headers,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    let body: any = r.body;
    try {
      body = r.json();
    } catch {
      /* not JSON */
    }
    return { status: r.statusCode, body, headers: r.headers as Record<string, unknown> };
  };
  return {
    cookie,
    csrf,
    userId,
    headers,
    get: (url) => call('GET', url),
    post: (url, p) => call('POST', url, p ?? {}),
    patch: (url, p) => call('PATCH', url, p ?? {}),
    put: (url, p) => call('PUT', url, p ?? {}),
    del: (url) => call('DELETE', url),
  };
}
