import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, testApp } from '../../test/harness.js';

describe.each(DIALECTS)('ticket lifecycle smoke (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('phone intake of a level-1 fault runs its clocks through to confirmation', async () => {
    const d = await t.login('dispatcher');
    const projects = (await d.get('/api/v1/projects')).body;
    const engineers = (await d.get(`/api/v1/projects/${projects[0].id}/assignees`)).body;
    const eng = engineers.find((u: any) => u.username === 'engineer');
    const created = await d.post('/api/v1/tickets', {
      projectId: projects[0].id,
      title: '系统瘫痪',
      level: 1,
      channel: 'phone',
      reporterName: '陈科员',
      reporterPhone: '13800000000',
      reportedAt: t.clock.now - 5 * 60_000,
    });
    expect(created.status).toBe(200);
    const id = created.body.id;
    expect(created.body.number).toMatch(/^GD-2026-\d{6}$/);
    const resp = created.body.clocks.find((c: any) => c.kind === 'response');
    expect(resp.dueAt).toBe(t.clock.now - 5 * 60_000 + 30 * 60_000);
    expect((await d.post(`/api/v1/tickets/${id}/actions`, { action: 'dispatch', assigneeId: eng.id })).status).toBe(
      200,
    );
    const e = await t.login('engineer');
    t.clock.advance(60_000);
    expect(
      (await e.post(`/api/v1/tickets/${id}/actions`, { action: 'respond' })).body.clocks.find(
        (c: any) => c.kind === 'response',
      ).status,
    ).toBe('met');
    t.clock.advance(10 * 60_000);
    expect((await e.post(`/api/v1/tickets/${id}/actions`, { action: 'arrive' })).status).toBe(200);
    const resolved = await e.post(`/api/v1/tickets/${id}/actions`, {
      action: 'resolve',
      solution: '更换电源',
      faultCause: 'non_human',
    });
    expect(resolved.body.status).toBe('resolved');
    const c = await t.login('cust_a');
    const confirmed = await c.post(`/api/v1/tickets/${id}/actions`, { action: 'confirm', rating: 5 });
    expect(confirmed.body.status).toBe('closed');
    const other = await t.login('cust_b');
    expect((await other.get(`/api/v1/tickets/${id}`)).status).toBe(404);
  });
});
