import type { QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Me, TicketPage } from '../../api/types';
import { hasRole } from '../../app/roles';
import type { TicketFilter } from './api';
import { parsePageSize, parseTicketFilter } from './useTicketFilter';

/** One keyset page of the queue: the query the page runs, and the one a page load starts early. */
export const ticketPageQuery = (filter: TicketFilter, limit: number, cursor: string | undefined) => ({
  queryKey: ['tickets', 'page', filter, limit, cursor ?? null] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api<TicketPage>('/tickets', { query: { ...filter, limit, cursor }, signal }),
});

/**
 * An engineer's queue opens on 我的待办; a dispatcher or manager (rarely the assignee) on 全部, whose
 * default order (due first) puts unassigned and at-risk tickets at the top instead of an empty tab.
 */
export const defaultQueueTab = (me: Me) => (hasRole(me, ['engineer']) ? 'mine' : 'all');

/**
 * Starts the queue's first page as soon as the session is known, while the page's code still loads
 * (on a slow phone link the rows otherwise wait for every script first).
 */
export function prefetchQueue(client: QueryClient, me: Me, search: string): void {
  const params = new URLSearchParams(search);
  void client.prefetchQuery(
    ticketPageQuery(parseTicketFilter(params, defaultQueueTab(me)), parsePageSize(params), undefined),
  );
}
