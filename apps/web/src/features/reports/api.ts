import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useKeysetList } from '../../components/useKeysetList';
import type { z } from 'zod';
import type * as S from '@weibao/schema';
import { api, buildUrl, downloadUrl } from '../../api/client';
import { beijingMonth } from '../../components/format';
import { REPORT_FORMATS } from '@weibao/schema/enum-values';

const enc = encodeURIComponent;
const base = (projectId: string) => `/projects/${enc(projectId)}`;

export type Analytics = z.infer<typeof S.Analytics>;
export type AnalyticsQuery = z.infer<typeof S.AnalyticsQuery>;
export type CommitmentKind = z.infer<typeof S.CommitmentKind>;
export type CommitmentStatus = z.infer<typeof S.CommitmentStatus>;
export type Commitment = z.infer<typeof S.Commitment>;
export type CommitmentResult = z.infer<typeof S.CommitmentResult>;
export type CommitmentLink = z.infer<typeof S.CommitmentLink>;
export type CommitmentReport = z.infer<typeof S.CommitmentReport>;
export type CommitmentUpdate = z.input<typeof S.CommitmentUpdate>;
export type ReportFormat = z.infer<typeof S.ReportFormat>;
export type ReportNotes = z.infer<typeof S.ReportNotes>;
export type ReportNotesInput = z.input<typeof S.ReportNotesInput>;
export type ReportIssueInput = z.input<typeof S.ReportIssueInput>;
export type ReportIssueResult = z.infer<typeof S.ReportIssueResult>;
export type ArchivedReport = z.infer<typeof S.ArchivedReport>;
export type ArchivedReportPage = z.infer<typeof S.ArchivedReportPage>;
export type ReportSchedule = z.infer<typeof S.ReportSchedule>;
export type ReportScheduleInput = z.input<typeof S.ReportScheduleInput>;

export { REPORT_FORMATS };

/** 运营分析: every number of the dashboard for the filtered projects and period (server default: last 12 weeks). */
export function useAnalytics(q: AnalyticsQuery) {
  return useQuery({
    queryKey: ['analytics', q],
    queryFn: ({ signal }) => api<Analytics>('/analytics', { query: { ...q }, signal }),
    placeholderData: (prev) => prev,
  });
}

export const commitmentsKey = (projectId: string | undefined, month: string) =>
  ['commitments', projectId, month] as const;

/** 服务承诺: each promise of the contract with its result for the month. */
export type CommitmentOverview = z.infer<typeof S.CommitmentOverview>;
/** Every visible project's pass rate for the month (shown before a project is chosen). */
export function useCommitmentOverview(month: string, enabled: boolean) {
  return useQuery({
    queryKey: ['commitments-overview', month],
    queryFn: ({ signal }) => api<CommitmentOverview>('/commitments', { query: { month }, signal }),
    enabled: enabled && isMonth(month),
  });
}

export function useCommitments(projectId: string | undefined, month: string) {
  return useQuery({
    queryKey: commitmentsKey(projectId, month),
    queryFn: ({ signal }) => api<CommitmentReport>(`${base(projectId!)}/commitments`, { query: { month }, signal }),
    enabled: !!projectId && isMonth(month),
  });
}

export function useUpdateCommitment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: CommitmentUpdate & { id: string }) =>
      api<Commitment>(`/commitments/${enc(id)}`, { method: 'PATCH', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['commitments'] });
      void qc.invalidateQueries({ queryKey: ['analytics'] });
    },
  });
}

const notesKey = (projectId: string | undefined, month: string) => ['report-notes', projectId, month] as const;

/** 下月工作计划 of the month's report. */
export function useReportNotes(projectId: string | undefined, month: string) {
  return useQuery({
    queryKey: notesKey(projectId, month),
    queryFn: ({ signal }) =>
      api<ReportNotes>(`${base(projectId!)}/report-notes`, { query: { month }, signal, silent: true }),
    enabled: !!projectId && isMonth(month),
    retry: false,
  });
}

export function useSaveReportNotes(projectId: string, month: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportNotesInput) =>
      api<ReportNotes>(`${base(projectId)}/report-notes`, { method: 'PUT', query: { month }, body }),
    onSuccess: (n) => qc.setQueryData(notesKey(projectId, month), n),
  });
}

export const archiveKey = (projectId: string | undefined, month: string) =>
  ['monthly-reports', projectId, month] as const;

/** The archive of generated reports (newest first), keyset-paged. */
export function useArchivedReports(projectId: string | undefined, month: string, limit = 20) {
  return useKeysetList<ArchivedReportPage>(
    [...archiveKey(projectId, month), limit],
    `${base(projectId ?? '')}/monthly-reports`,
    { month, limit },
    { silent: true, enabled: !!projectId && isMonth(month), retry: false },
  );
}

/** 定稿: archives the finished month's report, one version per format; the archive list is refreshed. */
export function useIssueReport(projectId: string, month: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<ReportIssueInput, 'month'> = {}) =>
      api<ReportIssueResult>(`${base(projectId)}/monthly-reports/issue`, { method: 'POST', body: { month, ...body } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: archiveKey(projectId, month) }),
  });
}

const scheduleKey = (projectId: string | undefined) => ['report-schedule', projectId] as const;

export function useReportSchedule(projectId: string | undefined) {
  return useQuery({
    queryKey: scheduleKey(projectId),
    queryFn: ({ signal }) => api<ReportSchedule>(`${base(projectId!)}/report-schedule`, { signal }),
    enabled: !!projectId,
  });
}

export function useSaveReportSchedule(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportScheduleInput) =>
      api<ReportSchedule>(`${base(projectId)}/report-schedule`, { method: 'PUT', body }),
    onSuccess: (s) => qc.setQueryData(scheduleKey(projectId), s),
  });
}

/** The month's report, generated fresh on each download (only issuing archives it). */
export const monthlyReportUrl = (projectId: string, month: string, format: ReportFormat) =>
  downloadUrl(`${base(projectId)}/monthly-report.${format}`, { month });
/** The bytes of an archived report, exactly as generated. */
export const archivedFileUrl = (id: string) => buildUrl(`/monthly-reports/${enc(id)}/file`);

export const isMonth = (m: string | null | undefined): m is string => !!m && /^\d{4}-(0[1-9]|1[0-2])$/.test(m);
export const isDay = (d: string | null | undefined): d is string => !!d && /^\d{4}-\d\d-\d\d$/.test(d);

/** Beijing month (UTC+8) of `ms`: YYYY-MM (the one formatter, re-exported for the report pages). */
export { beijingMonth };
/** The last month that has ended (Beijing): what a monthly report is usually wanted for. */
export function lastFinishedMonth(ms = Date.now()): string {
  const [y, m] = beijingMonth(ms).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
/** Start of a Beijing day (YYYY-MM-DD) in ms. */
export const beijingDayStart = (day: string) => Date.parse(`${day}T00:00:00+08:00`);
