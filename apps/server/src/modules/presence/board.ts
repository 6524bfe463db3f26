import { beijingDayStart } from '../../lib/time.js';
import { chinaDayKind } from '../sla/china-days.js';

/** Pure presence arithmetic (Beijing days), tested without a database. */
export interface PlanFacts {
  headcount: number;
  weekdays: number[];
  chinaCalendar: boolean;
  start: string;
  end: string;
  lateGraceMin: number;
  engineerIds: string[];
  minOnSiteMin: number;
}
export interface VisitFacts {
  engineerId: string;
  name: string;
  checkedInAt: number;
  checkedOutAt: number | null;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether the resident team is due on `day`: the plan's weekdays, or the official arrangement when it follows it. */
export function isWorkday(plan: Pick<PlanFacts, 'weekdays' | 'chinaCalendar'>, day: string): boolean {
  if (plan.chinaCalendar) {
    const kind = chinaDayKind(day);
    if (kind === 'holiday') return false;
    if (kind === 'workday') return true;
  }
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
  return plan.weekdays.includes(weekday);
}

export interface EngineerDay {
  userId: string;
  name: string;
  rostered: boolean;
  status: 'present' | 'late' | 'absent' | 'extra';
  firstIn: number | null;
  lastOut: number | null;
  minutesLate: number;
  minutesOnSite: number;
  openVisit: boolean;
  counted: boolean;
}

/**
 * One day's board. An open visit counts as on site until `now` (or the day's end); a rostered
 * engineer without a check-in is absent on a working day. The headcount the bid promised counts only
 * rostered engineers on site for the plan's minimum time (or still on site while the day runs):
 * someone on site who is not on the roster is "extra", a visitor, and never counts.
 */
export function dayBoard(plan: PlanFacts, day: string, visits: VisitFacts[], names: Map<string, string>, now: number) {
  const start = beijingDayStart(day);
  const end = start + 86_400_000;
  const workday = isWorkday(plan, day);
  const byEngineer = new Map<string, VisitFacts[]>();
  for (const v of visits) byEngineer.set(v.engineerId, [...(byEngineer.get(v.engineerId) ?? []), v]);
  const ids = [...new Set([...plan.engineerIds, ...byEngineer.keys()])];
  const lateAfter = start + (minutesOf(plan.start) + plan.lateGraceMin) * 60_000;
  const engineers: EngineerDay[] = ids
    .map((id) => {
      const vs = byEngineer.get(id) ?? [];
      const rostered = plan.engineerIds.includes(id);
      const firstIn = vs.length ? Math.min(...vs.map((v) => v.checkedInAt)) : null;
      const open = vs.some((v) => v.checkedOutAt === null);
      const outs = vs.map((v) => v.checkedOutAt).filter((x): x is number => x !== null);
      const onSite = vs.reduce(
        (sum, v) => sum + Math.max(0, Math.min(v.checkedOutAt ?? Math.min(now, end), end) - v.checkedInAt),
        0,
      );
      const minutesLate =
        firstIn !== null && workday && firstIn > lateAfter
          ? Math.round((firstIn - start) / 60_000 - minutesOf(plan.start))
          : 0;
      const status: EngineerDay['status'] = !vs.length
        ? 'absent'
        : !rostered
          ? 'extra'
          : minutesLate > 0
            ? 'late'
            : 'present';
      const minutesOnSite = Math.round(onSite / 60_000);
      const counted = rostered && !!vs.length && (minutesOnSite >= plan.minOnSiteMin || (open && now < end));
      return {
        userId: id,
        name: names.get(id) ?? vs[0]?.name ?? id,
        rostered,
        status,
        firstIn,
        lastOut: open || !outs.length ? null : Math.max(...outs),
        minutesLate,
        minutesOnSite,
        openVisit: open,
        counted,
      };
    })
    .filter((e) => e.status !== 'absent' || workday);
  const present = engineers.filter((e) => e.counted).length;
  const required = workday ? plan.headcount : 0;
  return { day, workday, required, present, belowHeadcount: workday && present < required, engineers };
}
