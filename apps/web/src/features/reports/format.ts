import type { TFunction } from 'i18next';
import type { CommitmentKind, CommitmentResult } from './api';
import { CLOCK_KINDS } from '@weibao/schema/enum-values';

/** A rate or "无数据": a null figure never reads as 100 %. */
export const pctText = (t: TFunction, v: number | null | undefined) =>
  v === null || v === undefined ? t('reports.noData') : `${v}%`;

/** The SLA commitments are the three clocks. */
const SLA_KINDS: readonly CommitmentKind[] = CLOCK_KINDS;
const PERCENT_KINDS: CommitmentKind[] = [
  ...SLA_KINDS,
  'support_24h',
  'monthly_inspection',
  'annual_inspection',
  'training_complete',
  'satisfaction',
];

/** 一级故障响应及时率（30 分钟内）: the promise as the contract words it. */
export function promiseText(t: TFunction, c: Pick<CommitmentResult, 'kind' | 'level' | 'minutes'>): string {
  const kind = t(`reports.kind.${c.kind}`);
  if (!SLA_KINDS.includes(c.kind) || !c.level) return kind;
  const level = t(`level.short.${c.level}`);
  return c.minutes === null
    ? t('reports.promiseLevel', { kind, level })
    : t('reports.promiseSla', { kind, level, minutes: c.minutes });
}

/** The target in its unit: ≥ 95% / ≥ 2 人 / 次月 3 日前. */
export function targetText(t: TFunction, c: Pick<CommitmentResult, 'kind' | 'target'>): string {
  if (PERCENT_KINDS.includes(c.kind)) return t('reports.unit.pctTarget', { n: c.target });
  if (c.kind === 'resident_headcount') return t('reports.unit.headcountTarget', { n: c.target });
  return t('reports.unit.dayTarget', { n: c.target });
}

export function actualText(t: TFunction, c: Pick<CommitmentResult, 'kind' | 'actual'>): string {
  if (c.actual === null) return t('reports.noData');
  if (PERCENT_KINDS.includes(c.kind)) return `${c.actual}%`;
  if (c.kind === 'resident_headcount') return t('reports.unit.headcount', { n: c.actual });
  return t('reports.unit.day', { n: c.actual });
}

export const isPercentKind = (k: CommitmentKind) => PERCENT_KINDS.includes(k);
