import { invalid } from './errors.js';
import { addDays, monthDays } from './dates.js';

/**
 * Times are stored as UTC milliseconds; users' days, months and clocks are Beijing time (UTC+8, no
 * daylight saving), whatever the server's zone. Every instant ↔ Beijing calendar conversion is here;
 * arithmetic on the resulting dates and months is lib/dates.ts.
 */
const CST = 8 * 3_600_000;
/** For SQL that buckets stored UTC ms into Beijing days (repositories only: services use the functions below). */
export const BEIJING_OFFSET_MS = CST;

/**
 * A Date whose UTC fields read the Beijing wall clock at `ms`: for spreadsheet cells, which carry no
 * zone, so a cell shows the time users know. Never use it as an instant.
 */
export const beijingWallClock = (ms: number) => new Date(ms + CST);
const wall = (ms: number) => beijingWallClock(ms).toISOString();

/** The Beijing calendar day (YYYY-MM-DD) at `ms`: from 16:00 UTC on, it is already the next day. */
export const beijingDay = (ms: number) => wall(ms).slice(0, 10);
/** The Beijing calendar month (YYYY-MM) at `ms`. */
export const beijingMonth = (ms: number) => wall(ms).slice(0, 7);
/** The Beijing calendar year at `ms` (document numbers are counted per Beijing year). */
export const beijingYear = (ms: number) => beijingWallClock(ms).getUTCFullYear();
/** UTC instant at which Beijing day `day` (YYYY-MM-DD) begins: 16:00 UTC the day before. */
export const beijingDayStart = (day: string) => Date.parse(`${day}T00:00:00Z`) - CST;

/** UTC instant at which the Beijing day containing `ms` began. */
export const startOfBeijingDay = (ms: number) => beijingDayStart(beijingDay(ms));

/** A month's Beijing bounds: first and last day (YYYY-MM-DD), and [from, to) in ms. */
export function monthBounds(month: string) {
  const { first, last } = monthDays(month);
  return { first, last, from: beijingDayStart(first), to: beijingDayStart(addDays(last, 1)) };
}

/** "YYYY-MM-DD HH:mm" in Beijing time; `beijingTime` adds the 北京时间 / Beijing time marker. */
export const beijingDateTime = (ms: number) => {
  const iso = wall(ms);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
};
/** "HH:mm" in Beijing time, or "YYYY-MM-DD HH:mm" with `withDate`. */
export const beijingClock = (ms: number, withDate = false) => (withDate ? beijingDateTime(ms) : wall(ms).slice(11, 16));
/** "YYYY-MM-DD HH:mm:ss" in Beijing time, for logs and exports that need the seconds. */
export const beijingTimestamp = (ms: number) => wall(ms).slice(0, 19).replace('T', ' ');

/** "2026-10-12 10:30（北京时间）" or "2026-10-12 10:30 (Beijing time)": never an ISO UTC string. */
export function beijingTime(ms: number, locale: string): string {
  const text = beijingDateTime(ms);
  return locale === 'en' ? `${text} (Beijing time)` : `${text}（北京时间）`;
}

/**
 * A month (YYYY-MM) that has not begun in Beijing at `now` has nothing to measure yet: refused with a
 * 400 naming `month`, so no endpoint reports a coming month as met or 100 %.
 */
export function refuseUnbegunMonth(month: string, now: number) {
  if (month > beijingMonth(now)) throw invalid('month', 'common.monthNotBegun');
}
