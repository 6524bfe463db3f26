import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, daysInMonth, daysOfMonth, monthDays, shiftMonth } from './dates.js';

describe('calendar date arithmetic', () => {
  it('adds months the Civil Code way: the corresponding day, or the month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2026-05-31', -13)).toBe('2025-04-30');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-03-15', 0)).toBe('2026-03-15');
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-01-01', -60)).toBe('2025-11-02');
  });

  it('counts whole days between dates', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-01')).toBe(-28);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('refuses strings that are not calendar dates', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow('not a date');
    expect(() => addMonths('2026-13-01', 1)).toThrow('not a date');
    expect(() => daysBetween('2026-1-1', '2026-01-02')).toThrow('not a date');
  });
});

describe('months', () => {
  it('knows how long each month is', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('shifts months across year ends', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-03', -24)).toBe('2024-03');
  });

  it('lists a month’s first and last day and every day between', () => {
    expect(monthDays('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(monthDays('2026-11')).toEqual({ first: '2026-11-01', last: '2026-11-30' });
    expect(daysOfMonth('2026-02')).toHaveLength(28);
    expect(daysOfMonth('2026-01').at(0)).toBe('2026-01-01');
    expect(daysOfMonth('2026-01').at(-1)).toBe('2026-01-31');
    expect(() => monthDays('2026-13')).toThrow('not a date');
  });
});
