import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, downloadFile, inline, XLSX_MIME } from './download.js';
import { registerErrorHandler } from './error-handler.js';

/** Every route that sends a file goes through these helpers: the headers are the same whatever the body. */
describe('file responses', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weibao-download-'));
  const stored = path.join(dir, 'stored.bin');
  let app: FastifyInstance;
  beforeAll(async () => {
    fs.writeFileSync(stored, 'stored bytes');
    app = Fastify({ logger: false });
    registerErrorHandler(app);
    app.get('/buffer', (_req, reply) => download(reply, XLSX_MIME, '工单 列表.xlsx', Buffer.from('built')));
    app.get('/stream', (_req, reply) => download(reply, XLSX_MIME, 'e.xlsx', Readable.from([Buffer.from('streamed')])));
    app.get('/file', (_req, reply) => downloadFile(reply, 'application/pdf', '说明.pdf', stored));
    app.get('/missing', (_req, reply) => downloadFile(reply, 'application/pdf', 'x.pdf', path.join(dir, 'gone')));
    app.get('/photo', (_req, reply) => inline(reply, 'image/jpeg', stored, 'private, max-age=3600'));
    app.get('/signature', (_req, reply) => inline(reply, 'image/png', stored));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends attachments with a UTF-8 file name, never cached, never sniffed — bytes, streams and stored files alike', async () => {
    for (const [url, body, mime, name] of [
      ['/buffer', 'built', XLSX_MIME, '工单 列表.xlsx'],
      ['/stream', 'streamed', XLSX_MIME, 'e.xlsx'],
      ['/file', 'stored bytes', 'application/pdf', '说明.pdf'],
    ]) {
      const r = await app.inject({ method: 'GET', url: url! });
      expect([r.statusCode, r.body], url).toEqual([200, body]);
      expect(r.headers['content-type']).toBe(mime);
      expect(r.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(name!)}`);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['cache-control']).toBe('private, no-store');
    }
  });

  it('shows stored images in place, cached only as the route allows', async () => {
    const photo = await app.inject({ method: 'GET', url: '/photo' });
    expect([photo.statusCode, photo.body, photo.headers['content-disposition']]).toEqual([
      200,
      'stored bytes',
      undefined,
    ]);
    expect(photo.headers).toMatchObject({
      'content-type': 'image/jpeg',
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=3600',
    });
    expect((await app.inject({ method: 'GET', url: '/signature' })).headers['cache-control']).toBe('private, no-store');
  });

  it('a stored file that has gone is the central 500, not a half-sent file', async () => {
    const r = await app.inject({ method: 'GET', url: '/missing' });
    expect(r.statusCode).toBe(500);
    expect(r.json()).toMatchObject({ code: 'INTERNAL' });
    expect(r.headers['content-disposition']).toBeUndefined();
  });
});
