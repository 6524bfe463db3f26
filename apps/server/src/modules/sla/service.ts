import type { ClockKind, SlaPolicy } from '@weibao/schema';
import type { Tx } from '../../db/dialect.js';
import { newId } from '../../lib/ids.js';
import { type CalendarSpec, type WorkingCalendar, buildCalendar } from './calendar.js';
import { type NationalHolidays, nationalHolidays } from './china-days.js';
import { computeClock, thresholdAt } from './clock.js';
import { SlaRepository } from './repository.js';
import {
  ALERTS,
  type ClockReplan,
  type ClockRow,
  type ReplanEvent,
  factsOf,
  outcomeOf,
  presentClock,
  presentHistory,
  targetsFor,
} from './clock-rows.js';

export {
  ALERTS,
  type ClockReplan,
  type ClockRow,
  type ReplanEvent,
  factsOf,
  outcomeOf,
  presentClock,
  targetsFor,
} from './clock-rows.js';

/**
 * Persists the three clocks of each ticket and keeps their alert rows scheduled. All arithmetic is
 * the pure calendar/clock code; this class only decides when facts change and stores the results.
 */
export class SlaService {
  readonly repo = new SlaRepository();
  private readonly calendars = new Map<string, WorkingCalendar>();
  /** Package data plus the admin's holiday years; replaced by the holidays module when those change. */
  private nationalData: NationalHolidays = nationalHolidays();

  get national(): NationalHolidays {
    return this.nationalData;
  }
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
    const clocks = (['response', 'arrival', 'resolution'] as const).map((kind) =>
      this.clockRow(ticket, level, kind, 1, targets[kind], reportedAt, cal, now),
    );
    return {
      clocks,
      alerts: clocks.flatMap((c) => this.alertRows(c, cal, now)),
      nextDueAt: Math.min(...clocks.map((c) => c.due_at ?? Infinity)),
    };
  }

  /** Writes a plan in two statements; the ticket row must exist already. */
  async insertPlan(tx: Tx, plan: ReturnType<SlaService['plan']>) {
    await this.repo.insertClocks(tx, plan.clocks);
    await this.repo.insertAlerts(tx, plan.alerts);
  }

  private clockRow(
    ticket: { id: string; projectId: string | null },
    level: number,
    kind: ClockKind,
    cycle: number,
    targetMs: number,
    startedAt: number,
    cal: WorkingCalendar,
    now: number,
  ): ClockRow {
    const row: ClockRow = {
      id: newId(now),
      ticket_id: ticket.id,
      kind,
      cycle,
      target_ms: targetMs,
      started_at: startedAt,
      stopped_at: null,
      cancelled: 0,
      not_needed_reason: null,
      pauses_json: '[]',
      paused_since: null,
      due_at: null,
      updated_at: now,
      project_id: ticket.projectId,
      level,
      outcome: null,
      elapsed_ms: null,
      late_ms: null,
    };
    row.due_at = thresholdAt(factsOf(row), cal, 1);
    return row;
  }

  private alertRows(row: ClockRow, cal: WorkingCalendar, now: number) {
    return ALERTS.map((a) => {
      const at = thresholdAt(factsOf(row), cal, a.fraction);
      return {
        id: newId(now),
        clock_id: row.id,
        ticket_id: row.ticket_id,
        kind: a.kind,
        fire_at: at === null ? null : at + a.offset,
        state: 'pending',
        fired_at: null,
        fired_by: null,
      };
    });
  }

  private async createClock(
    tx: Tx,
    ticket: { id: string; projectId: string | null },
    level: number,
    kind: ClockKind,
    cycle: number,
    targetMs: number,
    startedAt: number,
    policy: SlaPolicy,
    now: number,
  ) {
    const cal = this.calendar(policy.calendar);
    const row = this.clockRow(ticket, level, kind, cycle, targetMs, startedAt, cal, now);
    await this.repo.insertClocks(tx, [row]);
    await this.repo.insertAlerts(tx, this.alertRows(row, cal, now));
  }

  /**
   * Re-derives due time and alert times after the facts of a clock changed. `replan`: the target or
   * calendar changed under a running clock; if that puts the breach in the past, the breach alone
   * is raised (at once) and the warnings it overtook are dropped instead of all firing together.
   */
  private async save(tx: Tx, c: ClockRow, policy: SlaPolicy, now: number, replan = false) {
    const cal = this.calendar(policy.calendar);
    const f = factsOf(c);
    const stopped = c.stopped_at !== null || c.not_needed_reason !== null || c.cancelled === 1;
    c.due_at = stopped || c.paused_since !== null ? null : thresholdAt(f, cal, 1);
    const alerts = await this.repo.alertsOf(tx, c.id);
    // A raised breach stands, unless the clock in fact stopped before the breach instant: work logged
    // after the fact (`occurredAt`) says the promise was kept, and the alert was raised only because
    // nobody had logged it yet (the fired alert row and its timeline event stay on the record).
    const raised = alerts.some(
      (a) =>
        a.kind === 'breach' &&
        a.state === 'fired' &&
        (c.stopped_at === null || a.fire_at === null || a.fire_at <= c.stopped_at),
    );
    Object.assign(c, outcomeOf(c, cal, raised));
    c.updated_at = now;
    const { id, ...patch } = c;
    await this.repo.updateClock(tx, id, patch);
    const overtaken = replan && c.due_at !== null && c.due_at < now;
    for (const alert of alerts.filter((a) => a.state === 'pending' || a.state === 'paused')) {
      const spec = ALERTS.find((a) => a.kind === alert.kind)!;
      if (stopped || (overtaken && alert.kind !== 'breach'))
        await this.repo.setAlert(tx, alert.id, { state: 'cancelled', fire_at: null });
      else if (c.paused_since !== null) await this.repo.setAlert(tx, alert.id, { state: 'paused', fire_at: null });
      else {
        const at = thresholdAt(f, cal, spec.fraction);
        await this.repo.setAlert(tx, alert.id, { state: 'pending', fire_at: at === null ? null : at + spec.offset });
      }
    }
  }

  /**
   * Whether a clock has breached: its breach alert was raised, or it ran past the due instant it was
   * planned with. Such a clock keeps its target and outcome whatever changes later (a breach is never
   * erased), so neither a level change nor a new policy re-plans it.
   */
  private async hasBreached(tx: Tx, c: ClockRow, cal: WorkingCalendar, now: number): Promise<boolean> {
    if (c.outcome === 'breached' || (c.due_at !== null && now > c.due_at)) return true;
    // A paused clock has no due instant: whether it ran late before the pause is computed.
    if (c.paused_since !== null && computeClock(factsOf(c), cal, now).status === 'breached') return true;
    return (await this.repo.alertsOf(tx, c.id)).some((a) => a.kind === 'breach' && a.state === 'fired');
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
    return Math.max(
      c.started_at,
      c.paused_since ?? 0,
      ...(JSON.parse(c.pauses_json) as { to: number }[]).map((p) => p.to),
    );
  }

  async notNeeded(tx: Tx, ticketId: string, reason: string, at: number, policy: SlaPolicy): Promise<boolean> {
    const c = this.current(await this.repo.clocksOf(tx, ticketId), 'arrival');
    if (!c || c.stopped_at !== null || c.not_needed_reason !== null) return false;
    c.not_needed_reason = reason;
    c.stopped_at = at;
    // The pause is kept (closed at the decision) so a breach before it is still measured right.
    if (c.paused_since !== null)
      c.pauses_json = JSON.stringify([...JSON.parse(c.pauses_json), { from: c.paused_since, to: at }]);
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
    await this.createClock(
      tx,
      { id: ticketId, projectId: last?.project_id ?? null },
      level,
      'resolution',
      (last?.cycle ?? 0) + 1,
      targetsFor(policy, level).resolution,
      at,
      policy,
      at,
    );
  }

  /**
   * Level change: running clocks keep their start (reported_at or reopen) and get the new level's
   * targets; a clock that has breached keeps its target and level (the breach stands).
   */
  async retarget(tx: Tx, ticketId: string, level: number, at: number, policy: SlaPolicy) {
    const targets = targetsFor(policy, level);
    const cal = this.calendar(policy.calendar);
    for (const kind of ['response', 'arrival', 'resolution'] as const) {
      const c = this.current(await this.repo.clocksOf(tx, ticketId), kind);
      if (!c || c.stopped_at !== null || c.not_needed_reason !== null || c.cancelled) continue;
      if (await this.hasBreached(tx, c, cal, at)) continue;
      c.target_ms = targets[kind];
      c.level = level;
      await this.save(tx, c, policy, at);
    }
  }

  /**
   * The policy or calendar of the ticket's contract changed: every running or paused clock that has
   * not breached gets the target of its level under `policy` and new due and alert times (pending
   * alerts only; raised ones stay raised). Stopped and breached clocks keep what they have. Returns
   * the clocks whose due instant or target moved.
   */
  async replan(tx: Tx, ticketId: string, level: number, policy: SlaPolicy, now: number): Promise<ClockReplan[]> {
    const cal = this.calendar(policy.calendar);
    const clocks = await this.repo.clocksOf(tx, ticketId);
    const out: ClockReplan[] = [];
    for (const kind of ['response', 'arrival', 'resolution'] as const) {
      const c = this.current(clocks, kind);
      if (!c || c.stopped_at !== null || c.not_needed_reason !== null || c.cancelled) continue;
      if (await this.hasBreached(tx, c, cal, now)) continue;
      const fromDue = c.due_at;
      const fromTargetMs = c.target_ms;
      c.target_ms = targetsFor(policy, c.level ?? level)[kind];
      await this.save(tx, c, policy, now, true);
      if (c.due_at !== fromDue || c.target_ms !== fromTargetMs)
        out.push({ kind, cycle: c.cycle, fromDue, toDue: c.due_at, fromTargetMs, toTargetMs: c.target_ms });
    }
    return out;
  }

  /** Views of the latest cycle of each clock, plus earlier resolution cycles. */
  /** `rows`: the clocks when the caller has them already (a ticket just created, nothing raised yet). */
  async views(db: Tx, ticketId: string, policy: SlaPolicy, now: number, rows?: ClockRow[]) {
    const cal = this.calendar(policy.calendar);
    // Same order as the repository returns (kind, then cycle), whichever way the rows came.
    const ordered = rows
      ? [...rows].sort((a, b) => a.kind.localeCompare(b.kind) || a.cycle - b.cycle)
      : await this.repo.clocksOf(db, ticketId);
    const fired = new Set(rows ? [] : await this.repo.firedBreaches(db, ticketId));
    return ordered.map((c) => presentClock(c, cal, now, fired.has(c.id)));
  }

  /** `replans`: the ticket's re-plan events; each clock lists the ones that moved it. */
  async history(db: Tx, ticketId: string, policy: SlaPolicy, now: number, replans: ReplanEvent[] = []) {
    const cal = this.calendar(policy.calendar);
    return (await this.repo.clocksOf(db, ticketId)).map((c) => presentHistory(c, cal, now, replans));
  }

  /** Nearest due instant over running clocks (null when none runs) and whether any clock is late. */
  async dueSummary(db: Tx, ticketId: string, policy: SlaPolicy, now: number) {
    const cal = this.calendar(policy.calendar);
    let next: number | null = null;
    let breached = false;
    for (const c of await this.repo.clocksOf(db, ticketId)) {
      const v = computeClock(factsOf(c), cal, now);
      // A late arrival later declared not needed computes as not needed but is stored as breached.
      if (v.status === 'breached' || c.outcome === 'breached') breached = true;
      if (c.due_at !== null && (next === null || c.due_at < next)) next = c.due_at;
    }
    return { nextDueAt: next, breached };
  }

  /**
   * Clocks that stopped before outcomes were stored (migration 0011) get them now, in batches.
   * `policyOf` reads the ticket's contract policy (its calendar decides the working time).
   */
  async backfillOutcomes(
    db: Tx,
    policyOf: (contractId: string | null) => Promise<SlaPolicy>,
    batch = 500,
  ): Promise<number> {
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
