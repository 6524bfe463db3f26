import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl } from '../../api/client';
import type { DailyPresence, MonthlyPresence, ResidentPlan, ResidentPlanUpdate } from '../../api/types';

const enc = encodeURIComponent;
const base = (projectId: string) => `/projects/${enc(projectId)}`;
export const presenceKey = (projectId: string | undefined) => ['presence', projectId] as const;

/** The project's resident plan (驻场计划); the server answers its defaults when none was saved. */
export function useResidentPlan(projectId: string | undefined) {
  return useQuery({
    queryKey: [...presenceKey(projectId), 'plan'],
    queryFn: () => api<ResidentPlan>(`${base(projectId!)}/resident-plan`),
    enabled: !!projectId,
  });
}

/** 日考勤: who of the roster is on site on `day` (YYYY-MM-DD, Beijing). */
export function useDailyPresence(projectId: string | undefined, day: string) {
  return useQuery({
    queryKey: [...presenceKey(projectId), 'daily', day],
    queryFn: ({ signal }) => api<DailyPresence>(`${base(projectId!)}/presence/daily`, { query: { day }, signal }),
    enabled: !!projectId && /^\d{4}-\d\d-\d\d$/.test(day),
    refetchInterval: 60_000,
  });
}

/** 月统计: per-day counts and per-engineer days of one month (YYYY-MM). */
export function useMonthlyPresence(projectId: string | undefined, month: string, enabled = true) {
  return useQuery({
    queryKey: [...presenceKey(projectId), 'monthly', month],
    queryFn: ({ signal }) => api<MonthlyPresence>(`${base(projectId!)}/presence/monthly`, { query: { month }, signal }),
    enabled: enabled && !!projectId && /^\d{4}-\d\d$/.test(month),
  });
}

/** Saving the plan changes every board of the project. */
export function useSaveResidentPlan(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ResidentPlanUpdate) =>
      api<ResidentPlan>(`${base(projectId)}/resident-plan`, { method: 'PUT', body }),
    onSuccess: (plan) => {
      qc.setQueryData([...presenceKey(projectId), 'plan'], plan);
      void qc.invalidateQueries({ queryKey: presenceKey(projectId) });
    },
  });
}

/** The month's attendance as an Excel workbook (provider staff only). */
export const monthlyXlsxUrl = (projectId: string, month: string) =>
  buildUrl(`${base(projectId)}/presence/monthly.xlsx`, { month });

/** Beijing month (UTC+8) of `ms`: YYYY-MM (the one formatter, re-exported for the presence pages). */
export { beijingMonth } from '../../components/format';
