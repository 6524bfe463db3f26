import { describe, expect, it } from 'vitest';
import {
  beijingClock,
  beijingDateTime,
  beijingDay,
  beijingDayStart,
  beijingMonth,
  beijingTimestamp,
  beijingWallClock,
  beijingYear,
  monthBounds,
  refuseUnbegunMonth,
  startOfBeijingDay,
} from './time.js';

const utc = (iso: string) => Date.parse(`${iso}Z`);

describe('Beijing calendar of UTC instants (UTC+8, no DST)', () => {
  it('turns to the next Beijing day at 16:00 UTC', () => {
    expect(beijingDay(utc('2026-03-14T15:59:59.999'))).toBe('2026-03-14');
    expect(beijingDay(utc('2026-03-14T16:00:00'))).toBe('2026-03-15');
    expect(beijingDayStart('2026-03-15')).toBe(utc('2026-03-14T16:00:00'));
    expect(startOfBeijingDay(utc('2026-03-14T16:00:00'))).toBe(utc('2026-03-14T16:00:00'));
    expect(startOfBeijingDay(utc('2026-03-15T15:59:59.999'))).toBe(utc('2026-03-14T16:00:00'));
    expect(startOfBeijingDay(utc('2026-03-14T15:59:59.999'))).toBe(utc('2026-03-13T16:00:00'));
  });

  it('turns months and years in Beijing, eight hours before UTC does', () => {
    expect(beijingMonth(utc('2026-01-31T15:59:59'))).toBe('2026-01');
    expect(beijingMonth(utc('2026-01-31T16:00:00'))).toBe('2026-02');
    expect(beijingYear(utc('2026-12-31T15:59:59'))).toBe(2026);
    expect(beijingYear(utc('2026-12-31T16:00:00'))).toBe(2027);
    expect(beijingDay(utc('2026-12-31T16:00:00'))).toBe('2027-01-01');
  });

  it('round-trips a day through its start', () => {
    for (const d of ['2024-02-29', '2026-01-01', '2026-12-31', '2028-02-29'])
      expect(beijingDay(beijingDayStart(d))).toBe(d);
    expect(beijingDay(beijingDayStart('2026-03-15') - 1)).toBe('2026-03-14');
  });

  it('shows clocks and timestamps in Beijing time', () => {
    const t = utc('2026-10-12T02:30:45');
    expect(beijingClock(t)).toBe('10:30');
    expect(beijingClock(t, true)).toBe('2026-10-12 10:30');
    expect(beijingDateTime(utc('2026-10-11T16:05:00'))).toBe('2026-10-12 00:05');
    expect(beijingTimestamp(t)).toBe('2026-10-12 10:30:45');
    expect(beijingWallClock(t).toISOString()).toBe('2026-10-12T10:30:45.000Z');
  });
});

describe('monthBounds', () => {
  it('gives first and last day and the [from, to) instants of the Beijing month', () => {
    expect(monthBounds('2026-03')).toEqual({
      first: '2026-03-01',
      last: '2026-03-31',
      from: utc('2026-02-28T16:00:00'),
      to: utc('2026-03-31T16:00:00'),
    });
  });
  it('knows February in leap and common years, and the year end', () => {
    expect(monthBounds('2024-02').last).toBe('2024-02-29');
    expect(monthBounds('2026-02').last).toBe('2026-02-28');
    expect(monthBounds('2100-02').last).toBe('2100-02-28'); // divisible by 100, not by 400
    expect(monthBounds('2000-02').last).toBe('2000-02-29');
    const dec = monthBounds('2026-12');
    expect(dec.last).toBe('2026-12-31');
    expect(dec.to).toBe(monthBounds('2027-01').from);
    expect((dec.to - dec.from) / 86_400_000).toBe(31);
  });
});

describe('refuseUnbegunMonth', () => {
  it('refuses a month until it begins in Beijing (16:00 UTC on the last day before)', () => {
    const lastHourOfMarch = utc('2026-03-31T15:59:59');
    expect(() => refuseUnbegunMonth('2026-04', lastHourOfMarch)).toThrow(expect.objectContaining({ field: 'month' }));
    expect(() => refuseUnbegunMonth('2026-04', utc('2026-03-31T16:00:00'))).not.toThrow();
    expect(() => refuseUnbegunMonth('2026-03', lastHourOfMarch)).not.toThrow();
  });
});
