/**
 * Validation of a working-calendar spec as an admin enters it (pure). A leaf: calendar.ts builds only specs that
 * pass here.
 */
/** A working calendar as a contract stores it: round the clock, or business hours with holidays. */
export type CalendarSpec =
  | { kind: '24x7' }
  | {
      kind: 'business';
      timezone?: string;
      weekly?: { weekday: number; start: string; end: string }[];
      chinaHolidays?: boolean;
      customHolidays?: { date: string; name?: string }[];
      customWorkdays?: { date: string; name?: string }[];
      coveredYears?: number[];
    };
type BusinessSpec = Extract<CalendarSpec, { kind: 'business' }>;

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

// ---- Validation (admin input): returns the first error with the path of the offending field. ----

type Validation = { ok: true; spec: CalendarSpec } | { ok: false; field: string; message: string };
const TIME_RE = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false; // RangeError: invalid time zone
  }
}

class Invalid {
  constructor(
    readonly field: string,
    readonly message: string,
  ) {}
}

function checkDays(v: unknown, field: string): { date: string; name?: string }[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) throw new Invalid(field, 'must be an array');
  return v.map((e: unknown, i) => {
    const f = `${field}[${i}]`;
    if (!e || typeof e !== 'object') throw new Invalid(f, 'must be an object { date, name? }');
    const { date, name } = e as { date?: unknown; name?: unknown };
    if (typeof date !== 'string' || !isRealDate(date))
      throw new Invalid(`${f}.date`, 'must be a valid date YYYY-MM-DD');
    if (name !== undefined && (typeof name !== 'string' || name.length > 100)) {
      throw new Invalid(`${f}.name`, 'must be a string of at most 100 characters');
    }
    return name === undefined ? { date } : { date, name };
  });
}

export function validateCalendarSpec(spec: unknown): Validation {
  try {
    return { ok: true, spec: checkSpec(spec) };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, field: e.field, message: e.message };
    throw e;
  }
}

function checkSpec(spec: unknown): CalendarSpec {
  if (!spec || typeof spec !== 'object')
    throw new Invalid('kind', "calendar must be an object with kind '24x7' or 'business'");
  const s = spec as Record<string, unknown>;
  if (s.kind === '24x7') return { kind: '24x7' };
  if (s.kind !== 'business') throw new Invalid('kind', "must be '24x7' or 'business'");

  const out: BusinessSpec = { kind: 'business' };
  if (s.timezone !== undefined) {
    if (typeof s.timezone !== 'string' || !isTimeZone(s.timezone))
      throw new Invalid('timezone', 'must be an IANA timezone such as Asia/Shanghai');
    out.timezone = s.timezone;
  }
  if (s.weekly !== undefined) {
    if (!Array.isArray(s.weekly)) throw new Invalid('weekly', 'must be an array of periods');
    const seen: { weekday: number; s: number; e: number; i: number }[] = [];
    out.weekly = s.weekly.map((p: unknown, i) => {
      const f = `weekly[${i}]`;
      if (!p || typeof p !== 'object') throw new Invalid(f, 'must be an object { weekday, start, end }');
      const { weekday, start, end } = p as Record<string, unknown>;
      if (typeof weekday !== 'number' || !Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
        throw new Invalid(`${f}.weekday`, 'must be an ISO weekday 1 (Monday) to 7 (Sunday)');
      }
      if (typeof start !== 'string' || !TIME_RE.test(start))
        throw new Invalid(`${f}.start`, 'must be a time HH:mm between 00:00 and 23:59');
      if (typeof end !== 'string' || !(TIME_RE.test(end) || end === '24:00'))
        throw new Invalid(`${f}.end`, 'must be a time HH:mm between 00:01 and 24:00');
      const sm = toMinutes(start);
      const em = toMinutes(end);
      if (em <= sm) throw new Invalid(`${f}.end`, 'must be after start');
      const clash = seen.find((o) => o.weekday === weekday && sm < o.e && o.s < em);
      if (clash) throw new Invalid(`${f}.start`, `overlaps weekly[${clash.i}] on the same weekday`);
      seen.push({ weekday, s: sm, e: em, i });
      return { weekday, start, end };
    });
    if (out.weekly.length === 0) throw new Invalid('weekly', 'needs at least one working period');
  }
  if (s.chinaHolidays !== undefined) {
    if (typeof s.chinaHolidays !== 'boolean') throw new Invalid('chinaHolidays', 'must be true or false');
    out.chinaHolidays = s.chinaHolidays;
  }
  const holidays = checkDays(s.customHolidays, 'customHolidays');
  const workdays = checkDays(s.customWorkdays, 'customWorkdays');
  if (holidays) out.customHolidays = holidays;
  if (workdays) {
    // Listing a date both ways is almost certainly a typo; the rule "workday wins" would hide it.
    const off = new Set((holidays ?? []).map((h) => h.date));
    const i = workdays.findIndex((w) => off.has(w.date));
    if (i >= 0) throw new Invalid(`customWorkdays[${i}].date`, 'is also listed in customHolidays');
    out.customWorkdays = workdays;
  }
  if (s.coveredYears !== undefined) {
    if (!Array.isArray(s.coveredYears)) throw new Invalid('coveredYears', 'must be an array of years');
    out.coveredYears = s.coveredYears.map((y: unknown, i) => {
      if (typeof y !== 'number' || !Number.isInteger(y) || y < 1970 || y > 2200)
        throw new Invalid(`coveredYears[${i}]`, 'must be a year between 1970 and 2200');
      return y;
    });
  }
  return out;
}
