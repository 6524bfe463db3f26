import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween } from '../../lib/dates.js';
import { annualInspections, inWarranty, warrantyEnd, warrantyHistory, warrantyState } from './warranty.js';

describe('warranty arithmetic (Civil Code period rules)', () => {
  it('ends on the corresponding day of the final month, or its last day when there is none', () => {
    expect(warrantyEnd('2026-03-15', 36)).toBe('2029-03-15');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29'); // leap year
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28'); // from a leap day
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15'); // across a year end
    expect(warrantyEnd('2026-05-20', 0)).toBe('2026-05-20');
  });

  it('is in warranty from acceptance through the last day', () => {
    const end = warrantyEnd('2026-03-15', 36);
    expect([
      inWarranty('2026-03-14', '2026-03-15', end),
      inWarranty('2026-03-15', '2026-03-15', end),
      inWarranty('2029-03-15', '2026-03-15', end),
      inWarranty('2029-03-16', '2026-03-15', end),
    ]).toEqual([false, true, true, false]);
  });

  it('extends by the repair downtime, also for a replacement of a replaced part', () => {
    const h = warrantyHistory('2026-03-15', 36, 'downtime', [
      { faultOn: '2027-06-01', replacedOn: '2027-06-04' },
      { faultOn: '2028-12-30', replacedOn: '2029-01-02' }, // the replacement fails and is replaced again, across a year end
    ]);
    expect(h.map((s) => [s.on, s.end, s.extendedByDays])).toEqual([
      ['2026-03-15', '2029-03-15', 0],
      ['2027-06-04', '2029-03-18', 3],
      ['2029-01-02', '2029-03-21', 3],
    ]);
  });

  it('restarts the full term from the replacement, never shortening what is left', () => {
    const h = warrantyHistory('2026-01-31', 12, 'restart', [
      { faultOn: '2026-02-25', replacedOn: '2026-02-28' },
      { faultOn: '2026-03-01', replacedOn: '2026-03-02' },
    ]);
    expect(h.map((s) => s.end)).toEqual(['2027-01-31', '2027-02-28', '2027-03-02']);
    expect(
      warrantyHistory('2026-01-31', 36, 'restart', [{ faultOn: '2026-01-31', replacedOn: '2026-01-31' }]).map(
        (s) => s.extendedByDays,
      ),
    ).toEqual([0, 0]);
    expect(() =>
      warrantyHistory('2026-01-31', 12, 'downtime', [{ faultOn: '2026-03-05', replacedOn: '2026-03-01' }]),
    ).toThrow(/before its fault/);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});

describe('warranty status and the free annual inspection (R5)', () => {
  it('is expiring within 90 days, expired after the last covered day, not started before acceptance', () => {
    expect(warrantyState('2029-03-15', '2029-03-15')).toEqual({ status: 'expiring', daysLeft: 0 });
    expect(warrantyState('2029-03-16', '2029-03-15')).toEqual({ status: 'expired', daysLeft: -1 });
    expect(warrantyState('2028-12-15', '2029-03-15')).toEqual({ status: 'expiring', daysLeft: 90 });
    expect(warrantyState('2028-12-14', '2029-03-15')).toEqual({ status: 'in_warranty', daysLeft: 91 });
    expect(warrantyState('2028-12-14', null)).toEqual({ status: 'not_accepted', daysLeft: null });
  });

  it('is due on each anniversary of acceptance within the warranty, leap day included', () => {
    const r = annualInspections('2024-02-29', warrantyEnd('2024-02-29', 36), [], '2025-01-01');
    expect(r.years.map((y) => [y.year, y.dueOn, y.status])).toEqual([
      [1, '2025-02-28', 'upcoming'],
      [2, '2026-02-28', 'upcoming'],
      [3, '2027-02-28', 'upcoming'],
    ]);
    expect(annualInspections('2024-02-29', warrantyEnd('2024-02-29', 36), [], '2025-02-01').years[0]!.status).toBe(
      'due',
    );
    expect(annualInspections(null, null, [], '2025-02-01')).toEqual({ years: [], nextDue: null });
  });

  it('counts an inspection for the earliest open year it follows: a late one catches up, an early one counts for nothing', () => {
    const end = warrantyEnd('2026-03-15', 36);
    // Year 1 done in time, year 2 missed, seen in year 3.
    let r = annualInspections('2026-03-15', end, ['2027-03-01'], '2028-04-01');
    expect(r.years.map((y) => y.status)).toEqual(['done', 'overdue', 'upcoming']);
    expect(r.nextDue).toBe('2028-03-15');
    // A late inspection then catches year 2 up; the next due is year 3's.
    r = annualInspections('2026-03-15', end, ['2027-03-01', '2028-04-02'], '2028-04-03');
    expect(r.years.map((y) => [y.doneOn, y.status])).toEqual([
      ['2027-03-01', 'done'],
      ['2028-04-02', 'done'],
      [null, 'upcoming'],
    ]);
    expect(r.nextDue).toBe('2029-03-15');
    // On the acceptance day itself nothing is counted (the year has not begun).
    expect(annualInspections('2026-03-15', end, ['2026-03-15'], '2026-04-01').years[0]!.doneOn).toBeNull();
    expect(
      annualInspections(
        '2026-03-15',
        end,
        ['2027-01-01', '2027-01-02', '2027-02-01', '2028-01-01', '2029-01-01'],
        '2029-04-01',
      ).nextDue,
    ).toBeNull();
  });
});
