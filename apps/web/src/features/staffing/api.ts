import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { EngineerProfile, EngineerProfileUpdate, StaffingPlan, StaffingPlanUpdate } from '../../api/types';

const enc = encodeURIComponent;
export const staffingKey = ['staffing'] as const;
const engineersKey = ['engineers'] as const;

/** The project's staffing plan (人员配置) with coverage and gaps; defaults when none was saved. */
export function useStaffingPlan(projectId: string | undefined) {
  return useQuery({
    queryKey: [...staffingKey, projectId],
    queryFn: () => api<StaffingPlan>(`/projects/${enc(projectId!)}/staffing`),
    enabled: !!projectId,
  });
}

export function useSaveStaffing(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: StaffingPlanUpdate) =>
      api<StaffingPlan>(`/projects/${enc(projectId)}/staffing`, { method: 'PUT', body }),
    onSuccess: (plan) => qc.setQueryData([...staffingKey, projectId], plan),
  });
}

/** Provider engineers with their disciplines, skill level and certificates (工程师资质). */
export function useEngineers(enabled = true) {
  return useQuery({
    queryKey: engineersKey,
    queryFn: () => api<EngineerProfile[]>('/engineers'),
    enabled,
    staleTime: 30_000,
  });
}

/** A changed profile changes which assignments are qualified: every plan is stale too. */
export function useSaveProfile(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EngineerProfileUpdate) =>
      api<EngineerProfile>(`/engineers/${enc(userId)}/profile`, { method: 'PUT', body }),
    onSuccess: (p) => {
      qc.setQueryData<EngineerProfile[]>(engineersKey, (list) => list?.map((x) => (x.userId === p.userId ? p : x)));
      void qc.invalidateQueries({ queryKey: engineersKey });
      void qc.invalidateQueries({ queryKey: staffingKey });
    },
  });
}
