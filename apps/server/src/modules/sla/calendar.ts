/**
 * Working calendars for the SLA clocks (pure: no DB, no I/O besides loading the holiday data file).
 *
 * A calendar answers "how much working time lies between two instants" and "when will N ms of working
 * time have passed". All instants are UTC epoch milliseconds; business hours are defined in an IANA
 * timezone and converted with Intl, so zones with DST work too (Asia/Shanghai has none).
 *
 * Chinese public holidays and 调休 make-up working days come from china-days.ts.
 */
import { AppError } from '../../lib/errors.js';
import { reason } from '../../lib/messages/text.js';
import { type NationalHolidays, nationalHolidays } from './china-days.js';
import { type CalendarSpec, validateCalendarSpec } from './calendar-spec.js';

export { type CalendarSpec, validateCalendarSpec } from './calendar-spec.js';

export interface CalendarGap {
  start: number;
  end: number;
  reason: 'night' | 'weekend' | 'holiday' | 'custom_holiday';
  name?: string;
}
export interface WorkingCalendar {
  readonly kind: '24x7' | 'business';
  addWorking(from: number, workingMs: number): number;
  workingBetween(a: number, b: number): number;
  gapsBetween(a: number, b: number): CalendarGap[];
  missingHolidayYears(from: number, to: number): number[];
}

const DAY_MS = 86_400_000;
/** addWorking gives up after this many consecutive days without any working time (≈3 years). */
const MAX_EMPTY_DAYS = 3 * 366;
/** Bound on the per-calendar day cache; a calendar lives as long as its contract, so keep it finite. */
const MAX_CACHED_DAYS = 4000;
export const DEFAULT_TIMEZONE = 'Asia/Shanghai';
export const DEFAULT_WEEKLY: readonly { weekday: number; start: string; end: string }[] = [1, 2, 3, 4, 5].flatMap(
  (weekday) => [
    { weekday, start: '09:00', end: '12:00' },
    { weekday, start: '13:30', end: '18:00' },
  ],
);

// ---- Timezone arithmetic with Intl ----

/** Local dates are represented as "day numbers": days since 1970-01-01 of the local calendar date. */
class Zone {
  private readonly fmt: Intl.DateTimeFormat;
  constructor(timeZone: string) {
    const n = 'numeric' as const;
    this.fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: n,
      month: n,
      day: n,
      hour: n,
      minute: n,
      second: n,
    });
  }
  /** Offset (local - UTC) in ms at instant t. */
  offset(t: number): number {
    const v: Record<string, number> = {};
    for (const p of this.fmt.formatToParts(t)) if (p.type !== 'literal') v[p.type] = Number(p.value);
    const local = Date.UTC(v.year ?? 1970, (v.month ?? 1) - 1, v.day ?? 1, v.hour ?? 0, v.minute ?? 0, v.second ?? 0);
    return local - Math.floor(t / 1000) * 1000;
  }
  dayOf(t: number): number {
    return Math.floor((t + this.offset(t)) / DAY_MS);
  }
  /** UTC instant of local wall time `minutes` after midnight of day `dn` (1440 = next midnight). */
  toUtc(dn: number, minutes: number): number {
    const local = dn * DAY_MS + minutes * 60_000;
    // Two passes settle the offset across a DST switch; a skipped local time (spring forward) is moved
    // forward by the jump (02:30 -> 03:30), a repeated one (fall back) resolves to its second occurrence.
    const o1 = this.offset(local);
    const t = local - o1;
    const o2 = this.offset(t);
    return o1 === o2 ? t : local - o2;
  }
}

const isoDate = (dn: number) => new Date(dn * DAY_MS).toISOString().slice(0, 10);
const isoWeekday = (dn: number) => new Date(dn * DAY_MS).getUTCDay() || 7; // 1=Mon..7=Sun
const yearOfDay = (dn: number) => new Date(dn * DAY_MS).getUTCFullYear();
const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

// ---- Calendars ----

const calendar24x7: WorkingCalendar = {
  kind: '24x7',
  addWorking: (from, workingMs) => (checkAmount(workingMs), from + workingMs),
  workingBetween: (a, b) => Math.max(0, b - a),
  gapsBetween: () => [],
  missingHolidayYears: () => [],
};

/**
 * A calendar stored before saving refused it (or one that runs out of working time later) must not
 * turn every new ticket into a 500: a typed conflict the caller can read instead.
 */
export class NoWorkingTimeError extends AppError {
  constructor(detail: string) {
    super('CONFLICT', { reason: reason('tickets.calendarNoWorkingTime') });
    this.message = detail;
  }
}

/**
 * The first day (as its start) of `days` consecutive days with no working time in [from, to), or
 * null: a contract whose calendar has such a stretch cannot plan its SLA clocks, so saving refuses it.
 */
export function idleStretch(cal: WorkingCalendar, from: number, to: number, days: number): number | null {
  let run = 0;
  let start = from;
  for (let t = from; t < to; t += DAY_MS) {
    if (cal.workingBetween(t, t + DAY_MS) > 0) {
      run = 0;
      continue;
    }
    if (run++ === 0) start = t;
    if (run >= days) return start;
  }
  return null;
}

function checkAmount(workingMs: number): void {
  if (!Number.isFinite(workingMs) || workingMs < 0) {
    throw new RangeError(`workingMs must be a finite number >= 0, got ${workingMs}`);
  }
}

interface DayInfo {
  start: number; // local midnight (UTC instant)
  end: number; // next local midnight
  work: [number, number][]; // working intervals [s, e), ascending, non-overlapping
  off?: { reason: 'weekend' | 'holiday' | 'custom_holiday'; name?: string };
}

type BusinessSpec = Extract<CalendarSpec, { kind: 'business' }>;

class BusinessCalendar implements WorkingCalendar {
  readonly kind = 'business' as const;
  private readonly zone: Zone;
  private readonly weekly: [number, number][][] = Array.from({ length: 8 }, () => []); // index 1..7, minutes
  private readonly firstPeriods: [number, number][];
  private readonly china: boolean;
  private readonly customHolidays: Map<string, string | undefined>;
  private readonly customWorkdays: Set<string>;
  private readonly coveredYears: Set<number>;
  private readonly days = new Map<number, DayInfo>();

  constructor(
    spec: BusinessSpec,
    private readonly national: NationalHolidays,
  ) {
    this.zone = new Zone(spec.timezone ?? DEFAULT_TIMEZONE);
    for (const p of spec.weekly ?? DEFAULT_WEEKLY) this.weekly[p.weekday]?.push([toMinutes(p.start), toMinutes(p.end)]);
    for (const list of this.weekly) list.sort((x, y) => x[0] - y[0]);
    // Make-up days (调休 / custom workdays) falling on a day without periods work like a normal Monday,
    // i.e. the first weekday that has periods (validation guarantees there is one).
    this.firstPeriods = this.weekly.find((l) => l.length > 0) ?? [];
    this.china = spec.chinaHolidays ?? true;
    this.customHolidays = new Map((spec.customHolidays ?? []).map((h) => [h.date, h.name]));
    this.customWorkdays = new Set((spec.customWorkdays ?? []).map((w) => w.date));
    this.coveredYears = new Set(spec.coveredYears ?? []);
  }

  /** Classifies a local date; precedence: custom workday > custom holiday > package > weekly pattern. */
  private day(dn: number): DayInfo {
    const cached = this.days.get(dn);
    if (cached) return cached;
    const date = isoDate(dn);
    const own = this.weekly[isoWeekday(dn)] ?? [];
    const makeUp = own.length > 0 ? own : this.firstPeriods;
    let periods: [number, number][] = own;
    let off: DayInfo['off'];
    if (this.customWorkdays.has(date)) periods = makeUp;
    else if (this.customHolidays.has(date)) {
      const name = this.customHolidays.get(date);
      off = name ? { reason: 'custom_holiday', name } : { reason: 'custom_holiday' };
    } else if (this.china) {
      // Only explicit entries of the official arrangement override the weekly pattern, so a
      // Mon–Sat contract keeps its Saturdays; years without data fall through to the pattern.
      const official = this.national.day(date);
      if (official?.kind === 'holiday') off = { reason: 'holiday', name: official.name };
      else if (official?.kind === 'workday') periods = makeUp;
    }
    if (!off && periods.length === 0) off = { reason: 'weekend' };
    const work: [number, number][] = [];
    if (!off) {
      for (const [s, e] of periods) {
        const a = this.zone.toUtc(dn, s);
        const b = this.zone.toUtc(dn, e);
        if (b > a) work.push([a, b]);
      }
    }
    const info: DayInfo = { start: this.zone.toUtc(dn, 0), end: this.zone.toUtc(dn + 1, 0), work };
    if (off) info.off = off;
    if (this.days.size >= MAX_CACHED_DAYS) this.days.clear();
    this.days.set(dn, info);
    return info;
  }

  addWorking(from: number, workingMs: number): number {
    checkAmount(workingMs);
    if (workingMs === 0) return from;
    let left = workingMs;
    let emptyDays = 0;
    // Walk day by day over the cached working intervals: O(days), independent of the target's size.
    for (let dn = this.zone.dayOf(from); ; dn++) {
      let worked = false;
      for (const [s, e] of this.day(dn).work) {
        if (e <= from) continue;
        worked = true;
        const begin = Math.max(s, from);
        // `<=`: a target that is used up exactly at the end of a period is due at that end,
        // not at the start of the next period.
        if (left <= e - begin) return begin + left;
        left -= e - begin;
      }
      emptyDays = worked ? 0 : emptyDays + 1;
      if (emptyDays > MAX_EMPTY_DAYS) {
        throw new NoWorkingTimeError(
          `SLA calendar has no working time for ${MAX_EMPTY_DAYS} days after ${new Date(from).toISOString()}; check its weekly periods and holidays`,
        );
      }
    }
  }

  workingBetween(a: number, b: number): number {
    if (!(b > a)) return 0;
    let total = 0;
    for (let dn = this.zone.dayOf(a), last = this.zone.dayOf(b - 1); dn <= last; dn++) {
      for (const [s, e] of this.day(dn).work) {
        const lo = Math.max(s, a);
        const hi = Math.min(e, b);
        if (hi > lo) total += hi - lo;
      }
    }
    return total;
  }

  gapsBetween(a: number, b: number): CalendarGap[] {
    const out: CalendarGap[] = [];
    if (!(b > a)) return out;
    const push = (start: number, end: number, reason: CalendarGap['reason'], name?: string) => {
      start = Math.max(start, a);
      end = Math.min(end, b);
      if (end <= start) return;
      const prev = out[out.length - 1];
      if (prev && prev.end === start && prev.reason === reason && prev.name === name) prev.end = end;
      else out.push(name === undefined ? { start, end, reason } : { start, end, reason, name });
    };
    for (let dn = this.zone.dayOf(a), last = this.zone.dayOf(b - 1); dn <= last; dn++) {
      const d = this.day(dn);
      if (d.off) {
        push(d.start, d.end, d.off.reason, d.off.name);
        continue;
      }
      // On working days everything outside the periods (mornings, lunch break, evenings) is 'night'.
      let t = d.start;
      for (const [s, e] of d.work) {
        push(t, s, 'night');
        t = e;
      }
      push(t, d.end, 'night');
    }
    return out;
  }

  missingHolidayYears(from: number, to: number): number[] {
    if (!this.china) return [];
    const lo = Math.min(from, to);
    const hi = Math.max(from, to);
    const out: number[] = [];
    for (let y = yearOfDay(this.zone.dayOf(lo)), last = yearOfDay(this.zone.dayOf(hi)); y <= last; y++) {
      if (!this.national.covers(y) && !this.coveredYears.has(y)) out.push(y);
    }
    return out;
  }
}

let packageOnly: NationalHolidays | undefined;

/**
 * Builds a calendar; throws if the spec is invalid (an invalid spec could loop or silently mis-count).
 * `national`: the official arrangement incl. admin-entered years (default: the package's data only).
 * Loading it here fails at build time, not in the middle of a computation.
 */
export function buildCalendar(spec: CalendarSpec, national?: NationalHolidays): WorkingCalendar {
  const v = validateCalendarSpec(spec);
  if (!v.ok) throw new Error(`invalid SLA calendar: ${v.field}: ${v.message}`);
  return v.spec.kind === '24x7'
    ? calendar24x7
    : new BusinessCalendar(v.spec, national ?? (packageOnly ??= nationalHolidays()));
}
