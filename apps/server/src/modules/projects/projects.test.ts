import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHead, auditSince, demoIds, expectRefused } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';

describe.each(DIALECTS)('organisations, projects and contracts API (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let admin: Session;
  let manager: Session;
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    admin = await t.login('admin');
    manager = await t.login('manager');
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('lists organisations: all for staff and admins, only their own for customers', async () => {
    for (const s of [admin, manager, await t.login('secadmin'), await t.login('engineer')]) {
      expect((await s.get(`${V}/orgs`)).body.map((o: any) => o.id).sort()).toEqual(
        [ids.provider, ids.orgA, ids.orgB].sort(),
      );
    }
    expect((await (await t.login('lead_b')).get(`${V}/orgs`)).body).toEqual([
      expect.objectContaining({ id: ids.orgB, kind: 'customer', name: '市自然资源局' }),
    ]);
  });

  it('creates a customer organisation; duplicate name is 409 and bad input 400, writing nothing', async () => {
    const seq = await auditHead(t.database);
    const r = await manager.post(`${V}/orgs`, { name: '省财政厅', kind: 'customer' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ id: expect.any(String), name: '省财政厅', kind: 'customer', createdAt: t.clock.now });
    expect((await auditSince(t.database, seq)).map((a) => [a.action, a.target_id, a.actor_id])).toEqual([
      ['org.create', r.body.id, ids.users.manager],
    ]);
    await expectRefused(
      t,
      admin,
      'POST',
      `${V}/orgs`,
      { name: '省财政厅', kind: 'customer' },
      { status: 409, code: 'DUPLICATE', field: 'name' },
    );
    await expectRefused(
      t,
      admin,
      'POST',
      `${V}/orgs`,
      { name: '某服务商', kind: 'provider' },
      { status: 400, code: 'VALIDATION', field: 'kind' },
    );
    await expectRefused(
      t,
      admin,
      'POST',
      `${V}/orgs`,
      { name: '   ', kind: 'customer' },
      { status: 400, code: 'VALIDATION', field: 'name' },
    );
    await expectRefused(
      t,
      await t.login('dispatcher'),
      'POST',
      `${V}/orgs`,
      { name: '某单位', kind: 'customer' },
      { status: 403, code: 'FORBIDDEN' },
    );
  });

  it('lists projects in scope and shows a foreign project as 404', async () => {
    expect((await manager.get(`${V}/projects`)).body.map((p: any) => p.id).sort()).toEqual(
      [ids.projectA, ids.projectB].sort(),
    );
    const custA = await t.login('cust_a');
    const own = await custA.get(`${V}/projects`);
    expect(own.body.map((p: any) => p.customerId)).toEqual([ids.orgA]);
    expect((await custA.get(`${V}/projects/${ids.projectA}`)).body).toMatchObject({
      id: ids.projectA,
      code: 'PRJ-SXXZX',
      serviceManagerId: ids.users.manager,
      serviceManagerName: '王经理',
    });
    const foreign = await custA.get(`${V}/projects/${ids.projectB}`);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'NOT_FOUND']);
    expect(JSON.stringify(foreign.body)).not.toContain('PRJ-SZRZY');
    await expectRefused(t, manager, 'GET', `${V}/projects/no-such-id`, undefined, { status: 404, code: 'NOT_FOUND' });
  });

  it('creates and updates projects with team and service manager, audited with before/after', async () => {
    const seq = await auditHead(t.database);
    const created = await admin.post(`${V}/projects`, {
      customerId: ids.orgB,
      code: 'PRJ-NEW',
      name: '新项目',
      serviceManagerId: ids.users.manager,
      teamIds: [ids.users.engineer2],
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      customerId: ids.orgB,
      customerName: '市自然资源局',
      code: 'PRJ-NEW',
      teamIds: [ids.users.engineer2],
    });
    const id = created.body.id;
    const assignees = await manager.get(`${V}/projects/${id}/assignees`);
    expect(assignees.body.map((u: any) => u.username)).toEqual(['engineer2']);
    const updated = await manager.patch(`${V}/projects/${id}`, {
      name: '新项目（二期）',
      teamIds: [ids.users.engineer, ids.users.engineer2],
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ code: 'PRJ-NEW', name: '新项目（二期）' });
    expect(updated.body.teamIds.sort()).toEqual([ids.users.engineer, ids.users.engineer2].sort());
    const rows = await auditSince(t.database, seq);
    expect(rows.map((r) => r.action)).toEqual(['project.create', 'project.update']);
    const detail = JSON.parse(rows[1]!.detail_json);
    expect([detail.before.name, detail.after.name]).toEqual(['新项目', '新项目（二期）']);
  });

  it("the assignee list holds the team's engineers only (docs/API.md), never its managers or dispatchers", async () => {
    const p = await admin.post(`${V}/projects`, {
      customerId: ids.orgB,
      code: 'PRJ-ASG',
      name: '派单名单',
      serviceManagerId: ids.users.manager,
      teamIds: [ids.users.manager, ids.users.dispatcher, ids.users.engineer],
    });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    expect((await manager.get(`${V}/projects/${p.body.id}/assignees`)).body.map((u: any) => u.username)).toEqual([
      'engineer',
    ]);
    // No team: every active provider engineer, still engineers only.
    const open = await admin.post(`${V}/projects`, {
      customerId: ids.orgB,
      code: 'PRJ-ASG2',
      name: '派单名单二',
      serviceManagerId: ids.users.manager,
    });
    expect(
      (await manager.get(`${V}/projects/${open.body.id}/assignees`)).body.map((u: any) => u.username).sort(),
    ).toEqual(['engineer', 'engineer2']);
  });

  it('refuses bad project input naming the field, writing nothing', async () => {
    const url = `${V}/projects`;
    const base = { customerId: ids.orgA, code: 'PRJ-X', name: '项目' };
    await expectRefused(
      t,
      admin,
      'POST',
      url,
      { ...base, code: 'PRJ-SXXZX' },
      { status: 409, code: 'DUPLICATE', field: 'code' },
    );
    await expectRefused(
      t,
      admin,
      'POST',
      url,
      { ...base, customerId: ids.provider },
      { status: 400, code: 'VALIDATION', field: 'customerId' },
    );
    await expectRefused(
      t,
      admin,
      'POST',
      url,
      { ...base, serviceManagerId: ids.users.engineer },
      { status: 400, code: 'VALIDATION', field: 'serviceManagerId' },
    );
    await expectRefused(
      t,
      admin,
      'POST',
      url,
      { ...base, teamIds: [ids.users.cust_a] },
      { status: 400, code: 'VALIDATION', field: 'teamIds' },
    );
    await expectRefused(
      t,
      admin,
      'POST',
      url,
      { customerId: ids.orgA, code: 'PRJ-X' },
      { status: 400, code: 'VALIDATION', field: 'name' },
    );
    await expectRefused(
      t,
      admin,
      'POST',
      url,
      { ...base, teamIds: ['x', 7] },
      { status: 400, code: 'VALIDATION', field: 'teamIds[1]' },
    );
    await expectRefused(
      t,
      admin,
      'PATCH',
      `${url}/${ids.projectA}`,
      { code: 'PRJ-SZRZY' },
      { status: 409, code: 'DUPLICATE', field: 'code' },
    );
    await expectRefused(
      t,
      admin,
      'PATCH',
      `${url}/${ids.projectA}`,
      { name: '' },
      { status: 400, code: 'VALIDATION', field: 'name' },
    );
    await expectRefused(t, admin, 'PATCH', `${url}/no-such-project`, { name: 'x' }, { status: 404, code: 'NOT_FOUND' });
    await expectRefused(
      t,
      await t.login('lead_a'),
      'PATCH',
      `${url}/${ids.projectA}`,
      { name: 'x' },
      { status: 403, code: 'FORBIDDEN' },
    );
  });

  it('creates a contract with a business-hours calendar and lists it with the project', async () => {
    const policy = {
      calendar: { kind: 'business', weekly: [{ weekday: 1, start: '09:00', end: '17:00' }], chinaHolidays: true },
      pauseReasons: ['waiting_customer'],
    };
    const r = await manager.post(`${V}/projects/${ids.projectB}/contracts`, {
      code: 'HT-B-2027',
      name: '二期合同',
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
      warrantyMonths: 24,
      policy,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      projectId: ids.projectB,
      warrantyMonths: 24,
      policy: { ...policy, autoCloseDays: 3 },
    });
    expect(r.body.policy.targets).toHaveLength(4);
    const list = await (await t.login('cust_b')).get(`${V}/projects/${ids.projectB}/contracts`);
    expect(list.body.map((c: any) => c.code)).toEqual(['HT-B-2027', 'HT-SZRZY-2026']);
    expect((await manager.get(`${V}/contracts/${r.body.id}`)).body).toEqual(r.body);
  });

  it('names the calendar field at fault, e.g. policy.calendar.weekly[0].start, and writes nothing', async () => {
    const url = `${V}/projects/${ids.projectA}/contracts`;
    const base = { code: 'HT-CAL', name: '合同', startsOn: '2026-01-01', endsOn: '2026-12-31' };
    const cal = (weekly: unknown) => ({ ...base, policy: { calendar: { kind: 'business', weekly } } });
    // Passes the schema's pattern, refused by the calendar validator.
    const { en } = await expectRefused(t, manager, 'POST', url, cal([{ weekday: 1, start: '25:00', end: '26:00' }]), {
      status: 400,
      code: 'VALIDATION',
      field: 'policy.calendar.weekly[0].start',
    });
    expect(en.body.detail).toMatch(/HH:mm/);
    // Refused by the schema itself: the same notation for the field.
    await expectRefused(
      t,
      manager,
      'POST',
      url,
      cal([
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 1, start: '9am', end: '18:00' },
      ]),
      { status: 400, code: 'VALIDATION', field: 'policy.calendar.weekly[1].start' },
    );
    await expectRefused(
      t,
      manager,
      'POST',
      url,
      cal([
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 1, start: '11:00', end: '18:00' },
      ]),
      { status: 400, code: 'VALIDATION', field: 'policy.calendar.weekly[1].start' },
    );
    await expectRefused(t, manager, 'POST', url, cal([{ weekday: 8, start: '09:00', end: '12:00' }]), {
      status: 400,
      code: 'VALIDATION',
      field: 'policy.calendar.weekly[0].weekday',
    });
    await expectRefused(
      t,
      manager,
      'POST',
      url,
      { ...base, policy: { calendar: { kind: 'business', timezone: 'Mars/Base' } } },
      { status: 400, code: 'VALIDATION', field: 'policy.calendar.timezone' },
    );
    await expectRefused(
      t,
      manager,
      'POST',
      url,
      { ...base, endsOn: '2025-12-31' },
      { status: 400, code: 'VALIDATION', field: 'endsOn' },
    );
    await expectRefused(
      t,
      manager,
      'POST',
      url,
      { ...base, startsOn: '2026/01/01' },
      { status: 400, code: 'VALIDATION', field: 'startsOn' },
    );
    const targets = [1, 1, 3, 4].map((level) => ({ level, responseMin: 30, arrivalMin: 30, resolutionMin: 120 }));
    await expectRefused(
      t,
      manager,
      'POST',
      url,
      { ...base, policy: { targets } },
      { status: 400, code: 'VALIDATION', field: 'policy.targets' },
    );
    await expectRefused(
      t,
      manager,
      'POST',
      url,
      { ...base, policy: { targets: targets.slice(0, 3) } },
      { status: 400, code: 'VALIDATION', field: 'policy.targets' },
    );
    await expectRefused(
      t,
      manager,
      'POST',
      url,
      { ...base, code: 'HT-SXXZX-2026' },
      { status: 409, code: 'DUPLICATE', field: 'code' },
    );
    await expectRefused(t, await t.login('cust_b'), 'GET', `${V}/projects/${ids.projectA}/contracts`, undefined, {
      status: 404,
      code: 'NOT_FOUND',
    });
  });

  it('updates a contract without resetting fields it did not mention; refuses bad updates', async () => {
    const before = (await manager.get(`${V}/contracts/${ids.contractA}`)).body;
    const seq = await auditHead(t.database);
    const r1 = await manager.patch(`${V}/contracts/${ids.contractA}`, { warrantyMonths: 48 });
    expect(r1.body.warrantyMonths).toBe(48);
    const r2 = await manager.patch(`${V}/contracts/${ids.contractA}`, { name: '改名后的合同' });
    expect(r2.status).toBe(200);
    expect(r2.body).toEqual({ ...before, name: '改名后的合同', warrantyMonths: 48 });
    const targets = [1, 2, 3, 4].map((level) => ({
      level,
      responseMin: 15 * level,
      arrivalMin: 60,
      resolutionMin: 240,
    }));
    const r3 = await manager.patch(`${V}/contracts/${ids.contractA}`, { policy: { targets } });
    expect(r3.body.policy).toEqual({ ...before.policy, targets });
    expect((await auditSince(t.database, seq)).map((a) => [a.action, a.target_id])).toEqual(
      Array(3).fill(['contract.update', ids.contractA]),
    );
    await expectRefused(
      t,
      manager,
      'PATCH',
      `${V}/contracts/${ids.contractA}`,
      { policy: { calendar: { kind: 'business', weekly: [{ weekday: 2, start: '18:00', end: '09:00' }] } } },
      { status: 400, code: 'VALIDATION', field: 'policy.calendar.weekly[0].end' },
    );
    await expectRefused(
      t,
      manager,
      'PATCH',
      `${V}/contracts/${ids.contractA}`,
      { endsOn: '2000-01-01' },
      { status: 400, code: 'VALIDATION', field: 'endsOn' },
    );
    await expectRefused(
      t,
      manager,
      'PATCH',
      `${V}/contracts/${ids.contractA}`,
      { code: 'HT-SZRZY-2026' },
      { status: 409, code: 'DUPLICATE', field: 'code' },
    );
    await expectRefused(t, manager, 'PATCH', `${V}/contracts/nope`, { name: 'x' }, { status: 404, code: 'NOT_FOUND' });
    await expectRefused(t, await t.login('cust_b'), 'GET', `${V}/contracts/${ids.contractA}`, undefined, {
      status: 404,
      code: 'NOT_FOUND',
    });
  });
});
