import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, demoIds, sessionAdmitted, fingerprint, multipart } from '../test/api.js';
import { DIALECTS, type Session, testApp } from '../test/harness.js';

/** Every file below `dir`, as paths relative to it. */
function tree(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/**
 * Bad input as a class: encoded traversal in every upload route's path parameters, and a NUL
 * character in every route's path parameters, query and body — both refused with a 4xx naming
 * the field, nothing written to the database or to disk.
 */
describe.each(DIALECTS)('input hardening: uploads and NUL (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let sandbox: string;
  let dataDir: string;
  const sessions: Record<string, Session> = {};
  const caller = (access: unknown) => sessionAdmitted(access, sessions);
  let taskId: string;

  beforeAll(async () => {
    // The data directory sits three levels down in a sandbox of its own, so a write that escapes it is seen.
    sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'weibao-input-'));
    dataDir = path.join(sandbox, 'd1', 'd2', 'data');
    fs.mkdirSync(dataDir, { recursive: true });
    t = await testApp(dialect, { config: { dataDir } });
    for (const u of ['manager', 'engineer', 'dispatcher', 'admin', 'secadmin', 'auditor', 'cust_a', 'lead_a'])
      sessions[u] = await t.login(u);
    const ids = await demoIds(t);
    const mgr = sessions.manager!;
    const tpl = (
      await mgr.post('/api/v1/checklist-templates', {
        name: '路径模板',
        scope: 'system',
        items: [{ key: 'a', title: '检查' }],
      })
    ).body;
    await mgr.post(`/api/v1/projects/${ids.projectA}/inspection-plans`, {
      name: '路径计划',
      kind: 'monthly',
      templateId: tpl.id,
      startsOn: '2026-10-01',
      assigneeIds: [ids.users.engineer],
    });
    taskId = (await mgr.get(`/api/v1/inspection-tasks?projectId=${ids.projectA}&from=2026-10-01&to=2026-10-31`)).body
      .items[0].id;
    expect((await mgr.put(`/api/v1/inspection-tasks/${taskId}/results/a`, { outcome: 'pass' })).status).toBe(200);
  });
  afterAll(async () => {
    await t?.drop();
    if (sandbox) fs.rmSync(sandbox, { recursive: true, force: true });
  });

  it('refuses encoded traversal in every path parameter of every upload route, writing nothing anywhere', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const uploads = t.app.routeTable.filter(
      (r) =>
        doc.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()]?.requestBody?.content?.[
          'multipart/form-data'
        ],
    );
    expect(uploads.length).toBeGreaterThanOrEqual(7);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200)]);
    // Real ids for the other parameters, so the traversal is the only thing wrong.
    const real: Record<string, string> = { id: taskId, key: 'a' };
    let tried = 0;
    for (const r of uploads) {
      const params = [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      for (const p of params) {
        for (const evil of ['..%2F..%2Fx', '%2e%2e%2f%2e%2e%2fx', '..%5c..%5cx', '..%2F..%2F..%2F..%2Fescaped']) {
          const url = params.reduce((u, q) => u.replace(`:${q}`, q === p ? evil : (real[q] ?? 'x')), r.url);
          const before = await fingerprint(t.database);
          const files = tree(sandbox);
          const res = await call(t.app, caller(r.access), r.method, url, multipart('photo.png', png, 'image/png'));
          expect(res.status, `${r.method} ${url}: ${res.raw}`).toBeGreaterThanOrEqual(400);
          expect(res.status, `${r.method} ${url}: ${res.raw}`).toBeLessThan(500);
          expect(tree(sandbox), `${r.method} ${url} wrote a file`).toEqual(files);
          expect(await fingerprint(t.database), `${r.method} ${url}`).toEqual(before);
          tried++;
        }
      }
    }
    expect(tried).toBeGreaterThanOrEqual(uploads.length * 4);
  });

  it('refuses a NUL character in every path parameter, query and body string of every route with 400 naming the field', async () => {
    const before = await fingerprint(t.database, ['sessions']);
    const bad: string[] = [];
    const expect400 = async (who: Session | null, method: string, url: string, field: string, payload?: unknown) => {
      const res = await call(t.app, who, method, url, payload === undefined ? {} : { payload });
      if (res.status !== 400 || res.body?.code !== 'VALIDATION' || res.body?.field !== field)
        bad.push(`${method} ${url} ${field}: ${res.status} ${res.raw.slice(0, 160)}`);
    };
    for (const r of t.app.routeTable) {
      const who = caller(r.access);
      const params = [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      for (const p of params)
        await expect400(
          who,
          r.method,
          params.reduce((u, q) => u.replace(`:${q}`, q === p ? 'a%00b' : 'x'), r.url),
          p,
        );
      const plain = r.url.replace(/:(\w+)/g, 'x');
      await expect400(who, r.method, `${plain}?month=a%00b`, 'month');
      if (r.method !== 'GET' && r.method !== 'DELETE')
        await expect400(who, r.method, plain, 'note.items[0]', { note: { items: ['a\u0000b'] } });
    }
    expect(bad).toEqual([]);
    // The unauthenticated login with a NUL in the user name: 400 on both databases, not a 500.
    await expect400(null, 'POST', '/api/v1/auth/login', 'username', { username: 'adm\u0000in', password: 'x' });
    // A NUL in an uploaded file's name.
    const nulName = await call(
      t.app,
      sessions.manager!,
      'POST',
      `/api/v1/inspection-tasks/${taskId}/results/a/photo`,
      multipart('a\u0000.png', Buffer.alloc(10), 'image/png'),
    );
    expect({ status: nulName.status, field: nulName.body.field }, nulName.raw).toEqual({ status: 400, field: 'file' });
    expect(bad).toEqual([]);
    expect(await fingerprint(t.database, ['sessions'])).toEqual(before);
  });
});
