import { addDays, addMonths, daysBetween, type IsoDate } from '../../lib/dates.js';

/**
 * Warranty arithmetic on calendar dates (YYYY-MM-DD, the purchaser's local calendar), pure.
 *
 * Periods follow the Civil Code of the PRC: the starting day is not counted (第二百零一条), and a
 * period counted in months ends on the corresponding day of the final month, or on that month's
 * last day when it has no such day (第二百零三条; lib/dates.ts addMonths). So 36 months from
 * acceptance on 2026-03-15 cover through 2029-03-15.
 */
/** Last covered day of a warranty of `months` starting from acceptance (R1: 36 months). */
export function warrantyEnd(acceptedOn: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months) || months < 0) throw new Error(`bad warranty term: ${months}`);
  return addMonths(acceptedOn, months);
}

/** In warranty on `day` (a fault's date): on or before the last covered day, and not before acceptance. */
export function inWarranty(day: IsoDate, acceptedOn: IsoDate, end: IsoDate): boolean {
  return day >= acceptedOn && day <= end;
}

/**
 * How a contract extends the warranty of a replaced part (R4):
 * - `downtime`: the part's current end moves by the days the item was out of service for the repair
 *   (from the fault report to the repair, counted like the Civil Code counts: the first day not);
 * - `restart`: the new part gets the full term from the replacement day, never less than what was left.
 */
export type ExtensionPolicy = 'downtime' | 'restart';

export interface Replacement {
  faultOn: IsoDate;
  replacedOn: IsoDate;
}
export interface WarrantyStep {
  on: IsoDate;
  policy: ExtensionPolicy | 'acceptance';
  end: IsoDate;
  extendedByDays: number;
}

/** The end a replacement part gets from the end the replaced one had (R4). */
export function extendedEnd(end: IsoDate, months: number, policy: ExtensionPolicy, r: Replacement): IsoDate {
  if (r.replacedOn < r.faultOn) throw new Error(`replacement ${r.replacedOn} before its fault ${r.faultOn}`);
  if (policy === 'downtime') return addDays(end, daysBetween(r.faultOn, r.replacedOn));
  const restarted = warrantyEnd(r.replacedOn, months);
  return restarted > end ? restarted : end;
}

/**
 * The warranty history of one item position through its replacements, oldest first: each
 * replacement extends the end the previous part had (a replaced replacement keeps extending).
 */
export function warrantyHistory(
  acceptedOn: IsoDate,
  months: number,
  policy: ExtensionPolicy,
  replacements: Replacement[],
): WarrantyStep[] {
  let end = warrantyEnd(acceptedOn, months);
  const steps: WarrantyStep[] = [{ on: acceptedOn, policy: 'acceptance', end, extendedByDays: 0 }];
  for (const r of [...replacements].sort((a, b) => (a.replacedOn < b.replacedOn ? -1 : 1))) {
    const next = extendedEnd(end, months, policy, r);
    steps.push({ on: r.replacedOn, policy, end: next, extendedByDays: daysBetween(end, next) });
    end = next;
  }
  return steps;
}

export type WarrantyState = 'not_accepted' | 'in_warranty' | 'expiring' | 'expired';
export const EXPIRING_DAYS = 90;

/** Status on `today` and the days left (0 on the last covered day, negative once expired). */
export function warrantyState(today: IsoDate, end: IsoDate | null): { status: WarrantyState; daysLeft: number | null } {
  if (!end) return { status: 'not_accepted', daysLeft: null };
  const daysLeft = daysBetween(today, end);
  return { status: daysLeft < 0 ? 'expired' : daysLeft <= EXPIRING_DAYS ? 'expiring' : 'in_warranty', daysLeft };
}

/**
 * Where an asset's annual inspections start: a replacement part owes its first one a year after it was
 * installed, not after the acceptance of the part it replaced; anything else runs from its acceptance.
 */
export const inspectionStart = (a: { installed_on: IsoDate | null; accepted_on: IsoDate | null }): IsoDate | null =>
  a.installed_on ?? a.accepted_on;

export interface AnnualInspectionDue {
  year: number;
  dueOn: IsoDate;
  doneOn: IsoDate | null;
  status: 'done' | 'upcoming' | 'due' | 'overdue';
}
export const DUE_SOON_DAYS = 30;

/**
 * R5's free yearly inspection: year k is due on the k-th anniversary of acceptance, for every
 * anniversary within the warranty. Inspections are taken in date order; each one counts for the
 * earliest year still open whose previous anniversary it follows, so a late inspection catches up
 * a missed year and one done too early (before that year began) counts for nothing.
 */
export function annualInspections(
  acceptedOn: IsoDate | null,
  end: IsoDate | null,
  done: IsoDate[],
  today: IsoDate,
): { years: AnnualInspectionDue[]; nextDue: IsoDate | null } {
  if (!acceptedOn || !end) return { years: [], nextDue: null };
  const years: AnnualInspectionDue[] = [];
  for (let k = 1; k <= 100; k++) {
    const dueOn = addMonths(acceptedOn, 12 * k);
    if (dueOn > end) break;
    years.push({ year: k, dueOn, doneOn: null, status: 'upcoming' });
  }
  for (const d of [...done].sort()) {
    const open = years.find((y, i) => y.doneOn === null && d > (i === 0 ? acceptedOn : years[i - 1]!.dueOn));
    if (open) open.doneOn = d;
  }
  for (const y of years) {
    y.status = y.doneOn
      ? 'done'
      : y.dueOn < today
        ? 'overdue'
        : daysBetween(today, y.dueOn) <= DUE_SOON_DAYS
          ? 'due'
          : 'upcoming';
  }
  return { years, nextDue: years.find((y) => !y.doneOn)?.dueOn ?? null };
}
