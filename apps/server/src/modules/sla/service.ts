import type { ClockKind, SlaPolicy } from '@weibao/schema';
import type { Tx } from '../../db/dialect.js';
import type { SlaClocksTable } from '../../db/types.js';
import { newId } from '../../lib/ids.js';
import { type CalendarSpec, type WorkingCalendar, buildCalendar } from './calendar.js';
import { type NationalHolidays, nationalHolidays } from './china-days.js';
import { type ClockFacts, clockHistory, computeClock, thresholdAt } from './clock.js';
import { SlaRepository } from './repository.js';

/** Alerts per clock cycle: warnings at 50% and 80% of the target, the breach just past 100%. */
export const ALERTS = [
  { kind: 'warn50', fraction: 0.5, offset: 0 },
  { kind: 'warn80', fraction: 0.8, offset: 0 },
  // A clock is breached when elapsed > target, i.e. 1 ms after the due instant.
  { kind: 'breach', fraction: 1, offset: 1 },
] as const;

export type ClockRow = SlaClocksTable;

export function targetsFor(policy: SlaPolicy, level: number): Record<ClockKind, number> {
  const t = policy.targets.find((x) => x.level === level) ?? policy.targets[0]!;
  return { response: t.responseMin * 60_000, arrival: t.arrivalMin * 60_000, resolution: t.resolutionMin * 60_000 };
}

export function factsOf(c: ClockRow): ClockFacts {
  const closed = JSON.parse(c.pauses_json) as { from: number; to: number }[];
  return {
    targetMs: c.target_ms, startedAt: c.started_at, stoppedAt: c.stopped_at, notNeeded: c.not_needed_reason !== null || c.cancelled === 1,
    pauses: c.paused_since !== null ? [...closed, { from: c.paused_since, to: null }] : closed,
  };
}

/**
 * Persists the three clocks of each ticket and keeps their alert rows scheduled. All arithmetic is
 * the pure calendar/clock code; this class only decides when facts change and stores the results.
 */
export class SlaService {
  readonly repo = new SlaRepository();
  private readonly calendars = new Map<string, WorkingCalendar>();
  /** Package data plus the admin's holiday years; replaced by the holidays module when those change. */
  private nationalData: NationalHolidays = nationalHolidays();

  get national(): NationalHolidays { return this.nationalData; }
  /** Calendars are built synchronously and cached, so the admin years live here in memory; the data version is part of the cache key. */
  setNational(n: NationalHolidays) {
    if (n.version !== this.nationalData.version) this.calendars.clear();
    this.nationalData = n;
  }

  calendar(spec: CalendarSpec): WorkingCalendar {
    const key = `${this.nationalData.version}|${JSON.stringify(spec)}`;
    let cal = this.calendars.get(key);
    if (!cal) {
      cal = buildCalendar(spec, this.nationalData);
      if (this.calendars.size > 200) this.calendars.clear();
      this.calendars.set(key, cal);
    }
    return cal;
  }

  /**
   * The three clocks of a new ticket and their nine alerts, computed before anything is written so
   * the ticket row can carry its due time from its first insert (intake is the hot write path).
   */
  plan(ticket: { id: string; projectId: string }, policy: SlaPolicy, level: number, reportedAt: number, now: number) {
    const targets = targetsFor(policy, level);
    const cal = this.calendar(policy.calendar);
    const clocks = (['response', 'arrival', 'resolution'] as const).map((kind) => this.clockRow(ticket, level, kind, 1, targets[kind], reportedAt, cal, now));
    return { clocks, alerts: clocks.flatMap((c) => this.alertRows(c, cal, now)), nextDueAt: Math.min(...clocks.map((c) => c.due_at ?? Infinity)) };
  }

  /** Writes a plan in two statements; the ticket row must exist already. */
  async insertPlan(tx: Tx, plan: ReturnType<SlaService['plan']>) {
    await this.repo.insertClocks(tx, plan.clocks);
    await this.repo.insertAlerts(tx, plan.alerts);
  }

  private clockRow(ticket: { id: string; projectId: string | null }, level: number, kind: ClockKind, cycle: number, targetMs: number, startedAt: number, cal: WorkingCalendar, now: number): ClockRow {
    const row: ClockRow = {
      id: newId(now), ticket_id: ticket.id, kind, cycle, target_ms: targetMs, started_at: startedAt, stopped_at: null, cancelled: 0,
      not_needed_reason: null, pauses_json: '[]', paused_since: null, due_at: null, updated_at: now,
      project_id: ticket.projectId, level, outcome: null, elapsed_ms: null, late_ms: null,
    };
    row.due_at = thresholdAt(factsOf(row), cal, 1);
    return row;
  }

  private alertRows(row: ClockRow, cal: WorkingCalendar, now: number) {
    return ALERTS.map((a) => {
      const at = thresholdAt(factsOf(row), cal, a.fraction);
      return { id: newId(now), clock_id: row.id, ticket_id: row.ticket_id, kind: a.kind, fire_at: at === null ? null : at + a.offset, state: 'pending', fired_at: null, fired_by: null };
    });
  }

  private async createClock(tx: Tx, ticket: { id: string; projectId: string | null }, level: number, kind: ClockKind, cycle: number, targetMs: number, startedAt: number, policy: SlaPolicy, now: number) {
    const cal = this.calendar(policy.calendar);
    const row = this.clockRow(ticket, level, kind, cycle, targetMs, startedAt, cal, now);
    await this.repo.insertClocks(tx, [row]);
    await this.repo.insertAlerts(tx, this.alertRows(row, cal, now));
  }

  /** Re-derives due time and alert times after the facts of a clock changed. */
  private async save(tx: Tx, c: ClockRow, policy: SlaPolicy, now: number) {
    const cal = this.calendar(policy.calendar);
    const f = factsOf(c);
    const stopped = c.stopped_at !== null || c.not_needed_reason !== null || c.cancelled === 1;
    c.due_at = stopped || c.paused_since !== null ? null : thresholdAt(f, cal, 1);
    Object.assign(c, outcomeOf(c, cal));
    c.updated_at = now;
    const { id, ...patch } = c;
    await this.repo.updateClock(tx, id, patch);
    for (const alert of await this.repo.openAlerts(tx, c.id)) {
      const spec = ALERTS.find((a) => a.kind === alert.kind)!;
      if (stopped) await this.repo.setAlert(tx, alert.id, { state: 'cancelled', fire_at: null });
      else if (c.paused_since !== null) await this.repo.setAlert(tx, alert.id, { state: 'paused', fire_at: null });
      else {
        const at = thresholdAt(f, cal, spec.fraction);
        await this.repo.setAlert(tx, alert.id, { state: 'pending', fire_at: at === null ? null : at + spec.offset });
      }
    }
  }

  private current(clocks: ClockRow[], kind: ClockKind) {
    return clocks.filter((c) => c.kind === kind).sort((a, b) => b.cycle - a.cycle)[0];
  }

  /**
   * Stops a clock if it still runs; returns whether it did (first response only counts once).
   * `now`: when it is logged, if later than `at` (work logged after the fact; see earliestStop).
   */
  async stop(tx: Tx, ticketId: string, kind: ClockKind, at: number, policy: SlaPolicy, now = at): Promise<boolean> {
    const c = this.current(await this.repo.clocksOf(tx, ticketId), kind);
    if (!c || c.stopped_at !== null || c.not_needed_reason !== null || c.cancelled) return false;
    if (c.paused_since !== null) {
      c.pauses_json = JSON.stringify([...JSON.parse(c.pauses_json), { from: c.paused_since, to: at }]);
      c.paused_since = null;
    }
    c.stopped_at = at;
    await this.save(tx, c, policy, now);
    return true;
  }

  /**
   * The earliest instant a running clock may be stopped at when the stop is logged after the fact:
   * not before it started (reported_at, or the reopen for a later cycle) nor before its last pause
   * began or ended, so its pauses stay inside its running time. null when the clock does not run.
   */
  async earliestStop(db: Tx, ticketId: string, kind: ClockKind): Promise<number | null> {
    const c = this.current(await this.repo.clocksOf(db, ticketId), kind);
    if (!c || c.stopped_at !== null || c.not_needed_reason !== null || c.cancelled) return null;
    return Math.max(c.started_at, c.paused_since ?? 0, ...(JSON.parse(c.pauses_json) as { to: number }[]).map((p) => p.to));
  }

  async notNeeded(tx: Tx, ticketId: string, reason: string, at: number, policy: SlaPolicy): Promise<boolean> {
    const c = this.current(await this.repo.clocksOf(tx, ticketId), 'arrival');
    if (!c || c.stopped_at !== null || c.not_needed_reason !== null) return false;
    c.not_needed_reason = reason;
    c.stopped_at = at;
    c.paused_since = null;
    await this.save(tx, c, policy, at);
    return true;
  }

  async isRunning(tx: Tx, ticketId: string, kind: ClockKind): Promise<boolean> {
    const c = this.current(await this.repo.clocksOf(tx, ticketId), kind);
    return !!c && c.stopped_at === null && c.not_needed_reason === null && c.cancelled === 0;
  }

  /** Suspension with a reason the contract allows: every running clock pauses; stopped clocks are unaffected. */
  async pause(tx: Tx, ticketId: string, at: number, policy: SlaPolicy) {
    for (const c of await this.repo.clocksOf(tx, ticketId)) {
      if (c.stopped_at !== null || c.not_needed_reason !== null || c.cancelled || c.paused_since !== null) continue;
      c.paused_since = at;
      await this.save(tx, c, policy, at);
    }
  }

  async resume(tx: Tx, ticketId: string, at: number, policy: SlaPolicy) {
    for (const c of await this.repo.clocksOf(tx, ticketId)) {
      if (c.paused_since === null) continue;
      c.pauses_json = JSON.stringify([...JSON.parse(c.pauses_json), { from: c.paused_since, to: at }]);
      c.paused_since = null;
      await this.save(tx, c, policy, at);
    }
  }

  async cancelAll(tx: Tx, ticketId: string, at: number, policy: SlaPolicy) {
    for (const c of await this.repo.clocksOf(tx, ticketId)) {
      if (c.stopped_at !== null || c.not_needed_reason !== null || c.cancelled) continue;
      c.cancelled = 1;
      c.stopped_at = at;
      if (c.paused_since !== null) {
        c.pauses_json = JSON.stringify([...JSON.parse(c.pauses_json), { from: c.paused_since, to: at }]);
        c.paused_since = null;
      }
      await this.save(tx, c, policy, at);
    }
  }

  /** Reopen: a new resolution cycle from the reopen time with the same target. */
  async newResolutionCycle(tx: Tx, ticketId: string, level: number, at: number, policy: SlaPolicy) {
    const last = this.current(await this.repo.clocksOf(tx, ticketId), 'resolution');
    await this.createClock(tx, { id: ticketId, projectId: last?.project_id ?? null }, level, 'resolution', (last?.cycle ?? 0) + 1, targetsFor(policy, level).resolution, at, policy, at);
  }

  /** Level change: running clocks keep their start (reported_at or reopen) and get the new level's targets. */
  async retarget(tx: Tx, ticketId: string, level: number, at: number, policy: SlaPolicy) {
    const targets = targetsFor(policy, level);
    for (const kind of ['response', 'arrival', 'resolution'] as const) {
      const c = this.current(await this.repo.clocksOf(tx, ticketId), kind);
      if (!c || c.stopped_at !== null || c.not_needed_reason !== null || c.cancelled) continue;
      c.target_ms = targets[kind];
      c.level = level;
      await this.save(tx, c, policy, at);
    }
  }

  /** Views of the latest cycle of each clock, plus earlier resolution cycles. */
  /** `rows`: the clocks when the caller has them already (a ticket just created). */
  async views(db: Tx, ticketId: string, policy: SlaPolicy, now: number, rows?: ClockRow[]) {
    const cal = this.calendar(policy.calendar);
    // Same order as the repository returns (kind, then cycle), whichever way the rows came.
    const ordered = rows ? [...rows].sort((a, b) => a.kind.localeCompare(b.kind) || a.cycle - b.cycle) : await this.repo.clocksOf(db, ticketId);
    return ordered.map((c) => presentClock(c, cal, now));
  }

  async history(db: Tx, ticketId: string, policy: SlaPolicy, now: number) {
    const cal = this.calendar(policy.calendar);
    return (await this.repo.clocksOf(db, ticketId)).map((c) => ({
      kind: c.kind as ClockKind, cycle: c.cycle,
      segments: clockHistory(factsOf(c), cal, now).map((s) => ({ kind: s.kind, start: s.start, end: s.end, ...(s.reason ? { reason: s.reason } : {}), ...(s.name ? { name: s.name } : {}) })),
    }));
  }

  /** Nearest due instant over running clocks (null when none runs) and whether any clock is late. */
  async dueSummary(db: Tx, ticketId: string, policy: SlaPolicy, now: number) {
    const cal = this.calendar(policy.calendar);
    let next: number | null = null;
    let breached = false;
    for (const c of await this.repo.clocksOf(db, ticketId)) {
      const v = computeClock(factsOf(c), cal, now);
      if (v.status === 'breached') breached = true;
      if (c.due_at !== null && (next === null || c.due_at < next)) next = c.due_at;
    }
    return { nextDueAt: next, breached };
  }

  /**
   * Clocks that stopped before outcomes were stored (migration 0011) get them now, in batches.
   * `policyOf` reads the ticket's contract policy (its calendar decides the working time).
   */
  async backfillOutcomes(db: Tx, policyOf: (contractId: string | null) => Promise<SlaPolicy>, batch = 500): Promise<number> {
    let done = 0;
    for (;;) {
      const rows = await this.repo.stoppedWithoutOutcome(db, batch);
      if (!rows.length) return done;
      for (const { contract_id, ...c } of rows) {
        const cal = this.calendar((await policyOf(contract_id)).calendar);
        await this.repo.updateClock(db, c.id, outcomeOf(c, cal));
      }
      done += rows.length;
    }
  }

  missingHolidayYears(policy: SlaPolicy, from: number, to: number): number[] {
    return this.calendar(policy.calendar).missingHolidayYears(from, to);
  }
}

/** What a stopped clock ended as, for reporting; all null while it runs. */
export function outcomeOf(c: ClockRow, cal: WorkingCalendar): Pick<ClockRow, 'outcome' | 'elapsed_ms' | 'late_ms'> {
  if (c.cancelled === 1) return { outcome: 'cancelled', elapsed_ms: null, late_ms: null };
  if (c.not_needed_reason !== null) return { outcome: 'not_needed', elapsed_ms: null, late_ms: null };
  if (c.stopped_at === null) return { outcome: null, elapsed_ms: null, late_ms: null };
  const v = computeClock(factsOf(c), cal, c.stopped_at);
  return { outcome: v.status === 'breached' ? 'breached' : 'met', elapsed_ms: v.elapsedMs, late_ms: v.breachedByMs };
}

export function presentClock(c: ClockRow, cal: WorkingCalendar, now: number) {
  const v = computeClock(factsOf(c), cal, now);
  return {
    kind: c.kind as ClockKind, cycle: c.cycle, status: c.cancelled ? ('not_needed' as const) : v.status, targetMs: c.target_ms, startedAt: c.started_at,
    dueAt: v.dueAt, stoppedAt: c.stopped_at, elapsedMs: v.elapsedMs, remainingMs: v.remainingMs, pausedMs: v.pausedMs,
    breachedByMs: v.breachedByMs, percent: v.percent, notNeededReason: c.cancelled ? 'cancelled' : c.not_needed_reason,
  };
}
