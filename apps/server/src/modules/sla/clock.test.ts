import { describe, it, expect } from 'vitest';
import { buildCalendar } from './calendar.js';
import { clockHistory, computeClock, thresholdAt, type ClockFacts } from './clock.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const h24 = buildCalendar({ kind: '24x7' });
const biz = buildCalendar({ kind: 'business' }); // Mon–Fri 09:00–12:00, 13:30–18:00 Asia/Shanghai, China holidays

const T0 = Date.UTC(2026, 2, 2, 2, 0); // Mon 2026-03-02 10:00 Beijing
const facts = (over: Partial<ClockFacts> = {}): ClockFacts => ({
  targetMs: 30 * MIN,
  startedAt: T0,
  pauses: [],
  stoppedAt: null,
  ...over,
});

describe('computeClock on 24x7', () => {
  it('running clock', () => {
    expect(computeClock(facts(), h24, T0 + 10 * MIN)).toEqual({
      status: 'running',
      stopped: false,
      dueAt: T0 + 30 * MIN,
      elapsedMs: 10 * MIN,
      remainingMs: 20 * MIN,
      pausedMs: 0,
      breachedByMs: 0,
      percent: ((10 * MIN) / (30 * MIN)) * 100, // same float expression as elapsed/target*100
    });
  });

  it('elapsed == target is met; 1 ms more is breached', () => {
    const met = computeClock(facts({ stoppedAt: T0 + 30 * MIN }), h24, T0 + HOUR);
    expect(met).toMatchObject({
      status: 'met',
      stopped: true,
      elapsedMs: 30 * MIN,
      remainingMs: 0,
      breachedByMs: 0,
      percent: 100,
    });
    const late = computeClock(facts({ stoppedAt: T0 + 30 * MIN + 1 }), h24, T0 + HOUR);
    expect(late).toMatchObject({ status: 'breached', stopped: true, breachedByMs: 1, remainingMs: -1 });
  });

  it('still running past due is breached but not stopped', () => {
    expect(computeClock(facts(), h24, T0 + 30 * MIN)).toMatchObject({ status: 'running' });
    const v = computeClock(facts(), h24, T0 + 45 * MIN);
    expect(v).toMatchObject({
      status: 'breached',
      stopped: false,
      dueAt: T0 + 30 * MIN,
      breachedByMs: 15 * MIN,
      remainingMs: -15 * MIN,
      percent: 150,
    });
  });

  it('a closed pause moves the deadline and is excluded from elapsed', () => {
    const f = facts({ pauses: [{ from: T0 + 10 * MIN, to: T0 + 50 * MIN }] });
    expect(computeClock(f, h24, T0 + 60 * MIN)).toMatchObject({
      status: 'running',
      elapsedMs: 20 * MIN,
      pausedMs: 40 * MIN,
      dueAt: T0 + 70 * MIN,
    });
  });

  it('an open pause: paused, no deadline, paused time up to now', () => {
    const f = facts({
      pauses: [
        { from: T0 + 10 * MIN, to: T0 + 20 * MIN },
        { from: T0 + 25 * MIN, to: null },
      ],
    });
    expect(computeClock(f, h24, T0 + 2 * HOUR)).toMatchObject({
      status: 'paused',
      stopped: false,
      dueAt: null,
      elapsedMs: 15 * MIN,
      remainingMs: 15 * MIN,
      pausedMs: 10 * MIN + 95 * MIN,
    });
  });

  it('stopped while paused: the stop freezes the clock, later pause time does not count', () => {
    const f = facts({ pauses: [{ from: T0 + 10 * MIN, to: null }], stoppedAt: T0 + HOUR });
    expect(computeClock(f, h24, T0 + 5 * HOUR)).toMatchObject({
      status: 'met',
      stopped: true,
      elapsedMs: 10 * MIN,
      pausedMs: 50 * MIN,
    });
  });

  it('a pause recorded after the stop does not affect a stopped clock', () => {
    const f = facts({ stoppedAt: T0 + 20 * MIN, pauses: [{ from: T0 + 25 * MIN, to: T0 + 90 * MIN }] });
    expect(computeClock(f, h24, T0 + 2 * HOUR)).toMatchObject({
      status: 'met',
      elapsedMs: 20 * MIN,
      pausedMs: 0,
      dueAt: T0 + 30 * MIN,
    });
  });

  it('paused after the deadline stays breached and keeps its (past) due time', () => {
    const f = facts({ pauses: [{ from: T0 + 40 * MIN, to: null }] });
    expect(computeClock(f, h24, T0 + 2 * HOUR)).toMatchObject({
      status: 'breached',
      dueAt: T0 + 30 * MIN,
      breachedByMs: 10 * MIN,
    });
  });

  it('a new resolution cycle counts from the reopen time; earlier pauses are ignored', () => {
    const reopen = T0 + 5 * HOUR;
    const f = facts({ targetMs: 2 * HOUR, startedAt: reopen, pauses: [{ from: T0 + HOUR, to: T0 + 2 * HOUR }] });
    expect(computeClock(f, h24, reopen + HOUR)).toMatchObject({
      status: 'running',
      elapsedMs: HOUR,
      pausedMs: 0,
      dueAt: reopen + 2 * HOUR,
    });
  });

  it('not needed: neither met nor breached', () => {
    const v = computeClock(facts({ notNeeded: true, stoppedAt: T0 + 2 * HOUR }), h24, T0 + 3 * HOUR);
    expect(v).toMatchObject({ status: 'not_needed', stopped: true, dueAt: null, remainingMs: null, breachedByMs: 0 });
  });

  it('rejects a non-positive target', () => {
    expect(() => computeClock(facts({ targetMs: 0 }), h24, T0)).toThrow(RangeError);
  });
});

describe('computeClock on business hours', () => {
  it('2 h target reported 30 min before closing ends 90 min into the next working period', () => {
    const start = Date.UTC(2026, 2, 2, 9, 30); // Mon 2026-03-02 17:30 Beijing
    const f = facts({ targetMs: 2 * HOUR, startedAt: start });
    const v = computeClock(f, biz, Date.UTC(2026, 2, 3, 1, 0)); // Tue 09:00 Beijing
    expect(v).toMatchObject({ status: 'running', elapsedMs: 30 * MIN, dueAt: Date.UTC(2026, 2, 3, 2, 30) }); // Tue 10:30
  });

  it('a pause before the first working period changes nothing but is shown as paused time', () => {
    const start = Date.UTC(2026, 2, 2, 0, 0); // Mon 2026-03-02 08:00 Beijing
    const f = facts({
      startedAt: start,
      pauses: [{ from: Date.UTC(2026, 2, 2, 0, 10), to: Date.UTC(2026, 2, 2, 0, 50) }],
    }); // 08:10–08:50
    const v = computeClock(f, biz, Date.UTC(2026, 2, 2, 1, 10)); // 09:10
    expect(v).toMatchObject({
      status: 'running',
      elapsedMs: 10 * MIN,
      pausedMs: 40 * MIN,
      dueAt: Date.UTC(2026, 2, 2, 1, 30),
    }); // due 09:30
  });

  it('a pause across lunch only removes the working part', () => {
    const start = Date.UTC(2026, 2, 2, 3, 0); // Mon 2026-03-02 11:00 Beijing, target 2 h
    const f = facts({
      targetMs: 2 * HOUR,
      startedAt: start,
      pauses: [{ from: Date.UTC(2026, 2, 2, 3, 30), to: Date.UTC(2026, 2, 2, 6, 0) }],
    }); // 11:30–14:00
    const v = computeClock(f, biz, Date.UTC(2026, 2, 2, 7, 0)); // 15:00
    // worked 11:00–11:30 and 14:00–15:00 -> 90 min; 30 min left -> due 15:30
    expect(v).toMatchObject({ elapsedMs: 90 * MIN, pausedMs: 150 * MIN, dueAt: Date.UTC(2026, 2, 2, 7, 30) });
  });

  it('National Day 2026 does not count', () => {
    const start = Date.UTC(2026, 8, 30, 9, 0); // Wed 2026-09-30 17:00 Beijing, target 2 h
    const v = computeClock(facts({ targetMs: 2 * HOUR, startedAt: start }), biz, Date.UTC(2026, 9, 5, 4, 0)); // Mon Oct 5 12:00
    expect(v).toMatchObject({ status: 'running', elapsedMs: HOUR, dueAt: Date.UTC(2026, 9, 8, 2, 0) }); // Thu Oct 8 10:00
  });
});

describe('thresholdAt', () => {
  it('24x7: 50/80/100 % of 30 min', () => {
    expect(thresholdAt(facts(), h24, 0.5)).toBe(T0 + 15 * MIN);
    expect(thresholdAt(facts(), h24, 0.8)).toBe(T0 + 24 * MIN);
    expect(thresholdAt(facts(), h24, 1)).toBe(T0 + 30 * MIN);
  });

  it('24x7 with a closed pause, and a threshold already crossed (past instant)', () => {
    const f = facts({ pauses: [{ from: T0 + 10 * MIN, to: T0 + 20 * MIN }] });
    expect(thresholdAt(f, h24, 0.2)).toBe(T0 + 6 * MIN); // before the pause
    expect(thresholdAt(f, h24, 0.5)).toBe(T0 + 25 * MIN);
    expect(thresholdAt(f, h24, 1)).toBe(T0 + 40 * MIN);
    expect(thresholdAt(f, h24, 1)).toBe(computeClock(f, h24, T0 + 21 * MIN).dueAt);
  });

  it('business: 2 h reported Mon 17:30 Beijing', () => {
    const f = facts({ targetMs: 2 * HOUR, startedAt: Date.UTC(2026, 2, 2, 9, 30) });
    expect(thresholdAt(f, biz, 0.5)).toBe(Date.UTC(2026, 2, 3, 1, 30)); // 60 min: Tue 09:30
    expect(thresholdAt(f, biz, 0.8)).toBe(Date.UTC(2026, 2, 3, 2, 6)); // 96 min: Tue 10:06
    expect(thresholdAt(f, biz, 1.0)).toBe(Date.UTC(2026, 2, 3, 2, 30)); // 120 min: Tue 10:30
  });

  it('business: across lunch', () => {
    const f = facts({ targetMs: 2 * HOUR, startedAt: Date.UTC(2026, 2, 2, 3, 0) }); // Mon 11:00 Beijing
    expect(thresholdAt(f, biz, 0.5)).toBe(Date.UTC(2026, 2, 2, 4, 0)); // 12:00 (end of the morning period)
    expect(thresholdAt(f, biz, 0.8)).toBe(Date.UTC(2026, 2, 2, 6, 6)); // 14:06
    expect(thresholdAt(f, biz, 1.0)).toBe(Date.UTC(2026, 2, 2, 6, 30)); // 14:30
  });

  it('null when stopped, not needed or paused', () => {
    expect(thresholdAt(facts({ stoppedAt: T0 + MIN }), h24, 0.5)).toBeNull();
    expect(thresholdAt(facts({ notNeeded: true }), h24, 0.5)).toBeNull();
    expect(thresholdAt(facts({ pauses: [{ from: T0 + MIN, to: null }] }), h24, 0.5)).toBeNull();
  });
});

describe('clockHistory', () => {
  it('24x7: running, paused, running (ongoing)', () => {
    const f = facts({ pauses: [{ from: T0 + 10 * MIN, to: T0 + 20 * MIN }] });
    expect(clockHistory(f, h24, T0 + HOUR)).toEqual([
      { kind: 'running', start: T0, end: T0 + 10 * MIN },
      { kind: 'paused', start: T0 + 10 * MIN, end: T0 + 20 * MIN },
      { kind: 'running', start: T0 + 20 * MIN, end: null },
    ]);
  });

  it('an open pause is the ongoing last segment', () => {
    const f = facts({ pauses: [{ from: T0 + 10 * MIN, to: null }] });
    expect(clockHistory(f, h24, T0 + HOUR)).toEqual([
      { kind: 'running', start: T0, end: T0 + 10 * MIN },
      { kind: 'paused', start: T0 + 10 * MIN, end: null },
    ]);
  });

  it('business: calendar gaps over a weekend, a pause, and the stop', () => {
    const f = facts({
      targetMs: 2 * HOUR,
      startedAt: Date.UTC(2026, 2, 6, 9, 0), // Fri 2026-03-06 17:00 Beijing
      pauses: [{ from: Date.UTC(2026, 2, 9, 1, 15), to: Date.UTC(2026, 2, 9, 1, 45) }], // Mon 09:15–09:45
      stoppedAt: Date.UTC(2026, 2, 9, 2, 0), // Mon 10:00
    });
    expect(clockHistory(f, biz, Date.UTC(2026, 2, 10))).toEqual([
      { kind: 'running', start: Date.UTC(2026, 2, 6, 9, 0), end: Date.UTC(2026, 2, 6, 10, 0) }, // Fri 17:00–18:00
      { kind: 'calendar_gap', start: Date.UTC(2026, 2, 6, 10, 0), end: Date.UTC(2026, 2, 6, 16, 0), reason: 'night' },
      { kind: 'calendar_gap', start: Date.UTC(2026, 2, 6, 16, 0), end: Date.UTC(2026, 2, 8, 16, 0), reason: 'weekend' },
      { kind: 'calendar_gap', start: Date.UTC(2026, 2, 8, 16, 0), end: Date.UTC(2026, 2, 9, 1, 0), reason: 'night' },
      { kind: 'running', start: Date.UTC(2026, 2, 9, 1, 0), end: Date.UTC(2026, 2, 9, 1, 15) }, // Mon 09:00–09:15
      { kind: 'paused', start: Date.UTC(2026, 2, 9, 1, 15), end: Date.UTC(2026, 2, 9, 1, 45) },
      { kind: 'running', start: Date.UTC(2026, 2, 9, 1, 45), end: Date.UTC(2026, 2, 9, 2, 0) }, // until the stop
    ]);
    // 60 + 15 + 15 min worked
    expect(computeClock(f, biz, Date.UTC(2026, 2, 10))).toMatchObject({ status: 'met', elapsedMs: 90 * MIN });
  });

  it('business: a named holiday gap, ongoing', () => {
    const f = facts({ targetMs: 2 * HOUR, startedAt: Date.UTC(2026, 8, 30, 9, 0) }); // Wed 2026-09-30 17:00 Beijing
    expect(clockHistory(f, biz, Date.UTC(2026, 9, 2, 4, 0))).toEqual([
      // now: Fri Oct 2 12:00
      { kind: 'running', start: Date.UTC(2026, 8, 30, 9, 0), end: Date.UTC(2026, 8, 30, 10, 0) },
      { kind: 'calendar_gap', start: Date.UTC(2026, 8, 30, 10, 0), end: Date.UTC(2026, 8, 30, 16, 0), reason: 'night' },
      { kind: 'calendar_gap', start: Date.UTC(2026, 8, 30, 16, 0), end: null, reason: 'holiday', name: '国庆节' },
    ]);
  });
});
