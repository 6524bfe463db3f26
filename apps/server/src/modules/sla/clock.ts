/**
 * One SLA clock (response, arrival or resolution) computed from its recorded facts. Pure: the same
 * facts, calendar and `now` always give the same view, so any app node can recompute it.
 *
 * Semantics (docs/SLA.md):
 *  - the clock counts working time of its calendar from `startedAt`, excluding pauses (挂起);
 *  - met iff stopped with elapsed <= target; breached exactly when elapsed > target, so a clock
 *    stopped when elapsed == target is met;
 *  - a clock already stopped is unaffected by pauses after its stop;
 *  - a not-needed (arrival) clock is neither met nor breached.
 */
import type { WorkingCalendar } from './calendar.js';

export interface ClockFacts {
  targetMs: number;
  startedAt: number;
  pauses: { from: number; to: number | null }[];
  stoppedAt: number | null;
  notNeeded?: boolean;
}
export type ClockStatus = 'running' | 'paused' | 'met' | 'breached' | 'not_needed';
export interface ClockView {
  status: ClockStatus;
  stopped: boolean;
  dueAt: number | null;
  elapsedMs: number;
  remainingMs: number | null;
  pausedMs: number;
  breachedByMs: number;
  percent: number;
}
export interface ClockSegment {
  kind: 'running' | 'paused' | 'calendar_gap';
  start: number;
  end: number | null;
  reason?: string;
  name?: string;
}

interface Interval {
  from: number;
  to: number;
}

function checkTarget(f: ClockFacts): void {
  // A zero or negative target is a configuration error; percentages and breach would be meaningless.
  if (!Number.isFinite(f.targetMs) || f.targetMs <= 0) {
    throw new RangeError(`targetMs must be a positive number, got ${f.targetMs}`);
  }
}

/**
 * Pauses that matter for the cycle [startedAt, end): clipped to it, an open pause closed at `end`.
 * Pauses of an earlier cycle (before a reopen) and after the stop are dropped.
 */
function effectivePauses(f: ClockFacts, end: number): Interval[] {
  const out: Interval[] = [];
  for (const p of [...f.pauses].sort((x, y) => x.from - y.from)) {
    const from = Math.max(p.from, f.startedAt);
    const to = Math.min(p.to ?? end, end);
    if (to <= from) continue;
    const prev = out[out.length - 1];
    // Tolerate touching or overlapping records instead of double-counting them.
    if (prev && from <= prev.to) prev.to = Math.max(prev.to, to);
    else out.push({ from, to });
  }
  return out;
}

/** The running intervals of [startedAt, end) once the pauses are cut out. */
function runningIntervals(start: number, end: number, pauses: Interval[]): Interval[] {
  const out: Interval[] = [];
  let t = start;
  for (const p of pauses) {
    if (p.from > t) out.push({ from: t, to: p.from });
    t = Math.max(t, p.to);
  }
  if (end > t) out.push({ from: t, to: end });
  return out;
}

/**
 * First instant at which `amount` ms of working time have run, given the (closed) pauses and no
 * pause after the last one. Works for past instants too (a threshold already crossed).
 */
function instantAtElapsed(start: number, pauses: Interval[], amount: number, cal: WorkingCalendar): number {
  let t = start;
  let left = amount;
  for (const p of pauses) {
    if (p.from > t) {
      const w = cal.workingBetween(t, p.from);
      if (w >= left) return cal.addWorking(t, left);
      left -= w;
    }
    t = Math.max(t, p.to);
  }
  return cal.addWorking(t, left);
}

function isOpenPause(f: ClockFacts, now: number): boolean {
  return f.pauses.some((p) => p.to === null && p.from <= now);
}

export function computeClock(f: ClockFacts, cal: WorkingCalendar, now: number): ClockView {
  checkTarget(f);
  const stopped = f.stoppedAt !== null || f.notNeeded === true;
  const end = Math.max(f.startedAt, f.stoppedAt ?? now);
  const pauses = effectivePauses(f, end);
  let elapsedMs = 0;
  for (const r of runningIntervals(f.startedAt, end, pauses)) elapsedMs += cal.workingBetween(r.from, r.to);
  const pausedMs = pauses.reduce((sum, p) => sum + (p.to - p.from), 0);
  const percent = (elapsedMs / f.targetMs) * 100;

  if (f.notNeeded) {
    // Neither met nor breached: no deadline, nothing remaining, never late.
    return {
      status: 'not_needed',
      stopped: true,
      dueAt: null,
      elapsedMs,
      remainingMs: null,
      pausedMs,
      breachedByMs: 0,
      percent,
    };
  }

  const late = elapsedMs > f.targetMs;
  const pausedNow = f.stoppedAt === null && isOpenPause(f, now);
  let status: ClockStatus;
  if (f.stoppedAt !== null) status = late ? 'breached' : 'met';
  else if (late) status = 'breached';
  else status = pausedNow ? 'paused' : 'running';

  // While paused the deadline is unknown (it moves with the pause). Once late, the instant the
  // target was reached is a fixed past fact, so it is shown even while paused.
  const dueAt = pausedNow && !late ? null : instantAtElapsed(f.startedAt, pauses, f.targetMs, cal);

  return {
    status,
    stopped,
    dueAt,
    elapsedMs,
    remainingMs: f.targetMs - elapsedMs,
    pausedMs,
    breachedByMs: Math.max(0, elapsedMs - f.targetMs),
    percent,
  };
}

/**
 * Instant at which elapsed working time reaches fraction*target, assuming no further pauses; null if
 * the clock is stopped, not needed or currently paused (the scheduler re-plans on resume). The
 * instant may lie in the past when the threshold was already crossed: the caller fires at once.
 * Note: at thresholdAt(f, cal, 1) elapsed == target, which is still "met"; breach is any later instant.
 */
export function thresholdAt(f: ClockFacts, cal: WorkingCalendar, fraction: number): number | null {
  checkTarget(f);
  if (!Number.isFinite(fraction) || fraction < 0) throw new RangeError(`fraction must be >= 0, got ${fraction}`);
  if (f.notNeeded || f.stoppedAt !== null || f.pauses.some((p) => p.to === null)) return null;
  const pauses = effectivePauses(f, Number.POSITIVE_INFINITY);
  // Round up so that at the returned instant the threshold has really been reached.
  return instantAtElapsed(f.startedAt, pauses, Math.ceil(fraction * f.targetMs), cal);
}

/**
 * History for the UI from startedAt to stoppedAt ?? now: running stretches, pauses, and the calendar
 * gaps (nights, weekends, holidays) the clock skipped while not paused. The last segment of a clock
 * that has not stopped has end = null (it is still going on at `now`).
 */
export function clockHistory(f: ClockFacts, cal: WorkingCalendar, now: number): ClockSegment[] {
  const end = Math.max(f.startedAt, f.stoppedAt ?? now);
  const pauses = effectivePauses(f, end);
  const out: ClockSegment[] = [];
  const running = (from: number, to: number) => {
    let t = from;
    for (const g of cal.gapsBetween(from, to)) {
      if (g.start > t) out.push({ kind: 'running', start: t, end: g.start });
      const seg: ClockSegment = { kind: 'calendar_gap', start: g.start, end: g.end, reason: g.reason };
      if (g.name !== undefined) seg.name = g.name;
      out.push(seg);
      t = g.end;
    }
    if (to > t) out.push({ kind: 'running', start: t, end: to });
  };
  let t = f.startedAt;
  for (const p of pauses) {
    if (p.from > t) running(t, p.from);
    out.push({ kind: 'paused', start: p.from, end: p.to });
    t = Math.max(t, p.to);
  }
  if (end > t) running(t, end);
  const last = out[out.length - 1];
  const ongoing = f.stoppedAt === null && !f.notNeeded;
  if (ongoing) {
    const pausedNow = f.pauses.some((p) => p.to === null);
    // A pause that ended exactly now is over: the clock runs again from this instant.
    if (last && last.end === end && (last.kind !== 'paused' || pausedNow)) last.end = null;
    else if (!pausedNow) out.push({ kind: 'running', start: end, end: null });
  }
  return out;
}
