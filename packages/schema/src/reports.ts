import { z } from 'zod';
import { REPORT_FORMATS } from './enum-values.js';
import { CalendarMonth, inRange } from './dates.js';
import { Id, Millis } from './api.js';
import { IsoDate } from './assets.js';
import { ClockKind, FaultCause, FaultLevel } from './enums.js';
import { LocalizedText } from './text.js';

// ---------- commitments register (承诺登记, R29) ----------
export const Month = CalendarMonth;
/**
 * Every promise of the bid's after-sales chapter that Weibao measures from its own records.
 * `target` per kind: response/arrival/resolution (per level) and support_24h: required on-time %
 * (the minutes themselves are the contract's SLA policy); resident_headcount: engineers on site
 * each working day; monthly/annual_inspection: % of due tasks done; training_complete: % of trainees
 * independent; satisfaction: % of ratings 4–5 (the contract's 满意率 target); report_delivery: the
 * day of the next month by which the monthly report is sent.
 */
export const COMMITMENT_KINDS = [
  'response',
  'arrival',
  'resolution',
  'support_24h',
  'resident_headcount',
  'monthly_inspection',
  'annual_inspection',
  'training_complete',
  'satisfaction',
  'report_delivery',
] as const;
export const CommitmentKind = z.enum(COMMITMENT_KINDS);
export type CommitmentKind = z.infer<typeof CommitmentKind>;
export const CommitmentStatus = z.enum(['met', 'missed', 'no_data']);
export type CommitmentStatus = z.infer<typeof CommitmentStatus>;
/** Where the records behind a result are: the web maps this to a page with filters. */
export const CommitmentLink = z.object({
  page: z.enum(['tickets', 'inspections', 'training', 'satisfaction', 'presence', 'reports']),
  projectId: Id,
  month: Month,
  clock: ClockKind.optional(),
  level: FaultLevel.optional(),
  outcome: z.enum(['breached', 'met']).optional(),
  /** Beijing-time bounds of the period, ms. */
  from: Millis.optional(),
  to: Millis.optional(),
});
export const Commitment = z.object({
  id: Id,
  contractId: Id,
  kind: CommitmentKind,
  level: FaultLevel.nullable(),
  target: z.number(),
  enabled: z.boolean(),
  /** For the SLA kinds: the contract policy's minutes for this level (what "on time" means). */
  minutes: z.number().int().nullable(),
  note: z.string(),
  updatedAt: Millis,
});
export const CommitmentUpdate = z.object({
  target: z.number().min(0).max(100_000).optional(),
  enabled: z.boolean().optional(),
  note: z.string().trim().max(500).optional(),
});
export const CommitmentResult = Commitment.extend({
  status: CommitmentStatus,
  /** The measured figure in the target's unit (null: nothing to measure). */
  actual: z.number().nullable(),
  /** Records measured (clocks, days, tasks, trainees, ratings, reports). */
  measured: z.number().int(),
  failed: z.number().int(),
  /** What was measured, in both languages (the web shows the reader's, the monthly report its own). */
  detail: LocalizedText,
  link: CommitmentLink,
});
export const CommitmentsQuery = z.object({ month: Month.optional() });
export const CommitmentReport = z.object({
  projectId: Id,
  month: Month,
  contractId: Id.nullable(),
  contractCode: z.string().nullable(),
  items: z.array(CommitmentResult),
  met: z.number().int(),
  missed: z.number().int(),
  noData: z.number().int(),
  /** 合同执行合格率 = met / (met + missed); null when nothing was measured. */
  executionPct: z.number().nullable(),
});

/** Every visible project's pass rate for a month: the provider's view across contracts. */
export const CommitmentOverview = z.object({
  month: Month,
  items: z.array(
    z.object({
      projectId: Id,
      projectName: z.string(),
      customerName: z.string(),
      contractCode: z.string().nullable(),
      met: z.number().int(),
      missed: z.number().int(),
      noData: z.number().int(),
      executionPct: z.number().nullable(),
    }),
  ),
});

// ---------- analytics (运营分析 dashboard) ----------
export const AnalyticsQuery = inRange(
  z.object({
    customerId: Id.optional(),
    projectId: Id.optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
  }),
  { maxDays: 400 },
);
const Rate = z.object({
  met: z.number().int(),
  breached: z.number().int(),
  notNeeded: z.number().int(),
  pct: z.number().nullable(),
});
export const Analytics = z.object({
  from: IsoDate,
  to: IsoDate,
  projectIds: z.array(Id),
  onTime: z.array(Rate.extend({ kind: ClockKind, level: FaultLevel.nullable() })),
  trend: z.object({
    weeks: z.array(
      z.object({
        start: IsoDate,
        kind: ClockKind,
        met: z.number().int(),
        breached: z.number().int(),
        pct: z.number().nullable(),
      }),
    ),
    months: z.array(
      z.object({
        month: Month,
        kind: ClockKind,
        met: z.number().int(),
        breached: z.number().int(),
        pct: z.number().nullable(),
      }),
    ),
  }),
  backlog: z.object({
    open: z.number().int(),
    breached: z.number().int(),
    byAge: z.array(z.object({ bucket: z.enum(['lt1d', 'd1to3', 'd3to7', 'gt7d']), count: z.number().int() })),
    byLevel: z.array(z.object({ level: FaultLevel, count: z.number().int() })),
  }),
  /** Mean working time to resolve (first cycle, pauses excluded), minutes; null with no resolved ticket. */
  mttrMin: z.number().nullable(),
  received: z.number().int(),
  resolved: z.number().int(),
  breachesByCause: z.array(
    z.object({ cause: FaultCause.or(z.literal('none')), kind: ClockKind, count: z.number().int() }),
  ),
  satisfaction: z.object({ rated: z.number().int(), satisfied: z.number().int(), pct: z.number().nullable() }),
  presence: z.object({ workdays: z.number().int(), belowHeadcount: z.number().int(), pct: z.number().nullable() }),
  inspections: z.object({
    planned: z.number().int(),
    done: z.number().int(),
    late: z.number().int(),
    overdue: z.number().int(),
    pct: z.number().nullable(),
  }),
  training: z.object({
    plans: z.number().int(),
    complete: z.number().int(),
    trainees: z.number().int(),
    independent: z.number().int(),
    pct: z.number().nullable(),
  }),
});
export type Analytics = z.infer<typeof Analytics>;

// ---------- monthly O&M report (月度运维报告) ----------
export const ReportFormat = z.enum(REPORT_FORMATS);
export type ReportFormat = z.infer<typeof ReportFormat>;
/** The report's month; by default the last full month (the one a monthly report is usually for). */
export const ReportQuery = z.object({ month: Month.optional() });
export const ReportNotes = z.object({
  projectId: Id,
  month: Month,
  nextMonthPlan: z.string(),
  updatedAt: Millis.nullable(),
  updatedByName: z.string().nullable(),
});
export const ReportNotesInput = z.object({ nextMonthPlan: z.string().trim().max(10_000) });
/** One generated file, archived with its SHA-256 so a copy the purchaser holds can be verified. */
export const ArchivedReport = z.object({
  id: Id,
  projectId: Id,
  month: Month,
  format: ReportFormat,
  fileName: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  generatedAt: Millis,
  generatedByName: z.string().nullable(),
  trigger: z.enum(['manual', 'schedule']),
  emailedTo: z.array(z.string()),
});
/**
 * 定稿: the finished month's report marked final by staff, archived once per format. Downloading never
 * archives; a report is archived when it is issued (this, or sent by the schedule).
 */
export const ReportIssueInput = z.object({
  month: Month,
  formats: z.array(ReportFormat).min(1).max(3).default(['docx', 'pdf', 'xlsx']),
});
export const ReportIssueResult = z.object({ items: z.array(ArchivedReport) });
export const ArchivedReportPage = z.object({ items: z.array(ArchivedReport), nextCursor: z.string().nullable() });
export const ArchivedReportQuery = z.object({
  month: Month.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const ReportSchedule = z.object({
  projectId: Id,
  enabled: z.boolean(),
  dayOfMonth: z.number().int().min(1).max(28),
  formats: z.array(ReportFormat).min(1),
  recipients: z.array(z.string().email()).max(20),
  nextRunAt: Millis.nullable(),
  lastRunAt: Millis.nullable(),
  updatedAt: Millis.nullable(),
});
export const ReportScheduleInput = z.object({
  enabled: z.boolean(),
  dayOfMonth: z.number().int().min(1).max(28).default(3),
  formats: z.array(ReportFormat).min(1).max(3).default(['docx', 'pdf', 'xlsx']),
  recipients: z.array(z.string().trim().email()).max(20).default([]),
});
