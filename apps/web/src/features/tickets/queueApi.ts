import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadUrl } from '../../api/client';
import type { SavedFilter, TicketBulkRequest, TicketBulkResult, User } from '../../api/types';
import type { TicketFilter } from './api';
import { ticketPageQuery } from './queuePrefetch';

/** One keyset page of the queue table; the previous page stays on screen while the next one loads. */
export function useTicketPage(filter: TicketFilter, limit: number, cursor: string | undefined) {
  return useQuery({
    ...ticketPageQuery(filter, limit, cursor),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

export function useBulkAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TicketBulkRequest) => api<TicketBulkResult>('/tickets/bulk', { body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['tickets'] });
      void qc.invalidateQueries({ queryKey: ['ticket'] });
    },
  });
}

/** Who can take tickets of these projects (the union of their assignee lists). */
export function useAssigneesOf(projectIds: string[]) {
  const ids = [...new Set(projectIds)].sort();
  return useQuery({
    queryKey: ['assignees', ids],
    queryFn: async () => {
      const lists = await Promise.all(ids.map((id) => api<User[]>(`/projects/${encodeURIComponent(id)}/assignees`)));
      const byId = new Map(lists.flat().map((u) => [u.id, u]));
      return [...byId.values()];
    },
    enabled: ids.length > 0,
  });
}

export const exportUrl = (filter: TicketFilter) => downloadUrl('/tickets/export.xlsx', filter);

const savedKey = ['saved-filters', 'tickets'] as const;
export function useSavedFilters() {
  return useQuery({
    queryKey: savedKey,
    queryFn: () => api<SavedFilter[]>('/saved-filters', { query: { scope: 'tickets' } }),
  });
}
export function useSaveFilter() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; query: Record<string, unknown> }) =>
      api<SavedFilter>('/saved-filters', { body: { scope: 'tickets', ...body } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: savedKey }),
  });
}
export function useDeleteFilter() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/saved-filters/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: savedKey }),
  });
}
