import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as S from '@weibao/schema';
import { api, downloadUrl } from '../../api/client';
import { ATTENDANCE_STATUSES } from '@weibao/schema/enum-values';

const enc = encodeURIComponent;

export type TrainingPlanSummary = z.infer<typeof S.TrainingPlanSummary>;
export type TrainingPlan = z.infer<typeof S.TrainingPlan>;
export type TrainingProgress = z.infer<typeof S.TrainingProgress>;
export type Course = z.infer<typeof S.Course>;
export type Material = z.infer<typeof S.Material>;
export type Batch = z.infer<typeof S.Batch>;
export type TrainingSession = z.infer<typeof S.TrainingSession>;
export type Trainee = z.infer<typeof S.Trainee>;
export type Assessment = z.infer<typeof S.Assessment>;
export type CourseStatus = z.infer<typeof S.CourseStatus>;
export type AttendanceStatus = z.infer<typeof S.AttendanceStatus>;
export type SessionMode = z.infer<typeof S.SessionMode>;
export type PlanInput = z.input<typeof S.TrainingPlanInput>;
export type CourseInput = z.input<typeof S.CourseInput>;
export type TraineeInput = z.input<typeof S.TraineeInput>;
export type BatchInput = z.input<typeof S.BatchInput>;
export type BatchUpdate = z.input<typeof S.BatchUpdate>;
export type SessionInput = z.input<typeof S.SessionInput>;
export type SessionUpdate = z.input<typeof S.SessionUpdate>;
export type AttendanceInput = z.input<typeof S.AttendanceInput>;
export type AssessmentInput = z.input<typeof S.AssessmentInput>;

/** What the signed-in user may do on a plan: the manager sets it up, trainers (engineers) take attendance and assess. */
export interface TrainingRole {
  manager: boolean;
  trainer: boolean;
}

export const ATTENDANCE = ATTENDANCE_STATUSES;

export const planKey = (id: string) => ['training-plan', id] as const;

/** 培训计划 of a project, each with its progress (who is independent). */
export function usePlans(projectId: string | undefined) {
  return useQuery({
    queryKey: ['training-plans', projectId],
    queryFn: ({ signal }) => api<TrainingPlanSummary[]>(`/projects/${enc(projectId!)}/training-plans`, { signal }),
    enabled: !!projectId,
  });
}

export function usePlan(id: string | undefined) {
  return useQuery({
    queryKey: planKey(id ?? ''),
    queryFn: ({ signal }) => api<TrainingPlan>(`/training-plans/${enc(id!)}`, { signal }),
    enabled: !!id,
  });
}

export function useCreatePlan(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanInput) => api<TrainingPlan>(`/projects/${enc(projectId)}/training-plans`, { body }),
    onSuccess: (d) => {
      qc.setQueryData(planKey(d.id), d);
      void qc.invalidateQueries({ queryKey: ['training-plans'] });
    },
  });
}

/** Every change answers with the whole plan: it replaces the cached one. */
function usePlanMutation<V>(planId: string, fn: (v: V) => Promise<TrainingPlan>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (d) => {
      qc.setQueryData(planKey(planId), d);
      void qc.invalidateQueries({ queryKey: ['training-plans'] });
    },
  });
}

const upload = (path: string, file: File, note: string) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<TrainingPlan>(path, { method: 'POST', form, query: { note } });
};

export const useUpdatePlan = (planId: string) =>
  usePlanMutation(planId, (body: Partial<PlanInput>) =>
    api<TrainingPlan>(`/training-plans/${enc(planId)}`, { method: 'PATCH', body }),
  );
export const useAddCourse = (planId: string) =>
  usePlanMutation(planId, (body: CourseInput) => api<TrainingPlan>(`/training-plans/${enc(planId)}/courses`, { body }));
export const useUpdateCourse = (planId: string) =>
  usePlanMutation(planId, ({ id, ...body }: Partial<CourseInput> & { id: string }) =>
    api<TrainingPlan>(`/training-courses/${enc(id)}`, { method: 'PATCH', body }),
  );
export const useUploadMaterial = (planId: string) =>
  usePlanMutation(planId, ({ courseId, file, note }: { courseId: string; file: File; note: string }) =>
    upload(`/training-courses/${enc(courseId)}/materials`, file, note),
  );
export const useUploadVersion = (planId: string) =>
  usePlanMutation(planId, ({ materialId, file, note }: { materialId: string; file: File; note: string }) =>
    upload(`/training-materials/${enc(materialId)}/versions`, file, note),
  );
export const useAddTrainee = (planId: string) =>
  usePlanMutation(planId, (body: TraineeInput) =>
    api<TrainingPlan>(`/training-plans/${enc(planId)}/trainees`, { body }),
  );
export const useAddBatch = (planId: string) =>
  usePlanMutation(planId, (body: BatchInput) => api<TrainingPlan>(`/training-plans/${enc(planId)}/batches`, { body }));
export const useUpdateBatch = (planId: string) =>
  usePlanMutation(planId, ({ id, ...body }: BatchUpdate & { id: string }) =>
    api<TrainingPlan>(`/training-batches/${enc(id)}`, { method: 'PATCH', body }),
  );
export const useAddSession = (planId: string) =>
  usePlanMutation(planId, ({ batchId, ...body }: SessionInput & { batchId: string }) =>
    api<TrainingPlan>(`/training-batches/${enc(batchId)}/sessions`, { body }),
  );
export const useUpdateSession = (planId: string) =>
  usePlanMutation(planId, ({ id, ...body }: SessionUpdate & { id: string }) =>
    api<TrainingPlan>(`/training-sessions/${enc(id)}`, { method: 'PATCH', body }),
  );
export const useRecordAttendance = (planId: string) =>
  usePlanMutation(planId, ({ sessionId, ...body }: AttendanceInput & { sessionId: string }) =>
    api<TrainingPlan>(`/training-sessions/${enc(sessionId)}/attendance`, { method: 'PUT', body }),
  );
export const useAssess = (planId: string) =>
  usePlanMutation(planId, (body: AssessmentInput) =>
    api<TrainingPlan>(`/training-plans/${enc(planId)}/assessments`, { body }),
  );

/** A material version's file. */
export const materialUrl = (id: string) => `/api/v1/training-materials/${enc(id)}/file`;
/** 培训签到表 of a session (PDF or Excel) in the page's language. */
export const attendanceSheetUrl = (sessionId: string, ext: 'pdf' | 'xlsx') =>
  downloadUrl(`/training-sessions/${enc(sessionId)}/attendance.${ext}`);
/** 培训完成情况报告 (PDF or Excel) in the page's language. */
export const reportUrl = (planId: string, ext: 'pdf' | 'xlsx') =>
  downloadUrl(`/training-plans/${enc(planId)}/report.${ext}`);

/** Sign-in opens this long before a session starts (the server refuses earlier attendance). */
export const SIGN_IN_OPENS_MS = 30 * 60_000;
