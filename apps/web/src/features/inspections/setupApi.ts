import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as S from '@weibao/schema';
import { api } from '../../api/client';

const enc = encodeURIComponent;

export type ChecklistTemplate = z.infer<typeof S.ChecklistTemplate>;
export type ChecklistTemplateInput = z.input<typeof S.ChecklistTemplateInput>;
export type InspectionPlan = z.infer<typeof S.InspectionPlan>;
export type InspectionPlanInput = z.input<typeof S.InspectionPlanInput>;
export type InspectionPlanUpdate = z.input<typeof S.InspectionPlanUpdate>;
export type PlanKind = z.infer<typeof S.PlanKind>;

/** 巡检模板, current versions. */
export function useTemplates() {
  return useQuery({
    queryKey: ['checklist-templates'],
    queryFn: () => api<ChecklistTemplate[]>('/checklist-templates'),
  });
}

/** New template (no id) or a new version of one (PUT answers the new version). */
export function useSaveTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: ChecklistTemplateInput }) =>
      id
        ? api<ChecklistTemplate>(`/checklist-templates/${enc(id)}`, { method: 'PUT', body })
        : api<ChecklistTemplate>('/checklist-templates', { body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['checklist-templates'] }),
  });
}

export function usePlans(projectId: string | undefined) {
  return useQuery({
    queryKey: ['inspection-plans', projectId],
    queryFn: () => api<InspectionPlan[]>(`/projects/${enc(projectId!)}/inspection-plans`),
    enabled: !!projectId,
  });
}

function usePlanMutation<V>(fn: (v: V) => Promise<InspectionPlan>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['inspection-plans'] });
      void qc.invalidateQueries({ queryKey: ['inspection-tasks'] });
      void qc.invalidateQueries({ queryKey: ['inspection-completion'] });
    },
  });
}

export const useCreatePlan = (projectId: string) =>
  usePlanMutation((body: InspectionPlanInput) =>
    api<InspectionPlan>(`/projects/${enc(projectId)}/inspection-plans`, { body }),
  );
export const useUpdatePlan = () =>
  usePlanMutation(({ id, body }: { id: string; body: InspectionPlanUpdate }) =>
    api<InspectionPlan>(`/inspection-plans/${enc(id)}`, { method: 'PATCH', body }),
  );
export const usePausePlan = () =>
  usePlanMutation(({ id, reason }: { id: string; reason: string }) =>
    api<InspectionPlan>(`/inspection-plans/${enc(id)}/pause`, { body: { reason } }),
  );
export const useResumePlan = () =>
  usePlanMutation((id: string) =>
    api<InspectionPlan>(`/inspection-plans/${enc(id)}/resume`, { method: 'POST', body: {} }),
  );
