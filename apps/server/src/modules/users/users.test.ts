import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHead, auditSince, call, demoIds, expectProblem, expectRefused } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';
import { DEMO_PASSWORD } from '../seed/demo.js';

const V = '/api/v1';

describe.each(DIALECTS)('users API (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let admin: Session;
  let sec: Session;
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    admin = await t.login('admin');
    sec = await t.login('secadmin');
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('lists users (filterable by organisation) for the three roles that manage people', async () => {
    for (const s of [admin, sec, await t.login('manager')]) expect((await s.get(`${V}/users`)).body).toHaveLength(11);
    const b = await admin.get(`${V}/users?orgId=${ids.orgB}`);
    expect(b.body.map((u: any) => u.username)).toEqual(['cust_b', 'lead_b']);
    expect(JSON.stringify(b.body)).not.toMatch(/password|scrypt/);
  });

  it('lists active provider staff for assignment, without contact details, to provider staff only', async () => {
    const r = await (await t.login('dispatcher')).get(`${V}/staff`);
    expect(r.status).toBe(200);
    expect(r.body.map((u: any) => u.displayName).sort()).toEqual(['张工', '李调度', '王经理', '赵工'].sort());
    expect(r.body.every((u: any) => Object.keys(u).sort().join() === 'displayName,id,level,roles')).toBe(true);
    for (const u of ['admin', 'cust_a'])
      await expectRefused(t, await t.login(u), 'GET', `${V}/staff`, undefined, { status: 403, code: 'FORBIDDEN' });
  });

  it('sys_admin creates a user who must change the password at first login; audited', async () => {
    const seq = await auditHead(t.database);
    const r = await admin.post(`${V}/users`, {
      username: 'hw.li',
      displayName: '李硬件',
      orgId: ids.provider,
      roles: ['engineer'],
      level: 4,
      email: 'hw@weibao.local',
      password: 'Start#2026',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      username: 'hw.li',
      orgName: '维保信息技术有限公司',
      roles: ['engineer'],
      level: 4,
      disabled: false,
      lockedUntil: null,
    });
    expect((await auditSince(t.database, seq)).map((a) => [a.action, a.actor_id, a.actor_roles, a.target_id])).toEqual([
      ['user.create', ids.users.admin, 'sys_admin', r.body.id],
    ]);
    expect((await t.login('hw.li', 'Start#2026')).userId).toBe(r.body.id);
    const me = await t.app.inject({
      method: 'POST',
      url: `${V}/auth/login`,
      payload: { username: 'hw.li', password: 'Start#2026' },
    });
    expect(me.json().mustChangePassword).toBe(true);
  });

  it('refuses bad user input naming the field, writing nothing', async () => {
    const url = `${V}/users`;
    const base = {
      username: 'someone',
      displayName: '某人',
      orgId: ids.provider,
      roles: ['engineer'],
      password: 'Start#2026',
    };
    await expectRefused(
      t,
      admin,
      'POST',
      url,
      { ...base, username: 'engineer' },
      { status: 409, code: 'DUPLICATE', field: 'username' },
    );
    await expectRefused(
      t,
      admin,
      'POST',
      url,
      { ...base, username: 'a b' },
      { status: 400, code: 'VALIDATION', field: 'username' },
    );
    await expectRefused(
      t,
      admin,
      'POST',
      url,
      { ...base, password: 'someone#2026A' },
      { status: 400, code: 'PASSWORD_POLICY', field: 'password' },
    );
    await expectRefused(
      t,
      admin,
      'POST',
      url,
      { ...base, orgId: 'nope' },
      { status: 400, code: 'VALIDATION', field: 'orgId' },
    );
    await expectRefused(
      t,
      admin,
      'POST',
      url,
      { ...base, roles: [] },
      { status: 400, code: 'VALIDATION', field: 'roles' },
    );
    await expectRefused(
      t,
      admin,
      'POST',
      url,
      { ...base, roles: ['engineer', 'root'] },
      { status: 400, code: 'VALIDATION', field: 'roles[1]' },
    );
    await expectRefused(
      t,
      admin,
      'POST',
      url,
      { ...base, email: 'not-an-email' },
      { status: 400, code: 'VALIDATION', field: 'email' },
    );
    await expectRefused(
      t,
      admin,
      'POST',
      url,
      { ...base, level: 10 },
      { status: 400, code: 'VALIDATION', field: 'level' },
    );
  });

  it('keeps the 三员 roles apart (400 ROLE_CONFLICT) and customer users to customer roles', async () => {
    const url = `${V}/users`;
    const base = { username: 'someone', displayName: '某人', orgId: ids.provider, password: 'Start#2026' };
    for (const roles of [
      ['sys_admin', 'auditor'],
      ['security_admin', 'sys_admin'],
      ['auditor', 'security_admin', 'engineer'],
    ]) {
      await expectRefused(
        t,
        admin,
        'POST',
        url,
        { ...base, roles },
        { status: 400, code: 'ROLE_CONFLICT', field: 'roles' },
      );
    }
    await expectRefused(
      t,
      admin,
      'POST',
      url,
      { ...base, orgId: ids.orgA, roles: ['customer_user', 'engineer'] },
      { status: 400, code: 'VALIDATION', field: 'roles' },
    );
    await expectRefused(
      t,
      admin,
      'POST',
      url,
      { ...base, orgId: ids.orgA, roles: ['dispatcher'] },
      { status: 400, code: 'VALIDATION', field: 'roles' },
    );
    await expectRefused(
      t,
      admin,
      'POST',
      url,
      { ...base, roles: ['customer_lead'] },
      { status: 400, code: 'VALIDATION', field: 'roles' },
    );
    const roles = (id: string) => `${V}/users/${id}/roles`;
    await expectRefused(
      t,
      sec,
      'PUT',
      roles(ids.users.admin),
      { roles: ['sys_admin', 'security_admin'] },
      { status: 400, code: 'ROLE_CONFLICT', field: 'roles' },
    );
    await expectRefused(
      t,
      sec,
      'PUT',
      roles(ids.users.secadmin),
      { roles: ['security_admin', 'auditor'] },
      { status: 400, code: 'ROLE_CONFLICT', field: 'roles' },
    );
    await expectRefused(
      t,
      sec,
      'PUT',
      roles(ids.users.cust_a),
      { roles: ['customer_user', 'service_manager'] },
      { status: 400, code: 'VALIDATION', field: 'roles' },
    );
    await expectRefused(
      t,
      sec,
      'PUT',
      roles(ids.users.engineer),
      { roles: ['engineer', 'customer_user'] },
      { status: 400, code: 'VALIDATION', field: 'roles' },
    );
    await expectRefused(t, sec, 'PUT', roles('nobody'), { roles: ['engineer'] }, { status: 404, code: 'NOT_FOUND' });
  });

  it('sys_admin creates accounts but cannot grant the 三员 roles; the security admin grants them', async () => {
    const base = { displayName: '新审计员', orgId: ids.provider, password: 'Start#2026' };
    for (const role of ['auditor', 'security_admin', 'sys_admin']) {
      await expectRefused(
        t,
        admin,
        'POST',
        `${V}/users`,
        { ...base, username: `x.${role}`, roles: [role] },
        { status: 403, code: 'ROLE_GRANT_RESERVED', field: 'roles' },
      );
    }
    const created = await admin.post(`${V}/users`, { ...base, username: 'new.auditor', roles: ['engineer'] });
    expect(created.status).toBe(200);
    const granted = await sec.put(`${V}/users/${created.body.id}/roles`, { roles: ['auditor'] });
    expect(granted.status).toBe(200);
    expect(granted.body.roles).toEqual(['auditor']);
  });

  it('only security_admin assigns roles; the change applies to live sessions and is audited', async () => {
    const url = `${V}/users/${ids.users.engineer2}/roles`;
    for (const who of [admin, await t.login('manager'), await t.login('auditor')]) {
      await expectRefused(t, who, 'PUT', url, { roles: ['dispatcher'] }, { status: 403, code: 'FORBIDDEN' });
    }
    const eng2 = await t.login('engineer2');
    expectProblem(await call(t.app, eng2, 'GET', `${V}/users`), { status: 403, code: 'FORBIDDEN' });
    const seq = await auditHead(t.database);
    const r = await sec.put(url, { roles: ['engineer', 'service_manager'] });
    expect(r.status).toBe(200);
    expect(r.body.roles).toEqual(['engineer', 'service_manager']);
    expect((await eng2.get(`${V}/users`)).status).toBe(200);
    const [row] = await auditSince(t.database, seq);
    expect([row!.action, row!.actor_id, row!.actor_roles, row!.target_id]).toEqual([
      'user.roles',
      ids.users.secadmin,
      'security_admin',
      ids.users.engineer2,
    ]);
    expect(JSON.parse(row!.detail_json)).toEqual({ before: ['engineer'], after: ['engineer', 'service_manager'] });
    expect((await sec.put(url, { roles: ['engineer'] })).body.roles).toEqual(['engineer']);
  });

  it('sys_admin edits and disables users; a disabled user is signed out and cannot sign in', async () => {
    const victim = await t.login('engineer2');
    const url = `${V}/users/${ids.users.engineer2}`;
    const r = await admin.patch(url, { displayName: '赵工（网络）', level: 5, phone: '13900000000' });
    expect(r.body).toMatchObject({ displayName: '赵工（网络）', level: 5, phone: '13900000000', email: null });
    await expectRefused(t, admin, 'PATCH', url, { level: 0 }, { status: 400, code: 'VALIDATION', field: 'level' });
    await expectRefused(
      t,
      admin,
      'PATCH',
      `${V}/users/${ids.users.admin}`,
      { disabled: true },
      { status: 400, code: 'VALIDATION', field: 'disabled' },
    );
    await expectRefused(t, admin, 'PATCH', `${V}/users/nobody`, { level: 2 }, { status: 404, code: 'NOT_FOUND' });
    await expectRefused(t, sec, 'PATCH', url, { level: 2 }, { status: 403, code: 'FORBIDDEN' });
    expect((await admin.patch(url, { disabled: true })).body.disabled).toBe(true);
    expectProblem(await call(t.app, victim, 'GET', `${V}/auth/me`), { status: 401, code: 'UNAUTHENTICATED' });
    await expectRefused(
      t,
      null,
      'POST',
      `${V}/auth/login`,
      { username: 'engineer2', password: DEMO_PASSWORD },
      { status: 401, code: 'BAD_CREDENTIALS' },
      { writes: ['audit_log', 'audit_head'] },
    );
    expect((await admin.patch(url, { disabled: false })).body.disabled).toBe(false);
    expect((await t.login('engineer2')).userId).toBe(ids.users.engineer2);
  });

  it('security_admin unlocks a locked account', async () => {
    for (let i = 0; i < 5; i++)
      await call(t.app, null, 'POST', `${V}/auth/login`, { payload: { username: 'lead_a', password: 'Wrong#2026' } });
    const locked = (await sec.get(`${V}/users?orgId=${ids.orgA}`)).body.find((u: any) => u.username === 'lead_a');
    expect(locked.lockedUntil).toBe(t.clock.now + 30 * 60_000);
    await expectRefused(
      t,
      admin,
      'POST',
      `${V}/users/${ids.users.lead_a}/unlock`,
      {},
      { status: 403, code: 'FORBIDDEN' },
    );
    await expectRefused(t, sec, 'POST', `${V}/users/nobody/unlock`, {}, { status: 404, code: 'NOT_FOUND' });
    const seq = await auditHead(t.database);
    const r = await sec.post(`${V}/users/${ids.users.lead_a}/unlock`);
    expect([r.status, r.body.lockedUntil]).toEqual([200, null]);
    expect((await auditSince(t.database, seq)).map((a) => [a.action, a.target_id])).toEqual([
      ['user.unlock', ids.users.lead_a],
    ]);
    expect((await t.login('lead_a')).userId).toBe(ids.users.lead_a);
  });
  it('三员 cannot be undone by the three themselves: each refusal is a 403/400 naming the rule, audited with actor, route and target', async () => {
    const duty = (field?: string) => ({ status: 403, code: 'SEPARATION_OF_DUTIES', ...(field ? { field } : {}) });
    // The system admin cannot disable, edit or re-address the security admin or the auditor.
    for (const [id, body] of [
      [ids.users.secadmin!, { disabled: true }],
      [ids.users.secadmin!, { email: 'elsewhere@evil.example' }],
      [ids.users.auditor!, { disabled: true }],
      [ids.users.auditor!, { displayName: '改名', level: 1 }],
    ] as const) {
      await expectRefused(t, admin, 'PATCH', `${V}/users/${id}`, body, duty());
    }
    const roles = (id: string) => `${V}/users/${id}/roles`;
    // No 三员 role with a business role, for anyone including the security admin itself (the auditor with any operational role).
    for (const business of ['dispatcher', 'engineer', 'service_manager']) {
      await expectRefused(
        t,
        sec,
        'PUT',
        roles(ids.users.engineer2!),
        { roles: ['auditor', business] },
        { status: 400, code: 'ROLE_CONFLICT', field: 'roles' },
      );
      await expectRefused(
        t,
        sec,
        'PUT',
        roles(ids.users.secadmin!),
        { roles: ['security_admin', business] },
        { status: 400, code: 'ROLE_CONFLICT', field: 'roles' },
      );
    }
    await expectRefused(
      t,
      admin,
      'POST',
      `${V}/users`,
      {
        username: 'mixed',
        displayName: '兼任',
        orgId: ids.provider,
        password: 'Start#2026',
        roles: ['dispatcher', 'sys_admin'],
      },
      { status: 400, code: 'ROLE_CONFLICT', field: 'roles' },
    );
    // The last security admin stays one; with a second, the first still cannot change its own roles.
    await expectRefused(t, sec, 'PUT', roles(ids.users.secadmin!), { roles: ['engineer'] }, duty('roles'));
    const second = (
      await admin.post(`${V}/users`, {
        username: 'sec.two',
        displayName: '第二安全员',
        orgId: ids.provider,
        password: 'Start#2026',
        roles: ['engineer'],
      })
    ).body;
    expect((await sec.put(roles(second.id), { roles: ['security_admin'] })).status).toBe(200);
    await expectRefused(t, sec, 'PUT', roles(ids.users.secadmin!), { roles: ['engineer'] }, duty('roles'));
    await expectRefused(t, sec, 'PUT', roles(ids.users.secadmin!), { roles: ['security_admin'] }, duty('roles'));
    // The last (active) auditor stays one: another auditor may be stood down, the last may not.
    const extra = (
      await admin.post(`${V}/users`, {
        username: 'aud.two',
        displayName: '第二审计员',
        orgId: ids.provider,
        password: 'Start#2026',
        roles: ['engineer'],
      })
    ).body;
    expect((await sec.put(roles(extra.id), { roles: ['auditor'] })).status).toBe(200);
    const auditors = (await sec.get(`${V}/users`)).body.filter(
      (u: any) => u.roles.includes('auditor') && u.id !== extra.id && u.id !== ids.users.auditor,
    );
    for (const u of auditors) expect((await sec.put(roles(u.id), { roles: ['engineer'] })).status).toBe(200);
    expect((await sec.put(roles(extra.id), { roles: ['engineer'] })).status).toBe(200);
    await expectRefused(t, sec, 'PUT', roles(ids.users.auditor!), { roles: ['engineer'] }, duty('roles'));
    // The refusal row names who, which route, which target and why.
    const seq = await auditHead(t.database);
    expectProblem(
      await call(t.app, sec, 'PUT', roles(ids.users.auditor!), {
        payload: { roles: ['dispatcher'] },
        headers: { 'x-forwarded-for': '10.7.7.7' },
      }),
      duty('roles'),
    );
    const [row] = await auditSince(t.database, seq);
    expect([
      row!.action,
      row!.result,
      row!.actor_id,
      row!.actor_roles,
      row!.ip,
      row!.target_type,
      row!.target_id,
    ]).toEqual([
      'access.denied',
      'failure',
      ids.users.secadmin,
      'security_admin',
      '10.7.7.7',
      'users',
      ids.users.auditor,
    ]);
    expect(JSON.parse(row!.detail_json)).toMatchObject({
      route: 'PUT /api/v1/users/:id/roles',
      code: 'SEPARATION_OF_DUTIES',
    });
    expect(
      (
        await t.database.db.selectFrom('user_roles').select('role').where('user_id', '=', ids.users.auditor!).execute()
      ).map((r) => r.role),
    ).toEqual(['auditor']);
  }, 120_000);

  it('a refusal by the access rule itself (403) is audited with actor, route and target', async () => {
    const seq = await auditHead(t.database);
    expectProblem(
      await call(t.app, admin, 'POST', `${V}/users/${ids.users.lead_b}/unlock`, {
        headers: { 'x-forwarded-for': '10.7.7.8' },
      }),
      { status: 403, code: 'FORBIDDEN' },
    );
    const rows = await auditSince(t.database, seq);
    expect(rows.map((r) => [r.action, r.result, r.actor_id, r.actor_roles, r.ip, r.target_type, r.target_id])).toEqual([
      ['access.denied', 'failure', ids.users.admin, 'sys_admin', '10.7.7.8', 'users', ids.users.lead_b],
    ]);
    expect(JSON.parse(rows[0]!.detail_json)).toEqual({ route: 'POST /api/v1/users/:id/unlock', code: 'FORBIDDEN' });
  });
});
