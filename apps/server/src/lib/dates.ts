/**
 * Calendar arithmetic on dates (YYYY-MM-DD) and months (YYYY-MM), pure and zone-free: the calendar is
 * the one users live in (Beijing), so turning instants into these strings is lib/time.ts's job, and
 * validating what callers send is @weibao/schema's (CalendarDate, CalendarMonth).
 *
 * Month periods follow the Civil Code of the PRC (第二百零三条): a period counted in months ends on
 * the corresponding day of the final month, or on that month's last day when it has no such day. So
 * one month from 2024-01-31 is 2024-02-29, from 2023-01-31 it is 2023-02-28, and twelve months from
 * 2024-02-29 is 2025-02-28.
 */
export type IsoDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function parts(d: IsoDate): [number, number, number] {
  const m = DATE.exec(d);
  if (!m) throw new Error(`not a date: ${d}`);
  const [y, mo, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || day < 1 || day > daysInMonth(y, mo)) throw new Error(`not a date: ${d}`);
  return [y, mo, day];
}
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** Days in month `m` (1–12) of year `y`: 28, 29, 30 or 31. */
export const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The corresponding day `months` later (or earlier), or the last day of that month when it has none. */
export function addMonths(d: IsoDate, months: number): IsoDate {
  const [y, m, day] = parts(d);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return iso(ty, tm, Math.min(day, daysInMonth(ty, tm)));
}

export function addDays(d: IsoDate, days: number): IsoDate {
  const [y, m, day] = parts(d);
  return new Date(Date.UTC(y, m - 1, day + days)).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const [ya, ma, da] = parts(a);
  const [yb, mb, db] = parts(b);
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / DAY_MS);
}

/** The month (YYYY-MM) `n` months after (or before) `month`. */
export const shiftMonth = (month: string, n: number) => addMonths(`${month}-01`, n).slice(0, 7);

/** First and last day (YYYY-MM-DD) of `month` (YYYY-MM). */
export function monthDays(month: string): { first: IsoDate; last: IsoDate } {
  const first = `${month}-01`;
  const [y, m] = parts(first);
  return { first, last: `${month}-${pad(daysInMonth(y, m))}` };
}

/** Every day of `month` (YYYY-MM), in order. */
export function daysOfMonth(month: string): IsoDate[] {
  const { last } = monthDays(month);
  return Array.from({ length: Number(last.slice(8)) }, (_, i) => `${month}-${pad(i + 1)}`);
}
