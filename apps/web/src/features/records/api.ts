import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useKeysetList } from '../../components/useKeysetList';
import { api } from '../../api/client';
import type {
  OmRecord,
  OmRecordAmend,
  OmRecordCreate,
  OmRecordQuery,
  OmRecordPage,
  OmRecordUpdate,
  TicketPage,
} from '../../api/types';

const enc = encodeURIComponent;
export const recordKey = (id: string) => ['om-record', id] as const;

export type RecordFilter = Omit<OmRecordQuery, 'cursor' | 'limit'>;

/** Keyset-paged record list: each "load more" passes the previous page's nextCursor. */
export function useRecordList(filter: RecordFilter, limit = 20) {
  return useKeysetList<OmRecordPage>(
    ['om-records', 'list', filter, limit],
    '/om-records',
    { ...filter, limit },
    {
      refetchInterval: 60_000,
    },
  );
}

export function useRecord(id: string | undefined) {
  return useQuery({
    queryKey: recordKey(id ?? ''),
    queryFn: () => api<OmRecord>(`/om-records/${enc(id!)}`),
    enabled: !!id,
  });
}

/** After a change the record, its other versions and every list are stale. */
function useInvalidateRecords() {
  const qc = useQueryClient();
  return (records: OmRecord[]) => {
    for (const r of records) qc.setQueryData(recordKey(r.id), r);
    void qc.invalidateQueries({ queryKey: ['om-record'] });
    void qc.invalidateQueries({ queryKey: ['om-records'] });
  };
}

export function useCreateRecord() {
  const invalidate = useInvalidateRecords();
  return useMutation({
    mutationFn: (body: OmRecordCreate) => api<OmRecord>('/om-records', { body }),
    onSuccess: (r) => invalidate([r]),
  });
}

export function useUpdateRecord(id: string) {
  const invalidate = useInvalidateRecords();
  return useMutation({
    mutationFn: (body: OmRecordUpdate) => api<OmRecord>(`/om-records/${enc(id)}`, { method: 'PATCH', body }),
    onSuccess: (r) => invalidate([r]),
  });
}

/** The workflow steps of one record; each answers with the record (amend: the new draft version). */
export type RecordCommand =
  | { action: 'submit' }
  | { action: 'review'; note?: string }
  | { action: 'reject'; reason: string }
  | ({ action: 'amend' } & OmRecordAmend);

export function useRecordCommand(id: string) {
  const invalidate = useInvalidateRecords();
  return useMutation({
    mutationFn: ({ action, ...body }: RecordCommand) =>
      api<OmRecord>(`/om-records/${enc(id)}/${action}`, { method: 'POST', body }),
    onSuccess: (r) => invalidate([r]),
  });
}

/** 签字确认: one signature for one or several records. */
export function useSignRecords() {
  const invalidate = useInvalidateRecords();
  return useMutation({
    mutationFn: (body: { recordIds: string[]; signature: string }) =>
      api<{ items: OmRecord[] }>('/om-records/sign', { body }),
    onSuccess: (r) => invalidate(r.items),
  });
}

export const signatureUrl = (id: string) => `/api/v1/om-records/${enc(id)}/signature`;

/** My tickets of a project (any status): what a record can be linked to. */
export function useProjectTickets(projectId: string | undefined) {
  return useQuery({
    queryKey: ['tickets', 'mine-of-project', projectId],
    queryFn: ({ signal }) => api<TicketPage>('/tickets', { query: { tab: 'mine', projectId, limit: 100 }, signal }),
    enabled: !!projectId,
    select: (page) => page.items,
  });
}
