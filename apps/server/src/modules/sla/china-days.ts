/**
 * Chinese public holidays and 调休 make-up working days from the `chinese-days` package. We read its
 * documented data file (dist/chinese-days.json, linked from its README) instead of calling
 * isWorkday/getDayDetail per day, because:
 *  - the package builds its date tables at load time by parsing 'YYYY-MM-DD' as UTC and formatting in
 *    the *process* timezone, so on a server west of UTC every answer is shifted by one day (verified
 *    with TZ=America/New_York, for string and Date arguments alike);
 *  - they silently fall back to Mon–Fri for years without data, whereas we must know which years are
 *    covered (derived from the data's keys, never hard-coded) so the caller can warn.
 */
import { createRequire } from 'node:module';

export interface ChinaData {
  holidays: Map<string, string>; // 'YYYY-MM-DD' -> display name (days off, incl. weekend days of a holiday)
  workdays: Map<string, string>; // 'YYYY-MM-DD' -> display name (调休 make-up working days)
  years: Set<number>; // years that have an official arrangement in the data
}
let chinaData: ChinaData | undefined;

/** Entries look like "National Day,国庆节,3": show the Chinese name, as the UI is Chinese. */
function holidayName(raw: string): string {
  const parts = raw.split(',');
  return (parts[1] ?? parts[0] ?? raw).trim();
}

export function loadChinaData(): ChinaData {
  if (chinaData) return chinaData;
  const require = createRequire(import.meta.url);
  const raw = require('chinese-days/dist/chinese-days.json') as unknown;
  const r = raw as { holidays?: unknown; workdays?: unknown } | null;
  // Fail loudly if the package changes its format: silently treating every year as "no holidays"
  // would compute wrong deadlines.
  if (!r || typeof r.holidays !== 'object' || typeof r.workdays !== 'object' || !r.holidays || !r.workdays) {
    throw new Error('chinese-days: unexpected format of dist/chinese-days.json');
  }
  const toMap = (o: object) =>
    new Map(Object.entries(o as Record<string, string>).map(([d, n]) => [d, holidayName(String(n))] as const));
  const holidays = toMap(r.holidays);
  const workdays = toMap(r.workdays);
  // A year is covered when the data holds its holiday arrangement (every year has several holidays).
  const years = new Set([...holidays.keys()].map((d) => Number(d.slice(0, 4))));
  chinaData = { holidays, workdays, years };
  return chinaData;
}

/** Years for which `chinese-days` has official holiday data, ascending (2004–2026 in v1.5.7). */
export function packageHolidayYears(): number[] {
  return [...loadChinaData().years].sort((a, b) => a - b);
}

/** A date's place in the official Chinese arrangement: a public holiday, a 调休 make-up working day, or neither. */
export function chinaDayKind(date: string): 'holiday' | 'workday' | null {
  const d = loadChinaData();
  return d.holidays.has(date) ? 'holiday' : d.workdays.has(date) ? 'workday' : null;
}

/** One year's arrangement as the admin enters it (holidays incl. their weekend days, 调休 make-up days). */
export interface HolidayYearData {
  year: number;
  holidays: { date: string; name: string }[];
  workdays: { date: string; name: string }[];
}

/**
 * The national arrangement the SLA calendars use: the package's years plus the years the system admin
 * entered. An admin-entered year replaces the package's data for that year, because the admin acts on
 * a newer or amended State Council notice (e.g. the 2020 Spring Festival extension) and a later package
 * upgrade must not silently move deadlines the admin's entry already fixed. `version` changes whenever
 * the admin data does; calendar caches are keyed by it.
 */
export interface NationalHolidays {
  readonly version: string;
  day(date: string): { kind: 'holiday'; name: string } | { kind: 'workday'; name: string } | null;
  covers(year: number): boolean;
  source(year: number): 'official' | 'admin' | null;
}

export function nationalHolidays(adminYears: HolidayYearData[] = [], version = 'package'): NationalHolidays {
  const pkg = loadChinaData();
  const admin = new Map(
    adminYears.map((y) => [
      y.year,
      {
        holidays: new Map(y.holidays.map((h) => [h.date, h.name])),
        workdays: new Map(y.workdays.map((w) => [w.date, w.name])),
      },
    ]),
  );
  return {
    version,
    day(date) {
      const own = admin.get(Number(date.slice(0, 4)));
      const src = own ?? pkg;
      const hol = src.holidays.get(date);
      if (hol !== undefined) return { kind: 'holiday', name: hol };
      const work = src.workdays.get(date);
      return work !== undefined ? { kind: 'workday', name: work } : null;
    },
    covers: (year) => admin.has(year) || pkg.years.has(year),
    source: (year) => (admin.has(year) ? 'admin' : pkg.years.has(year) ? 'official' : null),
  };
}

/** The package's entries of one year, for showing (and copying from) the official data on the admin page. */
export function packageYear(year: number): HolidayYearData {
  const d = loadChinaData();
  const of = (m: Map<string, string>) =>
    [...m]
      .filter(([date]) => date.startsWith(`${year}-`))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, name]) => ({ date, name }));
  return { year, holidays: of(d.holidays), workdays: of(d.workdays) };
}
