import type { ClockKind, SlaPolicy } from '@weibao/schema';
import type { SlaClocksTable } from '../../db/types.js';
import type { WorkingCalendar } from './calendar.js';
import { type ClockFacts, clockHistory, computeClock } from './clock.js';

/*
 * A stored clock row and what is derived from it alone: its facts for the pure clock code, its outcome when it
 * stops, and how the ticket detail and the clock history show it. SlaService (service.ts) stores and schedules.
 */

/** Alerts per clock cycle: warnings at 50% and 80% of the target, the breach just past 100%. */
export const ALERTS = [
  { kind: 'warn50', fraction: 0.5, offset: 0 },
  { kind: 'warn80', fraction: 0.8, offset: 0 },
  // A clock is breached when elapsed > target, i.e. 1 ms after the due instant.
  { kind: 'breach', fraction: 1, offset: 1 },
] as const;

export type ClockRow = SlaClocksTable;

/** One clock moved by a re-plan, for the ticket's clock history ("due moved from A to B"). */
export interface ClockReplan {
  kind: ClockKind;
  cycle: number;
  fromDue: number | null;
  toDue: number | null;
  fromTargetMs: number;
  toTargetMs: number;
}
/** A stored re-plan event as the clock history shows it. */
export interface ReplanEvent {
  at: number;
  byName: string | null;
  reason: string;
  clocks: ClockReplan[];
}

export function targetsFor(policy: SlaPolicy, level: number): Record<ClockKind, number> {
  const t = policy.targets.find((x) => x.level === level) ?? policy.targets[0]!;
  return { response: t.responseMin * 60_000, arrival: t.arrivalMin * 60_000, resolution: t.resolutionMin * 60_000 };
}

export function factsOf(c: ClockRow): ClockFacts {
  const closed = JSON.parse(c.pauses_json) as { from: number; to: number }[];
  return {
    targetMs: c.target_ms,
    startedAt: c.started_at,
    stoppedAt: c.stopped_at,
    notNeeded: c.not_needed_reason !== null || c.cancelled === 1,
    pauses: c.paused_since !== null ? [...closed, { from: c.paused_since, to: null }] : closed,
  };
}

/**
 * What a stopped clock ended as, for reporting; all null while it runs. A clock that had breached
 * (`breachRaised`: its breach alert fired, or it ran past its target before it stopped) stays
 * breached even when the arrival was later declared not needed.
 */
export function outcomeOf(
  c: ClockRow,
  cal: WorkingCalendar,
  breachRaised = false,
): Pick<ClockRow, 'outcome' | 'elapsed_ms' | 'late_ms'> {
  if (c.stopped_at === null)
    return {
      outcome: c.cancelled === 1 ? 'cancelled' : c.not_needed_reason !== null ? 'not_needed' : null,
      elapsed_ms: null,
      late_ms: null,
    };
  const v = computeClock({ ...factsOf(c), notNeeded: false }, cal, c.stopped_at);
  const breached = breachRaised || v.status === 'breached';
  // Cancelling the ticket stops its clocks, but a clock that had already breached stays breached.
  if (c.cancelled === 1 && !breached) return { outcome: 'cancelled', elapsed_ms: null, late_ms: null };
  if (c.not_needed_reason !== null && !breached) return { outcome: 'not_needed', elapsed_ms: null, late_ms: null };
  return { outcome: breached ? 'breached' : 'met', elapsed_ms: v.elapsedMs, late_ms: v.breachedByMs };
}

/**
 * A stopped clock shows its stored outcome (a later calendar change does not rewrite it); a clock
 * whose breach was raised (`breachRaised`) or that ran past its planned due instant (re-plans leave
 * a breached clock's due alone) shows as breached whatever happened after.
 */
export function presentClock(c: ClockRow, cal: WorkingCalendar, now: number, breachRaised = false) {
  const pastDue = c.stopped_at === null && c.due_at !== null && now > c.due_at;
  const keptBreach = c.outcome === 'breached' || ((breachRaised || pastDue) && !c.cancelled && c.outcome !== 'met');
  const v = computeClock(keptBreach ? { ...factsOf(c), notNeeded: false } : factsOf(c), cal, now);
  const status = keptBreach
    ? ('breached' as const)
    : c.cancelled
      ? ('not_needed' as const)
      : c.outcome === 'met'
        ? ('met' as const)
        : v.status;
  return {
    kind: c.kind as ClockKind,
    cycle: c.cycle,
    status,
    targetMs: c.target_ms,
    startedAt: c.started_at,
    // A kept breach shows the due instant it was planned with and ran past, not one a later calendar computes.
    dueAt: keptBreach && c.due_at !== null ? c.due_at : v.dueAt,
    stoppedAt: c.stopped_at,
    elapsedMs: c.elapsed_ms ?? v.elapsedMs,
    remainingMs: v.remainingMs,
    pausedMs: v.pausedMs,
    breachedByMs: c.late_ms ?? v.breachedByMs,
    percent: v.percent,
    notNeededReason: c.cancelled ? 'cancelled' : c.not_needed_reason,
  };
}

/** One clock's history: its running and paused segments, and the re-plans (`replans`) that moved it. */
export function presentHistory(c: ClockRow, cal: WorkingCalendar, now: number, replans: ReplanEvent[]) {
  return {
    kind: c.kind as ClockKind,
    cycle: c.cycle,
    segments: clockHistory(factsOf(c), cal, now).map((s) => ({
      kind: s.kind,
      start: s.start,
      end: s.end,
      ...(s.reason ? { reason: s.reason } : {}),
      ...(s.name ? { name: s.name } : {}),
    })),
    replans: replans.flatMap((e) =>
      e.clocks
        .filter((x) => x.kind === c.kind && x.cycle === c.cycle)
        .map((x) => ({
          at: e.at,
          byName: e.byName,
          reason: e.reason,
          fromDue: x.fromDue,
          toDue: x.toDue,
          fromTargetMs: x.fromTargetMs,
          toTargetMs: x.toTargetMs,
        })),
    ),
  };
}
