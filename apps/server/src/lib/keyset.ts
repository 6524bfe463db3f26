import { invalid } from './errors.js';
import type { ReasonKey } from './messages/reasons/index.js';

/**
 * Keyset pagination: one opaque cursor format for every list. A cursor is the base64url JSON array of
 * the last row's sort values (and, where a list has several orders, the order it was made for);
 * clients only send back what they got, so the format is ours to choose. A cursor that does not fit
 * the shape its list expects (tampered, truncated, or from another order) is a 400 naming `cursor`,
 * never a silently wrong page or a 500.
 */
export type CursorValue = string | number | null;

/**
 * What one position of a cursor must hold: `id` a non-empty string, `int` a safe integer (ms times),
 * `number` any finite number, `day` a YYYY-MM-DD string, `null` only null, `{ is }` exactly that value.
 */
export type Slot = 'id' | 'string' | 'int' | 'number' | 'day' | 'null' | { is: string };

type SlotValue<S> = S extends 'id' | 'string' | 'day'
  ? string
  : S extends 'int' | 'number'
    ? number
    : S extends 'null'
      ? null
      : S extends { is: infer V }
        ? V
        : never;
export type Decoded<S extends readonly Slot[]> = { -readonly [K in keyof S]: SlotValue<S[K]> };

const DAY = /^\d{4}-\d\d-\d\d$/;
const fits = (slot: Slot, v: unknown): boolean => {
  switch (slot) {
    case 'id':
      return typeof v === 'string' && v.length > 0;
    case 'string':
      return typeof v === 'string';
    case 'int':
      return Number.isSafeInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'day':
      return typeof v === 'string' && DAY.test(v);
    case 'null':
      return v === null;
    default:
      return v === slot.is;
  }
};

export const encodeCursor = (values: readonly CursorValue[]): string =>
  Buffer.from(JSON.stringify(values)).toString('base64url');

/**
 * The values of `cursor` checked against `shape`; null when there is no cursor (the first page).
 * Anything malformed throws the usual 400 naming `cursor` (with `message` when a list says more).
 */
export function decodeCursor<const S extends readonly Slot[]>(
  cursor: string | undefined,
  shape: S,
  message: ReasonKey = 'common.badCursor',
): Decoded<S> | null {
  if (!cursor) return null;
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    v = undefined;
  }
  if (!Array.isArray(v) || v.length !== shape.length || !shape.every((slot, i) => fits(slot, v[i])))
    throw invalid('cursor', message);
  return v as Decoded<S>;
}

/**
 * One page from rows fetched with `limit + 1`: the extra row only says there is more, and the cursor
 * is made from the last row shown.
 */
export function keysetPage<T>(
  rows: readonly T[],
  limit: number,
  key: (last: T) => readonly CursorValue[],
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(key(last)) : null };
}

const AT_ID = ['int', 'id'] as const;
/** The common key of newest-first lists: a millisecond time and the row's id, as db/dialect.ts walks it. */
export function decodeAtId(cursor: string | undefined, message?: ReasonKey): { at: number; id: string } | null {
  const v = decodeCursor(cursor, AT_ID, message);
  return v && { at: v[0], id: v[1] };
}
