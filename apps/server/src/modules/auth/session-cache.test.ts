import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../app.js';
import { call, demoIds, expectProblem } from '../../test/api.js';
import { DIALECTS, session, testApp } from '../../test/harness.js';
import type { UserRow } from '../users/repository.js';
import { AuthRepository } from './repository.js';
import { SessionCache } from './session-cache.js';

const V = '/api/v1';
const user = (id: string) => ({ id }) as UserRow;
const resolved = (sessionId: string, userId: string) => ({
  user: user(userId),
  session: { id: sessionId, user_id: userId, csrf_token: 'c', last_seen_at: 0 },
});

describe('SessionCache', () => {
  it('keeps an entry for TTL_MS on its own monotonic clock', () => {
    let now = 0;
    const cache = new SessionCache(() => now);
    cache.put('s1', resolved('s1', 'u1'), cache.stamp());
    now = SessionCache.TTL_MS;
    expect(cache.get('s1')?.user.id).toBe('u1');
    now = SessionCache.TTL_MS + 1;
    expect(cache.get('s1')).toBeNull();
  });

  it('does not store a read that was in flight while a user or a session was forgotten', () => {
    const cache = new SessionCache(() => 0);
    const before = cache.stamp();
    cache.forgetUser('u1');
    cache.put('s1', resolved('s1', 'u1'), before);
    expect(cache.get('s1')).toBeNull();
    const beforeLogout = cache.stamp();
    cache.forgetSession('s9');
    cache.put('s2', resolved('s2', 'u2'), beforeLogout);
    expect(cache.get('s2')).toBeNull();
    cache.put('s2', resolved('s2', 'u2'), cache.stamp());
    expect(cache.get('s2')).not.toBeNull();
  });

  it('forgets every session of a user, and only theirs', () => {
    const cache = new SessionCache(() => 0);
    for (const [s, u] of [
      ['a', 'u1'],
      ['b', 'u1'],
      ['c', 'u2'],
    ] as const)
      cache.put(s, resolved(s, u), cache.stamp());
    cache.forgetUser('u1');
    expect([cache.get('a'), cache.get('b'), cache.get('c')?.user.id]).toEqual([null, null, 'u2']);
  });

  it('stays within its size by dropping the oldest entry', () => {
    const cache = new SessionCache(() => 0, 2);
    for (const s of ['a', 'b', 'c']) cache.put(s, resolved(s, s), cache.stamp());
    expect([cache.get('a'), cache.get('b')?.user.id, cache.get('c')?.user.id]).toEqual([null, 'b', 'c']);
  });
});

describe.each(DIALECTS)('signed-in requests and the session cache (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await t?.drop();
  });

  it('reads a session from the database once for a burst of requests, not once per request', async () => {
    const desk = await t.login('dispatcher');
    const reads = vi.spyOn(AuthRepository.prototype, 'sessionWithUser');
    try {
      for (let i = 0; i < 5; i++) expect((await desk.get(`${V}/tickets?tab=all&limit=5`)).status).toBe(200);
      // Once, unless a loaded machine took longer than TTL_MS between two of them; never once per request.
      expect(reads.mock.calls.length).toBeGreaterThanOrEqual(1);
      expect(reads.mock.calls.length).toBeLessThan(5);
    } finally {
      reads.mockRestore();
    }
  });

  it('a disabled user, a role change and a sign-out take effect on the next request of this node', async () => {
    const admin = await t.login('admin');
    const sec = await t.login('secadmin');
    const victim = await t.login('engineer2');
    expect((await victim.get(`${V}/auth/me`)).status).toBe(200);
    expect((await admin.patch(`${V}/users/${ids.users.engineer2}`, { disabled: true })).status).toBe(200);
    expectProblem(await call(t.app, victim, 'GET', `${V}/auth/me`), { status: 401, code: 'UNAUTHENTICATED' });
    expect((await admin.patch(`${V}/users/${ids.users.engineer2}`, { disabled: false })).status).toBe(200);

    const eng = await t.login('engineer2');
    expect((await eng.get(`${V}/users`)).status).toBe(403);
    expect(
      (await sec.put(`${V}/users/${ids.users.engineer2}/roles`, { roles: ['engineer', 'service_manager'] })).status,
    ).toBe(200);
    expect((await eng.get(`${V}/users`)).status).toBe(200);
    expect((await sec.put(`${V}/users/${ids.users.engineer2}/roles`, { roles: ['engineer'] })).status).toBe(200);
    expect((await eng.get(`${V}/users`)).status).toBe(403);

    expect((await eng.post(`${V}/auth/logout`)).status).toBeLessThan(300);
    expectProblem(await call(t.app, eng, 'GET', `${V}/auth/me`), { status: 401, code: 'UNAUTHENTICATED' });
  });

  it('another node on the same database stops accepting a signed-out session within TTL_MS', async () => {
    const other = await buildApp({ config: t.config, database: t.database, now: () => t.clock.now, logger: false });
    try {
      const here = await t.login('manager');
      const there = session(other, here.cookie, here.csrf, here.userId);
      expect((await there.get(`${V}/auth/me`)).status).toBe(200);
      expect((await here.post(`${V}/auth/logout`)).status).toBeLessThan(300);
      await new Promise((r) => setTimeout(r, SessionCache.TTL_MS + 50));
      expectProblem(await call(other, there, 'GET', `${V}/auth/me`), { status: 401, code: 'UNAUTHENTICATED' });
    } finally {
      await other.close();
    }
  });
});
