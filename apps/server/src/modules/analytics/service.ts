import { type AnalyticsQuery, CLOCK_KINDS, type ClockKind, type FaultCause, type FaultLevel } from '@weibao/schema';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import { type Actor, isCustomer } from '../../lib/actor.js';
import { invalid, notFound } from '../../lib/errors.js';
import { addDays } from '../../lib/dates.js';
import { percent } from '../../lib/percent.js';
import { beijingDay, beijingDayStart } from '../../lib/time.js';
import type { InspectionService } from '../inspections/service.js';
import type { PresenceService } from '../presence/service.js';
import type { ProjectService } from '../projects/service.js';
import type { SatisfactionService } from '../satisfaction/service.js';
import type { TrainingService } from '../training/service.js';
import { AnalyticsRepository } from './repository.js';

export interface AnalyticsDeps {
  database: Database;
  projects: ProjectService;
  presence: PresenceService;
  inspections: InspectionService;
  training: TrainingService;
  satisfaction: SatisfactionService;
  now: () => number;
}
const LEVELS: FaultLevel[] = [1, 2, 3, 4];
const DAY = 86_400_000;
/** Longest period one request may cover: a year of weekly buckets stays a small chart. */
const MAX_DAYS = 400;

/** Beijing date of a day number (days since 1970-01-01). */
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
/** Monday of the week holding the day (1970-01-01 was a Thursday). */
const mondayOf = (day: number) => dateOf(day - ((day + 3) % 7));

/**
 * The KPI dashboard (运营分析): on-time rates, trends, backlog, MTTR, breaches by cause, and the
 * other promises (satisfaction, presence, inspections, training) for the projects the caller sees,
 * filtered by customer, project and period. SLA figures are SQL aggregates over stored outcomes.
 */
export class AnalyticsService {
  readonly repo = new AnalyticsRepository();
  constructor(private readonly d: AnalyticsDeps) {}
  private get db() {
    return this.d.database.db;
  }

  /** One project's SLA outcomes and off-hours responses in [from, to), for the commitments register. */
  async clockOutcomes(projectId: string, from: number, to: number) {
    const [outcomes, offHours] = await Promise.all([
      this.repo.outcomes(this.db, [projectId], from, to),
      this.repo.offHoursResponses(this.db, [projectId], from, to),
    ]);
    return { outcomes, offHours };
  }

  /**
   * One project's figures for a month (`b`), as the monthly report shows them: SLA outcomes, resolution times,
   * tickets received and resolved, flow, and the lists (breaches, major faults, findings, adjustments) up to `limit`.
   */
  async monthFigures(projectId: string, b: { from: number; to: number; first: string; last: string }, limit: number) {
    const db = this.db;
    const ids = [projectId];
    const [outcomes, ttr, received, causes, flow, breaches, major, findings, changes] = await Promise.all([
      this.repo.outcomes(db, ids, b.from, b.to),
      this.repo.resolutionTime(db, ids, b.from, b.to),
      this.repo.received(db, ids, b.from, b.to),
      this.repo.resolvedByCause(db, ids, b.from, b.to),
      this.repo.flow(db, ids, b.from, b.to),
      this.repo.breaches(db, ids, b.from, b.to, limit),
      this.repo.majorFaults(db, projectId, b.from, b.to, 20),
      this.repo.findings(db, projectId, b.first, b.last, limit),
      this.repo.adjustments(db, projectId, b.from, b.to, limit),
    ]);
    return { outcomes, ttr, received, causes, flow, breaches, major, findings, changes };
  }

  /** The projects in scope: the caller's own organisation's for customers, narrowed by the filters. */
  async scope(actor: Actor, q: { customerId?: string; projectId?: string }) {
    if (q.projectId) {
      const p = await this.d.projects.visibleProject(this.db, actor, q.projectId);
      if (q.customerId && p.customer_id !== q.customerId) throw invalid('projectId', 'reports.projectOfOtherCustomer');
      return [p.id];
    }
    if (q.customerId && isCustomer(actor) && q.customerId !== actor.orgId) throw notFound('客户');
    return (await this.d.projects.listProjects(actor))
      .filter((p) => !q.customerId || p.customerId === q.customerId)
      .map((p) => p.id);
  }

  async dashboard(actor: Actor, q: z.infer<typeof AnalyticsQuery>) {
    const now = this.d.now();
    const today = beijingDay(now);
    const to = q.to ?? today;
    const from = q.from ?? addDays(to, -83);
    if (to < from) throw invalid('to', 'common.endDateBeforeStart');
    if (beijingDayStart(to) - beijingDayStart(from) > MAX_DAYS * DAY)
      throw invalid('from', 'reports.periodTooLong', { days: MAX_DAYS });
    const ids = await this.scope(actor, q);
    const [fromMs, toMs] = [beijingDayStart(from), beijingDayStart(addDays(to, 1))];
    const db = this.db;
    const [outcomes, byDay, backlog, ttr, received, resolved, causes] = await Promise.all([
      this.repo.outcomes(db, ids, fromMs, toMs),
      this.repo.outcomesByDay(db, ids, fromMs, toMs),
      this.repo.backlog(db, ids, now),
      this.repo.resolutionTime(db, ids, fromMs, toMs),
      this.repo.received(db, ids, fromMs, toMs),
      this.repo.resolvedByCause(db, ids, fromMs, toMs),
      this.repo.breachesByCause(db, ids, fromMs, toMs),
    ]);
    const n = (kind: string, outcome: string, level: number | null) =>
      outcomes
        .filter((o) => o.kind === kind && o.outcome === outcome && (level === null || o.level === level))
        .reduce((a, o) => a + o.n, 0);
    const onTime = CLOCK_KINDS.flatMap((kind) =>
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
    const bucket = <K extends string>(keyOf: (day: number) => K) => {
      const m = new Map<string, { key: K; kind: ClockKind; met: number; breached: number }>();
      for (const r of byDay) {
        const key = keyOf(r.day);
        const id = `${key}|${r.kind}`;
        const b = m.get(id) ?? { key, kind: r.kind as ClockKind, met: 0, breached: 0 };
        if (r.outcome === 'met') b.met += r.n;
        else b.breached += r.n;
        m.set(id, b);
      }
      return [...m.values()]
        .sort((a, b) => a.key.localeCompare(b.key) || a.kind.localeCompare(b.kind))
        .map((b) => ({ ...b, pct: percent(b.met, b.met + b.breached) }));
    };
    const weeks = bucket((d) => mondayOf(d)).map(({ key, ...b }) => ({ start: key, ...b }));
    const months = bucket((d) => dateOf(d).slice(0, 7)).map(({ key, ...b }) => ({ month: key, ...b }));
    const bands = ['lt1d', 'd1to3', 'd3to7', 'gt7d'] as const;
    const others = await this.others(actor, ids, from, to);
    return {
      from,
      to,
      projectIds: ids,
      onTime,
      trend: { weeks, months },
      backlog: {
        open: backlog.reduce((a, b) => a + b.n, 0),
        breached: backlog.reduce((a, b) => a + b.breached, 0),
        byAge: bands.map((bucket) => ({
          bucket,
          count: backlog.filter((b) => b.band === bucket).reduce((a, b) => a + b.n, 0),
        })),
        byLevel: LEVELS.map((level) => ({
          level,
          count: backlog.filter((b) => b.level === level).reduce((a, b) => a + b.n, 0),
        })),
      },
      mttrMin: ttr.n ? Math.round(ttr.sum / ttr.n / 60_000) : null,
      received: received.reduce((a, r) => a + r.n, 0),
      resolved: resolved.reduce((a, r) => a + r.n, 0),
      breachesByCause: causes.map((c) => ({
        cause: c.cause as FaultCause | 'none',
        kind: c.kind as ClockKind,
        count: c.n,
      })),
      ...others,
    };
  }

  /** Satisfaction, resident presence, inspections and training over the period, summed over projects. */
  private async others(actor: Actor, ids: string[], from: string, to: string) {
    const months: string[] = [];
    for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = addDays(`${m}-28`, 5).slice(0, 7)) months.push(m);
    const sat = { rated: 0, satisfied: 0 };
    const pres = { workdays: 0, belowHeadcount: 0 };
    const insp = { planned: 0, done: 0, late: 0, overdue: 0 };
    const train = { plans: 0, complete: 0, trainees: 0, independent: 0 };
    await Promise.all(
      ids.map(async (id) => {
        const s = await this.d.satisfaction.report(actor, id, { from, to });
        sat.rated += s.rated;
        sat.satisfied += s.satisfied;
        if ((await this.d.presence.plan(actor, id)).updatedAt !== null) {
          for (const m of months) {
            const p = await this.d.presence.monthly(actor, id, m);
            const days = p.days.filter((d) => d.workday && d.day >= from && d.day <= to);
            pres.workdays += days.length;
            pres.belowHeadcount += days.filter((d) => d.present < p.required).length;
          }
        }
        const c = (await this.d.inspections.completionBetween(id, from, to)).total;
        for (const k of ['planned', 'done', 'late', 'overdue'] as const) insp[k] += c[k];
        for (const t of await this.d.training.plans(actor, id)) {
          train.plans++;
          if (t.progress.summary.complete) train.complete++;
          train.trainees += t.progress.summary.trainees;
          train.independent += t.progress.summary.independent;
        }
      }),
    );
    return {
      satisfaction: { ...sat, pct: percent(sat.satisfied, sat.rated) },
      presence: { ...pres, pct: percent(pres.workdays - pres.belowHeadcount, pres.workdays) },
      inspections: { ...insp, pct: percent(insp.done + insp.late, insp.done + insp.late + insp.overdue) },
      training: { ...train, pct: percent(train.independent, train.trainees) },
    };
  }
}
