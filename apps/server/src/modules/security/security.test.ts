import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, testApp } from '../../test/harness.js';

describe.each(DIALECTS)('security policy (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('only the security admin reads and sets it; changes are audited and take effect', async () => {
    const admin = await t.login('admin');
    expect((await admin.get('/api/v1/security-policy')).status).toBe(403);
    const sec = await t.login('secadmin');
    const before = await sec.get('/api/v1/security-policy');
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ lockoutThreshold: 5, sessionIdleMinutes: 30, passwordMinLength: 8 });

    const bad = await sec.put('/api/v1/security-policy', { ...before.body, lockoutThreshold: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('lockoutThreshold');

    const next = { ...before.body, lockoutThreshold: 3, sessionIdleMinutes: 10, passwordMinLength: 12 };
    expect((await sec.put('/api/v1/security-policy', next)).body).toMatchObject(next);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'security.policy')
      .execute();
    expect(audit).toHaveLength(1);

    // Three failures now lock the account (the caller sees the same 401 as for any failed login; the
    // lock shows in the user row and the audit log, and refuses even the right password).
    for (let i = 0; i < 3; i++)
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { username: 'engineer2', password: 'wrong' },
          })
        ).statusCode,
      ).toBe(401);
    const locked = await t.database.db
      .selectFrom('users')
      .select('locked_until')
      .where('username', '=', 'engineer2')
      .executeTakeFirstOrThrow();
    expect(locked.locked_until).toBeGreaterThan(t.clock.now);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'engineer2', password: 'Weibao@2026' },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      await t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'auth.lockout').execute(),
    ).toHaveLength(1);

    // A 10-character password no longer meets a 12-character minimum.
    const eng = await t.login('engineer');
    const weak = await eng.post('/api/v1/auth/password', { currentPassword: 'Weibao@2026', newPassword: 'Abcdef#123' });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('PASSWORD_POLICY');

    // The idle timeout follows the policy: 11 minutes idle ends the session.
    t.clock.advance(11 * 60_000);
    const expired = await eng.get('/api/v1/auth/me');
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('SESSION_EXPIRED');
  });

  it('a password older than the maximum age must be changed before anything else', async () => {
    const eng = await t.login('dispatcher');
    expect((await eng.get('/api/v1/tickets')).status).toBe(200);
    t.clock.advance(91 * 86_400_000);
    const again = await t.login('dispatcher');
    expect((await again.get('/api/v1/auth/me')).body.mustChangePassword).toBe(true);
    const blocked = await again.get('/api/v1/tickets');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(
      (await again.post('/api/v1/auth/password', { currentPassword: 'Weibao@2026', newPassword: 'Xyz#2026longer' }))
        .status,
    ).toBe(204);
    expect((await again.get('/api/v1/tickets')).status).toBe(200);
  });
});
