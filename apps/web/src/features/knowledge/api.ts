import { useDebounced } from '../../components/useDebounced';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as S from '@weibao/schema';
import { useKeysetList } from '../../components/useKeysetList';
import { api, downloadUrl } from '../../api/client';
import { KB_STATUSES, KB_VISIBILITIES } from '@weibao/schema/enum-values';

const enc = encodeURIComponent;

export type KbCategory = z.infer<typeof S.KbCategory>;
export type KbArticleSummary = z.infer<typeof S.KbArticleSummary>;
export type KbArticle = z.infer<typeof S.KbArticle>;
export type KbArticleVersion = z.infer<typeof S.KbArticleVersion>;
export type KbArticlePage = z.infer<typeof S.KbArticlePage>;
export type KbTicketArticles = z.infer<typeof S.KbTicketArticles>;
export type KbStatus = z.infer<typeof S.KbStatus>;
export type KbVisibility = z.infer<typeof S.KbVisibility>;
export type KbArticleInput = z.input<typeof S.KbArticleInput>;
export type KbArticleUpdate = z.input<typeof S.KbArticleUpdate>;

export { KB_STATUSES, KB_VISIBILITIES };

export const articleKey = (id: string) => ['kb', 'article', id] as const;
export const articlePath = (id: string) => `/kb/articles/${enc(id)}`;
export const editPath = (id: string) => `/kb/articles/${enc(id)}/edit`;
export const attachmentUrl = (id: string) => downloadUrl(`/kb/attachments/${enc(id)}/file`);

export function useCategories() {
  return useQuery({
    queryKey: ['kb', 'categories'],
    queryFn: ({ signal }) => api<KbCategory[]>('/kb/categories', { signal }),
    staleTime: 60_000,
  });
}

export function useCreateCategory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api<KbCategory>('/kb/categories', { body: { name }, silent: true }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['kb', 'categories'] }),
  });
}

export interface KbFilter {
  q?: string | undefined;
  categoryId?: string | undefined;
  status?: KbStatus | undefined;
  tag?: string | undefined;
}

/** Full-text results (ranked, one page) with `q`; otherwise the newest edits first, page by page. */
export function useArticles(filter: KbFilter, limit = 20) {
  return useKeysetList<KbArticlePage>(['kb', 'list', filter, limit], '/kb/articles', { ...filter, limit });
}

export function useArticle(id: string | undefined) {
  return useQuery({
    queryKey: articleKey(id ?? ''),
    queryFn: ({ signal }) => api<KbArticle>(`/kb/articles/${enc(id!)}`, { signal, silent: true }),
    enabled: !!id,
    retry: false,
  });
}

export function useArticleVersion(id: string, version: number | null) {
  return useQuery({
    queryKey: ['kb', 'article', id, 'version', version],
    queryFn: ({ signal }) => api<KbArticleVersion>(`/kb/articles/${enc(id)}/versions/${version!}`, { signal }),
    enabled: version !== null,
    staleTime: Infinity,
  });
}

function useArticleMutation<V>(fn: (v: V) => Promise<KbArticle>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (d) => {
      qc.setQueryData(articleKey(d.id), d);
      void qc.invalidateQueries({ queryKey: ['kb', 'list'] });
      void qc.invalidateQueries({ queryKey: ['kb', 'ticket'] });
    },
  });
}

export const useCreateArticle = () =>
  useArticleMutation((body: KbArticleInput) => api<KbArticle>('/kb/articles', { body }));
export const useUpdateArticle = (id: string) =>
  useArticleMutation((body: KbArticleUpdate) => api<KbArticle>(`/kb/articles/${enc(id)}`, { method: 'PATCH', body }));
export const useUploadAttachment = (id: string) =>
  useArticleMutation((file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api<KbArticle>(`/kb/articles/${enc(id)}/attachments`, { method: 'POST', form });
  });
export const useLinkTicket = (ticketId: string) =>
  useArticleMutation((articleId: string) =>
    api<KbArticle>(`/kb/articles/${enc(articleId)}/links`, { body: { ticketId, kind: 'solved_by' } }),
  );
export const useDraftFromTicket = (ticketId: string) =>
  useArticleMutation((visibility: KbVisibility) =>
    api<KbArticle>(`/tickets/${enc(ticketId)}/kb-draft`, { body: { visibility } }),
  );

export function useTicketArticles(ticketId: string) {
  return useQuery({
    queryKey: ['kb', 'ticket', ticketId],
    queryFn: ({ signal }) => api<KbTicketArticles>(`/tickets/${enc(ticketId)}/kb`, { signal, silent: true }),
  });
}

/** Published articles matching a ticket title being typed (nothing under 2 characters). */
export function useSuggestions(title: string | undefined, projectId: string | undefined) {
  const q = useDebounced((title ?? '').trim(), 350);
  return useQuery({
    queryKey: ['kb', 'suggest', q, projectId ?? null],
    queryFn: ({ signal }) => api<KbArticleSummary[]>('/kb/suggest', { query: { q, projectId }, signal, silent: true }),
    enabled: q.length >= 2,
    staleTime: 30_000,
    placeholderData: (prev) => prev,
  });
}
