import { z } from 'zod';

/**
 * One set of date schemas for every route and body: a date, month or range the API accepts is a
 * real calendar value in a sane span of years, so no service ever computes with 9999-12 or
 * 2026-02-30 (a 500 or a nonsense figure) — the caller gets a 400 naming the field instead.
 */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/**
 * Messages are keys of the server's reason catalogue (apps/server/src/lib/messages/reasons/schema.ts), rendered in
 * the caller's language when a 400 names the field.
 */
const YEARS = 'schema.yearRange';
const realDay = (d: string) => {
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
};
const saneYear = (s: string) => Number(s.slice(0, 4)) >= MIN_YEAR && Number(s.slice(0, 4)) <= MAX_YEAR;

/** YYYY-MM-DD that exists (2026-02-30 is refused), 2000–2100. */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d\d-\d\d$/, 'common.dateFormat')
  .refine(realDay, 'schema.notCalendarDate')
  .refine(saneYear, YEARS);
/** YYYY-MM with a month 01–12, 2000–2100. */
export const CalendarMonth = z
  .string()
  .regex(/^\d{4}-\d\d$/, 'schema.monthFormat')
  .refine((m) => realDay(`${m}-01`), 'schema.notCalendarMonth')
  .refine(saneYear, YEARS);
/** `?day=` of a day view: a Beijing day, today when left out. */
export const DayQuery = z.object({ day: CalendarDate.optional() });
/** `?month=` of a month view: a Beijing month, this month when left out. */
export const MonthQuery = z.object({ month: CalendarMonth.optional() });
/** A millisecond time in a query filter: within 2000–2100 too. */
export const MillisFilter = z.coerce
  .number()
  .int()
  .min(Date.UTC(MIN_YEAR, 0, 1))
  .max(Date.UTC(MAX_YEAR + 1, 0, 1) - 1);
const INSTANT = 'schema.timeRange';
/**
 * A millisecond instant in a request body (reportedAt, occurredAt, serviceStart…): a safe integer of
 * UTC ms within 2000–2100, so a typo like 1e16 never reaches a clock or a record as year 318857.
 * Responses keep the loose `Millis`: only what a caller sends is bounded.
 */
export const MillisInstant = z
  .number()
  .int(INSTANT)
  .min(Date.UTC(MIN_YEAR, 0, 1), INSTANT)
  .max(Date.UTC(MAX_YEAR + 1, 0, 1) - 1, INSTANT);

const DAY_MS = 86_400_000;
/** The longest period any range filter may span unless it says otherwise: ten years. */
export const MAX_RANGE_DAYS = 3653;
/**
 * A query's [from, to] pair (dates or milliseconds): `to` not before `from`, and at most `maxDays`
 * apart. Both named `to` when wrong, as the services always did.
 */
export function inRange<T extends z.ZodObject>(schema: T, opts: { from?: string; to?: string; maxDays?: number } = {}) {
  const [from, to, maxDays] = [opts.from ?? 'from', opts.to ?? 'to', opts.maxDays ?? MAX_RANGE_DAYS];
  return schema.superRefine((v: Record<string, unknown>, ctx) => {
    const a = v[from];
    const b = v[to];
    if (a === undefined || b === undefined) return;
    const ms = (x: unknown) => (typeof x === 'number' ? x : Date.parse(`${String(x)}T00:00:00Z`));
    if (ms(b) < ms(a)) ctx.addIssue({ code: 'custom', path: [to], message: 'common.endDateBeforeStart' });
    else if (ms(b) - ms(a) > maxDays * DAY_MS)
      ctx.addIssue({ code: 'custom', path: [to], message: 'schema.rangeTooLong', params: { days: maxDays } });
  });
}
