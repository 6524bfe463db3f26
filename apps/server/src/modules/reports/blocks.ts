import { beijingDateTime } from '../../lib/time.js';
import {
  CAUSE_LABEL,
  CHANNEL_LABEL,
  CLOCK_LABEL,
  LEVEL_LABEL,
  STATUS_LABEL,
  pctText,
  type MonthlyReportModel,
} from './model.js';

/**
 * The monthly report's content as format-free blocks (sections, tables, signatures) and the texts every format
 * prints; render-docx, render-pdf and render-xlsx lay these out. A leaf: it imports no renderer.
 */
export const REPORT_TITLE = '月度运维报告';
/** "YYYY-MM-DD HH:mm" in Beijing time: the purchaser reads every time in CST, whatever the server's TZ. */
/** "2025-06" → "2025年06月". */
export const monthText = (month: string) => `${month.slice(0, 4)}年${month.slice(5, 7)}月`;
/** Minutes as "X 小时 Y 分", rounded to the minute; 无数据 when nothing was measured. */
export function durationText(min: number | null): string {
  if (min === null) return '无数据';
  const total = Math.round(min);
  return `${Math.floor(total / 60)} 小时 ${total % 60} 分`;
}
export const subtitleText = (m: MonthlyReportModel) => `${m.project.name} · ${monthText(m.month)}`;
export const levelText = (level: MonthlyReportModel['sla'][number]['level']) =>
  level === null ? '全部' : LEVEL_LABEL[level];
/** The plan as the author typed it, one paragraph per non-blank line. */
export const planLines = (plan: string) =>
  plan
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** The report's document number: one per project and month, the same on every issued version. */
export const reportNumber = (m: MonthlyReportModel) => `YB-${m.project.code}-${m.month}`;
/** Printed at the top of every page (with the page count at the bottom). */
export const pageHeader = (m: MonthlyReportModel) =>
  `${REPORT_TITLE}  编号 ${reportNumber(m)}  合同编号 ${m.contract?.code ?? '未关联合同'}`;
export const pageFooter = (m: MonthlyReportModel) => `${m.project.providerName || '服务单位'} · ${m.project.name}`;
const BLANK = '____________';

/**
 * The printed report (docx and PDF) as a flat list of blocks, so both renderings share one layout
 * and can differ only in how a block is drawn. The spreadsheet has its own, tabular, shape.
 * Headings are the table of contents' entries; `align` right-aligns the columns that hold figures.
 */
export type Align = 'left' | 'right';
export interface Party {
  side: string;
  name: string;
  lines: string[];
}
export type Block =
  | { t: 'cover'; title: string; subtitle: string; rows: [string, string][] }
  | { t: 'toc'; title: string; entries: string[] }
  | { t: 'title' | 'subtitle' | 'heading' | 'subheading' | 'para' | 'note'; text: string }
  | { t: 'field'; label: string; value: string }
  | { t: 'table'; header: string[]; rows: string[][]; widths: number[]; align: Align[] }
  | { t: 'signatures'; parties: Party[] };

/** The cover page's label/value rows. */
export const coverRows = (m: MonthlyReportModel): [string, string][] => [
  ['项目名称', `${m.project.name}（${m.project.code}）`],
  ['合同编号', m.contract ? `${m.contract.code} ${m.contract.name}` : '未关联合同'],
  ['服务单位（乙方）', m.project.providerName || '—'],
  ['采购单位（甲方）', m.project.customerName],
  ['报告月份', monthText(m.month)],
  ['文档编号', reportNumber(m)],
  ['签发日期', beijingDateTime(m.generatedAt).slice(0, 10)],
];

export function reportBlocks(m: MonthlyReportModel): Block[] {
  const out: Block[] = [];
  const heading = (text: string) => out.push({ t: 'heading', text });
  const sub = (text: string) => out.push({ t: 'subheading', text });
  const field = (label: string, value: string) => out.push({ t: 'field', label, value });
  const para = (text: string) => out.push({ t: 'para', text });
  // An empty table prints as a bare header, which reads like missing data; say "none" instead.
  // Columns listed in `numeric` hold figures and are right-aligned.
  const table = (header: string[], rows: string[][], widths: number[], numeric: number[] = [], empty = '无') =>
    out.push(
      rows.length
        ? { t: 'table', header, rows, widths, align: header.map((_, i) => (numeric.includes(i) ? 'right' : 'left')) }
        : { t: 'para', text: empty },
    );
  const n = (v: number) => String(v);

  out.push({ t: 'cover', title: REPORT_TITLE, subtitle: subtitleText(m), rows: coverRows(m) });
  out.push({ t: 'toc', title: '目录', entries: SECTIONS });

  heading(SECTIONS[0]!);
  field('项目', `${m.project.name}（${m.project.code}）`);
  field('客户', m.project.customerName);
  if (m.contract) {
    field('合同编号', m.contract.code);
    field('合同名称', m.contract.name);
    field('合同期限', `${m.contract.startsOn} 至 ${m.contract.endsOn}`);
  } else field('合同', '未关联合同');
  field('服务经理', m.project.serviceManager ?? '未指定');
  field('驻场人员', m.residents.length ? m.residents.join('、') : '无');
  field('报告期', `${m.from} 至 ${m.to}`);
  const o = m.overview;
  field(
    '工单',
    `本月受理 ${o.received} 单，解决 ${o.resolved} 单，关闭 ${o.closed} 单，月末未结 ${o.openAtEnd} 单，重开 ${o.reopened} 单`,
  );
  field('平均解决时长（MTTR）', durationText(o.mttrMin));

  heading(SECTIONS[1]!);
  sub('按故障等级');
  table(
    ['故障等级', '工单数'],
    m.byLevel.map((r) => [LEVEL_LABEL[r.level], n(r.count)]),
    [1, 1],
    [1],
  );
  sub('报修渠道');
  table(
    ['报修渠道', '工单数'],
    m.byChannel.map((r) => [CHANNEL_LABEL[r.channel], n(r.count)]),
    [1, 1],
    [1],
  );
  sub('按故障原因');
  table(
    ['故障原因', '工单数'],
    m.byCause.map((r) => [CAUSE_LABEL[r.cause], n(r.count)]),
    [1, 1],
    [1],
  );

  heading(SECTIONS[2]!);
  table(
    ['时钟', '等级', '达成', '超时', '无需到场', '按时率'],
    m.sla.map((s) => [
      CLOCK_LABEL[s.kind],
      levelText(s.level),
      n(s.met),
      n(s.breached),
      n(s.notNeeded),
      pctText(s.pct),
    ]),
    [1, 1, 1, 1, 1, 1.2],
    [2, 3, 4, 5],
    '无数据',
  );
  sub('超时明细');
  table(
    ['工单号', '标题', '等级', '时钟', '超时分钟', '故障原因'],
    m.breaches.map((b) => [
      b.number,
      b.later ? `${b.title}（${b.later}）` : b.title,
      LEVEL_LABEL[b.level],
      CLOCK_LABEL[b.kind],
      n(b.lateMin),
      CAUSE_LABEL[b.cause],
    ]),
    [18, 34, 8, 8, 12, 12],
    [4],
    '本月无超时工单',
  );

  heading(SECTIONS[3]!);
  if (!m.majorFaults.length) para('本月无重大故障');
  for (const f of m.majorFaults) {
    sub(`${f.number} ${f.title}（${LEVEL_LABEL[f.level]}）`);
    field('报告时间', beijingDateTime(f.reportedAt));
    field('解决时间', f.resolvedAt === null ? '未解决' : beijingDateTime(f.resolvedAt));
    field('解决方案', f.solution ?? '未填写');
    table(
      ['时间', '事件'],
      f.timeline.map((e) => [beijingDateTime(e.at), e.text]),
      [22, 78],
      [],
      '无处理记录',
    );
  }

  heading(SECTIONS[4]!);
  const i = m.inspections;
  field(
    '巡检任务',
    `应巡 ${i.planned}，按时完成 ${i.done}，逾期完成 ${i.late}，逾期未做 ${i.overdue}，未到期 ${i.open}`,
  );
  sub('发现问题');
  table(
    ['应完成日期', '巡检计划', '检查项', '说明', '工单'],
    i.findings.map((f) => [f.taskDue, f.planName, f.item, f.note, f.ticketNumber ?? '未转工单']),
    [14, 20, 20, 32, 14],
  );

  heading(SECTIONS[5]!);
  table(
    ['时间', '参数', '调整前', '调整后', '原因', '操作人'],
    m.changes.map((c) => [beijingDateTime(c.at), c.parameter, c.before, c.after, c.reason, c.by]),
    [17, 16, 14, 14, 27, 12],
  );

  heading(SECTIONS[6]!);
  table(
    ['培训计划', '学员', '已独立', '是否完成'],
    m.training.map((t) => [t.planName, n(t.trainees), n(t.independent), t.complete ? '已完成' : '未完成']),
    [46, 18, 18, 18],
    [1, 2],
  );

  heading(SECTIONS[7]!);
  const s = m.satisfaction;
  field('邀请评价', `${s.requested} 单`);
  field('已评价', `${s.rated} 单`);
  field('满意', `${s.satisfied} 单`);
  field('满意率', `${pctText(s.pct)}（目标 ${s.targetPct}%）`);

  heading(SECTIONS[8]!);
  table(
    ['承诺', '目标', '实际', '结果', '说明'],
    m.commitments.map((c) => [c.label, c.target, c.actual, STATUS_LABEL[c.status], c.detail]),
    [24, 16, 16, 10, 34],
    [1, 2],
  );
  field('合同执行合格率', pctText(m.executionPct));

  heading(SECTIONS[9]!);
  const plan = planLines(m.nextMonthPlan);
  if (!plan.length) para('（未填写）');
  plan.forEach(para);

  // Blanks left on purpose: the report is printed, signed and stamped by both parties.
  heading(SECTIONS[10]!);
  out.push({
    t: 'signatures',
    parties: [
      {
        side: '服务单位（乙方）',
        name: m.project.providerName || '—',
        lines: [`编制：${m.project.serviceManager ?? BLANK}`, `审核：${BLANK}`, `日期：${BLANK}`],
      },
      {
        side: '采购单位（甲方）',
        name: m.project.customerName,
        lines: [`甲方确认：${BLANK}`, `项目负责人：${BLANK}`, `日期：${BLANK}`],
      },
    ],
  });
  out.push({ t: 'note', text: `文档编号 ${reportNumber(m)} · 生成时间 ${beijingDateTime(m.generatedAt)}` });
  return out;
}

/** The report's sections, in order: the headings and the table of contents. */
export const SECTIONS = [
  '一、概述',
  '二、工单统计',
  '三、SLA 达成情况',
  '四、重大故障',
  '五、巡检情况',
  '六、参数调整',
  '七、培训情况',
  '八、满意度',
  '九、服务承诺达成',
  '十、下月工作计划',
  '十一、签字确认',
];
/** The 盖章 box's label, in both printed formats. */
export const SEAL_LABEL = '（盖章）';
