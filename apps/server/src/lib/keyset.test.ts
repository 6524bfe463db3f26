import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { decodeAtId, decodeCursor, encodeCursor, keysetPage } from './keyset.js';

const refused = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: 'VALIDATION', status: 400, field: 'cursor' });
    return;
  }
  throw new Error('not refused');
};
const raw = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

describe('keyset cursor codec', () => {
  it('round-trips the values of each shape', () => {
    const c = encodeCursor(['due', 'asc', 1_767_225_600_000, '01JABC']);
    expect(decodeCursor(c, [{ is: 'due' }, { is: 'asc' }, 'number', 'id'])).toEqual([
      'due',
      'asc',
      1_767_225_600_000,
      '01JABC',
    ]);
    expect(decodeCursor(encodeCursor(['2026-02-28', 'x']), ['day', 'id'])).toEqual(['2026-02-28', 'x']);
    expect(decodeCursor(encodeCursor(['recent', 'desc', null, 'x']), ['string', 'string', 'null', 'id'])).toEqual([
      'recent',
      'desc',
      null,
      'x',
    ]);
    expect(decodeAtId(encodeCursor([1_700_000_000_000, 'id-1']))).toEqual({ at: 1_700_000_000_000, id: 'id-1' });
  });

  it('is URL-safe: no +, / or = whatever the values hold', () => {
    expect(encodeCursor(['名称 ~~~ ???', 'a/b+c=='])).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('no cursor is the first page', () => {
    expect(decodeCursor(undefined, ['id'])).toBeNull();
    expect(decodeCursor('', ['id'])).toBeNull();
    expect(decodeAtId(undefined)).toBeNull();
  });

  it('refuses malformed or tampered cursors with a 400 naming `cursor`', () => {
    refused(() => decodeAtId('not-a-cursor'));
    refused(() => decodeAtId('%%'));
    refused(() => decodeAtId(raw('1700000000000:id'))); // the old "at:id" text format
    refused(() => decodeAtId(raw({ at: 1, id: 'x' })));
    refused(() => decodeAtId(raw([1.5, 'x']))); // not a millisecond time
    refused(() => decodeAtId(raw([Number.MAX_SAFE_INTEGER + 2, 'x'])));
    refused(() => decodeAtId(raw(['1700000000000', 'x'])));
    refused(() => decodeAtId(raw([1, '']))); // no id
    refused(() => decodeAtId(raw([1, 'x', 'extra'])));
    refused(() => decodeAtId(raw([1])));
    refused(() => decodeCursor(raw(['2026-1-1', 'x']), ['day', 'id']));
    refused(() => decodeCursor(raw(["2026-01-01' or 1=1", 'x']), ['day', 'id']));
    refused(() => decodeCursor(raw([Infinity, 'x']), ['number', 'id']));
    refused(() => decodeCursor(raw(['x', 'x']), ['null', 'id']));
  });

  it('refuses a cursor made for another order', () => {
    const c = encodeCursor(['due', 'asc', 5, 'x']);
    refused(() => decodeCursor(c, [{ is: 'created' }, { is: 'asc' }, 'number', 'id']));
    refused(() => decodeCursor(c, [{ is: 'due' }, { is: 'desc' }, 'number', 'id']));
    refused(() => decodeCursor(c, [{ is: 'due' }, { is: 'asc' }, 'string', 'id']));
  });

  it('reports the message a list gives', () => {
    expect(() => decodeAtId('garbage', 'common.badCursorForSort')).toThrow(
      expect.objectContaining({ field: 'cursor', params: { reason: { key: 'common.badCursorForSort' } } }),
    );
    expect(() => decodeAtId('garbage')).toThrow(
      expect.objectContaining({ field: 'cursor', params: { reason: { key: 'common.badCursor' } } }),
    );
  });
});

describe('keysetPage', () => {
  const rows = [
    { at: 5, id: 'e' },
    { at: 4, id: 'd' },
    { at: 3, id: 'c' },
  ];
  it('takes limit rows and makes the cursor from the last one shown when there is more', () => {
    const p = keysetPage(rows, 2, (r) => [r.at, r.id]);
    expect(p.items).toEqual(rows.slice(0, 2));
    expect(decodeAtId(p.nextCursor!)).toEqual({ at: 4, id: 'd' });
  });
  it('has no next cursor on the last page, or an empty one', () => {
    expect(keysetPage(rows, 3, (r) => [r.at, r.id])).toEqual({ items: rows, nextCursor: null });
    expect(keysetPage(rows.slice(0, 2), 3, (r) => [r.at, r.id]).nextCursor).toBeNull();
    expect(keysetPage([], 3, () => [])).toEqual({ items: [], nextCursor: null });
  });
});
