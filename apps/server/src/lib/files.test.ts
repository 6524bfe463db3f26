import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileStore } from './files.js';

/** The store every upload and download goes through: nothing outside its root, names generated. */
describe('FileStore', () => {
  let sandbox: string;
  let store: FileStore;
  beforeAll(() => {
    sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'weibao-files-'));
    fs.mkdirSync(path.join(sandbox, 'data'));
    fs.mkdirSync(path.join(sandbox, 'outside'));
    fs.writeFileSync(path.join(sandbox, 'outside', 'secret'), 'secret');
    store = new FileStore(path.join(sandbox, 'data'));
  });
  afterAll(() => {
    if (sandbox) fs.rmSync(sandbox, { recursive: true, force: true });
  });

  it('refuses every path that leaves the root: dot-dot, absolute, the root itself, NUL, a symlink pointing out', () => {
    fs.symlinkSync(path.join(sandbox, 'outside'), path.join(sandbox, 'data', 'link'));
    for (const rel of [
      '../outside/secret',
      'kb/../../outside/secret',
      path.join(sandbox, 'outside', 'secret'),
      '',
      '.',
      'kb/\u0000x',
      'link/secret',
      'link/new/file',
    ]) {
      expect(() => store.resolve(rel), JSON.stringify(rel)).toThrow();
      expect(() => store.read(rel), JSON.stringify(rel)).toThrow();
    }
    store.remove('../outside/secret');
    store.remove('link/secret');
    expect(fs.readFileSync(path.join(sandbox, 'outside', 'secret'), 'utf8')).toBe('secret');
  });

  it('stores bytes under a generated name in its area and reads them back', () => {
    const now = Date.UTC(2026, 9, 12);
    const a = store.put('attachments', Buffer.from('one'), now);
    const b = store.put('attachments', Buffer.from('two'), now, '.png');
    expect(a).toMatch(/^attachments\/2026\/[0-9a-f-]{36}$/);
    expect(b).toMatch(/^attachments\/2026\/[0-9a-f-]{36}\.png$/);
    expect(store.read(a).toString()).toBe('one');
    expect(store.resolve(b)).toBe(path.join(sandbox, 'data', b));
    store.remove(a);
    expect(store.readIfExists(a)).toBeNull();
  });

  it('removes what a failed command stored, and keeps what a successful one stored', async () => {
    let kept = '';
    await store.writing(async (put) => {
      kept = put('kb', Buffer.from('ok'), Date.now());
    });
    let lost = '';
    await expect(
      store.writing(async (put) => {
        lost = put('kb', Buffer.from('no'), Date.now());
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(store.readIfExists(kept)?.toString()).toBe('ok');
    expect(store.readIfExists(lost)).toBeNull();
  });
});
