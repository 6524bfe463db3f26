import type { CommitmentKind, CommitmentStatus, FaultLevel } from '@weibao/schema';
import type { CommitmentsTable, ContractsTable } from '../../db/types.js';
import { addDays, addMonths } from '../../lib/dates.js';
import { type Reason, reason } from '../../lib/messages/text.js';
import { percent } from '../../lib/percent.js';
import { beijingDay, beijingDayStart, monthBounds } from '../../lib/time.js';
import type { AnalyticsService } from '../analytics/service.js';
import type { AssetService } from '../assets/service.js';
import type { InspectionService } from '../inspections/service.js';
import type { PresenceService } from '../presence/service.js';
import type { SatisfactionService } from '../satisfaction/service.js';
import type { TrainingService } from '../training/service.js';
import { COMMITMENT_LABEL } from './defaults.js';

/*
 * How each promise is measured for a month (pure, given the month's facts), and where the records behind the
 * measure are listed. CommitmentService (service.ts) reads the facts and presents the results.
 */

type Row = CommitmentsTable;
export type Measure = {
  status: CommitmentStatus;
  actual: number | null;
  measured: number;
  failed: number;
  detail: Reason;
};
export const SLA_KINDS = ['response', 'arrival', 'resolution'] as const;

type Result<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
/** Everything the measures need, read once per evaluation. */
export interface MonthFacts {
  outcomes: Result<AnalyticsService['clockOutcomes']>['outcomes'];
  offHours: Result<AnalyticsService['clockOutcomes']>['offHours'];
  presencePlan: Result<PresenceService['plan']>;
  presence: Result<PresenceService['monthly']>;
  monthly: Result<InspectionService['completionBetween']>;
  annual: Result<AssetService['annualDues']>;
  training: Result<TrainingService['plans']>;
  satisfaction: Result<SatisfactionService['report']>;
  delivered: number | null;
  contract: ContractsTable;
  month: string;
  now: number;
}

/** A rate commitment: met when the share of good records reaches the target; no records, no data. */
function rate(good: number, measured: number, target: number, what: Reason): Measure {
  const actual = percent(good, measured);
  if (actual === null)
    return { status: 'no_data', actual, measured, failed: 0, detail: reason('commitments.noneThisMonth', { what }) };
  return {
    status: actual >= target ? 'met' : 'missed',
    actual,
    measured,
    failed: measured - good,
    detail: reason('commitments.rate', { what, measured, good }),
  };
}
export const noData = (detail: Reason): Measure => ({
  status: 'no_data',
  actual: null,
  measured: 0,
  failed: 0,
  detail,
});

export function measure(r: Row, f: MonthFacts): Measure {
  const target = Number(r.target);
  const kind = r.kind as CommitmentKind;
  const count = (k: string, outcome: string, level?: number) =>
    f.outcomes
      .filter((o) => o.kind === k && o.outcome === outcome && (level === undefined || o.level === level))
      .reduce((a, o) => a + o.n, 0);
  switch (kind) {
    case 'response':
    case 'arrival':
    case 'resolution': {
      const met = count(kind, 'met', r.level);
      const clock = { 'zh-CN': COMMITMENT_LABEL[kind].slice(0, 2), en: kind };
      return rate(
        met,
        met + count(kind, 'breached', r.level),
        target,
        reason('commitments.whatClocks', { level: r.level, clock }),
      );
    }
    case 'support_24h': {
      const met = f.offHours.filter((o) => o.outcome === 'met').reduce((a, o) => a + o.n, 0);
      const all = f.offHours.reduce((a, o) => a + o.n, 0);
      return rate(met, all, target, reason('commitments.whatOffHours'));
    }
    case 'resident_headcount': {
      if (f.presencePlan.updatedAt === null) return noData(reason('commitments.noResidentPlan'));
      const days = f.presence.days.filter((d) => d.workday);
      if (!days.length) return noData(reason('commitments.noWorkdayYet'));
      const short = days.filter((d) => d.present < target).length;
      const lowest = Math.min(...days.map((d) => d.present));
      return {
        status: short ? 'missed' : 'met',
        actual: lowest,
        measured: days.length,
        failed: short,
        detail: reason('commitments.headcountShort', { days: days.length, short, target, lowest }),
      };
    }
    case 'monthly_inspection': {
      const plans = f.monthly.byPlan.filter((p) => p.kind === 'monthly');
      const sum = (k: 'done' | 'late' | 'overdue') => plans.reduce((a, p) => a + p[k], 0);
      const due = sum('done') + sum('late') + sum('overdue');
      const m = rate(sum('done') + sum('late'), due, target, reason('commitments.whatMonthly'));
      return sum('late')
        ? { ...m, detail: reason('commitments.doneLate', { detail: m.detail, late: sum('late') }) }
        : m;
    }
    case 'annual_inspection': {
      // Each asset year of the ledger due so far: done (even late) is kept, overdue is missed; not yet due is not counted.
      const due = f.annual.filter((y) => y.status === 'done' || y.status === 'overdue');
      const done = due.filter((y) => y.status === 'done');
      const late = done.filter((y) => y.doneOn! > y.dueOn).length;
      const m = rate(done.length, due.length, target, reason('commitments.whatAnnual'));
      return late ? { ...m, detail: reason('commitments.doneLate', { detail: m.detail, late }) } : m;
    }
    case 'training_complete': {
      const trainees = f.training.reduce((a, p) => a + p.progress.summary.trainees, 0);
      const independent = f.training.reduce((a, p) => a + p.progress.summary.independent, 0);
      if (!trainees) return noData(reason('commitments.noTrainees'));
      const m = rate(independent, trainees, target, reason('commitments.whatTrainees'));
      // Training runs until every trainee is independent: unfinished is a miss only once the contract has ended.
      if (m.status === 'missed' && f.contract.ends_on > monthBounds(f.month).last)
        return { ...m, status: 'no_data', detail: reason('commitments.trainingContinues', { detail: m.detail }) };
      return m;
    }
    case 'satisfaction': {
      const s = f.satisfaction;
      return rate(s.satisfied, s.rated, target, reason('commitments.whatRatings'));
    }
    case 'report_delivery': {
      const next = addMonths(`${f.month}-01`, 1);
      const deadline = beijingDayStart(addDays(next, target));
      if (f.delivered !== null) {
        const ok = f.delivered < deadline;
        return {
          status: ok ? 'met' : 'missed',
          actual: Number(beijingDay(f.delivered).slice(8)),
          measured: 1,
          failed: ok ? 0 : 1,
          detail: reason(ok ? 'commitments.delivered' : 'commitments.deliveredLate', {
            day: beijingDay(f.delivered),
          }),
        };
      }
      if (f.now >= deadline)
        return {
          status: 'missed',
          actual: null,
          measured: 1,
          failed: 1,
          detail: reason('commitments.notDelivered', { day: addDays(next, target - 1) }),
        };
      return noData(reason('commitments.notYetDue', { day: addDays(next, target - 1) }));
    }
  }
}

export function link(r: Row, projectId: string, month: string, b: ReturnType<typeof monthBounds>) {
  const kind = r.kind as CommitmentKind;
  const base = { projectId, month };
  if ((SLA_KINDS as readonly string[]).includes(kind))
    return {
      ...base,
      page: 'tickets' as const,
      clock: kind as 'response',
      level: r.level as FaultLevel,
      outcome: 'breached' as const,
      from: b.from,
      to: b.to,
    };
  if (kind === 'support_24h')
    return {
      ...base,
      page: 'tickets' as const,
      clock: 'response' as const,
      outcome: 'breached' as const,
      from: b.from,
      to: b.to,
    };
  const page = (
    {
      resident_headcount: 'presence',
      monthly_inspection: 'inspections',
      annual_inspection: 'inspections',
      training_complete: 'training',
      satisfaction: 'satisfaction',
      report_delivery: 'reports',
    } as const
  )[kind as 'satisfaction'];
  return { ...base, page };
}
