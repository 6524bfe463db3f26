import type { Role } from '@weibao/schema';
import type { Services } from '../../services.js';
import { newId } from '../../lib/ids.js';
import { performAction } from '../tickets/actions.js';
import { seedDemoAssets } from './demo-assets.js';
import { seedDemoInspections } from './demo-inspections.js';
import { seedDemoService } from './demo-service.js';
import type { RequestMeta } from '../../lib/actor.js';
import { type SeedClock, seedDemoHistory } from './history.js';

/** Demo password for every seeded account; printed by `npm start`. Accounts need not change it first. */
export const DEMO_PASSWORD = 'Weibao@2026';

export const DEMO_USERS: {
  username: string;
  name: string;
  org: 'provider' | 'a' | 'b';
  roles: Role[];
  email?: string;
}[] = [
  { username: 'admin', name: '系统管理员', org: 'provider', roles: ['sys_admin'] },
  { username: 'secadmin', name: '安全管理员', org: 'provider', roles: ['security_admin'] },
  { username: 'auditor', name: '审计管理员', org: 'provider', roles: ['auditor'] },
  { username: 'manager', name: '王经理', org: 'provider', roles: ['service_manager'], email: 'manager@weibao.local' },
  { username: 'dispatcher', name: '李调度', org: 'provider', roles: ['dispatcher'] },
  { username: 'engineer', name: '张工', org: 'provider', roles: ['engineer'], email: 'engineer@weibao.local' },
  { username: 'engineer2', name: '赵工', org: 'provider', roles: ['engineer'] },
  { username: 'cust_a', name: '陈科员', org: 'a', roles: ['customer_user'], email: 'chen@sxxzx.example.cn' },
  { username: 'lead_a', name: '刘处长', org: 'a', roles: ['customer_lead'] },
  { username: 'cust_b', name: '周科员', org: 'b', roles: ['customer_user'] },
  { username: 'lead_b', name: '吴主任', org: 'b', roles: ['customer_lead'] },
];

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
];

/** Seeds a provider, two customers with a project and contract each, every role, and ~30 tickets in all states. */
/**
 * `opts.assets`: also the asset ledger, inspections, training and knowledge base (`npm start`, browser suite).
 * `opts.history`: also the finished months before today (tickets, visits, signed records, ratings),
 * run through the services with their clock moved into the past by `history`.
 */
export async function seedDemo(
  s: Services,
  log: (msg: string) => void = () => {},
  opts: { assets?: boolean; history?: SeedClock } = {},
): Promise<{ created: boolean }> {
  const db = s.database.db;
  if ((await s.userRepo.list(db, {})).length > 0) return { created: false };
  const now = s.now();
  const system = { actor: null, ip: null, actorLabel: 'seed' };
  const orgs = { provider: newId(), a: newId(), b: newId() };
  await db.transaction().execute(async (tx) => {
    for (const [id, name, kind] of [
      [orgs.provider, '维保信息技术有限公司', 'provider'],
      [orgs.a, '省信息中心', 'customer'],
      [orgs.b, '市自然资源局', 'customer'],
    ] as const) {
      await s.projects.repo.insertOrg(tx, { id, name, kind, created_at: now });
    }
    await s.audit.record(tx, system, { action: 'seed.demo', summary: '初始化演示数据' });
  });
  const ids: Record<string, string> = {};
  for (const u of DEMO_USERS) {
    const created = await s.users.create(
      null,
      {
        username: u.username,
        displayName: u.name,
        orgId: orgs[u.org],
        roles: u.roles,
        level: u.roles.includes('engineer') ? 3 : 1,
        email: u.email ?? null,
        phone: null,
        password: DEMO_PASSWORD,
      },
      { mustChangePassword: false },
    );
    ids[u.username] = created.id;
  }
  log(`seeded ${DEMO_USERS.length} users`);
  const asUser = async (username: string): Promise<RequestMeta> => {
    const u = (await s.userRepo.byUsername(db, username))!;
    return { actor: s.auth.toActor(u, 'token'), ip: '127.0.0.1' };
  };
  const manager = await asUser('manager');
  const year = new Date(now).getUTCFullYear();
  const projects: string[] = [];
  for (const [key, code, name] of [
    ['a', 'PRJ-SXXZX', '省级政务信息系统运维项目'],
    ['b', 'PRJ-SZRZY', '市国土空间基础信息平台运维项目'],
  ] as const) {
    const p = await s.projects.createProject(manager, {
      customerId: orgs[key],
      code,
      name,
      serviceManagerId: ids.manager,
      teamIds: [ids.engineer!, ids.engineer2!, ids.dispatcher!],
    });
    await s.projects.createContract(manager, p.id, {
      code: `HT-${code.slice(4)}-${year}`,
      name: `${name}合同`,
      startsOn: `${year - 1}-01-01`,
      endsOn: `${year + 2}-12-31`,
      warrantyMonths: 36,
      partExtension: key === 'a' ? 'downtime' : 'restart',
      labourRateCents: 15_000,
      satisfactionTargetPct: 95,
    });
    projects.push(p.id);
  }
  const dispatcher = await asUser('dispatcher');
  const engineer = await asUser('engineer');
  const custA = await asUser('cust_a');
  // The past months come first, so ticket and record numbers follow time, and today's demo tickets sit on top.
  if (opts.history) {
    await seedDemoHistory(
      s,
      opts.history,
      {
        manager,
        dispatcher,
        engineer,
        engineer2: await asUser('engineer2'),
        customers: { a: custA, b: await asUser('cust_b') },
        leads: { a: await asUser('lead_a'), b: await asUser('lead_b') },
      },
      { a: projects[0]!, b: projects[1]! },
      log,
    );
  }
  // Ticket i goes through the first (i mod 7) steps, so the queue shows every state.
  for (let i = 0; i < 30; i++) {
    const projectId = projects[i % 2]!;
    const reportedAt = now - (30 - i) * 7 * 60_000;
    const t = await s.tickets.create(i % 5 === 0 && i % 2 === 0 ? custA : dispatcher, {
      projectId,
      title: TITLES[i % TITLES.length]!,
      description: '演示工单：用户来电反映故障现象。',
      level: ((i % 4) + 1) as 1 | 2 | 3 | 4,
      channel: (['phone', 'web', 'email', 'monitoring', 'fax', 'remote'] as const)[i % 6]!,
      reporterName: i % 2 ? '周科员' : '陈科员',
      reporterPhone: '13800000000',
      ...(i % 5 === 0 && i % 2 === 0 ? {} : { reportedAt }),
    });
    const steps = i % 7;
    const act = (m: RequestMeta, body: Parameters<typeof performAction>[3]) => performAction(s.tickets, m, t.id, body);
    if (steps >= 1) await act(dispatcher, { action: 'dispatch', assigneeId: ids.engineer });
    if (steps >= 2) await act(engineer, { action: 'respond', note: '已电话联系报修人' });
    if (steps >= 3)
      await act(engineer, i % 3 ? { action: 'arrive' } : { action: 'arrival_not_needed', reason: '远程处理' });
    if (steps === 4)
      await act(engineer, { action: 'suspend', suspendReason: 'waiting_customer', reason: '等待客户提供日志' });
    if (steps >= 5)
      await act(engineer, {
        action: 'resolve',
        solution: '已重启服务并调整参数',
        faultCause: i % 4 ? 'non_human' : 'human',
      });
    if (steps >= 6) await act(dispatcher, { action: 'confirm', rating: 5 });
  }
  log('seeded 30 tickets');
  // The tests count on the plain seed; `npm start` also gets a small asset ledger to look at.
  if (opts.assets) {
    await seedDemoAssets(s, manager, engineer, log);
    await seedDemoInspections(s, manager, [ids.engineer!, ids.engineer2!], log, { monthlySeeded: !!opts.history });
    await seedDemoService(s, { manager, engineer, customer: custA }, log);
    // Everything the seed raised is the demo's past: read. Alerts the worker raises from now on stay unread.
    const read = await s.notifications.markDemoHistoryRead(s.now() + 1);
    log(`marked ${read} seeded notifications read`);
  }
  return { created: true };
}
