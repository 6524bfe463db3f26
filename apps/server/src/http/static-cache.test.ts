import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../test/harness.js';

/** A built UI as `vite build` + scripts/precompress.mjs leave it: hashed assets with .br and .gz beside them. */
describe('web UI: precompressed files and cache headers', () => {
  const web = fs.mkdtempSync(path.join(os.tmpdir(), 'weibao-web-cache-'));
  const js = `export const app = "${'维保'.repeat(2000)}";`;
  const html = `<!doctype html><title>维保</title><script src="/assets/index-B3x_k9Q-.js"></script>${' '.repeat(2000)}`;
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    fs.mkdirSync(path.join(web, 'assets'));
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(web, name), text);
      fs.writeFileSync(path.join(web, `${name}.br`), brotliCompressSync(text));
      fs.writeFileSync(path.join(web, `${name}.gz`), gzipSync(text));
    };
    write('index.html', html);
    write('assets/index-B3x_k9Q-.js', js);
    fs.writeFileSync(path.join(web, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await testApp('sqlite', { seed: false, config: { webDist: web } });
  });
  afterAll(async () => {
    await t?.drop();
    fs.rmSync(web, { recursive: true, force: true });
  });

  const get = (url: string, encoding?: string) =>
    t.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

  it('sends brotli to browsers that take it, gzip to those that take only gzip, plain otherwise; always Vary', async () => {
    const br = await get('/assets/index-B3x_k9Q-.js', 'gzip, deflate, br');
    expect([br.statusCode, br.headers['content-encoding'], br.headers['content-type']]).toEqual([
      200,
      'br',
      expect.stringMatching(/javascript/),
    ]);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(js);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    const gz = await get('/assets/index-B3x_k9Q-.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(js);
    expect(gz.headers.vary).toMatch(/accept-encoding/i);
    const plain = await get('/assets/index-B3x_k9Q-.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
  });

  it('hashed assets are immutable for a year; index.html and unhashed files are revalidated', async () => {
    for (const enc of ['br', 'gzip', undefined]) {
      expect((await get('/assets/index-B3x_k9Q-.js', enc)).headers['cache-control']).toBe(
        'public, max-age=31536000, immutable',
      );
    }
    for (const url of ['/', '/index.html', '/tickets/01abc', '/favicon.svg']) {
      const r = await get(url, 'br');
      expect([url, r.statusCode, r.headers['cache-control']]).toEqual([url, 200, 'no-cache']);
    }
    const page = await get('/', 'br');
    expect(page.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(page.rawPayload).toString()).toBe(html);
  });
});
