import { OPEN_STATUSES, type TicketStatus } from '@weibao/schema';

/**
 * One sortable number per ticket gives every queue tab a single index to walk (keyset, no OFFSET):
 * open tickets with a running clock sort by their nearest due instant; open tickets whose clocks
 * are all paused or stopped follow, oldest report first; finished tickets come last, newest first.
 */
const OPEN_WITHOUT_DUE = 50_000_000_000_000;
const FINISHED = 90_000_000_000_000;
const FAR_FUTURE = 9_999_999_999_999;

export function dueSort(status: TicketStatus, nextDueAt: number | null, reportedAt: number, updatedAt: number): number {
  if (!OPEN_STATUSES.includes(status)) return FINISHED + (FAR_FUTURE - updatedAt);
  if (nextDueAt !== null) return nextDueAt;
  return OPEN_WITHOUT_DUE + reportedAt;
}

export const OPEN_DUE_LIMIT = OPEN_WITHOUT_DUE;
export const FINISHED_FROM = FINISHED;

/** The column each queue sort walks; every one has (…, column, id) indexes (migration 0019). */
export const SORT_COLUMN = { due: 'due_sort', level: 'level', created: 'created_at', status: 'status' } as const;
export type QueueSort = keyof typeof SORT_COLUMN;
export type SortKey = number | string;

/**
 * A queue cursor names the order it belongs to and the last row's (key, id): a cursor from one
 * order replayed on another is refused instead of silently skipping rows.
 */
export function encodeSortCursor(sort: QueueSort, dir: 'asc' | 'desc', key: SortKey, id: string): string {
  return Buffer.from(JSON.stringify([sort, dir, key, id])).toString('base64url');
}

export function decodeSortCursor(
  cursor: string,
  sort: QueueSort,
  dir: 'asc' | 'desc',
): { key: SortKey; id: string } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) return null;
  const [s, d, key, id] = parsed as unknown[];
  if (s !== sort || d !== dir || typeof id !== 'string') return null;
  const keyIsText = sort === 'status';
  if (keyIsText ? typeof key !== 'string' : typeof key !== 'number' || !Number.isFinite(key)) return null;
  return { key: key as SortKey, id };
}
