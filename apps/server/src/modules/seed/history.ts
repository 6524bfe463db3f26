import type { TicketActionRequest } from '@weibao/schema';
import type { RequestMeta } from '../../lib/actor.js';
import type { Services } from '../../services.js';
import { beijingDay } from '../../lib/time.js';
import { performAction } from '../tickets/actions.js';
import { seedMonthlyInspectionPlan } from './demo-inspections.js';
import {
  type EngineerKey,
  type PlannedInspection,
  type PlannedRecord,
  type PlannedTicket,
  type ProjectKey,
  planHistory,
} from './history-plan.js';
import { SeedRepository } from './repository.js';
import { demoSignature } from './signature.js';

/**
 * Moves the services' clock for the demo history: `travel` freezes "now" at a past instant, `back`
 * returns to the real clock. Every service reads time through the one `now()` it was built with,
 * so a ticket created while the clock stands at 9:05 last month is reported then, its clocks are
 * planned from then, and an action at 10:40 stops them at 10:40 with the outcome the SLA code
 * computes — nothing in the history is written as a result.
 */
export interface SeedClock {
  travel(ms: number): void;
  back(): void;
}

export interface HistoryActors {
  manager: RequestMeta;
  dispatcher: RequestMeta;
  engineer: RequestMeta;
  engineer2: RequestMeta;
  customers: Record<ProjectKey, RequestMeta>;
  leads: Record<ProjectKey, RequestMeta>;
}

const SITES: Record<ProjectKey, string[]> = {
  a: ['省信息中心 3 楼机房', '省政务服务大厅综合窗口', '省信息中心 5 楼办公区'],
  b: ['市自然资源局机房', '市不动产登记中心大厅'],
};
const REPORTERS: Record<ProjectKey, [string, string][]> = {
  a: [
    ['省信息中心值班室', '0371-65550001'],
    ['业务处 孙老师', '13803710021'],
    ['审批处 何老师', '13803710035'],
    ['政务大厅 马主任', '13803710048'],
  ],
  b: [
    ['信息科 郑工', '13903710012'],
    ['登记中心 冯老师', '13903710027'],
    ['规划科 蒋老师', '13903710039'],
  ],
};
const SOLUTIONS = [
  '重启应用服务并清理缓存，业务恢复',
  '更换故障模块后设备恢复正常',
  '调整数据库连接池参数并重建索引',
  '修复同步任务配置，补同步数据',
  '更新证书并重新发布接口',
  '清理归档日志释放空间，重新执行备份',
  '更换网线并重新配置端口',
  '协调厂商远程处理，补丁已安装',
];

type Event = { at: number; seq: number; run: () => Promise<void> };

/** Seeds the finished months before today through the services, in time order; returns what it made. */
export async function seedDemoHistory(
  s: Services,
  clock: SeedClock,
  who: HistoryActors,
  projects: Record<ProjectKey, string>,
  log: (m: string) => void = () => {},
) {
  const today = beijingDay(s.now());
  const years = [...new Set([Number(today.slice(0, 4)) - 1, Number(today.slice(0, 4))])];
  const holidays = new Map(
    (await Promise.all(years.map((y) => s.holidays.get(y)))).flatMap((y) =>
      y.holidays.map((h) => [h.date, h.name] as const),
    ),
  );
  const plan = planHistory(today, holidays);
  const events: Event[] = [];
  const add = (at: number, run: () => Promise<void>) => events.push({ at, seq: events.length, run });
  const ticketIds = new Map<string, { id: string; number: string }>();
  const visits: { project: ProjectKey; id: string; ticketId: string; out: number }[] = [];
  const engineerOf = (k: EngineerKey) => (k === 'engineer' ? who.engineer : who.engineer2);
  let n = 0;
  for (const t of plan.tickets) planTicketEvents(t);
  const waiting: Record<ProjectKey, string[]> = { a: [], b: [] };
  for (const r of plan.records) planRecordEvents(r);
  // The monthly inspection plan starts with the history; the daily job generates each month's task ahead, as the worker does.
  const engineerIds = [who.engineer.actor.userId, who.engineer2.actor.userId];
  add(plan.from + 8 * 3_600_000, () =>
    seedMonthlyInspectionPlan(s, who.manager, projects.a, engineerIds, beijingDay(plan.from)),
  );
  for (const i of plan.inspections) add(i.at, () => runInspection(i));
  for (const tick of plan.dailyTicks)
    add(tick, async () => {
      await s.inspections.generateDue();
      await s.worker.autoCloseDue();
    });

  function planTicketEvents(t: PlannedTicket) {
    const act = (m: RequestMeta, body: TicketActionRequest) =>
      performAction(s.tickets, m, ticketIds.get(t.key)!.id, body);
    const engineer = engineerOf(t.engineer);
    const [reporterName, reporterPhone] =
      t.channel === 'monitoring'
        ? ['监控平台', '0371-00000000']
        : t.byCustomer
          ? [t.project === 'a' ? '陈科员' : '周科员', t.project === 'a' ? '13800000001' : '13800000002']
          : REPORTERS[t.project][n++ % REPORTERS[t.project].length]!;
    const site = SITES[t.project][n % SITES[t.project].length]!;
    add(t.reportedAt, async () => {
      const created = await s.tickets.create(t.byCustomer ? who.customers[t.project] : who.dispatcher, {
        projectId: projects[t.project],
        title: t.title,
        description: `${t.title}。${t.holiday ? `（${t.holiday}前夕报修）` : ''}`,
        level: t.level,
        channel: t.channel,
        reporterName,
        reporterPhone,
      });
      ticketIds.set(t.key, { id: created.id, number: created.number });
    });
    add(t.dispatchAt, () =>
      act(who.dispatcher, { action: 'dispatch', assigneeId: engineer.actor.userId }).then(() => {}),
    );
    if (t.scenario === 'cancelled') {
      add(t.respondAt, () =>
        act(who.dispatcher, { action: 'cancel', reason: '客户重复报修，已合并处理' }).then(() => {}),
      );
      return;
    }
    add(t.respondAt, () =>
      act(engineer, {
        action: 'respond',
        note: t.onSite ? '已电话联系报修人，马上到场' : '已电话联系报修人，远程处理',
      }).then(() => {}),
    );
    if (t.onSite) {
      add(t.arriveAt, async () => {
        const v = await s.visits.checkIn(engineer, {
          projectId: projects[t.project],
          ticketId: ticketIds.get(t.key)!.id,
          location: site,
        });
        visits.push({ project: t.project, id: v.id, ticketId: ticketIds.get(t.key)!.id, out: t.checkOutAt });
        add(t.checkOutAt, () => s.visits.checkOut(engineer, v.id, { note: '处理完毕，签退' }).then(() => {}));
      });
    } else {
      add(t.arriveAt, () => act(engineer, { action: 'arrival_not_needed', reason: '远程处理' }).then(() => {}));
    }
    if (t.pause) {
      const p = t.pause;
      add(p.at, () => act(engineer, { action: 'suspend', suspendReason: p.reason, reason: p.note }).then(() => {}));
      add(p.resumeAt, () =>
        act(engineer, {
          action: 'resume',
          reason: p.reason === 'waiting_third_party' ? '备件已到货' : '客户已提供',
        }).then(() => {}),
      );
    }
    const minute = t.reportedAt / 60_000;
    const resolution: TicketActionRequest = {
      action: 'resolve',
      solution: SOLUTIONS[minute % SOLUTIONS.length]!,
      faultCause: minute % 7 === 0 ? 'human' : 'non_human',
    };
    add(t.resolveAt, () => act(engineer, resolution).then(() => {}));
    if (t.confirm) {
      const c = t.confirm;
      add(c.at, () =>
        act(t.byCustomer ? who.customers[t.project] : who.dispatcher, { action: 'confirm', rating: c.rating }).then(
          () => {},
        ),
      );
    }
  }

  function planRecordEvents(r: PlannedRecord) {
    add(r.at, async () => {
      const week = visits.filter((v) => v.project === r.project && v.out > r.weekStart && v.out <= r.at);
      if (!week.length) return;
      const tickets = [...new Set(week.map((v) => v.ticketId))];
      const numbers = [...ticketIds.values()].filter((x) => tickets.includes(x.id)).map((x) => x.number);
      const first = Math.min(...week.map((v) => v.out));
      const created = await s.recordDrafts.create(who.engineer, {
        projectId: projects[r.project],
        kind: 'visit',
        serviceStart: first - 3_600_000,
        serviceEnd: Math.max(...week.map((v) => v.out)),
        location: SITES[r.project][0]!,
        content: `本周现场处理工单 ${numbers.length} 件：${numbers.join('、')}。`,
        result: '均已处理完毕，系统运行正常。',
        visitIds: week.map((v) => v.id),
        ticketIds: tickets,
        extraStaff: [],
      });
      await s.recordSignoff.submit(who.engineer, created.id);
      waiting[r.project].push(created.id);
    });
    add(r.signAt, async () => {
      const ids = waiting[r.project].splice(0);
      if (ids.length) await s.recordSignoff.sign(who.leads[r.project], ids, demoSignature(r.project === 'a' ? 1 : 2));
    });
  }

  /** The assignee checks every item (photos of the backup screen and the UPS panel), finishes and submits the inspection record. */
  async function runInspection(i: PlannedInspection) {
    const tasks = await s.inspections.tasks(who.manager.actor, {
      projectId: projects.a,
      from: `${i.month}-01`,
      to: `${i.month}-28`,
      limit: 50,
    });
    const task = tasks.items.find((x) => x.kind === 'monthly' && x.period === i.month && x.status !== 'done');
    if (!task) return;
    const runner = task.assigneeId === who.engineer2.actor.userId ? who.engineer2 : who.engineer;
    const photo = Buffer.from(demoSignature(7).split(',')[1]!, 'base64');
    const results: [string, 'pass' | 'fail', number | null, string | undefined][] = [
      ['portal', 'pass', null, undefined],
      ['approval', 'pass', null, undefined],
      ['cpu', 'pass', i.cpu, undefined],
      i.disk > 85 ? ['disk', 'fail', i.disk, '存储使用率偏高，已提交扩容建议'] : ['disk', 'pass', i.disk, undefined],
      ['backup', 'pass', null, '最近一次全量备份成功'],
      ['ups', 'pass', null, undefined],
    ];
    for (const [key, outcome, value, note] of results) {
      await s.inspectionRuns.saveResult(runner, task.id, key, { outcome, value, note });
      if (key === 'backup' || key === 'ups')
        await s.inspectionRuns.photo(runner, task.id, key, { mime: 'image/png', data: photo });
    }
    const done = await s.inspectionRuns.finish(runner, task.id, undefined);
    if (done.recordId) {
      await s.recordSignoff.submit(runner, done.recordId);
      waiting.a.push(done.recordId);
    }
  }

  const started = performance.now();
  events.sort((x, y) => x.at - y.at || x.seq - y.seq);
  // Events added while running (a check-out planned at its check-in) are merged in time order.
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    clock.travel(e.at);
    const before = events.length;
    await e.run();
    if (events.length > before) {
      const tail = events.splice(i + 1).sort((x, y) => x.at - y.at || x.seq - y.seq);
      events.push(...tail);
    }
  }
  clock.travel(plan.to);
  const repo = new SeedRepository();
  await s.database.db.transaction().execute(async (tx) => {
    const read = await repo.markNotificationsRead(tx, plan.to, plan.to);
    await repo.skipOldMail(tx, plan.to);
    await s.audit.record(
      tx,
      { actor: null, ip: null, actorLabel: 'seed' },
      {
        action: 'seed.demo',
        summary: `演示历史数据：${plan.months[0]} 至 ${plan.months[plan.months.length - 1]}，工单 ${ticketIds.size} 张，${read} 条旧通知标为已读`,
      },
    );
  });
  clock.back();
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  log(
    `seeded ${plan.months.length} past months (${plan.months.join(', ')}): ${ticketIds.size} tickets, ${visits.length} site visits, ` +
      `${plan.inspections.length} inspections, signed records in ${seconds} s`,
  );
  return { months: plan.months, tickets: ticketIds.size };
}
