import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as S from '@weibao/schema';
import { useKeysetList } from '../../components/useKeysetList';
import { api } from '../../api/client';
import { RATING_CHANNELS } from '@weibao/schema/enum-values';

const enc = encodeURIComponent;

export type RatingRequest = z.infer<typeof S.RatingRequest>;
export type RatingPage = z.infer<typeof S.RatingRequestPage>;
export type RatingState = z.infer<typeof S.RatingState>;
export type RatingChannel = z.infer<typeof S.RatingChannel>;
export type PublicRating = z.infer<typeof S.PublicRating>;
export type RatingInput = z.input<typeof S.RatingInput>;
export type Survey = z.infer<typeof S.Survey>;
export type SurveyInput = z.input<typeof S.SurveyInput>;
export type SatisfactionReport = z.infer<typeof S.SatisfactionReport>;

/** 1 非常不满意 … 5 非常满意; 4 and 5 count as satisfied. */
export const SCORES = [1, 2, 3, 4, 5] as const;
export const CHANNELS = RATING_CHANNELS;

export const ticketRatingKey = (ticketId: string) => ['ticket-rating', ticketId] as const;

/** The one-time link's view (no login). */
export function usePublicRating(token: string) {
  return useQuery({
    queryKey: ['public-rating', token],
    queryFn: ({ signal }) => api<PublicRating>(`/public/ratings/${enc(token)}`, { signal, silent: true }),
    retry: false,
    enabled: !!token,
  });
}

export function useRateByToken(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RatingInput) => api<PublicRating>(`/public/ratings/${enc(token)}`, { body, silent: true }),
    onSuccess: (d) => qc.setQueryData(['public-rating', token], d),
  });
}

/** The ticket's latest rating request; the server answers null (200) when the ticket has none yet. */
export function useTicketRating(ticketId: string) {
  return useQuery({
    queryKey: ticketRatingKey(ticketId),
    queryFn: ({ signal }) => api<RatingRequest | null>(`/tickets/${enc(ticketId)}/rating`, { signal, silent: true }),
    retry: false,
  });
}

export interface RatingFilter {
  mine: '1' | '0';
  state?: RatingState;
  projectId?: string;
}

/** Keyset-paged rating requests: the caller's own (customers) or a project's. */
export function useRatingRequests(filter: RatingFilter, limit = 20) {
  return useKeysetList<RatingPage>(['rating-requests', filter, limit], '/rating-requests', { ...filter, limit });
}

/** Rate a request: the recipient in the portal, or the desk recording a callback (回访). */
export function useRate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: RatingInput & { id: string }) =>
      api<RatingRequest>(`/rating-requests/${enc(id)}/rate`, { body }),
    onSuccess: (r) => {
      if (r.ticketId) qc.setQueryData(ticketRatingKey(r.ticketId), r);
      void qc.invalidateQueries({ queryKey: ['rating-requests'] });
      void qc.invalidateQueries({ queryKey: ['satisfaction'] });
      void qc.invalidateQueries({ queryKey: ['satisfaction-surveys'] });
      if (r.ticketId) void qc.invalidateQueries({ queryKey: ['ticket', r.ticketId] });
    },
  });
}

export function useSatisfaction(projectId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: ['satisfaction', projectId, from, to],
    queryFn: ({ signal }) =>
      api<SatisfactionReport>(`/projects/${enc(projectId!)}/satisfaction`, { query: { from, to }, signal }),
    enabled: !!projectId,
  });
}

export function useSurveys(projectId: string | undefined) {
  return useQuery({
    queryKey: ['satisfaction-surveys', projectId],
    queryFn: ({ signal }) => api<Survey[]>(`/projects/${enc(projectId!)}/satisfaction-surveys`, { signal }),
    enabled: !!projectId,
  });
}

export function useCreateSurvey(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SurveyInput) => api<Survey>(`/projects/${enc(projectId)}/satisfaction-surveys`, { body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['satisfaction-surveys', projectId] });
      void qc.invalidateQueries({ queryKey: ['satisfaction', projectId] });
    },
  });
}

/** "GD-2026-000123 打印服务异常" or the survey's title. */
export function subjectOf(r: RatingRequest): string {
  return r.kind === 'survey' ? (r.surveyTitle ?? '') : [r.ticketNumber, r.ticketTitle].filter(Boolean).join(' ');
}

// ---------- 定期满意度调查 (recurring surveys per project) ----------
/** The server sends "<title>（YYYY-MM）" to every user of the customer on `nextOn` (YYYY-MM-DD, Beijing), open for `openDays`, then moves `nextOn` on by `everyMonths`. */
export type SurveySchedule = z.infer<typeof S.SurveySchedule>;
export type SurveyScheduleInput = z.input<typeof S.SurveyScheduleInput>;
export type SurveyScheduleUpdate = z.input<typeof S.SurveyScheduleUpdate>;

const schedulesKey = (projectId: string | undefined) => ['survey-schedules', projectId] as const;

export function useSurveySchedules(projectId: string | undefined) {
  return useQuery({
    queryKey: schedulesKey(projectId),
    queryFn: ({ signal }) => api<SurveySchedule[]>(`/projects/${enc(projectId!)}/survey-schedules`, { signal }),
    enabled: !!projectId,
  });
}

export function useCreateSurveySchedule(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SurveyScheduleInput) =>
      api<SurveySchedule>(`/projects/${enc(projectId)}/survey-schedules`, { body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: schedulesKey(projectId) }),
  });
}

export function useUpdateSurveySchedule(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: SurveyScheduleUpdate & { id: string }) =>
      api<SurveySchedule>(`/survey-schedules/${enc(id)}`, { method: 'PATCH', body }),
    onSuccess: (s) => {
      qc.setQueryData<SurveySchedule[]>(schedulesKey(projectId), (list) => list?.map((x) => (x.id === s.id ? s : x)));
      void qc.invalidateQueries({ queryKey: schedulesKey(projectId) });
    },
  });
}
