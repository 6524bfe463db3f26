import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useKeysetList } from '../../components/useKeysetList';
import type { NotificationGroup, NotificationPage, NotificationReadAll, NotificationSummary } from '@weibao/schema';
import { api } from '../../api/client';

export type { NotificationGroup };
export interface CentreFilter {
  state: 'all' | 'unread';
  kind?: string;
  ticketId?: string;
}

const ROOT = ['notifications'] as const;
export const summaryKey = [...ROOT, 'summary'] as const;

/** Unread count and kinds; polled (15 s) so the bell stays fresh without a push channel. */
export function useNotificationSummary() {
  return useQuery({
    queryKey: summaryKey,
    queryFn: () => api<NotificationSummary>('/notifications/summary', { silent: true }),
    refetchInterval: 15_000,
  });
}

/** The centre's pages, newest first, grouped per ticket and kind by the server. */
export function useNotificationPages(
  filter: CentreFilter,
  limit = 20,
  opts: { quiet?: boolean; enabled?: boolean } = {},
) {
  return useKeysetList<NotificationPage>(
    [...ROOT, 'page', filter, limit],
    '/notifications/page',
    { ...filter, limit },
    { silent: opts.quiet, enabled: opts.enabled ?? true },
  );
}

/** Marks everything unread (or one kind / one ticket — a group) read in one request. */
export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (scope: NotificationReadAll) =>
      api<{ updated: number }>('/notifications/read-all', { method: 'POST', body: scope }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ROOT }),
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ROOT }),
  });
}

/** i18n key of a kind ("ticket.urge" → "notify.kind.ticket_urge"); unknown kinds show as they are. */
export const kindKey = (kind: string) => `notify.kind.${kind.replace(/\./g, '_')}`;
