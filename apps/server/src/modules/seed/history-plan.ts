import type { Channel, FaultLevel } from '@weibao/schema';
import { addDays, addMonths } from '../../lib/dates.js';
import { beijingDayStart } from '../../lib/time.js';

/**
 * The demo's past months, planned as plain data before anything is written: which tickets were
 * reported when, how each one went (on time, late on one clock, paused, across a holiday, cancelled),
 * when the engineer checked in, resolved and checked out, and the weekly O&M records signed by the
 * purchaser. Only times and decisions are planned here; every outcome (met/breached, elapsed time,
 * ratings counted, report figures) is computed later by the services that run the plan.
 * Everything comes from one PRNG seeded with "today", so the same day gives the same history.
 */

export const HISTORY_MONTHS = 4;
const MIN = 60_000;
const HOUR = 60 * MIN;

/** mulberry32: small, fast and good enough for demo data; seeded from the day string. */
export function prng(seedText: string) {
  let h = 2166136261;
  for (const ch of seedText) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  let a = h >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  /** One of `weighted`'s keys, with probability proportional to its weight. */
  const weighted = <K extends string | number>(weights: [K, number][]) => {
    let r = next() * weights.reduce((a, [, w]) => a + w, 0);
    for (const [k, w] of weights) if ((r -= w) < 0) return k;
    return weights[weights.length - 1]![0];
  };
  return { next, int, pick, weighted, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof prng>;

/** How a past ticket went. A late one is late first on the clock it names (a late arrival may delay the resolution too). */
export type Scenario =
  'on_time' | 'late_response' | 'late_arrival' | 'late_resolution' | 'paused' | 'holiday' | 'cancelled';
export type ProjectKey = 'a' | 'b';
export type EngineerKey = 'engineer' | 'engineer2';

export interface PlannedTicket {
  key: string;
  project: ProjectKey;
  scenario: Scenario;
  title: string;
  level: FaultLevel;
  channel: Channel;
  /** Reported through the portal by the customer (web), otherwise taken by the desk. */
  byCustomer: boolean;
  engineer: EngineerKey;
  reportedAt: number;
  dispatchAt: number;
  respondAt: number;
  /** On site: the engineer's check-in is the arrival; otherwise arrival is declared not needed (remote). */
  onSite: boolean;
  arriveAt: number;
  pause: { at: number; resumeAt: number; reason: 'waiting_customer' | 'waiting_third_party'; note: string } | null;
  resolveAt: number;
  checkOutAt: number;
  /** Confirmed with a rating (the customer on the portal, or the desk's callback); otherwise it auto-closes. */
  confirm: { at: number; rating: 1 | 2 | 3 | 4 | 5 } | null;
  holiday: string | null;
}

export interface PlannedRecord {
  key: string;
  project: ProjectKey;
  weekStart: number;
  at: number;
  signAt: number;
}

/** Project A's monthly inspection of `month`, run by the task's assignee; the second month's is done after its due day. */
export interface PlannedInspection {
  month: string;
  at: number;
  cpu: number;
  disk: number;
}

export interface HistoryPlan {
  months: string[];
  from: number;
  to: number;
  tickets: PlannedTicket[];
  records: PlannedRecord[];
  inspections: PlannedInspection[];
  dailyTicks: number[];
}

const FAULTS: Record<ProjectKey, string[]> = {
  a: [
    '政务服务网登录后页面空白',
    '统一身份认证接口超时',
    '审批流程卡在部门会签节点',
    '电子证照库同步失败',
    '数据库主机 CPU 持续高位',
    '办件查询导出 Excel 乱码',
    '机房 UPS 旁路告警',
    '核心交换机端口闪断',
    '备份任务执行失败',
    '门户首页访问缓慢',
    '短信通知发送延迟',
    '办公区网络打印机脱机',
    '综合受理窗口扫描仪无法识别',
    '视频会议终端无声音',
    '政务外网 VPN 无法连接',
  ],
  b: [
    '不动产登记系统图层加载失败',
    '国土空间规划一张图服务超时',
    '地图瓦片缓存异常',
    '坐标转换服务报错',
    '数据交换平台任务积压',
    '测绘成果入库失败',
    '业务系统账号无法解锁',
    '存储空间使用率告警',
  ],
};
const CHANNEL_WEIGHTS: [Channel, number][] = [
  ['phone', 34],
  ['web', 22],
  ['email', 10],
  ['monitoring', 16],
  ['remote', 6],
  ['onsite', 6],
  ['fax', 3],
  ['api', 3],
];
const LEVEL_WEIGHTS: [FaultLevel, number][] = [
  [1, 8],
  [2, 22],
  [3, 42],
  [4, 28],
];
const SCENARIO_WEIGHTS: [Scenario, number][] = [
  ['on_time', 74],
  ['late_response', 5],
  ['late_arrival', 5],
  ['late_resolution', 7],
  ['paused', 6],
  ['cancelled', 3],
];
/** Every month has each of these at least once, so the report always shows every kind of outcome. */
const MONTHLY_SCENARIOS: Scenario[] = ['late_response', 'late_arrival', 'late_resolution', 'paused'];
const MONTHLY_CHANNELS: Channel[] = ['phone', 'web', 'email', 'monitoring', 'remote', 'onsite'];

const daysIn = (month: string) => Number(addDays(addMonths(`${month}-01`, 1), -1).slice(8));
const at = (day: string, hour: number, minute = 0) => beijingDayStart(day) + hour * HOUR + minute * MIN;

/** The `HISTORY_MONTHS` finished months before today's month, oldest first. */
export function historyMonths(today: string): string[] {
  return Array.from({ length: HISTORY_MONTHS }, (_, i) =>
    addMonths(`${today.slice(0, 7)}-01`, i - HISTORY_MONTHS).slice(0, 7),
  );
}

/** A report time: mostly office hours, some evenings, a few at night (monitoring never sleeps). */
function reportTime(rng: Rng, day: string, channel: Channel) {
  const band =
    channel === 'monitoring'
      ? rng.weighted<'day' | 'evening' | 'night'>([
          ['day', 50],
          ['evening', 25],
          ['night', 25],
        ])
      : rng.weighted<'day' | 'evening' | 'night'>([
          ['day', 84],
          ['evening', 12],
          ['night', 4],
        ]);
  if (band === 'day') return at(day, rng.int(8, 17), rng.int(0, 59));
  if (band === 'evening') return at(day, rng.int(18, 22), rng.int(0, 59));
  return at(day, rng.int(0, 6), rng.int(0, 59));
}

function rating(rng: Rng, late: boolean): 1 | 2 | 3 | 4 | 5 {
  return late
    ? rng.weighted<1 | 2 | 3 | 4 | 5>([
        [5, 20],
        [4, 35],
        [3, 25],
        [2, 12],
        [1, 8],
      ])
    : rng.weighted<1 | 2 | 3 | 4 | 5>([
        [5, 66],
        [4, 28],
        [3, 4],
        [2, 1],
        [1, 1],
      ]);
}

interface Slot {
  project: ProjectKey;
  day: string;
  scenario: Scenario;
  level?: FaultLevel;
  channel?: Channel;
  holiday?: { name: string; last: string };
}

/** One ticket's timeline from its report on; times in minutes after the report follow the default 30/30/120 promises. */
function planTicket(rng: Rng, key: string, slot: Slot, busy: Map<EngineerKey, number>): PlannedTicket {
  const channel = slot.channel ?? rng.weighted(CHANNEL_WEIGHTS);
  const level = slot.level ?? rng.weighted(LEVEL_WEIGHTS);
  const reportedAt = slot.holiday ? at(slot.day, 17, rng.int(10, 40)) : reportTime(rng, slot.day, channel);
  const engineer: EngineerKey =
    slot.project === 'b'
      ? rng.pick(['engineer', 'engineer2'] as const)
      : rng.weighted<EngineerKey>([
          ['engineer', 65],
          ['engineer2', 35],
        ]);
  const s = slot.scenario;
  const dispatchAt = reportedAt + rng.int(1, 4) * MIN;
  const respondAt = reportedAt + (s === 'late_response' ? rng.int(40, 95) : rng.int(6, 22)) * MIN;
  // A late response is handled remotely, so that ticket is late on the response clock only.
  const wantsSite =
    s === 'late_arrival' ||
    (s !== 'late_response' && channel !== 'remote' && channel !== 'monitoring' && rng.chance(0.6));
  const busyUntil = busy.get(engineer) ?? 0;
  let arriveAt =
    s === 'late_arrival'
      ? Math.max(reportedAt + rng.int(45, 110) * MIN, busyUntil + 5 * MIN)
      : Math.min(reportedAt + 29 * MIN, respondAt + rng.int(3, 9) * MIN);
  const onSite = wantsSite && (busyUntil < arriveAt || s === 'late_arrival');
  if (!onSite) arriveAt = respondAt + MIN;
  let pause: PlannedTicket['pause'] = null;
  let resolveAt: number;
  if (s === 'paused' || s === 'holiday') {
    const pauseAt = arriveAt + rng.int(8, 20) * MIN;
    const resumeAt = slot.holiday
      ? at(addDays(slot.holiday.last, 1), 9, rng.int(0, 30))
      : pauseAt + rng.int(4, 30) * HOUR;
    pause = slot.holiday
      ? {
          at: pauseAt,
          resumeAt,
          reason: 'waiting_third_party',
          note: `${slot.holiday.name}假期厂商停止发货，备件节后到货`,
        }
      : {
          at: pauseAt,
          resumeAt,
          reason: 'waiting_customer',
          note: rng.pick(['等待客户提供故障时段的系统日志', '等待客户安排停机窗口', '等待客户确认测试账号']),
        };
    resolveAt = resumeAt + rng.int(25, 70) * MIN;
  } else if (s === 'late_resolution') {
    resolveAt = reportedAt + rng.int(150, 420) * MIN;
  } else {
    resolveAt = reportedAt + Math.max(rng.int(40, 112), (arriveAt - reportedAt) / MIN + rng.int(12, 25)) * MIN;
  }
  const checkOutAt = resolveAt + rng.int(5, 20) * MIN;
  // The engineer is on site from check-in to check-out (one open check-in at a time), paused tickets leave the site at once.
  if (onSite) busy.set(engineer, pause ? pause.at + 10 * MIN : checkOutAt);
  const late = s === 'late_response' || s === 'late_arrival' || s === 'late_resolution';
  const confirm =
    s === 'cancelled' || rng.chance(0.22) ? null : { at: resolveAt + rng.int(1, 18) * HOUR, rating: rating(rng, late) };
  return {
    key,
    project: slot.project,
    scenario: s,
    title: rng.pick(FAULTS[slot.project]),
    level,
    channel,
    byCustomer: channel === 'web',
    engineer,
    reportedAt,
    dispatchAt,
    respondAt,
    onSite,
    arriveAt,
    pause,
    resolveAt,
    checkOutAt: onSite ? (pause ? pause.at + 10 * MIN : checkOutAt) : checkOutAt,
    confirm,
    holiday: slot.holiday?.name ?? null,
  };
}

/** Holiday periods (consecutive days off) inside [first, last], from the national holiday calendar. */
export function holidayPeriods(days: Map<string, string>, first: string, last: string) {
  const out: { name: string; first: string; last: string }[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) {
    const name = days.get(d);
    if (!name || days.has(addDays(d, -1))) continue;
    let end = d;
    while (days.has(addDays(end, 1))) end = addDays(end, 1);
    out.push({ name, first: d, last: end });
  }
  return out;
}

/**
 * Plans the finished months before `today`: per month ~24 tickets for project A and ~12 for B, a
 * ticket reported on the eve of each public holiday and resumed after it, weekly records per project.
 * Nothing is planned to happen on or after the first day of today's month, so this month's figures
 * (which the browser suite checks) are not touched.
 */
export function planHistory(today: string, holidays: Map<string, string>): HistoryPlan {
  const rng = prng(`weibao-demo-${today}`);
  const months = historyMonths(today);
  const first = `${months[0]}-01`;
  const end = beijingDayStart(`${today.slice(0, 7)}-01`);
  const slots: Slot[] = [];
  for (const month of months) {
    // The last days stay free so that every ticket is rated or closed within its month's history.
    const lastDay = daysIn(month) - 4;
    const day = () => `${month}-${String(rng.int(1, lastDay)).padStart(2, '0')}`;
    for (const project of ['a', 'b'] as const) {
      const n = project === 'a' ? rng.int(22, 26) : rng.int(10, 13);
      for (let i = 0; i < n; i++) {
        // Each month: every level, the main channels and each kind of outcome at least once.
        const forced =
          project === 'a'
            ? {
                level: i < 4 ? ((i + 1) as FaultLevel) : undefined,
                channel: MONTHLY_CHANNELS[i],
                scenario: MONTHLY_SCENARIOS[i],
              }
            : {};
        slots.push({
          project,
          day: day(),
          scenario: forced.scenario ?? rng.weighted(SCENARIO_WEIGHTS),
          level: forced.level,
          channel: forced.channel,
        });
      }
    }
  }
  for (const h of holidayPeriods(
    holidays,
    first,
    addDays(`${months[months.length - 1]}-01`, daysIn(months[months.length - 1]!) - 4),
  )) {
    const eve = addDays(h.first, -1);
    if (eve >= first)
      slots.push({ project: 'a', day: eve, scenario: 'holiday', level: 3, channel: 'phone', holiday: h });
  }
  // Planned in report order so that an engineer's check-ins never overlap.
  const ordered = slots
    .map((slot, i) => ({ slot, i, base: beijingDayStart(slot.day) }))
    .sort((x, y) => x.base - y.base || x.i - y.i);
  const busy = new Map<EngineerKey, number>();
  const tickets = ordered
    .map(({ slot }, i) => planTicket(rng, `t${i}`, slot, busy))
    .filter((t) => Math.max(t.confirm?.at ?? 0, t.checkOutAt, t.pause?.resumeAt ?? 0) < end);
  const records: PlannedRecord[] = [];
  // Records every Friday 17:30 for the week's visits, signed by the purchaser's lead on Monday morning.
  for (let d = first; beijingDayStart(d) < end; d = addDays(d, 1)) {
    if (new Date(`${d}T00:00:00Z`).getUTCDay() !== 5) continue;
    const signAt = at(addDays(d, 3), 9, rng.int(5, 50));
    if (signAt >= end) continue;
    for (const project of ['a', 'b'] as const) {
      records.push({ key: `r-${project}-${d}`, project, weekStart: at(addDays(d, -6), 0), at: at(d, 17, 30), signAt });
    }
  }
  // Due on the 25th: run a few days before, except one month run late; one month finds the storage nearly full.
  const inspections = months.map((month, i) => ({
    month,
    at: at(`${month}-${i === 1 ? '27' : String(rng.int(18, 23))}`, rng.int(9, 14), rng.int(0, 59)),
    cpu: rng.int(32, 71),
    disk: i === 2 ? 88 : rng.int(58, 79),
  }));
  const dailyTicks: number[] = [];
  for (let d = first; at(d, 3) < end; d = addDays(d, 1)) dailyTicks.push(at(d, 3));
  return { months, from: beijingDayStart(first), to: end, tickets, records, inspections, dailyTicks };
}
