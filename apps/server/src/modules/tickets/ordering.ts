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
