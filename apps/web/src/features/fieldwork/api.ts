import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  CheckInRequest,
  CheckOutRequest,
  SiteVisit,
  SiteVisitPage,
  SiteVisitQuery,
  TicketPage,
} from '../../api/types';

const enc = encodeURIComponent;
export const visitsKey = ['site-visits'] as const;
const currentKey = [...visitsKey, 'current'] as const;

/** Beijing calendar day (UTC+8, no DST) of `ms`, as the server counts days: YYYY-MM-DD (the one formatter). */
export { beijingDay } from '../../components/format';

/** The caller's open visit, or null. */
export function useCurrentVisit() {
  return useQuery({
    queryKey: currentKey,
    queryFn: () => api<SiteVisit | null>('/site-visits/current'),
    refetchInterval: 60_000,
  });
}

/** One page (up to `limit`) of visits matching the query. */
export function useSiteVisits(query: Omit<SiteVisitQuery, 'cursor' | 'open'> & { open?: boolean }, enabled = true) {
  return useQuery({
    queryKey: [...visitsKey, 'list', query],
    queryFn: ({ signal }) => api<SiteVisitPage>('/site-visits', { query: { limit: 100, ...query }, signal }),
    enabled,
  });
}

/** Tickets of a project assigned to the caller that are still open: what a check-in can be for. */
export function useMyOpenTickets(projectId: string | undefined) {
  return useQuery({
    queryKey: ['tickets', 'mine-open', projectId],
    queryFn: ({ signal }) =>
      api<TicketPage>('/tickets', {
        query: { tab: 'mine', projectId, status: ['assigned', 'in_progress', 'suspended'], limit: 100 },
        signal,
      }),
    enabled: !!projectId,
    select: (page) => page.items,
  });
}

function useInvalidateVisits() {
  const qc = useQueryClient();
  return (visit?: SiteVisit | null) => {
    if (visit !== undefined) qc.setQueryData(currentKey, visit && visit.checkedOutAt === null ? visit : null);
    void qc.invalidateQueries({ queryKey: visitsKey });
    // A check-in for a ticket can stop its arrival clock.
    void qc.invalidateQueries({ queryKey: ['tickets'] });
    void qc.invalidateQueries({ queryKey: ['ticket'] });
    // Records show the visits they cover, with their check-out times.
    void qc.invalidateQueries({ queryKey: ['om-record'] });
  };
}

export function useCheckIn() {
  const invalidate = useInvalidateVisits();
  return useMutation({
    mutationFn: (body: CheckInRequest) => api<SiteVisit>('/site-visits/check-in', { body }),
    onSuccess: (v) => invalidate(v),
  });
}

export function useCheckOut(id: string) {
  const invalidate = useInvalidateVisits();
  return useMutation({
    mutationFn: (body: CheckOutRequest) => api<SiteVisit>(`/site-visits/${enc(id)}/check-out`, { body }),
    onSuccess: (v) => invalidate(v),
  });
}

export function useUploadVisitPhoto(id: string) {
  const invalidate = useInvalidateVisits();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api<SiteVisit>(`/site-visits/${enc(id)}/photo`, { method: 'POST', form });
    },
    onSuccess: (v) => invalidate(v),
  });
}

export const visitPhotoUrl = (id: string) => `/api/v1/site-visits/${enc(id)}/photo`;
