/** bench/run.ts's setting up: a fresh database per dialect, the seeded world bulk tickets refer to, a signed-in client. */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import type { SlaPolicy } from '@weibao/schema';
import { type Database, type Dialect, openDatabase } from '../apps/server/src/db/database.js';
import { DEMO_PASSWORD } from '../apps/server/src/modules/seed/demo.js';
import type { World } from './data.js';
import { request } from './http.js';

export function reachable(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect({ host: u.hostname, port: Number(u.port || 5432) });
    s.setTimeout(1500);
    s.on('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
    s.on('timeout', () => {
      s.destroy();
      resolve(false);
    });
  });
}

export async function freshDatabase(
  dialect: Dialect,
  pgAdmin: string,
  dataDir: string,
): Promise<{ database: Database; url: string | null; sqlitePath: string }> {
  const sqlitePath = path.join(dataDir, 'bench.sqlite');
  if (dialect === 'sqlite') {
    for (const f of [sqlitePath, `${sqlitePath}-wal`, `${sqlitePath}-shm`]) fs.rmSync(f, { force: true });
    return { database: openDatabase({ databaseUrl: null, sqlitePath }), url: null, sqlitePath };
  }
  const admin = new pg.Client({ connectionString: pgAdmin });
  await admin.connect();
  await admin.query('drop database if exists weibao_bench with (force)');
  await admin.query('create database weibao_bench');
  await admin.end();
  const u = new URL(pgAdmin);
  u.pathname = '/weibao_bench';
  return { database: openDatabase({ databaseUrl: u.toString() }), url: u.toString(), sqlitePath };
}

/** The seeded organisations, projects, contracts and people that bulk tickets refer to. */
export async function world(database: Database, t0: number): Promise<World> {
  const { db } = database;
  const users = new Map(
    (await db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.username, u.id]),
  );
  const id = (u: string) =>
    users.get(u) ??
    (() => {
      throw new Error(`seed user ${u} missing`);
    })();
  const projects = await db
    .selectFrom('projects')
    .innerJoin('contracts', 'contracts.project_id', 'projects.id')
    .select([
      'projects.id',
      'projects.customer_id',
      'contracts.id as contract_id',
      'contracts.starts_on',
      'contracts.policy_json',
    ])
    .orderBy('projects.code')
    .execute();
  const policy = JSON.parse(projects[0]!.policy_json) as SlaPolicy;
  const customerUsers = async (orgId: string) =>
    (
      await db
        .selectFrom('users')
        .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
        .select('users.id')
        .where('users.org_id', '=', orgId)
        .where('user_roles.role', 'in', ['customer_user', 'customer_lead'])
        .execute()
    ).map((u) => u.id);
  const counters = new Map(
    (await db.selectFrom('counters').selectAll().execute()).map((c) => [c.name, Number(c.value)]),
  );
  const start = Math.max(...projects.map((p) => Date.parse(`${p.starts_on}T00:00:00+08:00`)));
  return {
    t0,
    from: Math.max(start, t0 - 730 * 86_400_000),
    projects: await Promise.all(
      projects.map(async (p, i) => ({
        id: p.id,
        customerId: p.customer_id,
        contractId: p.contract_id,
        share: i === 0 ? 0.6 : 0.4,
        customerUsers: await customerUsers(p.customer_id),
      })),
    ),
    staffCreators: [id('dispatcher'), id('dispatcher'), id('dispatcher'), id('manager')],
    engineers: [id('engineer'), id('engineer2')],
    targets: new Map(
      policy.targets.map((t) => [
        t.level,
        { response: t.responseMin * 60_000, arrival: t.arrivalMin * 60_000, resolution: t.resolutionMin * 60_000 },
      ]),
    ),
    pauseReasons: policy.pauseReasons,
    autoCloseMs: policy.autoCloseDays * 86_400_000,
    counters,
  };
}

export async function login(base: string, username: string) {
  const r = await request(base, 'POST', '/api/v1/auth/login', {}, { username, password: DEMO_PASSWORD });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.body}`);
  const cookie = String(r.headers['set-cookie']).split(';')[0]!;
  return { cookie, 'x-csrf-token': JSON.parse(r.body).csrfToken as string };
}
