import { auditActionLabel } from '@weibao/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHead, demoIds, expectRefused, ticketInput, tokenSession } from '../../test/api.js';
import { fetchFile, xlsxRows } from '../../test/files.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1/audit';

describe.each(DIALECTS)("the auditor's view: names, export, verification (%s)", (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let auditor: Session;
  let ticket: { id: string; number: string };
  let userId: string;
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    auditor = await tokenSession(t, 'auditor');
    const dispatcher = await tokenSession(t, 'dispatcher');
    ticket = (await dispatcher.post('/api/v1/tickets', ticketInput(ids.projectA, { title: '审计视图测试工单' }))).body;
    const admin = await tokenSession(t, 'admin');
    userId = (
      await admin.post('/api/v1/users', {
        username: 'viewed',
        displayName: '被查看',
        orgId: ids.provider,
        roles: ['engineer'],
        password: 'Start#2026',
      })
    ).body.id;
    const manager = await tokenSession(t, 'manager');
    expect((await manager.patch(`/api/v1/projects/${ids.projectA}`, { name: '省信息中心运维项目（改）' })).status).toBe(
      200,
    );
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'engineer', password: 'nope' },
    });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('is for the auditor only: picker, export and verification refuse everybody else', async () => {
    const urls = [`${V}/actors?q=张`, `${V}/export.xlsx`, `${V}/export.csv`, `${V}/verify`];
    for (const [i, u] of ['admin', 'secadmin', 'manager', 'cust_a'].entries()) {
      const who = await tokenSession(t, u);
      await expectRefused(t, who, 'GET', urls[i]!, undefined, { status: 403, code: 'FORBIDDEN' });
      for (const url of urls) expect((await who.get(url)).status, `${u} ${url}`).toBe(403);
    }
  }, 120_000);

  it('targets come as their numbers and names, resolved for the whole page', async () => {
    const items = (await auditor.get(`${V}?limit=200`)).body.items as any[];
    const of = (action: string, targetId: string) => items.find((x) => x.action === action && x.targetId === targetId);
    expect(of('ticket.create', ticket.id).targetName).toBe(`${ticket.number} 审计视图测试工单`);
    expect(of('user.create', userId).targetName).toBe('被查看');
    expect(of('project.update', ids.projectA).targetName).toBe('省信息中心运维项目（改）');
    expect(of('auth.login', ids.users.engineer).targetName).toBe('张工');
    expect(items.every((x) => x.targetName === null || typeof x.targetName === 'string')).toBe(true);
  });

  it('the operator is found by name or username, and the log is filtered by the picked person', async () => {
    const byName = (await auditor.get(`${V}/actors?q=${encodeURIComponent('张')}`)).body as any[];
    expect(byName).toContainEqual({
      id: ids.users.engineer,
      username: 'engineer',
      displayName: '张工',
      orgName: expect.any(String),
    });
    expect(byName.every((u) => u.displayName.startsWith('张'))).toBe(true);
    expect(((await auditor.get(`${V}/actors?q=disp`)).body as any[]).map((u) => u.username)).toEqual(['dispatcher']);
    await expectRefused(t, auditor, 'GET', `${V}/actors?q=`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'q',
    });
    const mine = (await auditor.get(`${V}?actorId=${ids.users.engineer}&limit=200`)).body.items as any[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((x) => x.actorName === '张工')).toBe(true);
  });

  it('exports the filtered log as Excel and CSV with words, names and Beijing time; the export is audited', async () => {
    const listed = (await auditor.get(`${V}?action=ticket.create&limit=200`)).body.items as any[];
    const before = await auditHead(t.database);
    const x = await fetchFile(t, auditor, `${V}/export.xlsx?action=ticket.create`);
    expect(x.status).toBe(200);
    expect(String(x.headers['content-type'])).toContain('spreadsheetml');
    const rows = await xlsxRows(x.body);
    expect(rows[0]).toEqual(['序号', '时间（北京时间）', '操作人', '角色', 'IP 地址', '操作', '对象', '摘要', '结果']);
    expect(rows.length - 1).toBe(listed.length);
    const mine = rows.find((r) => r[6] === `${ticket.number} 审计视图测试工单`)!;
    expect(mine).toBeDefined();
    expect([mine[2], mine[3], mine[5], mine[8]]).toEqual(['李调度', '调度员', '新建工单', '成功']);
    const [row] = await t.database.db.selectFrom('audit_log').selectAll().where('seq', '>', before).execute();
    expect(row).toMatchObject({ action: 'audit.export', actor_id: ids.users.auditor, result: 'success' });
    expect(JSON.parse(row!.detail_json)).toMatchObject({
      format: 'xlsx',
      rows: listed.length,
      capped: false,
      filter: { action: 'ticket.create' },
    });

    const c = await fetchFile(t, auditor, `${V}/export.csv?action=ticket.create&lang=en`);
    expect(String(c.headers['content-type'])).toContain('text/csv');
    const text = c.body.toString('utf8');
    expect(text.startsWith('\uFEFFNo.,Time (Beijing),Operator,Roles,IP address,Action,Target,Summary,Result\r\n')).toBe(
      true,
    );
    const line = text.split('\r\n').find((l: string) => l.includes(ticket.number))!;
    const at = new Date(listed.find((e) => e.targetId === ticket.id).at + 8 * 3_600_000)
      .toISOString()
      .slice(0, 19)
      .replace('T', ' ');
    expect(line).toContain(`,${at},李调度,Dispatcher,`);
    expect(line).toContain(`,${auditActionLabel('ticket.create', 'en')},${ticket.number} 审计视图测试工单,`);
    expect(line.endsWith(',Success')).toBe(true);
    expect(text.trim().split('\r\n').length - 1).toBe(listed.length);
    await expectRefused(t, auditor, 'GET', `${V}/export.pdf`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'format',
    });
  });

  it('verification runs on demand: intact, then a row edited in the database is reported at its number; each run is audited', async () => {
    const head = await auditHead(t.database);
    expect((await auditor.get(`${V}/verify`)).body).toEqual({ ok: true, checked: head });
    const last = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect([last.action, last.result]).toEqual(['audit.verify', 'success']);
    const mid = Math.floor(head / 2);
    const original = await t.database.db
      .selectFrom('audit_log')
      .select('summary')
      .where('seq', '=', mid)
      .executeTakeFirstOrThrow();
    await t.database.db.updateTable('audit_log').set({ summary: '什么也没发生' }).where('seq', '=', mid).execute();
    expect((await auditor.get(`${V}/verify`)).body).toEqual({
      ok: false,
      checked: mid - 1,
      seq: mid,
      problem: `row ${mid} was modified`,
    });
    const failed = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect([failed.action, failed.result]).toEqual(['audit.verify', 'failure']);
    await t.database.db.updateTable('audit_log').set({ summary: original.summary }).where('seq', '=', mid).execute();
    expect((await auditor.get(`${V}/verify`)).body.ok).toBe(true);
  });

  it('every action in this log has a word in both languages', async () => {
    const actions = (await t.database.db.selectFrom('audit_log').select('action').distinct().execute()).map(
      (r) => r.action,
    );
    expect(actions.length).toBeGreaterThan(8);
    expect(actions.filter((a) => auditActionLabel(a, 'zh-CN') === a || auditActionLabel(a, 'en') === a)).toEqual([]);
  });
});
