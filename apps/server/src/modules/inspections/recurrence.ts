/**
 * When inspection tasks fall due (R16, R17), pure: calendar dates (YYYY-MM-DD, Beijing calendar).
 *
 * - monthly: one task per calendar month, due on `dueDay` ("by the 25th"), or on the month's last
 *   day when it is shorter (by the 31st is 2026-02-28, 2028-02-29, 2026-04-30);
 * - periodic: every `intervalMonths` months from the anchor month, due on `dueDay` the same way
 *   (quarterly software checks: interval 3).
 *
 * A plan owes the periods whose due day is on or after its start: one created on the 26th with
 * "by the 25th" owes nothing that month. While paused it owes nothing whose due day falls in the
 * pause; on resuming it owes the periods due from the resume day on.
 */
import { addMonths, daysInMonth, type IsoDate } from '../../lib/dates.js';

export interface Recurrence {
  kind: 'monthly' | 'periodic';
  dueDay: number;
  /** Months between periods: 1 for monthly. */
  intervalMonths: number;
  /** First day the plan owes inspections. */
  startsOn: IsoDate;
  /** Pauses, each from a day up to (not including) the resume day; `to` null while still paused. */
  pauses: { from: IsoDate; to: IsoDate | null }[];
}
export interface Occurrence {
  period: string;
  dueOn: IsoDate;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The due day of the period that begins in month `ym` (YYYY-MM). */
export function dueInMonth(ym: string, dueDay: number): IsoDate {
  const y = Number(ym.slice(0, 4));
  const m = Number(ym.slice(5, 7));
  return `${ym}-${pad(Math.min(dueDay, daysInMonth(y, m)))}`;
}

const paused = (r: Recurrence, day: IsoDate) => r.pauses.some((p) => day >= p.from && (p.to === null || day < p.to));

/** Periods owed with a due day in [from, to], oldest first. `period` is the month the period begins (YYYY-MM). */
export function occurrences(r: Recurrence, from: IsoDate, to: IsoDate): Occurrence[] {
  if (!Number.isInteger(r.dueDay) || r.dueDay < 1 || r.dueDay > 31) throw new Error(`bad due day ${r.dueDay}`);
  const step = r.kind === 'monthly' ? 1 : r.intervalMonths;
  if (!Number.isInteger(step) || step < 1) throw new Error(`bad interval ${step}`);
  const anchor = `${r.startsOn.slice(0, 7)}-01`;
  const out: Occurrence[] = [];
  for (let k = 0; k < 10_000; k++) {
    const ym = addMonths(anchor, k * step).slice(0, 7);
    const dueOn = dueInMonth(ym, r.dueDay);
    if (dueOn > to) break;
    if (dueOn < from || dueOn < r.startsOn || paused(r, dueOn)) continue;
    out.push({ period: ym, dueOn });
  }
  return out;
}

/** Where a task stands on `today`: done on time or late, overdue, or still open. */
export function taskState(
  dueOn: IsoDate,
  doneOn: IsoDate | null,
  today: IsoDate,
): 'done' | 'late' | 'overdue' | 'open' {
  if (doneOn) return doneOn > dueOn ? 'late' : 'done';
  return dueOn < today ? 'overdue' : 'open';
}
