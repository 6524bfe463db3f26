import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../test/harness.js';

describe('web UI serving', () => {
  const web = fs.mkdtempSync(path.join(os.tmpdir(), 'weibao-web-'));
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>维保</title>');
    t = await testApp('sqlite', { seed: false, config: { webDist: web } });
  });
  afterAll(async () => {
    await t?.drop();
    fs.rmSync(web, { recursive: true, force: true });
  });

  it('serves client-side routes as index.html and unknown API paths as problem+json', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/tickets/01abc' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('维保');
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
    // An encoded spelling of an API path is still an API path, not a page.
    const encoded = await t.app.inject({ method: 'GET', url: '/%61pi/v1/nope' });
    expect([encoded.statusCode, encoded.headers['content-type']]).toEqual([
      404,
      expect.stringMatching(/application\/problem\+json/),
    ]);
  });

  it('serves assets written after startup (a rebuilt UI needs no restart)', async () => {
    fs.mkdirSync(path.join(web, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(web, 'assets', 'app-new.js'), 'console.log(1)');
    const r = await t.app.inject({ method: 'GET', url: '/assets/app-new.js' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toBe('console.log(1)');
  });
});
