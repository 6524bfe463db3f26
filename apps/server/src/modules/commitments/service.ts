import {
  COMMITMENT_KINDS,
  type CommitmentKind,
  type CommitmentStatus,
  type CommitmentUpdate,
  type FaultLevel,
  type SlaPolicy,
} from '@weibao/schema';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import type { CommitmentsTable, ContractsTable } from '../../db/types.js';
import type { Actor, RequestMeta } from '../../lib/actor.js';
import { invalid, notFound } from '../../lib/errors.js';
import { addDays, addMonths } from '../../lib/dates.js';
import { newId } from '../../lib/ids.js';
import { AnalyticsRepository } from '../analytics/repository.js';
import type { AssetService } from '../assets/service.js';
import type { AuditService } from '../audit/service.js';
import type { InspectionService } from '../inspections/service.js';
import type { PresenceService } from '../presence/service.js';
import type { ProjectService } from '../projects/service.js';
import type { SatisfactionService } from '../satisfaction/service.js';
import type { TrainingService } from '../training/service.js';
import { COMMITMENT_LABEL, defaultCommitments } from './defaults.js';
import { CommitmentRepository } from './repository.js';
import { percent } from '../../lib/percent.js';
import { beijingDay, beijingDayStart, beijingMonth, monthBounds, refuseUnbegunMonth } from '../../lib/time.js';

export interface CommitmentDeps {
  database: Database;
  audit: AuditService;
  projects: ProjectService;
  presence: PresenceService;
  inspections: InspectionService;
  assets: AssetService;
  training: TrainingService;
  satisfaction: SatisfactionService;
  now: () => number;
}
type Row = CommitmentsTable;
type Measure = { status: CommitmentStatus; actual: number | null; measured: number; failed: number; detail: string };
const SLA_KINDS = ['response', 'arrival', 'resolution'] as const;
const PCT_KINDS: CommitmentKind[] = [
  'response',
  'arrival',
  'resolution',
  'support_24h',
  'monthly_inspection',
  'annual_inspection',
  'training_complete',
  'satisfaction',
];

/** A rate commitment: met when the share of good records reaches the target; no records, no data. Texts are "中文 / English". */
function rate(good: number, measured: number, target: number, what: [string, string]): Measure {
  const actual = percent(good, measured);
  if (actual === null)
    return { status: 'no_data', actual, measured, failed: 0, detail: `本月无${what[0]} / no ${what[1]} this month` };
  return {
    status: actual >= target ? 'met' : 'missed',
    actual,
    measured,
    failed: measured - good,
    detail: `${what[0]} ${measured}，达标 ${good} / ${what[1]}: ${measured}, on target: ${good}`,
  };
}
/** Appends to both halves of a "中文 / English" text. */
const both = (text: string, zh: string, en: string) => {
  const [a, b] = text.split(' / ');
  return `${a}${zh} / ${b}${en}`;
};
const CLOCK_EN: Record<string, string> = { response: 'response', arrival: 'arrival', resolution: 'resolution' };

/**
 * The commitments register (R29): each promise of the contract in force, measured for a month from
 * the records (SLA outcomes, presence, inspections, training, ratings, report deliveries).
 * 合同执行合格率 = met / (met + missed); a promise with nothing to measure is "no data", never met.
 */
export class CommitmentService {
  readonly repo = new CommitmentRepository();
  private readonly metrics = new AnalyticsRepository();
  constructor(readonly d: CommitmentDeps) {}
  private get db() {
    return this.d.database.db;
  }

  /** The bid's promises for a new contract, inside the transaction that creates it. */
  async seed(tx: Tx, contract: Pick<ContractsTable, 'id' | 'satisfaction_target_pct'>, at: number, by: string | null) {
    await this.repo.insert(
      tx,
      defaultCommitments(contract.satisfaction_target_pct).map((c) => ({
        id: newId(at),
        contract_id: contract.id,
        kind: c.kind,
        level: c.level,
        target: c.target,
        enabled: 1,
        note: '',
        updated_at: at,
        updated_by: by,
      })),
    );
  }

  /**
   * The 满意率 target is the contract's `satisfaction_target_pct` (the satisfaction report reads it too):
   * one value, so the satisfaction row's own `target` is never read.
   */
  private effective<R extends Row>(r: R, contractPct: number): R {
    return r.kind === 'satisfaction' ? { ...r, target: contractPct } : r;
  }

  present(r: Row, policy: SlaPolicy | null) {
    const level = r.level ? (r.level as FaultLevel) : null;
    const t = level && policy ? policy.targets.find((x) => x.level === level) : undefined;
    const minutes = t && (SLA_KINDS as readonly string[]).includes(r.kind) ? t[`${r.kind as 'response'}Min`] : null;
    return {
      id: r.id,
      contractId: r.contract_id,
      kind: r.kind as CommitmentKind,
      level,
      target: Number(r.target),
      enabled: r.enabled === 1,
      minutes,
      note: r.note,
      updatedAt: Number(r.updated_at),
    };
  }

  async update(meta: RequestMeta, id: string, input: z.infer<typeof CommitmentUpdate>) {
    return this.db.transaction().execute(async (tx) => {
      const stored = await this.repo.byId(tx, id);
      if (!stored) throw notFound('服务承诺');
      const before = this.effective(stored, stored.satisfaction_target_pct);
      await this.d.projects.visibleProject(tx, meta.actor, before.project_id);
      const kind = before.kind as CommitmentKind;
      const target = input.target ?? Number(before.target);
      if (PCT_KINDS.includes(kind) && target > 100)
        throw invalid('target', '百分比不能超过 100 / a percentage cannot exceed 100');
      if (kind === 'resident_headcount' && (!Number.isInteger(target) || target < 1 || target > 50))
        throw invalid('target', '驻场人数应为 1–50 的整数 / headcount must be a whole number 1–50');
      if (kind === 'report_delivery' && (!Number.isInteger(target) || target < 1 || target > 28))
        throw invalid('target', '提交日应为 1–28 / the day must be 1–28');
      if (kind === 'satisfaction' && (!Number.isInteger(target) || target < 1))
        throw invalid('target', '满意率目标应为 1–100 的整数 / the target must be a whole percent 1–100');
      const now = this.d.now();
      const patch = {
        target,
        enabled: input.enabled === undefined ? before.enabled : input.enabled ? 1 : 0,
        note: input.note ?? before.note,
        updated_at: now,
        updated_by: meta.actor.userId,
      };
      // The satisfaction target is written where it lives, on the contract; the row keeps the rest.
      await this.repo.update(tx, id, kind === 'satisfaction' ? { ...patch, target: stored.target } : patch);
      if (kind === 'satisfaction' && target !== Number(before.target))
        await this.repo.setContractSatisfaction(tx, before.contract_id, target, now);
      const policy = JSON.parse(before.policy_json) as SlaPolicy;
      const after = { ...before, ...patch };
      await this.d.audit.record(tx, meta, {
        action: 'commitment.update',
        targetType: 'commitment',
        targetId: id,
        summary: `修改服务承诺：合同 ${before.contract_code} ${COMMITMENT_LABEL[kind]}${before.level ? ` ${before.level} 级` : ''} 目标 ${before.target} → ${target}${patch.enabled ? '' : '（停用）'}`,
        detail: { before: this.present(before, policy), after: this.present(after, policy) },
      });
      return this.present(after, policy);
    });
  }

  /** The contract in force during the month (the latest that started by its end). */
  private async contractFor(db: Tx, projectId: string, first: string, last: string) {
    return (await this.d.projects.contracts(db, projectId))
      .filter((c) => c.starts_on <= last && c.ends_on >= first)
      .sort((a, b) => b.starts_on.localeCompare(a.starts_on))[0];
  }

  async evaluate(actor: Actor, projectId: string, month?: string) {
    await this.d.projects.visibleProject(this.db, actor, projectId);
    const now = this.d.now();
    const m = month ?? beijingMonth(now);
    // A month that has not begun would read as "met" on zero records: refused instead (issue 13 item 6).
    refuseUnbegunMonth(m, now);
    const b = monthBounds(m);
    const contract = await this.contractFor(this.db, projectId, b.first, b.last);
    const empty = {
      projectId,
      month: m,
      contractId: null,
      contractCode: null,
      items: [],
      met: 0,
      missed: 0,
      noData: 0,
      executionPct: null,
    };
    if (!contract) return empty;
    const policy = JSON.parse(contract.policy_json) as SlaPolicy;
    const order = (r: Row) => COMMITMENT_KINDS.indexOf(r.kind as CommitmentKind) * 10 + r.level;
    const rows = (await this.repo.ofContract(this.db, contract.id))
      .map((r) => this.effective(r, contract.satisfaction_target_pct))
      .sort((a, b) => order(a) - order(b));
    const facts = await this.facts(actor, projectId, m, b, contract, now);
    const items = rows.map((r) => {
      const base = this.present(r, policy);
      const measure: Measure = r.enabled
        ? this.measure(r, facts)
        : { status: 'no_data', actual: null, measured: 0, failed: 0, detail: '未启用 / disabled' };
      return { ...base, ...measure, link: this.link(r, projectId, m, b) };
    });
    const met = items.filter((i) => i.status === 'met').length;
    const missed = items.filter((i) => i.status === 'missed').length;
    return {
      projectId,
      month: m,
      contractId: contract.id,
      contractCode: contract.code,
      items,
      met,
      missed,
      noData: items.length - met - missed,
      executionPct: percent(met, met + missed),
    };
  }

  /** Each project the actor sees, with its month's pass rate (one evaluation per project, in turn). */
  async overview(actor: Actor, month?: string) {
    const m = month ?? beijingMonth(this.d.now());
    refuseUnbegunMonth(m, this.d.now());
    const items = [];
    for (const p of await this.d.projects.listProjects(actor)) {
      const r = await this.evaluate(actor, p.id, m);
      items.push({
        projectId: p.id,
        projectName: p.name,
        customerName: p.customerName,
        contractCode: r.contractCode,
        met: r.met,
        missed: r.missed,
        noData: r.noData,
        executionPct: r.executionPct,
      });
    }
    return { month: m, items };
  }

  /** Everything the measures need, read once per evaluation. */
  private async facts(
    actor: Actor,
    projectId: string,
    month: string,
    b: ReturnType<typeof monthBounds>,
    contract: ContractsTable,
    now: number,
  ) {
    const db = this.db;
    const year = month.slice(0, 4);
    const [outcomes, offHours, presencePlan, presence, monthly, annual, training, satisfaction, delivered] =
      await Promise.all([
        this.metrics.outcomes(db, [projectId], b.from, b.to),
        this.metrics.offHoursResponses(db, [projectId], b.from, b.to),
        this.d.presence.plan(actor, projectId),
        this.d.presence.monthly(actor, projectId, month),
        this.d.inspections.completionBetween(projectId, b.first, b.last),
        // The ledger's annual dues in the year so far, but not before the contract began.
        this.d.assets.annualDues(
          projectId,
          contract.starts_on > `${year}-01-01` ? contract.starts_on : `${year}-01-01`,
          b.last,
        ),
        this.d.training.plans(actor, projectId),
        this.d.satisfaction.report(actor, projectId, { from: b.first, to: b.last }),
        this.repo.firstDelivery(db, projectId, month, b.to),
      ]);
    return {
      outcomes,
      offHours,
      presencePlan,
      presence,
      monthly,
      annual,
      training,
      satisfaction,
      delivered,
      contract,
      month,
      now,
    };
  }

  private measure(r: Row, f: Awaited<ReturnType<CommitmentService['facts']>>): Measure {
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
        return rate(met, met + count(kind, 'breached', r.level), target, [
          `已结束的${r.level}级工单${COMMITMENT_LABEL[kind].slice(0, 2)}时钟`,
          `level-${r.level} ${CLOCK_EN[kind]} clocks ended`,
        ]);
      }
      case 'support_24h': {
        const met = f.offHours.filter((o) => o.outcome === 'met').reduce((a, o) => a + o.n, 0);
        const all = f.offHours.reduce((a, o) => a + o.n, 0);
        return rate(met, all, target, ['非工作时间报修的工单', 'tickets reported outside working hours']);
      }
      case 'resident_headcount': {
        if (f.presencePlan.updatedAt === null)
          return {
            status: 'no_data',
            actual: null,
            measured: 0,
            failed: 0,
            detail: '未设置驻场计划 / no resident plan',
          };
        const days = f.presence.days.filter((d) => d.workday);
        if (!days.length)
          return {
            status: 'no_data',
            actual: null,
            measured: 0,
            failed: 0,
            detail: '本月尚无工作日 / no working day yet this month',
          };
        const short = days.filter((d) => d.present < target).length;
        const lowest = Math.min(...days.map((d) => d.present));
        return {
          status: short ? 'missed' : 'met',
          actual: lowest,
          measured: days.length,
          failed: short,
          detail: `${days.length} 个工作日，${short} 天不足 ${target} 人（最少 ${lowest} 人） / ${days.length} working days, ${short} below ${target} (lowest ${lowest})`,
        };
      }
      case 'monthly_inspection': {
        const plans = f.monthly.byPlan.filter((p) => p.kind === 'monthly');
        const sum = (k: 'done' | 'late' | 'overdue') => plans.reduce((a, p) => a + p[k], 0);
        const due = sum('done') + sum('late') + sum('overdue');
        const m = rate(sum('done') + sum('late'), due, target, ['到期的月度巡检任务', 'monthly inspection tasks due']);
        return sum('late')
          ? { ...m, detail: both(m.detail, `（其中逾期完成 ${sum('late')}）`, ` (${sum('late')} done late)`) }
          : m;
      }
      case 'annual_inspection': {
        // Each asset year of the ledger due so far: done (even late) is kept, overdue is missed; not yet due is not counted.
        const due = f.annual.filter((y) => y.status === 'done' || y.status === 'overdue');
        const done = due.filter((y) => y.status === 'done');
        const late = done.filter((y) => y.doneOn! > y.dueOn).length;
        const m = rate(done.length, due.length, target, [
          '本年到期的资产年度巡检',
          'asset annual inspections due this year',
        ]);
        return late ? { ...m, detail: both(m.detail, `（其中逾期完成 ${late}）`, ` (${late} done late)`) } : m;
      }
      case 'training_complete': {
        const trainees = f.training.reduce((a, p) => a + p.progress.summary.trainees, 0);
        const independent = f.training.reduce((a, p) => a + p.progress.summary.independent, 0);
        if (!trainees)
          return { status: 'no_data', actual: null, measured: 0, failed: 0, detail: '尚无培训学员 / no trainees yet' };
        const m = rate(independent, trainees, target, ['培训学员', 'trainees']);
        // Training runs until every trainee is independent: unfinished is a miss only once the contract has ended.
        if (m.status === 'missed' && f.contract.ends_on > monthBounds(f.month).last)
          return { ...m, status: 'no_data', detail: both(m.detail, '，培训进行中', ', training continues') };
        return m;
      }
      case 'satisfaction': {
        const s = f.satisfaction;
        return rate(s.satisfied, s.rated, target, ['满意度评价', 'ratings']);
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
            detail: `${beijingDay(f.delivered)} 提交${ok ? '' : '（逾期）'} / delivered ${beijingDay(f.delivered)}${ok ? '' : ' (late)'}`,
          };
        }
        if (f.now >= deadline)
          return {
            status: 'missed',
            actual: null,
            measured: 1,
            failed: 1,
            detail: `${addDays(next, target - 1)} 前未提交 / not delivered by ${addDays(next, target - 1)}`,
          };
        return {
          status: 'no_data',
          actual: null,
          measured: 0,
          failed: 0,
          detail: `${addDays(next, target - 1)} 前提交，尚未到期 / due by ${addDays(next, target - 1)}, not yet due`,
        };
      }
    }
  }

  private link(r: Row, projectId: string, month: string, b: ReturnType<typeof monthBounds>) {
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
}
