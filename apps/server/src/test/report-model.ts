import type { MonthlyReportModel } from '../modules/reports/model.js';

/** A month of the monthly O&M report with something in every section, and an empty month, for the rendering tests. */
const at = (iso: string) => Date.parse(iso);

export const model: MonthlyReportModel = {
  project: {
    id: 'p1',
    code: 'PRJ-001',
    name: '市政务云运维项目',
    customerName: '市大数据中心',
    providerName: '某某信息技术有限公司',
    serviceManager: '王经理',
  },
  contract: { code: 'HT-2025-07', name: '政务云运维服务合同', startsOn: '2025-01-01', endsOn: '2025-12-31' },
  month: '2025-06',
  from: '2025-06-01',
  to: '2025-06-30',
  generatedAt: at('2025-07-01T02:00:00Z'),
  residents: ['张三', '李四'],
  overview: { received: 12, resolved: 10, closed: 9, openAtEnd: 2, reopened: 1, mttrMin: 135 },
  byLevel: [
    { level: 1, count: 2 },
    { level: 3, count: 10 },
  ],
  byChannel: [
    { channel: 'phone', count: 7 },
    { channel: 'web', count: 5 },
  ],
  byCause: [
    { cause: 'human', count: 3 },
    { cause: 'non_human', count: 9 },
  ],
  sla: [
    { kind: 'response', level: null, met: 39, breached: 1, notNeeded: 0, pct: 97.5 },
    { kind: 'arrival', level: null, met: 4, breached: 0, notNeeded: 8, pct: 100 },
    { kind: 'resolution', level: 1, met: 1, breached: 1, notNeeded: 0, pct: 50 },
  ],
  breaches: [
    {
      number: 'GD-20250612-0007',
      title: '核心交换机宕机',
      level: 1,
      kind: 'resolution',
      lateMin: 42,
      cause: 'non_human',
    },
  ],
  majorFaults: [
    {
      number: 'GD-20250612-0007',
      title: '核心交换机宕机',
      level: 1,
      reportedAt: at('2025-06-12T01:30:00Z'),
      resolvedAt: at('2025-06-12T06:12:00Z'),
      solution: '更换主控板并恢复配置',
      timeline: [
        { at: at('2025-06-12T01:30:00Z'), text: '监控告警，值班工程师受理' },
        { at: at('2025-06-12T02:05:00Z'), text: '工程师到场排查，确认主控板故障' },
        { at: at('2025-06-12T06:12:00Z'), text: '更换主控板，业务恢复' },
      ],
    },
  ],
  inspections: {
    planned: 8,
    done: 6,
    late: 1,
    overdue: 1,
    open: 0,
    findings: [
      {
        taskDue: '2025-06-15',
        planName: '机房月度巡检',
        item: 'UPS 电池',
        note: '电池内阻偏高',
        ticketNumber: 'GD-20250615-0002',
      },
    ],
  },
  changes: [
    {
      at: at('2025-06-15T03:00:00Z'),
      parameter: '空调设定温度',
      before: '20℃',
      after: '22℃',
      reason: '节能并保持机房温度合规',
      by: '张三',
    },
  ],
  training: [{ planName: '运维平台操作培训', trainees: 6, independent: 5, complete: false }],
  satisfaction: { rated: 20, satisfied: 19, pct: 95, targetPct: 90, requested: 24 },
  commitments: [
    { kind: 'response', label: '响应及时率', target: '≥95%', actual: '97.5%', status: 'met', detail: '' },
    {
      kind: 'resolution',
      label: '一级故障解决及时率',
      target: '≥95%',
      actual: '50%',
      status: 'missed',
      detail: '1 单超时 42 分钟',
    },
  ],
  executionPct: 90,
  nextMonthPlan: '完成 UPS 电池更换\n\n开展第二批平台操作培训\r\n季度巡检准备',
};

export const empty: MonthlyReportModel = {
  ...model,
  project: { ...model.project, serviceManager: null },
  contract: null,
  residents: [],
  overview: { received: 0, resolved: 0, closed: 0, openAtEnd: 0, reopened: 0, mttrMin: null },
  byLevel: [],
  byChannel: [],
  byCause: [],
  sla: [{ kind: 'response', level: null, met: 0, breached: 0, notNeeded: 0, pct: null }],
  breaches: [],
  majorFaults: [],
  inspections: { planned: 0, done: 0, late: 0, overdue: 0, open: 0, findings: [] },
  changes: [],
  training: [],
  satisfaction: { rated: 0, satisfied: 0, pct: null, targetPct: 90, requested: 0 },
  commitments: [{ kind: 'satisfaction', label: '满意率', target: '≥90%', actual: '—', status: 'no_data', detail: '' }],
  executionPct: null,
  nextMonthPlan: '',
};
