import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as S from '@weibao/schema';
import { api, downloadUrl } from '../../api/client';

const enc = encodeURIComponent;

export type InspectionTask = z.infer<typeof S.InspectionTask>;
export type InspectionTaskDetail = z.infer<typeof S.InspectionTaskDetail>;
export type InspectionTaskPage = z.infer<typeof S.InspectionTaskPage>;
export type InspectionCompletion = z.infer<typeof S.InspectionCompletion>;
export type ChecklistItem = InspectionTaskDetail['template']['items'][number];
export type InspectionResult = z.infer<typeof S.InspectionResult>;
export type ItemOutcome = z.infer<typeof S.ItemOutcome>;
export type TaskState = z.infer<typeof S.TaskState>;
export type ResultInput = z.input<typeof S.ResultInput>;
export type AdjustmentInput = z.input<typeof S.AdjustmentInput>;

export const taskKey = (id: string) => ['inspection-task', id] as const;

export interface TaskFilter {
  projectId?: string | undefined;
  assigneeId?: string | undefined;
  state?: TaskState | undefined;
  from: string;
  to: string;
}

/** 巡检任务 due in [from, to] (a month of the calendar). */
export function useTasks(filter: TaskFilter) {
  return useQuery({
    queryKey: ['inspection-tasks', filter],
    queryFn: ({ signal }) => api<InspectionTaskPage>('/inspection-tasks', { query: { ...filter, limit: 500 }, signal }),
    select: (p) => p.items,
  });
}

/** Monthly completion of a project (planned, done, late, overdue, open, cancelled). */
export function useCompletion(projectId: string | undefined, month: string) {
  return useQuery({
    queryKey: ['inspection-completion', projectId, month],
    queryFn: ({ signal }) =>
      api<InspectionCompletion>(`/projects/${enc(projectId!)}/inspection-completion`, { query: { month }, signal }),
    enabled: !!projectId,
  });
}

export function useTask(id: string | undefined) {
  return useQuery({
    queryKey: taskKey(id ?? ''),
    queryFn: () => api<InspectionTaskDetail>(`/inspection-tasks/${enc(id!)}`),
    enabled: !!id,
  });
}

/** Every step answers with the whole task: it replaces the cached one. */
function useTaskMutation<V>(id: string, fn: (v: V) => Promise<InspectionTaskDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (d) => {
      qc.setQueryData(taskKey(id), d);
      void qc.invalidateQueries({ queryKey: ['inspection-tasks'] });
      void qc.invalidateQueries({ queryKey: ['inspection-completion'] });
    },
  });
}

const base = (id: string) => `/inspection-tasks/${enc(id)}`;

export const useSaveResult = (id: string) =>
  useTaskMutation(id, ({ key, ...body }: ResultInput & { key: string }) =>
    api<InspectionTaskDetail>(`${base(id)}/results/${enc(key)}`, { method: 'PUT', body }),
  );

export const useUploadItemPhoto = (id: string) =>
  useTaskMutation(id, ({ key, file }: { key: string; file: File }) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api<InspectionTaskDetail>(`${base(id)}/results/${enc(key)}/photo`, { method: 'POST', form });
  });

export const useFindingTicket = (id: string) =>
  useTaskMutation(id, ({ key, level }: { key: string; level: 1 | 2 | 3 | 4 }) =>
    api<InspectionTaskDetail>(`${base(id)}/results/${enc(key)}/ticket`, { body: { level } }),
  );

export const useAddAdjustment = (id: string) =>
  useTaskMutation(id, (body: AdjustmentInput) => api<InspectionTaskDetail>(`${base(id)}/adjustments`, { body }));

/** Finish: errors are shown on the page (silent), not as a toast. */
export const useFinishTask = (id: string) =>
  useTaskMutation(id, (body: { summary?: string }) =>
    api<InspectionTaskDetail>(`${base(id)}/finish`, { body, silent: true }),
  );

/** 巡检报告 (PDF or Word) in the page's language. */
export const reportUrl = (id: string, ext: 'pdf' | 'docx') => downloadUrl(`${base(id)}/report.${ext}`);
export const itemPhotoUrl = (id: string, key: string) => `/api/v1${base(id)}/results/${enc(key)}/photo`;
