import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHead, auditSince, call, demoIds } from '../../test/api.js';
import { AUDIT_IP as IP, auditProbe } from '../../test/audit.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';
import { DEMO_PASSWORD } from '../seed/demo.js';

/** Sign-ins and sessions leave audit rows with the address and the result, failures included. */
const V = '/api/v1';

describe.each(DIALECTS)('audit of sign-ins and sessions (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const s: Record<string, Session> = {};
  const { req, check } = auditProbe(() => t, s);

  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    s.engineer = await t.login('engineer');
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('logins, failed logins, lockouts, logouts and session timeouts are audited with ip and result', async () => {
    let seq = await auditHead(t.database);
    const login = await call(t.app, null, 'POST', `${V}/auth/login`, {
      payload: { username: 'engineer2', password: DEMO_PASSWORD },
      headers: { 'x-forwarded-for': IP },
    });
    expect(login.status).toBe(200);
    await check(seq, 'engineer2', 'auth.login', ids.users.engineer2);
    seq = await auditHead(t.database);
    const bad = () =>
      call(t.app, null, 'POST', `${V}/auth/login`, {
        payload: { username: 'lead_b', password: 'bad' },
        headers: { 'x-forwarded-for': IP },
      });
    expect((await bad()).status).toBe(401);
    await check(seq, 'lead_b', 'auth.login', ids.users.lead_b!, 'failure');
    for (let i = 0; i < 4; i++) await bad();
    await check(seq, 'lead_b', 'auth.lockout', ids.users.lead_b!, 'failure');
    seq = await auditHead(t.database);
    expect((await req('engineer', 'POST', `${V}/auth/logout`)).status).toBe(204);
    await check(seq, 'engineer', 'auth.logout', ids.users.engineer);
    s.engineer = await t.login('engineer');
    t.clock.advance(31 * 60_000);
    seq = await auditHead(t.database);
    expect((await req('engineer', 'GET', `${V}/auth/me`)).status).toBe(401);
    const [row] = await auditSince(t.database, seq);
    expect([row!.action, row!.actor_id, row!.ip]).toEqual(['auth.session_timeout', ids.users.engineer, IP]);
    for (const u of Object.keys(s)) s[u] = await t.login(u);
  });
});
