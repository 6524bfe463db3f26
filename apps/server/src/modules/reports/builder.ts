import { CHANNELS, type Channel, type ClockKind, type FaultCause, type FaultLevel } from '@weibao/schema';
import { label } from '@weibao/schema/labels';
import type { Database } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import type { AnalyticsService } from '../analytics/service.js';
import { COMMITMENT_LABEL } from '../commitments/defaults.js';
import type { CommitmentService } from '../commitments/service.js';
import { percent } from '../../lib/percent.js';
import { monthBounds } from '../../lib/time.js';
import type { InspectionService } from '../inspections/service.js';
import type { PresenceService } from '../presence/service.js';
import type { ProjectService } from '../projects/service.js';
import type { SatisfactionService } from '../satisfaction/service.js';
import type { TrainingService } from '../training/service.js';
import { LEVEL_LABEL, type MonthlyReportModel } from './model.js';
import { ReportRepository } from './repository.js';

export interface BuilderDeps {
  database: Database;
  projects: ProjectService;
  presence: PresenceService;
  inspections: InspectionService;
  training: TrainingService;
  satisfaction: SatisfactionService;
  commitments: CommitmentService;
  /** The month's ticket and SLA figures (the analytics module's aggregates). */
  analytics: Pick<AnalyticsService, 'monthFigures'>;
  now: () => number;
}
const LEVELS: FaultLevel[] = [1, 2, 3, 4];
/** What happened to a breached clock afterwards, shown beside the breach (it never replaces it). */
function laterAction(r: {
  not_needed_reason: string | null;
  cancelled: number;
  level: number | null;
  ticket_level: number;
}): { later?: string } {
  const parts = [
    ...(r.not_needed_reason !== null ? [`其后标记无需到场：${r.not_needed_reason}`] : []),
    ...(Number(r.cancelled) === 1 ? ['其后工单已取消'] : []),
    ...(r.level !== null && Number(r.level) !== Number(r.ticket_level)
      ? [`其后调整为${LEVEL_LABEL[Number(r.ticket_level) as FaultLevel]}`]
      : []),
  ];
  return parts.length ? { later: parts.join('；') } : {};
}
/** Sections that list records stop here; the Excel sheet and the archive keep the report a readable size. */
const LIST_LIMIT = 200;

/** Assembles the month's report model from the same aggregates the dashboard and the commitments use. */
export class ReportBuilder {
  readonly repo = new ReportRepository();
  constructor(private readonly d: BuilderDeps) {}
  private get db() {
    return this.d.database.db;
  }

  async build(actor: Actor, projectId: string, month: string): Promise<MonthlyReportModel> {
    const db = this.db;
    const p = await this.d.projects.visibleProject(db, actor, projectId);
    const b = monthBounds(month);
    const [
      head,
      { outcomes, ttr, received, causes, flow, breaches, major, findings, changes },
      notes,
      commitments,
      presence,
      completion,
      training,
      satisfaction,
    ] = await Promise.all([
      this.repo.projectHead(db, projectId),
      this.d.analytics.monthFigures(projectId, b, LIST_LIMIT),
      this.repo.notes(db, projectId, month),
      this.d.commitments.evaluate(actor, projectId, month),
      this.d.presence.plan(actor, projectId),
      this.d.inspections.completionBetween(projectId, b.first, b.last),
      this.d.training.plans(actor, projectId),
      this.d.satisfaction.report(actor, projectId, { from: b.first, to: b.last }),
    ]);
    const provider = await this.d.projects.providerOrg(db);
    const contract = commitments.contractId
      ? ((await this.d.projects.contract(db, commitments.contractId)) ?? null)
      : null;
    const n = (kind: string, outcome: string, level: number | null) =>
      outcomes
        .filter((o) => o.kind === kind && o.outcome === outcome && (level === null || o.level === level))
        .reduce((a, o) => a + o.n, 0);
    const sla = (['response', 'arrival', 'resolution'] as ClockKind[]).flatMap((kind) =>
      [null, ...LEVELS].map((level) => {
        const met = n(kind, 'met', level);
        const breached = n(kind, 'breached', level);
        return {
          kind,
          level,
          met,
          breached,
          notNeeded: n(kind, 'not_needed', level),
          pct: percent(met, met + breached),
        };
      }),
    );
    const templates = new Map<string, Awaited<ReturnType<InspectionService['template']>>>();
    for (const f of findings)
      if (!templates.has(f.template_version_id))
        templates.set(f.template_version_id, await this.d.inspections.template(f.template_version_id));
    const resolvedCount = causes.reduce((a, c) => a + c.n, 0);
    return {
      project: {
        id: p.id,
        code: p.code,
        name: p.name,
        customerName: head.customer_name,
        providerName: provider?.name ?? '',
        serviceManager: head.manager_name,
      },
      contract: contract
        ? { code: contract.code, name: contract.name, startsOn: contract.starts_on, endsOn: contract.ends_on }
        : null,
      month,
      from: b.first,
      to: b.last,
      generatedAt: this.d.now(),
      residents: presence.engineers.map((e) => e.name),
      overview: {
        received: received.reduce((a, r) => a + r.n, 0),
        resolved: resolvedCount,
        closed: flow.closed,
        openAtEnd: flow.openAtEnd,
        reopened: flow.reopened,
        mttrMin: ttr.n ? Math.round(ttr.sum / ttr.n / 60_000) : null,
      },
      byLevel: LEVELS.map((level) => ({
        level,
        count: received.filter((r) => r.level === level).reduce((a, r) => a + r.n, 0),
      })),
      byChannel: CHANNELS.map((channel) => ({
        channel,
        count: received.filter((r) => r.channel === channel).reduce((a, r) => a + r.n, 0),
      })).filter((c) => c.count > 0) as { channel: Channel; count: number }[],
      byCause: (['non_human', 'human', 'unknown', 'none'] as const)
        .map((cause) => ({ cause, count: causes.find((c) => c.cause === cause)?.n ?? 0 }))
        .filter((c) => c.count > 0),
      sla,
      breaches: breaches.map((r) => ({
        number: r.number,
        title: r.title,
        level: Number(r.level) as FaultLevel,
        kind: r.kind as ClockKind,
        lateMin: Math.ceil(Number(r.late_ms ?? 0) / 60_000),
        cause: (r.fault_cause ?? 'none') as FaultCause | 'none',
        ...laterAction(r),
      })),
      majorFaults: major.tickets.map((t) => ({
        number: t.number,
        title: t.title,
        level: Number(t.level) as FaultLevel,
        reportedAt: Number(t.reported_at),
        resolvedAt: t.resolved_at === null ? null : Number(t.resolved_at),
        solution: t.solution,
        timeline: major.events
          .filter((e) => e.ticket_id === t.id)
          .map((e) => ({
            at: Number(e.at),
            text: [label('ticketEvent', e.type), e.display_name, e.reason].filter(Boolean).join(' · '),
          })),
      })),
      inspections: {
        planned: completion.total.planned,
        done: completion.total.done,
        late: completion.total.late,
        overdue: completion.total.overdue,
        open: completion.total.open,
        findings: findings.map((f) => ({
          taskDue: f.due_on,
          planName: f.plan_name,
          item: templates.get(f.template_version_id)?.items.find((i) => i.key === f.item_key)?.title ?? f.item_key,
          note: f.note ?? '',
          ticketNumber: f.ticket_number,
        })),
      },
      changes: changes.map((c) => ({
        at: Number(c.at),
        parameter: c.parameter,
        before: c.before_value,
        after: c.after_value,
        reason: c.reason,
        by: c.display_name ?? '',
      })),
      training: training.map((t) => ({
        planName: t.plan.name,
        trainees: t.progress.summary.trainees,
        independent: t.progress.summary.independent,
        complete: t.progress.summary.complete,
      })),
      satisfaction: {
        rated: satisfaction.rated,
        satisfied: satisfaction.satisfied,
        pct: satisfaction.ratePct,
        targetPct: satisfaction.targetPct,
        requested: satisfaction.requested,
      },
      commitments: commitments.items.map((c) => ({
        kind: c.kind,
        label: `${COMMITMENT_LABEL[c.kind]}${c.level ? `（${LEVEL_LABEL[c.level]}${c.minutes ? `，${c.minutes} 分钟内` : ''}）` : ''}`,
        target: targetText(c.kind, c.target),
        actual: actualText(c.kind, c.actual),
        status: c.status,
        detail: c.detail['zh-CN'], // the monthly report is written in Chinese
      })),
      executionPct: commitments.executionPct,
      nextMonthPlan: notes?.next_month_plan ?? '',
    };
  }
}

function targetText(kind: string, target: number) {
  if (kind === 'resident_headcount') return `每个工作日 ≥ ${target} 人`;
  if (kind === 'report_delivery') return `次月 ${target} 日前`;
  return `≥ ${target}%`;
}
function actualText(kind: string, actual: number | null) {
  if (actual === null) return '无数据';
  if (kind === 'resident_headcount') return `最少 ${actual} 人`;
  if (kind === 'report_delivery') return `次月 ${actual} 日`;
  return `${actual}%`;
}
