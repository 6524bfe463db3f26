import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../test/api.js';
import { DIALECTS, testApp } from '../test/harness.js';
import { registerAuth } from './auth.js';

/** Percent-encodes the character at `i` (upper- or lower-case hex), as a client may and the router decodes. */
const encodeAt = (path: string, i: number, lower = false) => {
  const hex = path.charCodeAt(i).toString(16).padStart(2, '0');
  return `${path.slice(0, i)}%${lower ? hex : hex.toUpperCase()}${path.slice(i + 1)}`;
};

/**
 * Every spelling of a route's path that the router still matches: one character of each segment
 * encoded (the prefix `/%61pi`, `/api/v%31`, each later segment), and the whole path encoded.
 */
function encodedVariants(path: string): string[] {
  const out = new Set<string>();
  let start = 0;
  for (let i = 1; i <= path.length; i++) {
    if (i < path.length && path[i] !== '/') continue;
    // The segment's first and last characters, skipping the leading '/'.
    for (const j of [start + 1, i - 1])
      if (j > start && /[A-Za-z0-9._~-]/.test(path[j]!)) {
        out.add(encodeAt(path, j));
        out.add(encodeAt(path, j, true));
      }
    start = i;
  }
  out.add(
    path
      .split('/')
      .map((seg) => [...seg].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join(''))
      .join('/'),
  );
  return [...out];
}

describe.each(DIALECTS)('no way around the access check (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('makes the variants the issue names', () => {
    expect(encodedVariants('/api/v1/staff')).toEqual(
      expect.arrayContaining(['/%61pi/v1/staff', '/api/v%31/staff', '/api/v1/%73taff']),
    );
  });

  it('refuses every encoded spelling of every non-public route without credentials (401), as the plain path does', async () => {
    const served: string[] = [];
    let probes = 0;
    for (const route of t.app.routeTable) {
      const path = route.url.replace(/:\w+/g, 'x');
      for (const url of encodedVariants(path)) {
        const r = await call(t.app, null, route.method, url);
        probes++;
        // Whatever the router makes of the spelling, it is never served to an anonymous caller.
        if (route.access === 'public') expect(r.status, `${route.method} ${url}`).not.toBe(500);
        else if (![401, 404].includes(r.status) || (r.status === 401 && r.body.code !== 'UNAUTHENTICATED'))
          served.push(`${route.method} ${url} → ${r.status}`);
      }
    }
    // HEAD, which the router derives from every GET, goes through the same check.
    for (const route of t.app.routeTable.filter((r) => r.method === 'GET' && r.access !== 'public')) {
      const path = route.url.replace(/:\w+/g, 'x');
      for (const url of [path, encodedVariants(path)[0]!]) {
        const r = await t.app.inject({ method: 'HEAD', url });
        probes++;
        if (![401, 404].includes(r.statusCode)) served.push(`HEAD ${url} → ${r.statusCode}`);
      }
    }
    expect(served, 'encoded paths answered without a session').toEqual([]);
    expect(probes).toBeGreaterThan(t.app.routeTable.length * 3);
    // The examples from the issue, spelled out.
    for (const url of [
      '/%61pi/v1/security-policy',
      '/%61pi/v1/staff',
      '/%61pi/v1/engineers',
      '/%61pi/v1/checklist-templates',
      '/%61pi/v1/kb/categories',
      '/%61pi/v1/assets/import-template.xlsx',
      '/api/v%31/staff',
    ]) {
      const r = await call(t.app, null, 'GET', url);
      expect([r.status, r.body.code], url).toEqual([401, 'UNAUTHENTICATED']);
    }
    // Public routes still answer when encoded.
    expect((await call(t.app, null, 'GET', '/%61pi/v1/health')).body.ok).toBe(true);
  }, 120_000);

  it('a route under the API prefix without an access rule stops the server from starting', async () => {
    const app = Fastify({ logger: false });
    registerAuth(app, t.app.services.auth, [], t.app.services.audit);
    expect(() => app.get('/api/v1/forgotten', async () => ({ ok: true }))).toThrow(/declares no access/);
    await app.close();
    // Outside the API only the web UI's files and the API reference are public by design; any other
    // route a plugin adds without an access rule is refused (default deny), not served.
    const web = Fastify({ logger: false });
    registerAuth(web, t.app.services.auth, [], t.app.services.audit);
    web.get('/*', async () => 'ui');
    web.get('/api/openapi.json', async () => 'doc');
    web.get('/admin/secret', async () => 'secret');
    await web.ready();
    expect((await web.inject({ url: '/assets/x.js' })).body).toBe('ui');
    expect((await web.inject({ url: '/api/openapi.json' })).body).toBe('doc');
    expect((await web.inject({ url: '/admin/secret' })).statusCode).toBe(403);
    expect((await web.inject({ url: '/%61dmin/secret' })).statusCode).toBe(403);
    await web.close();
  });

  it('serves the API reference and the web UI without a session', async () => {
    expect((await t.app.inject({ url: '/api/openapi.json' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/docs/' })).statusCode).not.toBe(403);
  });
});
