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

export function encodeCursor(sort: number, id: string): string {
  return Buffer.from(`${sort}:${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { sort: number; id: string } | null {
  const raw = Buffer.from(cursor, 'base64url').toString();
  const i = raw.indexOf(':');
  const sort = Number(raw.slice(0, i));
  if (i < 1 || !Number.isFinite(sort)) return null;
  return { sort, id: raw.slice(i + 1) };
}
