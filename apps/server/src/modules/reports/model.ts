import {
  type Channel,
  type ClockKind,
  type CommitmentKind,
  type CommitmentStatus,
  type FaultCause,
  type FaultLevel,
  labelMap,
} from '@weibao/schema';

/**
 * The monthly O&M report (月度运维报告) as data. One model, three renderings (docx, pdf, xlsx), so the
 * formats can never disagree. Sections follow the outline in china-conventions §5.4. Texts are
 * Chinese (the purchaser's language); numbers are raw so each renderer formats them the same way.
 */
export interface MonthlyReportModel {
  /** providerName: the service provider (乙方); customerName: the purchaser (甲方). */
  project: {
    id: string;
    code: string;
    name: string;
    customerName: string;
    providerName: string;
    serviceManager: string | null;
  };
  contract: { code: string; name: string; startsOn: string; endsOn: string } | null;
  month: string; // YYYY-MM
  /** First and last day of the month (Beijing). */
  from: string;
  to: string;
  generatedAt: number;
  residents: string[];
  overview: {
    received: number;
    resolved: number;
    closed: number;
    openAtEnd: number;
    reopened: number;
    /** Mean working minutes to resolve, first cycle; null when nothing was resolved. */
    mttrMin: number | null;
  };
  byLevel: { level: FaultLevel; count: number }[];
  byChannel: { channel: Channel; count: number }[];
  byCause: { cause: FaultCause | 'none'; count: number }[];
  /** Per clock: overall and per level; pct null when no clock ended in the month. */
  sla: {
    kind: ClockKind;
    level: FaultLevel | null;
    met: number;
    breached: number;
    notNeeded: number;
    pct: number | null;
  }[];
  /** `later`: what was done after the breach (无需到场, a level change); the breach stands beside it. */
  breaches: {
    number: string;
    title: string;
    level: FaultLevel;
    kind: ClockKind;
    lateMin: number;
    cause: FaultCause | 'none';
    later?: string;
  }[];
  majorFaults: {
    number: string;
    title: string;
    level: FaultLevel;
    reportedAt: number;
    resolvedAt: number | null;
    solution: string | null;
    timeline: { at: number; text: string }[];
  }[];
  inspections: {
    planned: number;
    done: number;
    late: number;
    overdue: number;
    open: number;
    findings: { taskDue: string; planName: string; item: string; note: string; ticketNumber: string | null }[];
  };
  /** 参数调整 recorded during inspections. */
  changes: { at: number; parameter: string; before: string; after: string; reason: string; by: string }[];
  training: { planName: string; trainees: number; independent: number; complete: boolean }[];
  satisfaction: { rated: number; satisfied: number; pct: number | null; targetPct: number; requested: number };
  commitments: {
    kind: CommitmentKind;
    label: string;
    target: string;
    actual: string;
    status: CommitmentStatus;
    detail: string;
  }[];
  executionPct: number | null;
  nextMonthPlan: string;
}

/** Labels used by every rendering: the shared label table's Chinese, the words the web shows too. */
export const CLOCK_LABEL: Record<ClockKind, string> = labelMap('clock');
export const LEVEL_LABEL: Record<FaultLevel, string> = labelMap('level');
export const CHANNEL_LABEL: Record<Channel, string> = labelMap('channel');
export const CAUSE_LABEL: Record<FaultCause | 'none', string> = { ...labelMap('faultCause'), none: '未填写' };
export const STATUS_LABEL: Record<CommitmentStatus, string> = labelMap('commitmentStatus');
export const pctText = (p: number | null) => (p === null ? '无数据' : `${p}%`);
