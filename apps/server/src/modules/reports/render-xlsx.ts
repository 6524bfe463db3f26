import ExcelJS from 'exceljs';
import {
  CAUSE_LABEL,
  CHANNEL_LABEL,
  CLOCK_LABEL,
  LEVEL_LABEL,
  STATUS_LABEL,
  type MonthlyReportModel,
} from './model.js';
import { beijingWallClock } from '../../lib/time.js';
import { REPORT_TITLE, levelText, pageFooter, pageHeader, planLines, reportNumber, subtitleText } from './blocks.js';

/** A percentage (0–100) written as a fraction with a % format; an instant or a day written as an Excel date. */
type Typed = { pct: number } | { at: number } | { day: string };
type Cell = string | number | null | Typed;
/** A missing percentage is written as text so it cannot be mistaken for 0 by a formula or a reader. */
const pct = (p: number | null): Cell => (p === null ? '无数据' : { pct: p });
const at = (ms: number): Cell => ({ at: ms });
const day = (d: string): Cell => ({ day: d });
const rule = { style: 'thin', color: { argb: 'FF808080' } } as const;

/**
 * The value and number format of a cell. Excel dates carry no time zone, so an instant is written as
 * its Beijing wall-clock time: the purchaser reads the same "2025-06-12 09:30" as the printed report.
 */
function typed(c: Cell): { value: ExcelJS.CellValue; numFmt?: string } {
  if (c === null || typeof c !== 'object') return { value: c };
  if ('pct' in c) return { value: c.pct / 100, numFmt: '0.0%' };
  if ('at' in c) return { value: beijingWallClock(c.at), numFmt: 'yyyy-mm-dd hh:mm' };
  return { value: new Date(`${c.day}T00:00:00Z`), numFmt: 'yyyy-mm-dd' };
}

interface Sheet {
  name: string;
  widths: number[];
  blocks: { header?: string[]; rows: Cell[][] }[];
}

/**
 * 月度运维报告 as Excel, for people who re-use the figures: one sheet per section, figures as
 * numbers, percentages as numbers in a % format, days and times as Excel dates (Beijing wall clock).
 * Each sheet prints on A4 with ruled cells, fitted to the page width (landscape when wide), its
 * header row repeated on every page, and the document number and page count in the margins.
 */
export async function reportXlsx(m: MonthlyReportModel): Promise<Buffer> {
  const o = m.overview;
  const i = m.inspections;
  const s = m.satisfaction;
  const sheets: Sheet[] = [
    {
      name: '概述',
      widths: [24, 60],
      blocks: [
        {
          rows: [
            ['报告', REPORT_TITLE],
            ['文档编号', reportNumber(m)],
            ['标题', subtitleText(m)],
            ['项目名称', m.project.name],
            ['项目编号', m.project.code],
            ['客户', m.project.customerName],
            ['合同编号', m.contract?.code ?? ''],
            ['合同名称', m.contract?.name ?? ''],
            ['合同期限', m.contract ? `${m.contract.startsOn} 至 ${m.contract.endsOn}` : ''],
            ['服务单位', m.project.providerName],
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
            ['生成时间', at(m.generatedAt)],
          ],
        },
      ],
    },
    {
      name: '工单统计',
      widths: [14, 14, 10],
      blocks: [
        {
          header: ['分类', '项目', '工单数'],
          rows: [
            ...m.byLevel.map((r) => ['故障等级', LEVEL_LABEL[r.level], r.count]),
            ...m.byChannel.map((r) => ['报修渠道', CHANNEL_LABEL[r.channel], r.count]),
            ...m.byCause.map((r) => ['故障原因', CAUSE_LABEL[r.cause], r.count]),
          ],
        },
      ],
    },
    {
      name: 'SLA达成',
      widths: [10, 10, 10, 10, 12, 14],
      blocks: [
        {
          header: ['时钟', '等级', '达成', '超时', '无需到场', '按时率'],
          rows: m.sla.map((r) => [CLOCK_LABEL[r.kind], levelText(r.level), r.met, r.breached, r.notNeeded, pct(r.pct)]),
        },
      ],
    },
    {
      name: '超时明细',
      widths: [18, 36, 8, 8, 12, 12],
      blocks: [
        {
          header: ['工单号', '标题', '等级', '时钟', '超时(分钟)', '故障原因'],
          rows: m.breaches.map((b) => [
            b.number,
            b.later ? `${b.title}（${b.later}）` : b.title,
            LEVEL_LABEL[b.level],
            CLOCK_LABEL[b.kind],
            b.lateMin,
            CAUSE_LABEL[b.cause],
          ]),
        },
      ],
    },
    {
      // One row per timeline event, the fault repeated, so the sheet filters and sorts as a flat list.
      name: '重大故障',
      widths: [18, 30, 8, 18, 18, 36, 18, 50],
      blocks: [
        {
          header: ['工单号', '标题', '等级', '报告时间', '解决时间', '解决方案', '时间', '事件'],
          rows: m.majorFaults.flatMap((f) => {
            const head: Cell[] = [
              f.number,
              f.title,
              LEVEL_LABEL[f.level],
              at(f.reportedAt),
              f.resolvedAt === null ? '' : at(f.resolvedAt),
              f.solution ?? '',
            ];
            return f.timeline.length ? f.timeline.map((e) => [...head, at(e.at), e.text]) : [[...head, '', '']];
          }),
        },
      ],
    },
    {
      name: '巡检',
      widths: [14, 24, 24, 36, 16],
      blocks: [
        {
          header: ['巡检任务', '数量'],
          rows: [
            ['应巡', i.planned],
            ['按时完成', i.done],
            ['逾期完成', i.late],
            ['逾期未做', i.overdue],
            ['未到期', i.open],
          ],
        },
        {
          header: ['应完成日期', '巡检计划', '检查项', '发现问题', '工单'],
          rows: i.findings.map((f) => [day(f.taskDue), f.planName, f.item, f.note, f.ticketNumber ?? '']),
        },
      ],
    },
    {
      name: '参数调整',
      widths: [18, 18, 16, 16, 36, 12],
      blocks: [
        {
          header: ['时间', '参数', '调整前', '调整后', '原因', '操作人'],
          rows: m.changes.map((c) => [at(c.at), c.parameter, c.before, c.after, c.reason, c.by]),
        },
      ],
    },
    {
      name: '培训',
      widths: [36, 10, 10, 10],
      blocks: [
        {
          header: ['培训计划', '学员(人)', '已独立(人)', '是否完成'],
          rows: m.training.map((t) => [t.planName, t.trainees, t.independent, t.complete ? '是' : '否']),
        },
      ],
    },
    {
      name: '满意度',
      widths: [16, 12],
      blocks: [
        {
          header: ['指标', '数值'],
          rows: [
            ['邀请评价', s.requested],
            ['已评价', s.rated],
            ['满意', s.satisfied],
            ['满意率', pct(s.pct)],
            ['目标', pct(s.targetPct)],
          ],
        },
      ],
    },
    {
      name: '承诺达成',
      widths: [24, 16, 16, 10, 40],
      blocks: [
        {
          header: ['承诺', '目标', '实际', '结果', '说明'],
          rows: m.commitments.map((c) => [c.label, c.target, c.actual, STATUS_LABEL[c.status], c.detail]),
        },
        { rows: [['合同执行合格率', pct(m.executionPct)]] },
      ],
    },
    {
      name: '下月计划',
      widths: [80],
      blocks: [
        {
          header: ['下月工作计划'],
          rows: (planLines(m.nextMonthPlan).length ? planLines(m.nextMonthPlan) : ['（未填写）']).map((l) => [l]),
        },
      ],
    },
  ];

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Weibao 维保';
  wb.title = `${REPORT_TITLE} ${m.project.name} ${m.month}`;
  for (const sh of sheets) {
    const ws = wb.addWorksheet(sh.name);
    sh.blocks.forEach((b, n) => {
      if (n > 0) ws.addRow([]);
      if (b.header) {
        const head = ws.addRow(b.header);
        head.font = { bold: true };
        head.eachCell((c) => {
          c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } };
        });
        ruled(head);
      }
      for (const r of b.rows) {
        const cells = r.map(typed);
        const row = ws.addRow(cells.map((c) => c.value));
        cells.forEach((c, i) => {
          if (c.numFmt) row.getCell(i + 1).numFmt = c.numFmt;
        });
        ruled(row);
      }
    });
    sh.widths.forEach((w, c) => {
      ws.getColumn(c + 1).width = w;
    });
    const headed = sh.blocks[0]!.header !== undefined;
    if (sh.blocks.length === 1 && headed) ws.views = [{ state: 'frozen', ySplit: 1 }];
    const wide = sh.widths.reduce((a, b) => a + b, 0) > 90;
    ws.pageSetup = {
      paperSize: 9,
      orientation: wide ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      ...(headed ? { printTitlesRow: '1:1' } : {}),
    };
    // '&&' is a literal ampersand in Excel's header codes; &P / &N are the page and the page count.
    const esc = (t: string) => t.replace(/&/g, '&&');
    ws.headerFooter = { oddHeader: `&R${esc(pageHeader(m))}`, oddFooter: `&L${esc(pageFooter(m))}&R第 &P 页 共 &N 页` };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Thin rules on every cell of a row; neighbouring cells share them. */
function ruled(row: ExcelJS.Row) {
  row.eachCell({ includeEmpty: true }, (c) => {
    c.border = { top: rule, left: rule, bottom: rule, right: rule };
  });
}
