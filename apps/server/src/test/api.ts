import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Database } from '../db/database.js';
import type { DB } from '../db/types.js';
import { DENIALS, type ErrorCode } from '../lib/errors.js';
import { DEMO_USERS } from '../modules/seed/demo.js';
import type { Session, TestApp } from './harness.js';

/**
 * Helpers for API tests: raw requests with any headers, row counts and a whole-database
 * fingerprint (to prove a refused request wrote nothing), and a one-call check of a refusal
 * in both languages.
 */

export const CJK = /[\u3400-\u9fff]/;
export const ALL_TABLES: (keyof DB)[] = [
  'orgs',
  'users',
  'user_roles',
  'sessions',
  'api_tokens',
  'projects',
  'project_members',
  'contracts',
  'counters',
  'tickets',
  'ticket_events',
  'ticket_comments',
  'attachments',
  'sla_clocks',
  'sla_alerts',
  'notifications',
  'mail_outbox',
  'audit_log',
  'audit_head',
  'settings',
  'site_visits',
  'om_records',
  'record_chain_head',
  'resident_plans',
  'engineer_profiles',
  'staffing_plans',
  'acceptances',
  'assets',
  'ticket_repairs',
  'asset_replacements',
  'cost_items',
  'asset_inspections',
  'repair_points',
  'repair_point_projects',
  'checklist_templates',
  'inspection_plans',
  'inspection_tasks',
  'inspection_results',
  'inspection_adjustments',
  'training_plans',
  'training_courses',
  'training_materials',
  'training_batches',
  'training_trainees',
  'training_enrolments',
  'training_sessions',
  'training_attendance',
  'training_assessments',
  'satisfaction_surveys',
  'rating_requests',
  'feedback',
  'kb_categories',
  'kb_articles',
  'kb_article_versions',
  'kb_attachments',
  'kb_ticket_links',
  'kb_fts',
  'survey_schedules',
  'commitments',
  'report_notes',
  'monthly_reports',
  'report_schedules',
  'report_receipts',
  'saved_filters',
];

/** `bytes` is the body as sent, for binary downloads (xlsx, pdf) that `raw` would mangle as text. */
export interface Res {
  status: number;
  body: any;
  headers: Record<string, unknown>;
  raw: string;
  bytes: Buffer;
}

/** One request as `who` (a session, `{ bearer }`, or null for no credentials). */
export async function call(
  app: FastifyInstance,
  who: Session | { bearer: string } | null,
  method: string,
  url: string,
  opts: { payload?: unknown; headers?: Record<string, string>; csrf?: boolean } = {},
): Promise<Res> {
  const headers: Record<string, string> = {};
  if (who && 'bearer' in who && who.bearer) headers.authorization = `Bearer ${who.bearer}`;
  else if (who && 'cookie' in who) {
    headers.cookie = who.cookie;
    if (opts.csrf !== false) headers['x-csrf-token'] = who.csrf;
  }
  Object.assign(headers, opts.headers ?? {});
  const r = await app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(opts.payload !== undefined
      ? { payload: opts.payload as object }
      : method !== 'GET' && method !== 'DELETE'
        ? { payload: {} }
        : {}),
  });
  let body: any = r.body;
  try {
    body = r.json();
  } catch {
    /* not JSON */
  }
  return {
    status: r.statusCode,
    body,
    headers: r.headers as Record<string, unknown>,
    raw: r.body,
    bytes: r.rawPayload,
  };
}

export async function countRows(database: Database, table: keyof DB): Promise<number> {
  const r = await database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Sign-in bookkeeping that any authenticated request may touch (idle timer, token last use). */
const BOOKKEEPING = ['sessions.last_seen_at', 'api_tokens.last_used_at'];

/** Per table: row count and a hash of every row, so any INSERT, UPDATE or DELETE shows. */
export async function fingerprint(database: Database, except: (keyof DB)[] = []): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  // Every table there is, so a table added later is covered without touching this list.
  const tables = (await database.db.introspection.getTables())
    .map((x) => x.name)
    .filter((n) => !n.startsWith('kysely_'))
    .sort();
  expect(tables).toEqual(expect.arrayContaining(ALL_TABLES));
  for (const table of tables as (keyof DB)[]) {
    if (except.includes(table)) continue;
    const rows = (await database.db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
    const lines = rows
      .map((r) =>
        JSON.stringify(
          Object.keys(r)
            .filter((k) => !BOOKKEEPING.includes(`${table}.${k}`))
            .sort()
            .map((k) => [k, r[k] === null ? null : String(r[k])]),
        ),
      )
      .sort();
    out[table] = `${rows.length}:${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
  }
  return out;
}

export interface Expected {
  status: number;
  code: string;
  field?: string;
}

/** Checks a problem+json body: status, stable code, the field at fault. */
export function expectProblem(r: Res, e: Expected): void {
  expect({ status: r.status, code: r.body?.code, field: r.body?.field }, r.raw).toEqual({
    status: e.status,
    code: e.code,
    field: e.field,
  });
  expect(String(r.headers['content-type'])).toMatch(/^application\/problem\+json/);
}

/** The Chinese detail reads as Chinese: besides identifiers, no English phrase (two words in a row). */
export function expectChinese(detail: string, field?: string): void {
  expect(detail).toMatch(CJK);
  const rest = field ? detail.replaceAll(field, '') : detail;
  expect(rest, `English phrase in zh detail: ${detail}`).not.toMatch(/[A-Za-z]{2,}[ ,:]+[A-Za-z]{2,}/);
}

/**
 * Sends the same bad request in zh-CN (default) and en, checks status/code/field and the
 * language of `detail`, and proves the database is unchanged (tables in `writes` excepted,
 * e.g. the audit row a failed login must leave).
 */
export async function expectRefused(
  t: Pick<TestApp, 'app' | 'database'>,
  who: Session | { bearer: string } | null,
  method: string,
  url: string,
  payload: unknown,
  e: Expected,
  opts: { writes?: (keyof DB)[]; headers?: Record<string, string> } = {},
): Promise<{ zh: Res; en: Res }> {
  // The audit log is compared separately: an authorisation refusal adds exactly its own failure row.
  const auditTables: (keyof DB)[] = ['audit_log', 'audit_head'];
  const ownAudit = !opts.writes?.includes('audit_log');
  const before = await fingerprint(t.database, [...(opts.writes ?? []), ...auditTables]);
  const seq = await auditHead(t.database);
  const zh = await call(t.app, who, method, url, { payload, headers: opts.headers });
  const en = await call(t.app, who, method, url, { payload, headers: { ...opts.headers, 'accept-language': 'en' } });
  if (ownAudit) {
    const rows = await auditSince(t.database, seq);
    expect(
      rows.map((r) => `${r.action}:${r.result}`),
      `audit rows after ${method} ${url}`,
    ).toEqual(DENIALS.has(e.code as ErrorCode) ? ['access.denied:failure', 'access.denied:failure'] : []);
    const actorId = who && 'userId' in who ? who.userId : undefined;
    if (actorId) expect(rows.every((r) => r.actor_id === actorId)).toBe(true);
  }
  expectProblem(zh, e);
  expectProblem(en, e);
  expectChinese(zh.body.detail, e.field);
  expect(en.body.detail, en.body.detail).not.toMatch(CJK);
  if (e.field && e.code === 'VALIDATION') {
    expect(zh.body.detail).toContain(e.field);
    expect(en.body.detail).toContain(e.field);
  }
  expect(await fingerprint(t.database, [...(opts.writes ?? []), ...auditTables])).toEqual(before);
  return { zh, en };
}

/** Audit rows written since `afterSeq`, oldest first. */
export async function auditSince(database: Database, afterSeq: number) {
  return database.db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').execute();
}
export async function auditHead(database: Database): Promise<number> {
  const r = await database.db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(r.seq);
}

export type DemoUser =
  | 'admin'
  | 'secadmin'
  | 'auditor'
  | 'manager'
  | 'dispatcher'
  | 'engineer'
  | 'engineer2'
  | 'cust_a'
  | 'lead_a'
  | 'cust_b'
  | 'lead_b';

/** Ids the tests need from the demo seed. */
export async function demoIds(t: Pick<TestApp, 'database'>) {
  const db = t.database.db;
  const users = Object.fromEntries(
    (await db.selectFrom('users').select(['username', 'id']).execute()).map((u) => [u.username, u.id]),
  );
  const orgs = await db.selectFrom('orgs').selectAll().execute();
  const orgA = orgs.find((o) => o.name === '省信息中心')!.id;
  const orgB = orgs.find((o) => o.name === '市自然资源局')!.id;
  const provider = orgs.find((o) => o.kind === 'provider')!.id;
  const projects = await db.selectFrom('projects').selectAll().execute();
  const projectA = projects.find((p) => p.customer_id === orgA)!.id;
  const projectB = projects.find((p) => p.customer_id === orgB)!.id;
  const contracts = await db.selectFrom('contracts').selectAll().execute();
  const contractA = contracts.find((c) => c.project_id === projectA)!.id;
  const contractB = contracts.find((c) => c.project_id === projectB)!.id;
  return {
    users: users as Record<DemoUser, string> & Record<string, string | undefined>,
    orgA,
    orgB,
    provider,
    projectA,
    projectB,
    contractA,
    contractB,
  };
}

export const ticketInput = (projectId: string, over: Record<string, unknown> = {}) => ({
  projectId,
  title: '门户首页无法访问',
  description: '用户来电',
  level: 2,
  channel: 'phone',
  reporterName: '陈科员',
  reporterPhone: '13800000000',
  ...over,
});

/** A multipart/form-data body with one `file` part. */
export function multipart(
  fileName: string,
  content: Buffer | string,
  mime = 'text/plain',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----weibao${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${mime}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * A signed-in user that survives the harness clock jumping ahead (sessions end after 30 idle
 * minutes): same interface as a cookie Session, authenticated by a personal API token instead.
 */
export async function tokenSession(
  t: Pick<TestApp, 'app' | 'login'>,
  username: string,
): Promise<Session & { bearer: string }> {
  const s = await t.login(username);
  const created = await s.post('/api/v1/auth/tokens', { name: `test ${username}` });
  if (created.status !== 200) throw new Error(`token for ${username}: ${created.status}`);
  const bearer = created.body.token as string;
  const req = async (method: string, url: string, payload?: unknown) => {
    const r = await call(t.app, { bearer }, method, url, { payload });
    return { status: r.status, body: r.body, headers: r.headers };
  };
  return {
    bearer,
    cookie: '',
    csrf: '',
    userId: s.userId,
    headers: { authorization: `Bearer ${bearer}` },
    get: (url) => req('GET', url),
    post: (url, p) => req('POST', url, p ?? {}),
    patch: (url, p) => req('PATCH', url, p ?? {}),
    put: (url, p) => req('PUT', url, p ?? {}),
    del: (url) => req('DELETE', url),
  };
}

/** Several token sessions at once, typed as a tuple: `const [a, b] = await tokenSessions(t, 'x', 'y')`. */
export async function tokenSessions<const N extends readonly string[]>(
  t: Pick<TestApp, 'app' | 'login'>,
  ...names: N
): Promise<{ [K in keyof N]: Session & { bearer: string } }> {
  return (await Promise.all(names.map((n) => tokenSession(t, n)))) as { [K in keyof N]: Session & { bearer: string } };
}

/** A real PNG (a short stroke on white, width × height), as signature_pad would send it: a data URL. */
export function signaturePng(width = 60, height = 20): string {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 0; // 8-bit greyscale
  const rows = Buffer.alloc((width + 1) * height, 255);
  for (let y = 0; y < height; y++) {
    rows[y * (width + 1)] = 0;
    const x = Math.floor((y / height) * width);
    rows[y * (width + 1) + 1 + x] = 0;
  }
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** A demo user's session that the route's access admits (staff first), or null for a public route. */
export function sessionAdmitted(access: unknown, sessions: Record<string, Session>): Session | null {
  if (access === 'public') return null;
  if (access === 'authenticated') return sessions.manager!;
  const u = ['manager', 'engineer', 'dispatcher', 'admin', 'secadmin', 'auditor', 'cust_a', 'lead_a'].find((n) =>
    DEMO_USERS.find((d) => d.username === n)!.roles.some((r) => (access as string[]).includes(r)),
  );
  return sessions[u!]!;
}
