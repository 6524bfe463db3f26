import { describe, expect, it } from 'vitest';
import { dueInMonth, occurrences, type Recurrence, taskState } from './recurrence.js';

const monthly = (over: Partial<Recurrence> = {}): Recurrence => ({
  kind: 'monthly',
  dueDay: 25,
  intervalMonths: 1,
  startsOn: '2026-01-01',
  pauses: [],
  ...over,
});

describe('inspection recurrence (R16, R17)', () => {
  it('falls due on the day, or on the last day of a shorter month', () => {
    expect([
      dueInMonth('2026-02', 31),
      dueInMonth('2028-02', 31),
      dueInMonth('2028-02', 29),
      dueInMonth('2026-04', 31),
      dueInMonth('2026-01', 31),
    ]).toEqual(['2026-02-28', '2028-02-29', '2028-02-29', '2026-04-30', '2026-01-31']);
    expect(
      occurrences(monthly({ dueDay: 31, startsOn: '2027-12-01' }), '2027-12-01', '2028-04-30').map((o) => o.dueOn),
    ).toEqual(['2027-12-31', '2028-01-31', '2028-02-29', '2028-03-31', '2028-04-30']);
  });

  it('owes this month only when the plan starts on or before its due day', () => {
    expect(occurrences(monthly({ startsOn: '2026-03-10' }), '2026-01-01', '2026-05-31').map((o) => o.period)).toEqual([
      '2026-03',
      '2026-04',
      '2026-05',
    ]);
    expect(occurrences(monthly({ startsOn: '2026-03-25' }), '2026-01-01', '2026-04-30').map((o) => o.dueOn)).toEqual([
      '2026-03-25',
      '2026-04-25',
    ]);
    expect(occurrences(monthly({ startsOn: '2026-03-26' }), '2026-01-01', '2026-05-31').map((o) => o.period)).toEqual([
      '2026-04',
      '2026-05',
    ]);
  });

  it('owes nothing due while paused, and resumes from the resume day', () => {
    const r = monthly({ startsOn: '2026-01-01', pauses: [{ from: '2026-03-01', to: '2026-05-20' }] });
    expect(occurrences(r, '2026-01-01', '2026-07-31').map((o) => o.period)).toEqual([
      '2026-01',
      '2026-02',
      '2026-05',
      '2026-06',
      '2026-07',
    ]);
    const still = monthly({ pauses: [{ from: '2026-03-26', to: null }] });
    expect(occurrences(still, '2026-01-01', '2026-12-31').map((o) => o.period)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
  });

  it('repeats every N months from the start month for periodic checks', () => {
    const quarterly: Recurrence = {
      kind: 'periodic',
      dueDay: 31,
      intervalMonths: 3,
      startsOn: '2025-11-15',
      pauses: [],
    };
    expect(occurrences(quarterly, '2025-01-01', '2026-12-31').map((o) => o.dueOn)).toEqual([
      '2025-11-30',
      '2026-02-28',
      '2026-05-31',
      '2026-08-31',
      '2026-11-30',
    ]);
    expect(occurrences(quarterly, '2026-03-01', '2026-09-01').map((o) => o.period)).toEqual(['2026-05', '2026-08']);
    expect(() => occurrences({ ...quarterly, intervalMonths: 0 }, '2026-01-01', '2026-02-01')).toThrow(/interval/);
  });

  it('is done, late, overdue or open', () => {
    expect([
      taskState('2026-03-25', '2026-03-25', '2026-04-01'),
      taskState('2026-03-25', '2026-03-26', '2026-04-01'),
      taskState('2026-03-25', null, '2026-03-26'),
      taskState('2026-03-25', null, '2026-03-25'),
    ]).toEqual(['done', 'late', 'overdue', 'open']);
  });
});
