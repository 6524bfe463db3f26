import {
  COMMITMENT_KINDS,
  type CommitmentKind,
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
import { newId } from '../../lib/ids.js';
import { bothTexts, reason } from '../../lib/messages/text.js';
import type { AnalyticsService } from '../analytics/service.js';
import type { AssetService } from '../assets/service.js';
import type { AuditService } from '../audit/service.js';
import type { InspectionService } from '../inspections/service.js';
import type { PresenceService } from '../presence/service.js';
import type { ProjectService } from '../projects/service.js';
import type { SatisfactionService } from '../satisfaction/service.js';
import type { TrainingService } from '../training/service.js';
import { COMMITMENT_LABEL, defaultCommitments } from './defaults.js';
import { type MonthFacts, SLA_KINDS, link, measure, noData } from './measures.js';
import { CommitmentRepository } from './repository.js';
import { percent } from '../../lib/percent.js';
import { beijingMonth, monthBounds, refuseUnbegunMonth } from '../../lib/time.js';

export interface CommitmentDeps {
  database: Database;
  audit: AuditService;
  projects: ProjectService;
  presence: PresenceService;
  inspections: InspectionService;
  assets: AssetService;
  training: TrainingService;
  satisfaction: SatisfactionService;
  /** SLA outcomes of the month (the analytics module's aggregates). */
  analytics: Pick<AnalyticsService, 'clockOutcomes'>;
  now: () => number;
}
type Row = CommitmentsTable;
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

/**
 * The commitments register (R29): each promise of the contract in force, measured for a month from
 * the records (SLA outcomes, presence, inspections, training, ratings, report deliveries).
 * 合同执行合格率 = met / (met + missed); a promise with nothing to measure is "no data", never met.
 */
export class CommitmentService {
  readonly repo = new CommitmentRepository();
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
      if (PCT_KINDS.includes(kind) && target > 100) throw invalid('target', 'commitments.percentOver100');
      if (kind === 'resident_headcount' && (!Number.isInteger(target) || target < 1 || target > 50))
        throw invalid('target', 'commitments.headcountRange');
      if (kind === 'report_delivery' && (!Number.isInteger(target) || target < 1 || target > 28))
        throw invalid('target', 'commitments.dayRange');
      if (kind === 'satisfaction' && (!Number.isInteger(target) || target < 1))
        throw invalid('target', 'commitments.satisfactionRange');
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
      const result = r.enabled ? measure(r, facts) : noData(reason('commitments.disabled'));
      return { ...base, ...result, detail: bothTexts(result.detail), link: link(r, projectId, m, b) };
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
  ): Promise<MonthFacts> {
    const db = this.db;
    const year = month.slice(0, 4);
    const [{ outcomes, offHours }, presencePlan, presence, monthly, annual, training, satisfaction, delivered] =
      await Promise.all([
        this.d.analytics.clockOutcomes(projectId, b.from, b.to),
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
}
