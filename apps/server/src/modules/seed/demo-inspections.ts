import type { RequestMeta } from '../../lib/actor.js';
import type { Services } from '../../services.js';
import { beijingDay } from '../../lib/time.js';

/** Project A's monthly all-function checklist and its plan from `startsOn`, the tasks going to the engineers in turn. */
export async function seedMonthlyInspectionPlan(
  s: Services,
  manager: RequestMeta,
  projectId: string,
  engineerIds: string[],
  startsOn: string,
) {
  const monthly = await s.inspectionTemplates.saveTemplate(manager, null, {
    name: '政务系统月度全功能巡检',
    scope: 'system',
    assetType: null,
    items: [
      {
        key: 'portal',
        title: '门户首页与登录',
        method: '用测试账号登录并打开各栏目',
        expected: '页面正常、无报错',
        min: null,
        max: null,
        unit: '',
        photoRequired: false,
      },
      {
        key: 'approval',
        title: '审批流程',
        method: '发起一条测试审批并走完流程',
        expected: '各节点流转正常',
        min: null,
        max: null,
        unit: '',
        photoRequired: false,
      },
      {
        key: 'cpu',
        title: '数据库服务器 CPU 使用率',
        method: '查看监控平台近 7 天峰值',
        expected: '',
        min: 0,
        max: 80,
        unit: '%',
        photoRequired: false,
      },
      {
        key: 'disk',
        title: '存储使用率',
        method: '查看存储管理界面',
        expected: '',
        min: 0,
        max: 85,
        unit: '%',
        photoRequired: false,
      },
      {
        key: 'backup',
        title: '备份任务',
        method: '检查最近一次全量备份',
        expected: '成功且可恢复',
        min: null,
        max: null,
        unit: '',
        photoRequired: true,
      },
      {
        key: 'ups',
        title: '机房 UPS 与空调',
        method: '现场查看面板',
        expected: '无告警',
        min: null,
        max: null,
        unit: '',
        photoRequired: true,
      },
    ],
  });
  await s.inspectionPlans.createPlan(manager, projectId, {
    name: '月度全功能巡检',
    kind: 'monthly',
    templateId: monthly.id,
    dueDay: 25,
    intervalMonths: 1,
    startsOn,
    leadDays: 31,
    assigneeIds: engineerIds,
  });
}

/**
 * Demo checklists and plans for `npm start`: project A's monthly all-function inspection (unless the
 * demo history already set it up months ago) and the annual free one.
 */
export async function seedDemoInspections(
  s: Services,
  manager: RequestMeta,
  engineerIds: string[],
  log: (m: string) => void = () => {},
  opts: { monthlySeeded?: boolean } = {},
) {
  const [a] = await s.projects.repo.projects(s.database.db);
  if (!a) return;
  const today = beijingDay(s.now());
  if (!opts.monthlySeeded) await seedMonthlyInspectionPlan(s, manager, a.id, engineerIds, today);
  const annual = await s.inspectionTemplates.saveTemplate(manager, null, {
    name: '设备年度免费巡检',
    scope: 'asset_type',
    assetType: '服务器',
    items: [
      {
        key: 'fans',
        title: '风扇与电源冗余',
        method: '查看管理口',
        expected: '全部正常',
        min: null,
        max: null,
        unit: '',
        photoRequired: false,
      },
      {
        key: 'raid',
        title: 'RAID 与硬盘 SMART',
        method: '查看阵列卡日志',
        expected: '无预警',
        min: null,
        max: null,
        unit: '',
        photoRequired: true,
      },
    ],
  });
  await s.inspectionPlans.createPlan(manager, a.id, {
    name: '年度免费巡检',
    kind: 'annual',
    templateId: annual.id,
    dueDay: 25,
    intervalMonths: 12,
    startsOn: today,
    leadDays: 92,
    assigneeIds: engineerIds,
  });
  log('seeded inspection checklists and plans');
}
