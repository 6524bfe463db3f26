import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, inWarranty, warrantyEnd, warrantyHistory } from './warranty.js';

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
    expect([inWarranty('2026-03-14', '2026-03-15', end), inWarranty('2026-03-15', '2026-03-15', end), inWarranty('2029-03-15', '2026-03-15', end), inWarranty('2029-03-16', '2026-03-15', end)])
      .toEqual([false, true, true, false]);
  });

  it('extends by the repair downtime, also for a replacement of a replaced part', () => {
    const h = warrantyHistory('2026-03-15', 36, 'downtime', [
      { faultOn: '2027-06-01', replacedOn: '2027-06-04' },
      { faultOn: '2028-12-30', replacedOn: '2029-01-02' }, // the replacement fails and is replaced again, across a year end
    ]);
    expect(h.map((s) => [s.on, s.end, s.extendedByDays])).toEqual([['2026-03-15', '2029-03-15', 0], ['2027-06-04', '2029-03-18', 3], ['2029-01-02', '2029-03-21', 3]]);
  });

  it('restarts the full term from the replacement, never shortening what is left', () => {
    const h = warrantyHistory('2026-01-31', 12, 'restart', [{ faultOn: '2026-02-25', replacedOn: '2026-02-28' }, { faultOn: '2026-03-01', replacedOn: '2026-03-02' }]);
    expect(h.map((s) => s.end)).toEqual(['2027-01-31', '2027-02-28', '2027-03-02']);
    expect(warrantyHistory('2026-01-31', 36, 'restart', [{ faultOn: '2026-01-31', replacedOn: '2026-01-31' }]).map((s) => s.extendedByDays)).toEqual([0, 0]);
    expect(() => warrantyHistory('2026-01-31', 12, 'downtime', [{ faultOn: '2026-03-05', replacedOn: '2026-03-01' }])).toThrow(/before its fault/);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});
