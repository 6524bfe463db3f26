import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Channel, ClockKind, FaultLevel, TicketStatus, TicketTab } from '../../api/types';
import type { TicketFilter } from './api';
import { CLOCK_KINDS, TICKET_SORTS, TICKET_TABS } from '@weibao/schema/enum-values';

export const TABS = TICKET_TABS;
export const SORTS = TICKET_SORTS;
export type QueueSortKey = (typeof SORTS)[number];
export const PAGE_SIZES = [20, 50, 100] as const;
const CLOCKS = CLOCK_KINDS;
const ms = (v: string | null) => (v && /^\d{1,15}$/.test(v) ? Number(v) : undefined);

/** The queue's filter as its URL states it (also read before the page loads, to fetch its first page early). */
export function parseTicketFilter(
  params: URLSearchParams,
  defaultTab: TicketTab,
  allowedTabs: readonly TicketTab[] = TABS,
): TicketFilter {
  const tabParam = params.get('tab') as TicketTab | null;
  const level = Number(params.get('level'));
  const clock = params.get('clock') as ClockKind | null;
  const outcome = params.get('outcome');
  const endedFrom = ms(params.get('endedFrom'));
  const endedTo = ms(params.get('endedTo'));
  const drill =
    clock &&
    CLOCKS.includes(clock) &&
    (outcome === 'breached' || outcome === 'met') &&
    endedFrom !== undefined &&
    endedTo !== undefined
      ? ({ clock, outcome, endedFrom, endedTo } as const)
      : {};
  return {
    tab: tabParam && allowedTabs.includes(tabParam) ? tabParam : defaultTab,
    status: params.getAll('status') as TicketStatus[],
    level: level >= 1 && level <= 4 ? (level as FaultLevel) : undefined,
    customerId: params.get('customerId') ?? undefined,
    projectId: params.get('projectId') ?? undefined,
    assigneeId: params.get('assigneeId') ?? undefined,
    channel: (params.get('channel') as Channel | null) ?? undefined,
    q: params.get('q') ?? undefined,
    // Server-side order (the table's sorters): kept in the URL with the filters.
    ...(SORTS.includes(params.get('sort') as QueueSortKey) ? { sort: params.get('sort') as QueueSortKey } : {}),
    ...(params.get('dir') === 'desc' ? { dir: 'desc' as const } : {}),
    // The drill-down from a commitment or an on-time rate (时钟超时筛选): all four parameters or none.
    ...drill,
  };
}

/** Rows per page as the URL states it. */
export function parsePageSize(params: URLSearchParams): number {
  const size = Number(params.get('size'));
  return (PAGE_SIZES as readonly number[]).includes(size) ? size : PAGE_SIZES[0];
}

/**
 * Queue tab and filters live in the URL, so "back" from a ticket restores the list and a filtered
 * queue can be bookmarked or shared.
 */
export function useTicketFilter(defaultTab: TicketTab, allowedTabs: readonly TicketTab[] = TABS) {
  const [params, setParams] = useSearchParams();
  const filter = useMemo<TicketFilter>(
    () => parseTicketFilter(params, defaultTab, allowedTabs),
    [params, defaultTab, allowedTabs],
  );
  const pageSize = parsePageSize(params);

  const update = (patch: Partial<TicketFilter>, nextSize = pageSize) => {
    const next = { ...filter, ...patch };
    const p = new URLSearchParams();
    if (nextSize !== PAGE_SIZES[0]) p.set('size', String(nextSize));
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === null || v === '') continue;
      if (Array.isArray(v)) v.forEach((x) => p.append(k, String(x)));
      else p.set(k, String(v));
    }
    setParams(p, { replace: true });
  };
  const reset = () =>
    update({
      status: [],
      level: undefined,
      customerId: undefined,
      projectId: undefined,
      assigneeId: undefined,
      channel: undefined,
      q: undefined,
      ...clearClock,
    });
  const setPageSize = (n: number) => update({}, n);
  return { filter, update, reset, pageSize, setPageSize };
}

/** Patch that removes the clock drill-down filter. */
export const clearClock = { clock: undefined, outcome: undefined, endedFrom: undefined, endedTo: undefined } as const;
export function hasClockFilter(f: TicketFilter): boolean {
  return !!f.clock && !!f.outcome && f.endedFrom !== undefined && f.endedTo !== undefined;
}
