import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHead, demoIds, expectRefused, tokenSession } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const URL = '/api/v1/audit';

describe.each(DIALECTS)('audit log API (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let auditor: Session;
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    auditor = await tokenSession(t, 'auditor');
    for (const u of ['engineer', 'cust_a']) await t.login(u);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'engineer', password: 'nope' },
    });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('is for the auditor only: sys_admin, security_admin and everybody else get 403', async () => {
    for (const u of ['admin', 'secadmin', 'manager', 'dispatcher', 'engineer', 'cust_a', 'lead_b']) {
      await expectRefused(t, await tokenSession(t, u), 'GET', URL, undefined, { status: 403, code: 'FORBIDDEN' });
    }
  });

  it('pages newest first through the whole chain with no gaps; reading is itself audited', async () => {
    const head = await auditHead(t.database);
    const seqs: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await auditor.get(`${URL}?limit=25${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status).toBe(200);
      seqs.push(...r.body.items.map((x: any) => x.seq));
      cursor = r.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBeGreaterThan(2);
    // Each read appends one row, so the first page starts just above the head we saw.
    expect(seqs).toEqual(Array.from({ length: head }, (_, i) => head - i));
    const reads = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('seq', '>', head)
      .execute();
    expect(reads).toEqual(Array(pages).fill({ action: 'audit.read', actor_id: ids.users.auditor }));
  });

  it('filters by actor, action, result, target and time', async () => {
    const fails = (await auditor.get(`${URL}?action=auth.login&result=failure`)).body.items;
    expect(fails.length).toBeGreaterThan(0);
    expect(fails.every((x: any) => x.action === 'auth.login' && x.result === 'failure')).toBe(true);
    expect(fails[0]).toMatchObject({
      actorId: ids.users.engineer,
      actorName: '张工',
      actorRoles: ['engineer'],
      ip: '127.0.0.1',
      targetId: ids.users.engineer,
    });
    const mine = (await auditor.get(`${URL}?actorId=${ids.users.cust_a}`)).body.items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((x: any) => x.actorId === ids.users.cust_a)).toBe(true);
    const target = (await auditor.get(`${URL}?targetId=${ids.projectA}`)).body.items;
    expect(target.map((x: any) => x.action)).toEqual(['project.create']);
    expect((await auditor.get(`${URL}?from=${t.clock.now + 1}`)).body.items).toEqual([]);
    expect((await auditor.get(`${URL}?to=${t.clock.now}`)).body.items).toEqual([]);
    expect(
      (await auditor.get(`${URL}?from=${t.clock.now}&to=${t.clock.now + 1}&limit=200`)).body.items.length,
    ).toBeGreaterThan(50);
  });

  it('refuses bad queries naming the field', async () => {
    await expectRefused(
      t,
      auditor,
      'GET',
      `${URL}?cursor=abc`,
      undefined,
      { status: 400, code: 'VALIDATION', field: 'cursor' },
      { writes: ['audit_log', 'audit_head'] },
    );
    await expectRefused(t, auditor, 'GET', `${URL}?limit=0`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'limit',
    });
    await expectRefused(t, auditor, 'GET', `${URL}?limit=201`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'limit',
    });
    await expectRefused(t, auditor, 'GET', `${URL}?result=maybe`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'result',
    });
    await expectRefused(t, auditor, 'GET', `${URL}?from=yesterday`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'from',
    });
  });
});
