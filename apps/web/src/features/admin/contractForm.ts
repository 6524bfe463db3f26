import dayjs, { type Dayjs } from 'dayjs';
import { FAULT_LEVELS, SUSPEND_REASONS } from '../../api/enums';
import type {
  BusinessPeriod,
  Contract,
  ContractCreate,
  ContractPartExtension,
  LevelTargets,
  SuspendReason,
} from '../../api/types';

/** Flat form model of a contract; converted to/from the API's nested ContractCreate/SlaPolicy. */
export interface ContractValues {
  code: string;
  name: string;
  period: [Dayjs, Dayjs];
  warrantyMonths: number;
  /** R4: how a replaced part's warranty is extended. */
  partExtension: ContractPartExtension;
  /** R3: labour cost rate in yuan per hour (stored in fen). */
  labourRate: number;
  /** R29: the customer satisfaction rate the contract promises, in percent. */
  satisfactionTargetPct: number;
  targets: LevelTargets[];
  calendarKind: '24x7' | 'business';
  weekly: BusinessPeriod[];
  chinaHolidays: boolean;
  customHolidays: { date: Dayjs; name?: string }[];
  customWorkdays: { date: Dayjs; name?: string }[];
  coveredYears: number[];
  pauseReasons: SuspendReason[];
  autoCloseDays: number;
}

/** The bid's promise for every level (R7–R9): respond 30 min, on site 30 min, solved in 2 h. */
export const DEFAULT_TARGETS: LevelTargets[] = FAULT_LEVELS.map((level) => ({
  level,
  responseMin: 30,
  arrivalMin: 30,
  resolutionMin: 120,
}));
export const WORKWEEK: BusinessPeriod[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' }));
const DEFAULT_PAUSE: SuspendReason[] = ['waiting_customer', 'waiting_third_party'];
export const ALL_PAUSE_REASONS = SUSPEND_REASONS;

export function emptyContract(): ContractValues {
  const start = dayjs().startOf('day');
  const thisYear = start.year();
  return {
    code: '',
    name: '',
    period: [start, start.add(3, 'year').subtract(1, 'day')],
    warrantyMonths: 36,
    partExtension: 'downtime',
    labourRate: 0,
    satisfactionTargetPct: 95,
    targets: DEFAULT_TARGETS.map((x) => ({ ...x })),
    calendarKind: '24x7',
    weekly: WORKWEEK.map((x) => ({ ...x })),
    chinaHolidays: true,
    customHolidays: [],
    customWorkdays: [],
    coveredYears: [thisYear],
    pauseReasons: [...DEFAULT_PAUSE],
    autoCloseDays: 7,
  };
}

export function fromContract(c: Contract): ContractValues {
  const base = emptyContract();
  const cal = c.policy.calendar;
  const byLevel = new Map(c.policy.targets.map((x) => [x.level, x]));
  return {
    ...base,
    code: c.code,
    name: c.name,
    period: [dayjs(c.startsOn), dayjs(c.endsOn)],
    warrantyMonths: c.warrantyMonths,
    partExtension: c.partExtension ?? 'downtime',
    labourRate: (c.labourRateCents ?? 0) / 100,
    satisfactionTargetPct: c.satisfactionTargetPct ?? 95,
    targets: FAULT_LEVELS.map(
      (level) => byLevel.get(level) ?? { level, responseMin: 30, arrivalMin: 30, resolutionMin: 120 },
    ),
    calendarKind: cal.kind,
    ...(cal.kind === 'business'
      ? {
          weekly: cal.weekly ?? base.weekly,
          chinaHolidays: cal.chinaHolidays ?? true,
          customHolidays: (cal.customHolidays ?? []).map((d) => ({ date: dayjs(d.date), name: d.name })),
          customWorkdays: (cal.customWorkdays ?? []).map((d) => ({ date: dayjs(d.date), name: d.name })),
          coveredYears: cal.coveredYears ?? base.coveredYears,
        }
      : {}),
    pauseReasons: c.policy.pauseReasons,
    autoCloseDays: c.policy.autoCloseDays,
  };
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');
const dates = (list: { date: Dayjs; name?: string }[] | undefined) =>
  (list ?? [])
    .filter((x) => x?.date)
    .map((x) => ({ date: day(x.date), ...(x.name?.trim() ? { name: x.name.trim() } : {}) }));

export function toContractCreate(v: ContractValues): ContractCreate {
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    startsOn: day(v.period[0]),
    endsOn: day(v.period[1]),
    warrantyMonths: v.warrantyMonths,
    partExtension: v.partExtension,
    labourRateCents: Math.round((v.labourRate ?? 0) * 100),
    satisfactionTargetPct: v.satisfactionTargetPct ?? 95,
    policy: {
      targets: v.targets.map((x, i) => ({ ...x, level: FAULT_LEVELS[i] ?? x.level })),
      calendar:
        v.calendarKind === '24x7'
          ? { kind: '24x7' }
          : {
              kind: 'business',
              timezone: 'Asia/Shanghai',
              weekly: v.weekly ?? [],
              chinaHolidays: !!v.chinaHolidays,
              customHolidays: dates(v.customHolidays),
              customWorkdays: dates(v.customWorkdays),
              coveredYears: [...(v.coveredYears ?? [])].sort(),
            },
      pauseReasons: v.pauseReasons ?? [],
      autoCloseDays: v.autoCloseDays,
    },
  };
}

/** Map a server error field of ContractCreate onto this flat form. */
export function contractFieldName(field: string): string {
  return field
    .replace(/^(startsOn|endsOn)$/, 'period')
    .replace(/^labourRateCents$/, 'labourRate')
    .replace(/^policy\.calendar\.kind$/, 'calendarKind')
    .replace(/^policy\.calendar\./, '')
    .replace(/^policy\./, '');
}
