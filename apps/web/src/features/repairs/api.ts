import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadUrl } from '../../api/client';
import type {
  CostItemCreate,
  CostStatement,
  RepairPoint,
  RepairPointInput,
  ReplacementCreate,
  TicketRepair,
} from '../../api/types';
import { useInvalidateAssets } from '../assets/api';
import { ticketKey } from '../tickets/api';

const enc = encodeURIComponent;
export const repairKey = (ticketId: string) => [...ticketKey(ticketId), 'repair'] as const;

/**
 * The repair facts of a ticket: asset, warranty at the fault day, free or billable and why, parts
 * replaced and cost lines. Silent: the panel shows its own error instead of a toast on every page.
 */
export function useTicketRepair(ticketId: string) {
  return useQuery({
    queryKey: repairKey(ticketId),
    queryFn: () => api<TicketRepair>(`/tickets/${enc(ticketId)}/repair`, { silent: true }),
    retry: false,
  });
}

/** Each change answers with the whole repair; the ticket, the ledger and the archives are stale too. */
function useRepairMutation<B>(ticketId: string, send: (body: B) => Promise<TicketRepair>) {
  const qc = useQueryClient();
  const invalidateAssets = useInvalidateAssets();
  return useMutation({
    mutationFn: send,
    onSuccess: (r) => {
      qc.setQueryData(repairKey(ticketId), r);
      void qc.invalidateQueries({ queryKey: ticketKey(ticketId) });
      invalidateAssets();
    },
  });
}

export function useSetRepairAsset(ticketId: string) {
  return useRepairMutation(ticketId, (body: { assetId: string }) =>
    api<TicketRepair>(`/tickets/${enc(ticketId)}/repair`, { method: 'PUT', body }),
  );
}

export function useAddReplacement(ticketId: string) {
  return useRepairMutation(ticketId, (body: ReplacementCreate) =>
    api<TicketRepair>(`/tickets/${enc(ticketId)}/replacements`, { body }),
  );
}

export function useAddCostItem(ticketId: string) {
  return useRepairMutation(ticketId, (body: CostItemCreate) =>
    api<TicketRepair>(`/tickets/${enc(ticketId)}/cost-items`, { body }),
  );
}

export function useRepairPoints() {
  return useQuery({
    queryKey: ['repair-points'],
    queryFn: () => api<RepairPoint[]>('/repair-points'),
    staleTime: 30_000,
  });
}

export function useSaveRepairPoint(id: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RepairPointInput) =>
      id
        ? api<RepairPoint>(`/repair-points/${enc(id)}`, { method: 'PUT', body })
        : api<RepairPoint>('/repair-points', { body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['repair-points'] });
      void qc.invalidateQueries({ queryKey: ['ticket'] });
    },
  });
}

export interface StatementQuery {
  customerId: string;
  from: string;
  to: string;
}

export function useCostStatement(q: StatementQuery | undefined) {
  return useQuery({
    queryKey: ['cost-statement', q],
    queryFn: ({ signal }) => api<CostStatement>('/cost-statement', { query: { ...q! }, signal, silent: true }),
    retry: false,
    enabled: !!q,
  });
}

export const statementUrl = (q: StatementQuery, ext: 'pdf' | 'xlsx') => downloadUrl(`/cost-statement.${ext}`, { ...q });
