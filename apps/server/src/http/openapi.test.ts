import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../test/cli.js';
import { DIALECTS, testApp } from '../test/harness.js';

describe.each(DIALECTS)('OpenAPI document (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let doc: any;
  beforeAll(async () => {
    t = await testApp(dialect, { seed: false });
    const r = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(r.statusCode).toBe(200);
    doc = r.json();
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('is OpenAPI 3.1 and documents every /api/v1 route with its method', () => {
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, item]) =>
      Object.keys(item)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${p}`),
    );
    const routes = t.app.routeTable.map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(routes.length).toBeGreaterThan(30);
    expect([...documented].sort()).toEqual([...routes].sort());
  });

  it('gives every operation a unique operationId, a summary, a tag, the problem+json error body and its access', () => {
    const ops = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([p, item]) =>
      Object.entries(item).map(([m, op]) => ({ key: `${m} ${p}`, op })),
    );
    const ids = ops.map((o) => o.op.operationId);
    expect(ids.every((x) => typeof x === 'string' && /^[a-z][A-Za-z0-9]+$/.test(x))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { key, op } of ops) {
      expect(op.summary, key).toBeTruthy();
      expect(op.tags?.length, key).toBeGreaterThan(0);
      expect(op.responses['4XX'].content['application/problem+json'].schema, key).toEqual({
        $ref: '#/components/schemas/Problem',
      });
    }
    expect(doc.components.schemas.Problem.required).toEqual(
      expect.arrayContaining(['code', 'status', 'title', 'type']),
    );
    expect(doc.paths['/api/v1/auth/login'].post.security).toEqual([]);
    expect(doc.paths['/api/v1/audit'].get.description).toContain('Roles: auditor');
    expect(doc.paths['/api/v1/tickets/{id}'].get.operationId).toBe('getTicketsById');
  });

  it('passes `redocly lint` with no errors', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weibao-openapi-'));
    const file = path.join(dir, 'openapi.json');
    fs.writeFileSync(file, JSON.stringify(doc, null, 2));
    try {
      const r = await run('npx', ['@redocly/cli', 'lint', file, '--format=stylish'], {
        REDOCLY_TELEMETRY: 'off',
        REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
        NO_COLOR: '1',
      });
      const out = r.stdout + r.stderr;
      expect(r.code, out).toBe(0);
      expect(out).toMatch(/Your API description is valid/);
      expect(out).not.toMatch(/\d+ errors?\b/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
