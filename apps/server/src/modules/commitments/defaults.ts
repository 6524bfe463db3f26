import type { CommitmentKind } from '@weibao/schema';

/**
 * The bid's after-sales promises (R5–R9, R14, R16, R18, R29) with the targets it states. Every new
 * contract gets these rows; the service manager edits them per contract. Level 0: not per level.
 * The satisfaction row's target is a copy made at seeding; the contract's satisfaction_target_pct is the one read.
 */
export function defaultCommitments(
  satisfactionTargetPct: number,
): { kind: CommitmentKind; level: number; target: number }[] {
  return [
    ...(['response', 'arrival', 'resolution'] as const).flatMap((kind) =>
      [1, 2, 3, 4].map((level) => ({ kind, level, target: 100 })),
    ),
    { kind: 'support_24h', level: 0, target: 100 },
    { kind: 'resident_headcount', level: 0, target: 3 },
    { kind: 'monthly_inspection', level: 0, target: 100 },
    { kind: 'annual_inspection', level: 0, target: 100 },
    { kind: 'training_complete', level: 0, target: 100 },
    { kind: 'satisfaction', level: 0, target: satisfactionTargetPct },
    { kind: 'report_delivery', level: 0, target: 5 },
  ];
}

/** Chinese names of the promises, as the bid words them; used in the report and audit summaries. */
export const COMMITMENT_LABEL: Record<CommitmentKind, string> = {
  response: '响应时限',
  arrival: '到场时限',
  resolution: '解决时限',
  support_24h: '7×24 小时技术支持',
  resident_headcount: '驻场人数',
  monthly_inspection: '每月巡检',
  annual_inspection: '年度巡检',
  training_complete: '培训至独立操作',
  satisfaction: '顾客满意率',
  report_delivery: '月度运维报告按时提交',
};
