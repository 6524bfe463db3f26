import ExcelJS from 'exceljs';
import {
  CAUSE_LABEL, CHANNEL_LABEL, CLOCK_LABEL, LEVEL_LABEL, STATUS_LABEL, type MonthlyReportModel,
} from './model.js';
import { REPORT_TITLE, beijingTime, levelText, planLines, subtitleText } from './render.js';

type Cell = string | number | null;
/** A missing percentage is written as text so it cannot be mistaken for 0 by a formula or a reader. */
const pct = (p: number | null): Cell => (p === null ? '无数据' : p);

interface Sheet { name: string; widths: number[]; blocks: { header?: string[]; rows: Cell[][] }[] }

/**
 * 月度运维报告 as Excel, for people who re-use the figures: one sheet per section, figures as
 * numbers (percentages as plain numbers, the header says %), times as Beijing-time text because an
 * Excel date has no time zone and would shift for a reader outside China.
 */
export async function reportXlsx(m: MonthlyReportModel): Promise<Buffer> {
  const o = m.overview;
  const i = m.inspections;
  const s = m.satisfaction;
  const sheets: Sheet[] = [
    {
      name: '概述', widths: [24, 60],
      blocks: [{ rows: [
        ['报告', REPORT_TITLE],
        ['标题', subtitleText(m)],
        ['项目名称', m.project.name],
        ['项目编号', m.project.code],
        ['客户', m.project.customerName],
        ['合同编号', m.contract?.code ?? ''],
        ['合同名称', m.contract?.name ?? ''],
        ['合同期限', m.contract ? `${m.contract.startsOn} 至 ${m.contract.endsOn}` : ''],
        ['服务经理', m.project.serviceManager ?? ''],
        ['驻场人员', m.residents.join('、')],
        ['月份', m.month],
        ['报告期', `${m.from} 至 ${m.to}`],
        ['本月受理', o.received],
        ['解决', o.resolved],
        ['关闭', o.closed],
        ['月末未结', o.openAtEnd],
        ['重开', o.reopened],
        ['平均解决时长（分钟）', o.mttrMin === null ? '无数据' : Math.round(o.mttrMin)],
        ['生成时间', beijingTime(m.generatedAt)],
      ] }],
    },
    {
      name: '工单统计', widths: [14, 14, 10],
      blocks: [{ header: ['分类', '项目', '工单数'], rows: [
        ...m.byLevel.map((r) => ['故障等级', LEVEL_LABEL[r.level], r.count]),
        ...m.byChannel.map((r) => ['响应方式', CHANNEL_LABEL[r.channel], r.count]),
        ...m.byCause.map((r) => ['故障原因', CAUSE_LABEL[r.cause], r.count]),
      ] }],
    },
    {
      name: 'SLA达成', widths: [10, 10, 10, 10, 12, 14],
      blocks: [{ header: ['时钟', '等级', '达成', '超时', '无需到场', '按时率(%)'],
        rows: m.sla.map((r) => [CLOCK_LABEL[r.kind], levelText(r.level), r.met, r.breached, r.notNeeded, pct(r.pct)]) }],
    },
    {
      name: '超时明细', widths: [18, 36, 8, 8, 12, 12],
      blocks: [{ header: ['工单号', '标题', '等级', '时钟', '超时(分钟)', '故障原因'],
        rows: m.breaches.map((b) => [b.number, b.later ? `${b.title}（${b.later}）` : b.title, LEVEL_LABEL[b.level], CLOCK_LABEL[b.kind], b.lateMin, CAUSE_LABEL[b.cause]]) }],
    },
    {
      // One row per timeline event, the fault repeated, so the sheet filters and sorts as a flat list.
      name: '重大故障', widths: [18, 30, 8, 18, 18, 36, 18, 50],
      blocks: [{ header: ['工单号', '标题', '等级', '报告时间', '解决时间', '解决方案', '时间', '事件'],
        rows: m.majorFaults.flatMap((f) => {
          const head: Cell[] = [f.number, f.title, LEVEL_LABEL[f.level], beijingTime(f.reportedAt), f.resolvedAt === null ? '' : beijingTime(f.resolvedAt), f.solution ?? ''];
          return f.timeline.length ? f.timeline.map((e) => [...head, beijingTime(e.at), e.text]) : [[...head, '', '']];
        }) }],
    },
    {
      name: '巡检', widths: [14, 24, 24, 36, 16],
      blocks: [
        { header: ['巡检任务', '数量'], rows: [['应巡', i.planned], ['按时完成', i.done], ['逾期完成', i.late], ['逾期未做', i.overdue], ['未到期', i.open]] },
        { header: ['应完成日期', '巡检计划', '检查项', '发现问题', '工单'],
          rows: i.findings.map((f) => [f.taskDue, f.planName, f.item, f.note, f.ticketNumber ?? '']) },
      ],
    },
    {
      name: '参数调整', widths: [18, 18, 16, 16, 36, 12],
      blocks: [{ header: ['时间', '参数', '调整前', '调整后', '原因', '操作人'],
        rows: m.changes.map((c) => [beijingTime(c.at), c.parameter, c.before, c.after, c.reason, c.by]) }],
    },
    {
      name: '培训', widths: [36, 10, 10, 10],
      blocks: [{ header: ['培训计划', '学员(人)', '已独立(人)', '是否完成'],
        rows: m.training.map((t) => [t.planName, t.trainees, t.independent, t.complete ? '是' : '否']) }],
    },
    {
      name: '满意度', widths: [16, 12],
      blocks: [{ header: ['指标', '数值'], rows: [
        ['邀请评价', s.requested], ['已评价', s.rated], ['满意', s.satisfied], ['满意率(%)', pct(s.pct)], ['目标(%)', s.targetPct],
      ] }],
    },
    {
      name: '承诺达成', widths: [24, 16, 16, 10, 40],
      blocks: [
        { header: ['承诺', '目标', '实际', '结果', '说明'], rows: m.commitments.map((c) => [c.label, c.target, c.actual, STATUS_LABEL[c.status], c.detail]) },
        { rows: [['合同执行合格率(%)', pct(m.executionPct)]] },
      ],
    },
    {
      name: '下月计划', widths: [80],
      blocks: [{ header: ['下月工作计划'], rows: (planLines(m.nextMonthPlan).length ? planLines(m.nextMonthPlan) : ['（未填写）']).map((l) => [l]) }],
    },
  ];

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Weibao 维保';
  wb.title = `${REPORT_TITLE} ${m.project.name} ${m.month}`;
  for (const sh of sheets) {
    const ws = wb.addWorksheet(sh.name);
    sh.blocks.forEach((b, n) => {
      if (n > 0) ws.addRow([]);
      if (b.header) ws.addRow(b.header).font = { bold: true };
      for (const r of b.rows) ws.addRow(r);
    });
    sh.widths.forEach((w, c) => { ws.getColumn(c + 1).width = w; });
    if (sh.blocks.length === 1 && sh.blocks[0]!.header) ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
