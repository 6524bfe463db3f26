import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useKeysetList } from '../../components/useKeysetList';
import { api } from '../../api/client';
import type {
  Attachment,
  ClockHistory,
  Comment,
  CommentCreate,
  Ticket,
  TicketActionRequest,
  TicketListQuery,
  TicketPage,
  TimelineEvent,
} from '../../api/types';

const enc = encodeURIComponent;
export const ticketKey = (id: string) => ['ticket', id] as const;

export type TicketFilter = Omit<TicketListQuery, 'cursor' | 'limit'>;

/** Keyset-paged ticket list: each "load more" passes the previous page's nextCursor. */
export function useTicketList(filter: TicketFilter, limit = 20) {
  return useKeysetList<TicketPage>(
    ['tickets', 'list', filter, limit],
    '/tickets',
    { ...filter, limit },
    {
      refetchInterval: 60_000,
    },
  );
}

export function useTicket(id: string, enabled = true) {
  return useQuery({
    queryKey: ticketKey(id),
    queryFn: () => api<Ticket>(`/tickets/${enc(id)}`),
    refetchInterval: 30_000,
    enabled,
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: [...ticketKey(id), 'timeline'],
    queryFn: () => api<TimelineEvent[]>(`/tickets/${enc(id)}/timeline`),
  });
}

export function useClockHistory(id: string) {
  return useQuery({
    queryKey: [...ticketKey(id), 'clock-history'],
    queryFn: () => api<ClockHistory[]>(`/tickets/${enc(id)}/clock-history`),
  });
}

export function useComments(id: string) {
  return useQuery({
    queryKey: [...ticketKey(id), 'comments'],
    queryFn: () => api<Comment[]>(`/tickets/${enc(id)}/comments`),
  });
}

export function useAttachments(id: string) {
  return useQuery({
    queryKey: [...ticketKey(id), 'attachments'],
    queryFn: () => api<Attachment[]>(`/tickets/${enc(id)}/attachments`),
  });
}

/** After anything changes a ticket, its detail, timeline, clocks and every list are stale. */
function useInvalidateTicket(id: string) {
  const qc = useQueryClient();
  return (ticket?: Ticket) => {
    if (ticket) qc.setQueryData(ticketKey(id), ticket);
    void qc.invalidateQueries({ queryKey: ticketKey(id) });
    void qc.invalidateQueries({ queryKey: ['tickets'] });
    void qc.invalidateQueries({ queryKey: ['dashboard'] });
  };
}

export function useTicketAction(id: string) {
  const invalidate = useInvalidateTicket(id);
  return useMutation({
    mutationFn: (body: TicketActionRequest) => api<Ticket>(`/tickets/${enc(id)}/actions`, { body }),
    onSuccess: (t) => invalidate(t),
  });
}

export function useAddComment(id: string) {
  const invalidate = useInvalidateTicket(id);
  return useMutation({
    mutationFn: (body: CommentCreate) => api<Comment>(`/tickets/${enc(id)}/comments`, { body }),
    onSuccess: () => invalidate(), // a public comment can stop the response clock
  });
}

export function useUploadAttachment(id: string) {
  const invalidate = useInvalidateTicket(id);
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api<Attachment>(`/tickets/${enc(id)}/attachments`, { method: 'POST', form });
    },
    onSuccess: () => invalidate(),
  });
}

export const attachmentUrl = (attachmentId: string) => `/api/v1/attachments/${enc(attachmentId)}`;
