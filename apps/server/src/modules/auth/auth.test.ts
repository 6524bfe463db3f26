import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditHead,
  auditSince,
  call,
  countRows,
  demoIds,
  expectProblem,
  expectRefused,
  fingerprint,
} from '../../test/api.js';
import { DIALECTS, testApp } from '../../test/harness.js';
import { message } from '../../http/messages.js';
import { DEMO_PASSWORD } from '../seed/demo.js';

const LOGIN = '/api/v1/auth/login';

describe.each(DIALECTS)('auth API (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('login sets an httpOnly SameSite cookie, returns Me with the CSRF token and audits the login with ip and roles', async () => {
    const seq = await auditHead(t.database);
    const r = await t.app.inject({
      method: 'POST',
      url: LOGIN,
      payload: { username: 'dispatcher', password: DEMO_PASSWORD },
      headers: { 'x-forwarded-for': '10.1.2.3' },
    });
    expect(r.statusCode).toBe(200);
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/^wb_session=[\w-]{40,}/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = r.json();
    expect(me).toMatchObject({
      username: 'dispatcher',
      roles: ['dispatcher'],
      orgKind: 'provider',
      mustChangePassword: false,
    });
    expect(me.csrfToken.length).toBeGreaterThan(20);
    const rows = await auditSince(t.database, seq);
    expect(rows.map((x) => [x.action, x.result, x.actor_id, x.actor_roles, x.ip, x.target_id])).toEqual([
      ['auth.login', 'success', ids.users.dispatcher, 'dispatcher', '10.1.2.3', ids.users.dispatcher],
    ]);
    // The next login reports the previous one (等保: show last login time and place).
    t.clock.advance(1000);
    const again = (
      await t.app.inject({ method: 'POST', url: LOGIN, payload: { username: 'dispatcher', password: DEMO_PASSWORD } })
    ).json();
    expect(again.lastLoginIp).toBe('10.1.2.3');
    expect(again.lastLoginAt).toBe(t.clock.now - 1000);
  });

  it('refuses malformed login bodies naming the field, in both languages, writing nothing', async () => {
    await expectRefused(
      t,
      null,
      'POST',
      LOGIN,
      { password: 'x' },
      { status: 400, code: 'VALIDATION', field: 'username' },
    );
    await expectRefused(
      t,
      null,
      'POST',
      LOGIN,
      { username: 'engineer', password: '' },
      { status: 400, code: 'VALIDATION', field: 'password' },
    );
  });

  it('wrong password and unknown user are both 401 BAD_CREDENTIALS and leave a failure audit row', async () => {
    const seq = await auditHead(t.database);
    await expectRefused(
      t,
      null,
      'POST',
      LOGIN,
      { username: 'engineer2', password: 'Wrong@2026' },
      { status: 401, code: 'BAD_CREDENTIALS' },
      { writes: ['users', 'audit_log', 'audit_head'] },
    );
    await expectRefused(
      t,
      null,
      'POST',
      LOGIN,
      { username: 'nobody', password: 'Wrong@2026' },
      { status: 401, code: 'BAD_CREDENTIALS' },
      { writes: ['audit_log', 'audit_head'] },
    );
    const rows = await auditSince(t.database, seq);
    expect(rows.map((r) => [r.action, r.result, r.actor_id, r.actor_name])).toEqual([
      ['auth.login', 'failure', ids.users.engineer2, '赵工'],
      ['auth.login', 'failure', ids.users.engineer2, '赵工'],
      ['auth.login', 'failure', null, 'nobody'],
      ['auth.login', 'failure', null, 'nobody'],
    ]);
    expect(rows.every((r) => r.ip === '127.0.0.1')).toBe(true);
    // Two failures are not a lockout; a good password still works and resets the count.
    expect(
      (await t.app.inject({ method: 'POST', url: LOGIN, payload: { username: 'engineer2', password: DEMO_PASSWORD } }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await t.database.db
          .selectFrom('users')
          .select('failed_logins')
          .where('id', '=', ids.users.engineer2)
          .executeTakeFirstOrThrow()
      ).failed_logins,
    ).toBe(0);
  });

  it('locks the account after 5 failures (audited) until the lockout period ends, answering exactly as for an unknown user', async () => {
    const seq = await auditHead(t.database);
    const bad = () => call(t.app, null, 'POST', LOGIN, { payload: { username: 'lead_b', password: 'Nope@12345' } });
    // What a caller sees, minus nothing: status, content type and the whole body.
    const seen = (r: Awaited<ReturnType<typeof bad>>) => [r.status, r.headers['content-type'], r.raw];
    const unknown = (lang: string) =>
      call(t.app, null, 'POST', LOGIN, {
        payload: { username: 'no_such_user', password: 'Nope@12345' },
        headers: { 'accept-language': lang },
      });
    const zh = seen(await unknown('zh-CN'));
    expect(zh[0]).toBe(401);
    for (let i = 1; i <= 4; i++) expect(seen(await bad())).toEqual(zh);
    const fifth = await bad();
    expect(seen(fifth)).toEqual(zh);
    // Even the right password is refused while locked, and looks the same as an unknown user.
    const right = await call(t.app, null, 'POST', LOGIN, {
      payload: { username: 'lead_b', password: DEMO_PASSWORD },
      headers: { 'accept-language': 'en' },
    });
    expect(seen(right)).toEqual(seen(await unknown('en')));
    expect(right.body.code).toBe('BAD_CREDENTIALS');
    expect(right.headers['set-cookie']).toBeUndefined();
    const rows = (await auditSince(t.database, seq)).filter((r) => r.target_id === ids.users.lead_b);
    expect(rows.map((r) => `${r.action}:${r.result}`)).toEqual([
      ...Array(4).fill('auth.login:failure'),
      'auth.lockout:failure',
      'auth.login:failure',
    ]);
    expect(rows.every((r) => r.target_id === ids.users.lead_b && r.actor_roles === 'customer_lead')).toBe(true);
    // The audit log keeps the real reason, with the lockout end in Beijing time.
    expect(rows[5]!.summary).toBe(
      `登录失败：账号已锁定至 ${new Date(t.clock.now + 30 * 60_000 + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')}（北京时间）`,
    );
    const user = await t.database.db
      .selectFrom('users')
      .select('locked_until')
      .where('id', '=', ids.users.lead_b)
      .executeTakeFirstOrThrow();
    expect(user.locked_until).toBe(t.clock.now + 30 * 60_000);
    t.clock.advance(30 * 60_000 + 1);
    expect(
      (await call(t.app, null, 'POST', LOGIN, { payload: { username: 'lead_b', password: DEMO_PASSWORD } })).status,
    ).toBe(200);
  });

  it('a disabled account answers a login exactly as an unknown user does, and the attempt is audited', async () => {
    const admin = await t.login('admin');
    expect((await admin.patch(`/api/v1/users/${ids.users.cust_b}`, { disabled: true })).status).toBe(200);
    const seq = await auditHead(t.database);
    for (const lang of ['zh-CN', 'en']) {
      const disabled = await call(t.app, null, 'POST', LOGIN, {
        payload: { username: 'cust_b', password: DEMO_PASSWORD },
        headers: { 'accept-language': lang },
      });
      const unknown = await call(t.app, null, 'POST', LOGIN, {
        payload: { username: 'cust_zz', password: DEMO_PASSWORD },
        headers: { 'accept-language': lang },
      });
      expect([disabled.status, disabled.headers['content-type'], disabled.raw]).toEqual([
        unknown.status,
        unknown.headers['content-type'],
        unknown.raw,
      ]);
      expect([disabled.status, disabled.body.code]).toEqual([401, 'BAD_CREDENTIALS']);
    }
    const rows = await auditSince(t.database, seq);
    expect(rows.filter((r) => r.target_id === ids.users.cust_b).map((r) => [r.action, r.result, r.summary])).toEqual([
      ['auth.login', 'failure', '登录失败：账号已停用'],
      ['auth.login', 'failure', '登录失败：账号已停用'],
    ]);
    expect((await admin.patch(`/api/v1/users/${ids.users.cust_b}`, { disabled: false })).status).toBe(200);
  });

  it("shows a lockout time as Beijing time in the user's language, never as an ISO UTC string", () => {
    const until = Date.UTC(2026, 11, 7, 5, 29);
    expect(message('zh-CN', 'ACCOUNT_LOCKED', { until })).toBe(
      '连续登录失败次数过多，账号已锁定至 2026-12-07 13:29（北京时间）',
    );
    expect(message('en', 'ACCOUNT_LOCKED', { until })).toBe(
      'Too many failed logins; the account is locked until 2026-12-07 13:29 (Beijing time)',
    );
  });

  it('ends a session idle for more than 30 minutes (harness clock) with 401 SESSION_EXPIRED, audited', async () => {
    const s = await t.login('engineer');
    t.clock.advance(29 * 60_000);
    expect((await s.get('/api/v1/auth/me')).status).toBe(200);
    t.clock.advance(29 * 60_000); // 58 min since login, but only 29 idle
    expect((await s.get('/api/v1/auth/me')).status).toBe(200);
    t.clock.advance(30 * 60_000 + 1);
    const seq = await auditHead(t.database);
    const expired = await call(t.app, s, 'GET', '/api/v1/tickets', { headers: { 'accept-language': 'en' } });
    expectProblem(expired, { status: 401, code: 'SESSION_EXPIRED' });
    expect(expired.body.detail).toMatch(/timed out/);
    expect((await auditSince(t.database, seq)).map((r) => [r.action, r.actor_id])).toEqual([
      ['auth.session_timeout', ids.users.engineer],
    ]);
    // The session is gone for good, and a public route treats the dead cookie as "not signed in".
    expectProblem(await call(t.app, s, 'GET', '/api/v1/auth/me'), { status: 401, code: 'UNAUTHENTICATED' });
    expect((await call(t.app, s, 'GET', '/api/v1/health')).status).toBe(200);
  });

  it('logout deletes the session and clears the cookie; it needs the CSRF header', async () => {
    const s = await t.login('cust_a');
    await expectRefused(
      t,
      s,
      'POST',
      '/api/v1/auth/logout',
      {},
      { status: 403, code: 'CSRF' },
      { headers: { 'x-csrf-token': 'forged' } },
    );
    const before = await countRows(t.database, 'sessions');
    const seq = await auditHead(t.database);
    const r = await call(t.app, s, 'POST', '/api/v1/auth/logout');
    expect(r.status).toBe(204);
    expect(String(r.headers['set-cookie'])).toMatch(/wb_session=;/);
    expect(await countRows(t.database, 'sessions')).toBe(before - 1);
    expect((await auditSince(t.database, seq)).map((x) => [x.action, x.actor_id, x.actor_roles])).toEqual([
      ['auth.logout', ids.users.cust_a, 'customer_user'],
    ]);
    expectProblem(await call(t.app, s, 'GET', '/api/v1/auth/me'), { status: 401, code: 'UNAUTHENTICATED' });
  });

  it('refuses cookie-authenticated writes without the CSRF header (403 CSRF), but GETs need none', async () => {
    const s = await t.login('manager');
    expect((await call(t.app, s, 'GET', '/api/v1/projects', { csrf: false })).status).toBe(200);
    const noHeader = { cookie: s.cookie } as const;
    const before = await fingerprint(t.database, ['audit_log', 'audit_head']);
    const seq = await auditHead(t.database);
    for (const [method, url, payload] of [
      ['POST', '/api/v1/auth/tokens', { name: 'x' }],
      ['POST', '/api/v1/orgs', { name: '某单位', kind: 'customer' }],
      ['POST', '/api/v1/tickets', { projectId: ids.projectA }],
      ['DELETE', '/api/v1/auth/tokens/x', undefined],
    ] as const) {
      const r = await t.app.inject({ method, url, headers: noHeader, ...(payload ? { payload } : {}) });
      expect([r.statusCode, r.json().code], `${method} ${url}`).toEqual([403, 'CSRF']);
    }
    expect(await fingerprint(t.database, ['audit_log', 'audit_head'])).toEqual(before);
    // Each refusal is audited, and nothing else was written.
    expect(
      (await auditSince(t.database, seq)).map((r) => [r.action, r.result, r.actor_id, JSON.parse(r.detail_json).code]),
    ).toEqual(Array(4).fill(['access.denied', 'failure', ids.users.manager, 'CSRF']));
  });

  it('Bearer API tokens: created once, listed without the secret, usable without CSRF, revocable', async () => {
    const s = await t.login('dispatcher');
    await expectRefused(
      t,
      s,
      'POST',
      '/api/v1/auth/tokens',
      { name: '  ' },
      { status: 400, code: 'VALIDATION', field: 'name' },
    );
    await expectRefused(
      t,
      s,
      'POST',
      '/api/v1/auth/tokens',
      { name: 'ci', expiresInDays: 0 },
      { status: 400, code: 'VALIDATION', field: 'expiresInDays' },
    );
    const created = await s.post('/api/v1/auth/tokens', { name: '监控集成', expiresInDays: 30 });
    expect(created.status).toBe(200);
    expect(created.body.token).toMatch(/^wbt_/);
    expect(created.body.expiresAt).toBe(t.clock.now + 30 * 86_400_000);
    const listed = await s.get('/api/v1/auth/tokens');
    expect(listed.body).toEqual([
      {
        id: created.body.id,
        name: '监控集成',
        createdAt: t.clock.now,
        expiresAt: created.body.expiresAt,
        lastUsedAt: null,
      },
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    expect(JSON.stringify(await t.database.db.selectFrom('api_tokens').selectAll().execute())).not.toContain(
      created.body.token,
    );

    const bearer = { bearer: created.body.token };
    expect((await call(t.app, bearer, 'GET', '/api/v1/auth/me')).body.username).toBe('dispatcher');
    const ticket = await call(t.app, bearer, 'POST', '/api/v1/tickets', {
      payload: {
        projectId: ids.projectA,
        title: '监控告警：磁盘满',
        level: 3,
        channel: 'api',
        reporterName: '监控',
        reporterPhone: '000',
      },
    });
    expect(ticket.status).toBe(200);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'ticket.create')
      .where('target_id', '=', ticket.body.id)
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(ids.users.dispatcher);

    // Another user cannot revoke it.
    const other = await t.login('engineer');
    await expectRefused(t, other, 'DELETE', `/api/v1/auth/tokens/${created.body.id}`, undefined, {
      status: 404,
      code: 'NOT_FOUND',
    });
    const revoked = await call(t.app, bearer, 'DELETE', `/api/v1/auth/tokens/${created.body.id}`);
    expect(revoked.status).toBe(204);
    expectProblem(await call(t.app, bearer, 'GET', '/api/v1/auth/me'), { status: 401, code: 'UNAUTHENTICATED' });
    expect((await s.get('/api/v1/auth/tokens')).body).toEqual([]);
    await expectRefused(t, s, 'DELETE', `/api/v1/auth/tokens/${created.body.id}`, undefined, {
      status: 404,
      code: 'NOT_FOUND',
    });
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('target_id', '=', created.body.id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['auth.token_create', 'auth.token_revoke']);
  });

  it('an expired token is refused', async () => {
    const s = await t.login('engineer2');
    const created = await s.post('/api/v1/auth/tokens', { name: 'short', expiresInDays: 1 });
    expect((await call(t.app, { bearer: created.body.token }, 'GET', '/api/v1/auth/me')).status).toBe(200);
    t.clock.advance(86_400_000 + 1);
    expectProblem(await call(t.app, { bearer: created.body.token }, 'GET', '/api/v1/auth/me'), {
      status: 401,
      code: 'UNAUTHENTICATED',
    });
    expectProblem(await call(t.app, { bearer: 'wbt_not-a-token' }, 'GET', '/api/v1/auth/me'), {
      status: 401,
      code: 'UNAUTHENTICATED',
    });
  });

  it('password change checks the current password and the policy, then replaces the password', async () => {
    const s = await t.login('engineer2');
    const url = '/api/v1/auth/password';
    await expectRefused(
      t,
      s,
      'POST',
      url,
      { currentPassword: 'Wrong@2026', newPassword: 'Better#2027' },
      { status: 400, code: 'VALIDATION', field: 'currentPassword' },
      { writes: ['audit_log', 'audit_head'] },
    );
    await expectRefused(
      t,
      s,
      'POST',
      url,
      { currentPassword: DEMO_PASSWORD },
      { status: 400, code: 'VALIDATION', field: 'newPassword' },
    );
    for (const weak of ['short1A', 'alllowercase1', 'engineer2#Abc', 'NOLOWER123']) {
      await expectRefused(
        t,
        s,
        'POST',
        url,
        { currentPassword: DEMO_PASSWORD, newPassword: weak },
        { status: 400, code: 'PASSWORD_POLICY', field: 'newPassword' },
      );
    }
    const seq = await auditHead(t.database);
    expect((await s.post(url, { currentPassword: DEMO_PASSWORD, newPassword: 'Better#2027' })).status).toBe(204);
    expect((await auditSince(t.database, seq)).map((r) => [r.action, r.result, r.target_id])).toEqual([
      ['auth.password_change', 'success', ids.users.engineer2],
    ]);
    expectProblem(
      await call(t.app, null, 'POST', LOGIN, { payload: { username: 'engineer2', password: DEMO_PASSWORD } }),
      { status: 401, code: 'BAD_CREDENTIALS' },
    );
    expect((await t.login('engineer2', 'Better#2027')).userId).toBe(ids.users.engineer2);
  });

  it('a user who must change the initial password can only see Me, change it and sign out', async () => {
    const admin = await t.login('admin');
    const created = await admin.post('/api/v1/users', {
      username: 'newbie',
      displayName: '新同事',
      orgId: ids.provider,
      roles: ['engineer'],
      password: 'Initial#2026',
    });
    expect(created.status).toBe(200);
    const s = await t.login('newbie', 'Initial#2026');
    const me = await s.get('/api/v1/auth/me');
    expect(me.body.mustChangePassword).toBe(true);
    for (const [method, url] of [
      ['GET', '/api/v1/tickets'],
      ['GET', '/api/v1/auth/tokens'],
      ['POST', '/api/v1/auth/tokens'],
      ['GET', '/api/v1/notifications'],
    ] as const) {
      await expectRefused(t, s, method, url, method === 'POST' ? { name: 'x' } : undefined, {
        status: 403,
        code: 'PASSWORD_CHANGE_REQUIRED',
      });
    }
    expect(
      (await s.post('/api/v1/auth/password', { currentPassword: 'Initial#2026', newPassword: 'Mine#2026x' })).status,
    ).toBe(204);
    expect((await s.get('/api/v1/auth/me')).body.mustChangePassword).toBe(false);
    expect((await s.get('/api/v1/tickets')).status).toBe(200);
  });
});
