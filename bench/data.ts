/**
 * Synthetic ticket history for the benchmark: rows that look like what the app itself writes, built
 * in memory and bulk-inserted (see load.ts). Deterministic (seeded PRNG) so runs are comparable.
 *
 * Model (24x7 calendar of the seeded contracts, targets read from their policy):
 * - tickets are reported uniformly from the contract start (at most 2 years back) until T0 - 3 h;
 * - status depends on age: recent tickets are often still open or resolved, old ones mostly closed,
 *   with a small backlog of stale open tickets (suspended / in progress / waiting for dispatch);
 * - open and resolved tickets get their three SLA clocks and nine alert rows, consistent with the
 *   status (alerts already due are 'fired', alerts of stopped clocks 'cancelled', of paused ones
 *   'paused'); closed and cancelled history carries no clock rows (no measured path reads them);
 * - next_due_at / breached / due_sort follow TicketService.refresh and ordering.ts `dueSort`.
 * Because every bulk ticket is at least 3 h old, no bulk alert is still pending: the only pending
 * alerts are those of the demo seed and of tickets the benchmark creates through the API.
 */
import { randomFillSync } from 'node:crypto';
import type { TicketStatus } from '@weibao/schema';
import type { SlaAlertsTable, SlaClocksTable, TicketsTable } from '../apps/server/src/db/types.js';
import { dueSort } from '../apps/server/src/modules/tickets/ordering.js';

export interface World {
  t0: number;
  /** Earliest report instant (contract start, at most two years back). */
  from: number;
  projects: { id: string; customerId: string; contractId: string; share: number; customerUsers: string[] }[];
  staffCreators: string[];
  engineers: string[];
  targets: Map<number, { response: number; arrival: number; resolution: number }>;
  pauseReasons: string[];
  autoCloseMs: number;
  /** Ticket-number counters (name -> last value) to continue from; updated while generating. */
  counters: Map<string, number>;
}

export interface Batch {
  tickets: TicketsTable[];
  clocks: SlaClocksTable[];
  alerts: SlaAlertsTable[];
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const TITLES = [
  '政务服务网无法登录',
  '数据库主机 CPU 持续 100%',
  '地图服务图层加载失败',
  '打印机卡纸',
  '核心交换机端口闪断',
  '统一认证接口超时',
  '报表导出乱码',
  '机房 UPS 告警',
  '备份任务失败',
  '门户首页访问缓慢',
  '邮件系统无法收信',
  '视频会议终端无声音',
  '防火墙策略变更申请',
  '磁盘空间不足告警',
];
const NAMES = ['陈科员', '周科员', '刘处长', '吴主任', '王芳', '李强', '张伟', '赵敏', '孙磊', '钱进', '郑洁', '冯涛'];
const PLACES = ['主楼 3 层机房', '二号楼 501', '数据中心 A 区', '政务大厅', '档案馆地下一层', null, null];
const SOLUTIONS = ['已重启服务并调整参数', '更换故障硬件', '修复配置后恢复', '清理磁盘空间', '升级补丁后恢复'];
const CHANNELS: [string, number][] = [
  ['phone', 35],
  ['web', 25],
  ['email', 10],
  ['monitoring', 20],
  ['fax', 2],
  ['remote', 8],
];
const LEVELS: [number, number][] = [
  [1, 5],
  [2, 15],
  [3, 40],
  [4, 40],
];
/** Status mix by age band; 'resolved' only where auto-close (3 days) has not yet happened. */
const MIX_RECENT: [TicketStatus, number][] = [
  ['new', 8],
  ['assigned', 12],
  ['in_progress', 25],
  ['suspended', 5],
  ['resolved', 30],
  ['closed', 17],
  ['cancelled', 3],
];
const MIX_MONTH: [TicketStatus, number][] = [
  ['new', 1],
  ['assigned', 3],
  ['in_progress', 6],
  ['suspended', 4],
  ['closed', 81],
  ['cancelled', 5],
];
const MIX_OLD: [TicketStatus, number][] = [
  ['assigned', 0.5],
  ['in_progress', 1],
  ['suspended', 2],
  ['closed', 92],
  ['cancelled', 4.5],
];

/** mulberry32: tiny, fast, good enough for test data. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const pool = Buffer.alloc(64 * 1024);
let poolAt = pool.length;
let lastMs = 0;
let seq = 0;
/** UUIDv7 like lib/ids.ts newId, but for past instants too (newId clamps to its last instant). */
export function uuid7(ms: number): string {
  if (ms === lastMs) seq = (seq + 1) & 0xfff;
  else {
    lastMs = ms;
    seq = 0;
  }
  if (poolAt + 8 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const h = ms.toString(16).padStart(12, '0');
  const r = pool;
  const i = poolAt;
  poolAt += 8;
  return (
    `${h.slice(0, 8)}-${h.slice(8, 12)}-7${HEX[seq >> 8]!.slice(1)}${HEX[seq & 0xff]}-${HEX[0x80 | (r[i]! & 0x3f)]}${HEX[r[i + 1]!]}-` +
    `${HEX[r[i + 2]!]}${HEX[r[i + 3]!]}${HEX[r[i + 4]!]}${HEX[r[i + 5]!]}${HEX[r[i + 6]!]}${HEX[r[i + 7]!]}`
  );
}

const ALERTS = [
  ['warn50', 0.5, 0],
  ['warn80', 0.8, 0],
  ['breach', 1, 1],
] as const;
type ClockKind = 'response' | 'arrival' | 'resolution';
interface ClockPlan {
  kind: ClockKind;
  target: number;
  stoppedAt?: number;
  notNeeded?: string;
  pausedSince?: number;
}

export class Generator {
  private readonly rnd: () => number;
  private readonly span: number;
  private i = 0;
  /** Every 500th ticket's keyset position, for deep-page cursors. */
  readonly samples: { sort: number; id: string; customerId: string }[] = [];
  constructor(
    private readonly w: World,
    private readonly total: number,
    seed = 20261125,
  ) {
    this.rnd = prng(seed);
    this.span = w.t0 - 3 * HOUR - w.from;
  }

  private pick<T>(a: readonly T[]): T {
    return a[Math.floor(this.rnd() * a.length)]!;
  }
  private weighted<T>(table: [T, number][]): T {
    let sum = 0;
    for (const [, w] of table) sum += w;
    let x = this.rnd() * sum;
    for (const [v, w] of table) if ((x -= w) < 0) return v;
    return table[table.length - 1]![0];
  }

  get done() {
    return this.i >= this.total;
  }

  /** The next `n` tickets in report order, with their clocks and alerts. */
  next(n: number): Batch {
    const out: Batch = { tickets: [], clocks: [], alerts: [] };
    for (const end = Math.min(this.total, this.i + n); this.i < end; this.i++) this.one(out);
    return out;
  }

  private one(out: Batch) {
    const { w, rnd } = this;
    const reported = Math.floor(w.from + ((this.i + rnd()) / this.total) * this.span);
    const age = w.t0 - reported;
    let status = this.weighted(age < 2.5 * DAY ? MIX_RECENT : age < 30 * DAY ? MIX_MONTH : MIX_OLD);
    const project = rnd() < w.projects[0]!.share ? w.projects[0]! : w.projects[1]!;
    const customerEntered = rnd() < 0.25;
    const channel = customerEntered ? 'web' : this.weighted(CHANNELS.filter(([c]) => c !== 'web'));
    const createdBy = customerEntered ? this.pick(project.customerUsers) : this.pick(w.staffCreators);
    const createdAt = customerEntered ? reported : reported + Math.floor(rnd() * 5 * MIN);
    const level = this.weighted(LEVELS);
    const tg = w.targets.get(level)!;
    const year = new Date(reported + 8 * HOUR).getUTCFullYear();
    const counter = `ticket-${year}`;
    const no = (w.counters.get(counter) ?? 0) + 1;
    w.counters.set(counter, no);
    const id = uuid7(createdAt);

    // Facts of the ticket's life, as offsets from the report instant.
    const respondAt = reported + Math.floor(tg.response * (0.05 + rnd() * 1.05));
    const arriveNeeded = rnd() < 0.6;
    const arriveAt = arriveNeeded ? respondAt + Math.floor(tg.arrival * rnd() * 0.9) : respondAt;
    const resolvedAt = Math.max(arriveAt, reported + Math.floor(tg.resolution * (0.2 + rnd() * 0.95)));
    if (status === 'resolved' && resolvedAt + w.autoCloseMs < w.t0 + 2 * HOUR) status = 'closed';
    const assignee = status === 'new' || (status === 'cancelled' && rnd() < 0.5) ? null : this.pick(w.engineers);
    const t: TicketsTable = {
      id,
      number: `GD-${year}-${String(no).padStart(6, '0')}`,
      project_id: project.id,
      customer_id: project.customerId,
      contract_id: project.contractId,
      title: this.pick(TITLES),
      description: '用户来电反映故障现象，已记录。',
      level,
      channel,
      status,
      reporter_name: this.pick(NAMES),
      reporter_phone: `138${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`,
      location: this.pick(PLACES),
      reported_at: reported,
      reported_at_reason: null,
      created_at: createdAt,
      created_by: createdBy,
      assignee_id: assignee,
      fault_cause: null,
      solution: null,
      billable: null,
      resolved_at: null,
      closed_at: null,
      auto_close_at: null,
      reopen_count: 0,
      suspend_reason: null,
      next_due_at: null,
      due_sort: 0,
      breached: 0,
      last_urged_at: null,
      rating: null,
      updated_at: createdAt,
    };
    const late =
      respondAt - reported > tg.response ||
      (arriveNeeded && arriveAt - reported > tg.arrival) ||
      resolvedAt - reported > tg.resolution;
    const arrival: ClockPlan = {
      kind: 'arrival',
      target: tg.arrival,
      ...(arriveNeeded ? { stoppedAt: arriveAt } : { stoppedAt: arriveAt, notNeeded: '远程处理' }),
    };
    let clocks: ClockPlan[] | null = null;
    switch (status) {
      case 'new':
      case 'assigned':
        clocks = [
          { kind: 'response', target: tg.response },
          { kind: 'arrival', target: tg.arrival },
          { kind: 'resolution', target: tg.resolution },
        ];
        t.updated_at = status === 'new' ? createdAt : createdAt + Math.floor(rnd() * 10 * MIN);
        break;
      case 'in_progress': {
        const arrivalOpen = rnd() < 0.2;
        clocks = [
          { kind: 'response', target: tg.response, stoppedAt: respondAt },
          arrivalOpen ? { kind: 'arrival', target: tg.arrival } : arrival,
          { kind: 'resolution', target: tg.resolution },
        ];
        t.updated_at = Math.max(createdAt, arrivalOpen ? respondAt : arriveAt);
        break;
      }
      case 'suspended': {
        const pausedAt = Math.max(createdAt, arriveAt) + Math.floor(rnd() * tg.resolution);
        clocks = [
          { kind: 'response', target: tg.response, stoppedAt: respondAt },
          arrival,
          { kind: 'resolution', target: tg.resolution, pausedSince: pausedAt },
        ];
        t.suspend_reason = this.pick(w.pauseReasons);
        t.updated_at = pausedAt;
        break;
      }
      case 'resolved':
      case 'closed': {
        Object.assign(t, {
          fault_cause: this.weighted([
            ['non_human', 75],
            ['human', 15],
            ['unknown', 10],
          ]),
          solution: this.pick(SOLUTIONS),
          resolved_at: resolvedAt,
        });
        t.billable = t.fault_cause === 'human' ? 1 : 0;
        t.breached = late ? 1 : 0;
        if (status === 'resolved') {
          clocks = [
            { kind: 'response', target: tg.response, stoppedAt: respondAt },
            arrival,
            { kind: 'resolution', target: tg.resolution, stoppedAt: resolvedAt },
          ];
          t.auto_close_at = resolvedAt + w.autoCloseMs;
          t.updated_at = resolvedAt;
        } else {
          const confirmed = rnd() < 0.6;
          t.closed_at = Math.min(w.t0 - MIN, resolvedAt + (confirmed ? Math.floor(rnd() * 2 * DAY) : w.autoCloseMs));
          if (confirmed) t.rating = 3 + Math.floor(rnd() * 3);
          t.updated_at = t.closed_at;
        }
        break;
      }
      case 'cancelled':
        t.closed_at = createdAt + Math.floor(rnd() * HOUR);
        t.updated_at = t.closed_at;
        break;
    }
    if (clocks) {
      let next: number | null = null;
      let breached = false;
      for (const c of clocks) {
        const due = this.clock(out, t, c);
        if (due !== null && (next === null || due < next)) next = due;
        if (due !== null ? due < w.t0 : (c.stoppedAt ?? c.pausedSince ?? w.t0) - reported > c.target) breached = true;
      }
      t.next_due_at = next;
      t.breached = breached || t.breached === 1 ? 1 : 0;
    }
    t.due_sort = dueSort(status, t.next_due_at, reported, t.updated_at);
    if (this.i % 500 === 250) this.samples.push({ sort: t.due_sort, id: t.id, customerId: t.customer_id });
    out.tickets.push(t);
  }

  /** One clock row and its three alert rows; returns its due instant while it runs. */
  private clock(out: Batch, t: TicketsTable, c: ClockPlan): number | null {
    const started = t.reported_at;
    const running = c.stoppedAt === undefined && c.pausedSince === undefined;
    const due = running ? started + c.target : null;
    const clockId = uuid7(t.created_at);
    out.clocks.push({
      id: clockId,
      ticket_id: t.id,
      kind: c.kind,
      cycle: 1,
      target_ms: c.target,
      started_at: started,
      stopped_at: c.stoppedAt ?? null,
      cancelled: 0,
      not_needed_reason: c.notNeeded ?? null,
      pauses_json: '[]',
      paused_since: c.pausedSince ?? null,
      due_at: due,
      updated_at: c.stoppedAt ?? c.pausedSince ?? t.created_at,
      // 24x7 and no pauses in this model: working time elapsed is wall time (what SlaService.outcomeOf stores).
      project_id: t.project_id,
      level: t.level,
      ...stoppedOutcome(c, started),
    });
    const endOfRun = c.stoppedAt ?? c.pausedSince ?? Infinity;
    for (const [kind, fraction, offset] of ALERTS) {
      const at = started + c.target * fraction + offset;
      const fired = at < endOfRun && at <= this.w.t0;
      out.alerts.push({
        id: uuid7(t.created_at),
        clock_id: clockId,
        ticket_id: t.id,
        kind,
        fire_at: fired || running ? at : null,
        state: fired ? 'fired' : c.pausedSince !== undefined ? 'paused' : running ? 'pending' : 'cancelled',
        fired_at: fired ? at + Math.floor(this.rnd() * 200) : null,
        fired_by: fired ? 'node-history' : null,
      });
    }
    return due;
  }
}

function stoppedOutcome(c: ClockPlan, started: number) {
  if (c.notNeeded) return { outcome: 'not_needed', elapsed_ms: null, late_ms: null };
  if (c.stoppedAt === undefined) return { outcome: null, elapsed_ms: null, late_ms: null };
  const elapsed = c.stoppedAt - started;
  return {
    outcome: elapsed > c.target ? 'breached' : 'met',
    elapsed_ms: elapsed,
    late_ms: Math.max(0, elapsed - c.target),
  };
}
