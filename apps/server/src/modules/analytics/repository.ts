import { OPEN_STATUSES } from '@weibao/schema';
import { sql } from 'kysely';
import type { Tx } from '../../db/dialect.js';
import { BEIJING_OFFSET_MS } from '../../lib/time.js';

const DAY = 86_400_000;
const CST = BEIJING_OFFSET_MS;

/**
 * Aggregates for the dashboard, the commitments register and the monthly report. Everything is
 * counted in SQL over index ranges: SLA outcomes by (project_id, stopped_at) — stored when each
 * clock stopped, so no calendar arithmetic runs here — and tickets by (project_id, reported_at)
 * or (project_id, resolved_at). Only the first cycle of a clock counts for on-time rates
 * (sla-semantics: reopen counts are shown separately). The same SQL runs on both dialects.
 */
export class AnalyticsRepository {
  private clocks(db: Tx, projectIds: string[], from: number, to: number) {
    return db
      .selectFrom('sla_clocks')
      .where('sla_clocks.project_id', 'in', projectIds)
      .where('sla_clocks.stopped_at', '>=', from)
      .where('sla_clocks.stopped_at', '<', to)
      .where('sla_clocks.cycle', '=', 1);
  }

  /** Ended first-cycle clocks by kind, level and outcome (met, breached, not_needed; cancelled left out). */
  async outcomes(db: Tx, projectIds: string[], from: number, to: number) {
    if (!projectIds.length) return [];
    const rows = await this.clocks(db, projectIds, from, to)
      .where('sla_clocks.outcome', 'in', ['met', 'breached', 'not_needed'])
      .select(['sla_clocks.kind', 'sla_clocks.level', 'sla_clocks.outcome', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['sla_clocks.kind', 'sla_clocks.level', 'sla_clocks.outcome'])
      .execute();
    return rows.map((r) => ({ kind: r.kind, level: Number(r.level), outcome: r.outcome!, n: Number(r.n) }));
  }

  /** Met and breached per Beijing day (days since 1970-01-01), for weekly and monthly trends. */
  async outcomesByDay(db: Tx, projectIds: string[], from: number, to: number) {
    if (!projectIds.length) return [];
    const day = sql<number>`(sla_clocks.stopped_at + ${sql.lit(CST)}) / ${sql.lit(DAY)}`;
    const rows = await this.clocks(db, projectIds, from, to)
      .where('sla_clocks.outcome', 'in', ['met', 'breached'])
      .select(['sla_clocks.kind', 'sla_clocks.outcome', day.as('day'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['sla_clocks.kind', 'sla_clocks.outcome', day])
      .execute();
    return rows.map((r) => ({ kind: r.kind, outcome: r.outcome!, day: Math.floor(Number(r.day)), n: Number(r.n) }));
  }

  /** Sum and count of working time to resolve (first cycle, pauses and calendar gaps excluded). */
  async resolutionTime(db: Tx, projectIds: string[], from: number, to: number) {
    if (!projectIds.length) return { sum: 0, n: 0 };
    const r = await this.clocks(db, projectIds, from, to)
      .where('sla_clocks.kind', '=', 'resolution')
      .where('sla_clocks.outcome', 'in', ['met', 'breached'])
      .select([(eb) => eb.fn.sum<number>('sla_clocks.elapsed_ms').as('sum'), (eb) => eb.fn.countAll<number>().as('n')])
      .executeTakeFirst();
    return { sum: Number(r?.sum ?? 0), n: Number(r?.n ?? 0) };
  }

  /** Breached first-cycle clocks by the ticket's fault cause. */
  async breachesByCause(db: Tx, projectIds: string[], from: number, to: number) {
    if (!projectIds.length) return [];
    const rows = await this.clocks(db, projectIds, from, to)
      .where('sla_clocks.outcome', '=', 'breached')
      .innerJoin('tickets', 'tickets.id', 'sla_clocks.ticket_id')
      .select(['sla_clocks.kind', 'tickets.fault_cause', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['sla_clocks.kind', 'tickets.fault_cause'])
      .execute();
    return rows.map((r) => ({ kind: r.kind, cause: r.fault_cause ?? 'none', n: Number(r.n) }));
  }

  /** The breaches themselves (most late first), for the report's 超时明细. */
  async breaches(db: Tx, projectIds: string[], from: number, to: number, limit: number) {
    if (!projectIds.length) return [];
    return this.clocks(db, projectIds, from, to)
      .where('sla_clocks.outcome', '=', 'breached')
      .innerJoin('tickets', 'tickets.id', 'sla_clocks.ticket_id')
      .select([
        'tickets.number',
        'tickets.title',
        'sla_clocks.level',
        'sla_clocks.kind',
        'sla_clocks.late_ms',
        'tickets.fault_cause',
        'sla_clocks.not_needed_reason',
        'sla_clocks.cancelled',
        'tickets.level as ticket_level',
      ])
      .orderBy('sla_clocks.late_ms', 'desc')
      .orderBy('tickets.number')
      .limit(limit)
      .execute();
  }

  /** Tickets reported in the period by level and channel. */
  async received(db: Tx, projectIds: string[], from: number, to: number) {
    if (!projectIds.length) return [];
    const rows = await db
      .selectFrom('tickets')
      .where('project_id', 'in', projectIds)
      .where('reported_at', '>=', from)
      .where('reported_at', '<', to)
      .select(['level', 'channel', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['level', 'channel'])
      .execute();
    return rows.map((r) => ({ level: Number(r.level), channel: r.channel, n: Number(r.n) }));
  }

  /** Tickets resolved in the period by fault cause (a reopened ticket counts at its latest resolution). */
  async resolvedByCause(db: Tx, projectIds: string[], from: number, to: number) {
    if (!projectIds.length) return [];
    const rows = await db
      .selectFrom('tickets')
      .where('project_id', 'in', projectIds)
      .where('resolved_at', '>=', from)
      .where('resolved_at', '<', to)
      .select(['fault_cause', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('fault_cause')
      .execute();
    return rows.map((r) => ({ cause: r.fault_cause ?? 'none', n: Number(r.n) }));
  }

  /** Closed in the period, still open at its end, and resolution cycles started again (reopens). */
  async flow(db: Tx, projectIds: string[], from: number, to: number) {
    if (!projectIds.length) return { closed: 0, openAtEnd: 0, reopened: 0 };
    // Tickets resolved before the period began cannot close in it after the auto-close window (≤ 90 days).
    const closed = await db
      .selectFrom('tickets')
      .where('project_id', 'in', projectIds)
      .where('resolved_at', '>=', from - 91 * DAY)
      .where('closed_at', '>=', from)
      .where('closed_at', '<', to)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    const open = await db
      .selectFrom('tickets')
      .where('project_id', 'in', projectIds)
      .where('reported_at', '<', to)
      .where('status', '!=', 'cancelled')
      .where((eb) => eb.or([eb('resolved_at', 'is', null), eb('resolved_at', '>=', to)]))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    const reopened = await db
      .selectFrom('sla_clocks')
      .where('project_id', 'in', projectIds)
      .where('kind', '=', 'resolution')
      .where('cycle', '>', 1)
      .where('started_at', '>=', from)
      .where('started_at', '<', to)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return { closed: Number(closed?.n ?? 0), openAtEnd: Number(open?.n ?? 0), reopened: Number(reopened?.n ?? 0) };
  }

  /** Open tickets now, by level and age band (reported how long ago), with the breached among them. */
  async backlog(db: Tx, projectIds: string[], now: number) {
    if (!projectIds.length) return [];
    // Literals, not parameters: PostgreSQL matches a GROUP BY expression to the select list only when both are the same text.
    const band = sql<string>`case when reported_at > ${sql.lit(now - DAY)} then 'lt1d' when reported_at > ${sql.lit(now - 3 * DAY)} then 'd1to3' when reported_at > ${sql.lit(now - 7 * DAY)} then 'd3to7' else 'gt7d' end`;
    const rows = await db
      .selectFrom('tickets')
      .where('status', 'in', [...OPEN_STATUSES])
      .where('project_id', 'in', projectIds)
      .select([
        'level',
        band.as('band'),
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.sum<number>('breached').as('breached'),
      ])
      .groupBy(['level', band])
      .execute();
    return rows.map((r) => ({
      level: Number(r.level),
      band: r.band as 'lt1d' | 'd1to3' | 'd3to7' | 'gt7d',
      n: Number(r.n),
      breached: Number(r.breached ?? 0),
    }));
  }

  /** Level-1 tickets reported in the period (major faults) and their public timeline. */
  async majorFaults(db: Tx, projectId: string, from: number, to: number, limit: number) {
    const tickets = await db
      .selectFrom('tickets')
      .where('project_id', '=', projectId)
      .where('reported_at', '>=', from)
      .where('reported_at', '<', to)
      .where('level', '=', 1)
      .select(['id', 'number', 'title', 'level', 'reported_at', 'resolved_at', 'solution'])
      .orderBy('reported_at')
      .limit(limit)
      .execute();
    const events = tickets.length
      ? await db
          .selectFrom('ticket_events')
          .leftJoin('users', 'users.id', 'ticket_events.actor_id')
          // The purchaser reads this: public events only (internal notes and SLA warnings stay with the provider).
          .where(
            'ticket_events.ticket_id',
            'in',
            tickets.map((t) => t.id),
          )
          .where('ticket_events.public', '=', 1)
          .select([
            'ticket_events.ticket_id',
            'ticket_events.at',
            'ticket_events.type',
            'ticket_events.to_status',
            'ticket_events.reason',
            'users.display_name',
          ])
          .orderBy('ticket_events.at')
          .orderBy('ticket_events.id')
          .execute()
      : [];
    return { tickets, events };
  }

  /** Failed inspection items of tasks due in the period, with the ticket each one raised. */
  async findings(db: Tx, projectId: string, firstDay: string, lastDay: string, limit: number) {
    return db
      .selectFrom('inspection_results')
      .innerJoin('inspection_tasks', 'inspection_tasks.id', 'inspection_results.task_id')
      .innerJoin('inspection_plans', 'inspection_plans.id', 'inspection_tasks.plan_id')
      .leftJoin('tickets', 'tickets.id', 'inspection_results.ticket_id')
      .where('inspection_tasks.project_id', '=', projectId)
      .where('inspection_tasks.due_on', '>=', firstDay)
      .where('inspection_tasks.due_on', '<=', lastDay)
      .where('inspection_results.outcome', '=', 'fail')
      .select([
        'inspection_tasks.due_on',
        'inspection_plans.name as plan_name',
        'inspection_tasks.template_version_id',
        'inspection_results.item_key',
        'inspection_results.note',
        'tickets.number as ticket_number',
      ])
      .orderBy('inspection_tasks.due_on')
      .limit(limit)
      .execute();
  }

  /** Parameter changes (参数调整) recorded during inspections in the period. */
  async adjustments(db: Tx, projectId: string, from: number, to: number, limit: number) {
    return db
      .selectFrom('inspection_adjustments')
      .innerJoin('inspection_tasks', 'inspection_tasks.id', 'inspection_adjustments.task_id')
      .leftJoin('users', 'users.id', 'inspection_adjustments.by')
      .where('inspection_tasks.project_id', '=', projectId)
      .where('inspection_adjustments.at', '>=', from)
      .where('inspection_adjustments.at', '<', to)
      .select([
        'inspection_adjustments.at',
        'inspection_adjustments.parameter',
        'inspection_adjustments.before_value',
        'inspection_adjustments.after_value',
        'inspection_adjustments.reason',
        'users.display_name',
      ])
      .orderBy('inspection_adjustments.at')
      .limit(limit)
      .execute();
  }

  /** Tickets reported outside working hours (weekday 09:00–18:00 Beijing) whose response clock ended: 24 h support. */
  async offHoursResponses(db: Tx, projectIds: string[], from: number, to: number) {
    if (!projectIds.length) return [];
    // Beijing weekday from days since 1970-01-01 (a Thursday): 0 = Monday … 6 = Sunday.
    const local = sql`(sla_clocks.started_at + ${sql.lit(CST)})`;
    const weekday = sql`((${local} / ${sql.lit(DAY)}) + 3) % 7`;
    const minute = sql`(${local} % ${sql.lit(DAY)}) / 60000`;
    const rows = await this.clocks(db, projectIds, from, to)
      .where('sla_clocks.kind', '=', 'response')
      .where('sla_clocks.outcome', 'in', ['met', 'breached'])
      .where(sql<boolean>`(${weekday} >= 5 or ${minute} < 540 or ${minute} >= 1080)`)
      .select(['sla_clocks.outcome', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('sla_clocks.outcome')
      .execute();
    return rows.map((r) => ({ outcome: r.outcome!, n: Number(r.n) }));
  }
}
