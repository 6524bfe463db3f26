import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as S from '@weibao/schema';
import { useKeysetList } from '../../components/useKeysetList';
import { api } from '../../api/client';
import { FEEDBACK_CATEGORIES, FEEDBACK_STATUSES } from '@weibao/schema/enum-values';

const enc = encodeURIComponent;

export type Feedback = z.infer<typeof S.Feedback>;
export type FeedbackPage = z.infer<typeof S.FeedbackPage>;
export type FeedbackCategory = z.infer<typeof S.FeedbackCategory>;
export type FeedbackStatus = z.infer<typeof S.FeedbackStatus>;
export type FeedbackInput = z.input<typeof S.FeedbackInput>;

export const CATEGORIES = FEEDBACK_CATEGORIES;
export const STATUSES = FEEDBACK_STATUSES;
export const feedbackKey = (id: string) => ['feedback', 'one', id] as const;

export function useFeedbackList(filter: { projectId?: string; status?: FeedbackStatus }, limit = 20) {
  return useKeysetList<FeedbackPage>(['feedback', 'list', filter, limit], '/feedback', { ...filter, limit });
}

export function useFeedback(id: string) {
  return useQuery({
    queryKey: feedbackKey(id),
    queryFn: ({ signal }) => api<Feedback>(`/feedback/${enc(id)}`, { signal, silent: true }),
    retry: false,
  });
}

function useFeedbackMutation<V>(fn: (v: V) => Promise<Feedback>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (d) => {
      qc.setQueryData(feedbackKey(d.id), d);
      void qc.invalidateQueries({ queryKey: ['feedback', 'list'] });
    },
  });
}

export const useSubmitFeedback = () =>
  useFeedbackMutation((body: FeedbackInput) => api<Feedback>('/feedback', { body }));
export const useAnswerFeedback = (id: string) =>
  useFeedbackMutation((answer: string) => api<Feedback>(`/feedback/${enc(id)}/answer`, { body: { answer } }));
export const useCloseFeedback = (id: string) =>
  useFeedbackMutation(() => api<Feedback>(`/feedback/${enc(id)}/close`, { method: 'POST', body: {} }));
