import {
  CHANNELS,
  CLOCK_KINDS,
  ClockStatus,
  CommitmentStatus,
  FaultCause,
  FeedbackCategory,
  LABELS,
  type LabelKind,
  OM_RECORD_KINDS,
  SUSPEND_REASONS,
  TICKET_STATUSES,
  label,
} from '@weibao/schema';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../../../web/src/i18n/catalogues';
import { docxText, pdfText, xlsxRows, xlsxSheet } from '../../test/files.js';
import { empty, model } from '../../test/report-model.js';
import { CAUSE_LABEL, CHANNEL_LABEL, CLOCK_LABEL, LEVEL_LABEL, STATUS_LABEL } from './model.js';
import { REPORT_MIME, durationText, renderReport, reportFileName } from './render.js';

// PDF text extraction splits and spaces runs unpredictably; compare without whitespace.
const squash = (s: string) => s.replace(/\s+/g, '');

/** Every figure and text a reader of the printed report must find, in reading order. */
const printed = [
  '月度运维报告',
  '市政务云运维项目 · 2025年06月',
  '一、概述',
  '市大数据中心',
  'HT-2025-07',
  '政务云运维服务合同',
  '2025-01-01 至 2025-12-31',
  '王经理',
  '张三、李四',
  '2025-06-01 至 2025-06-30',
  '本月受理 12 单',
  '月末未结 2 单',
  '2 小时 15 分',
  '二、工单统计',
  '按故障等级',
  '一级',
  '三级',
  '报修渠道',
  '电话',
  '平台',
  '按故障原因',
  '人为原因',
  '非人为原因',
  '三、SLA 达成情况',
  '97.5%',
  '100%',
  '50%',
  '超时明细',
  'GD-20250612-0007',
  '核心交换机宕机',
  '四、重大故障',
  '2025-06-12 09:30',
  '2025-06-12 14:12',
  '更换主控板并恢复配置',
  '监控告警，值班工程师受理',
  '工程师到场排查，确认主控板故障',
  '更换主控板，业务恢复',
  '五、巡检情况',
  '应巡 8，按时完成 6，逾期完成 1，逾期未做 1',
  '电池内阻偏高',
  'GD-20250615-0002',
  '六、参数调整',
  '空调设定温度',
  '20℃',
  '22℃',
  '节能并保持机房温度合规',
  '七、培训情况',
  '运维平台操作培训',
  '未完成',
  '八、满意度',
  '95%（目标 90%）',
  '九、服务承诺达成',
  '一级故障解决及时率',
  '未达成',
  '1 单超时 42 分钟',
  '合同执行合格率：90%',
  '十、下月工作计划',
  '完成 UPS 电池更换',
  '开展第二批平台操作培训',
  '季度巡检准备',
  '十一、签字确认',
  '服务单位（乙方）',
  '某某信息技术有限公司',
  '编制',
  '审核',
  '日期',
  '（盖章）',
  '采购单位（甲方）',
  '甲方确认',
  '（盖章）',
];

function inOrder(text: string, needles: string[]) {
  let from = 0;
  for (const n of needles) {
    const i = text.indexOf(squash(n), from);
    expect(i, `"${n}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = i;
  }
}

/** A named sheet's rows with cell values as stored (numbers stay numbers). */
describe('monthly report renderings', () => {
  it('names and types the files', () => {
    expect(reportFileName(model, 'pdf')).toBe('月度运维报告-PRJ-001-2025-06.pdf');
    expect(reportFileName(model, 'xlsx')).toBe('月度运维报告-PRJ-001-2025-06.xlsx');
    expect(REPORT_MIME.pdf).toBe('application/pdf');
    expect(REPORT_MIME.docx).toMatch(/wordprocessingml/);
    expect(durationText(135)).toBe('2 小时 15 分');
    expect(durationText(null)).toBe('无数据');
  });

  it('Word: every section and figure in order', async () => {
    const { text } = await docxText(await renderReport(model, 'docx'));
    inOrder(squash(text), printed);
    expect(text).toContain('合同执行合格率：90%');
    // Each plan line is its own paragraph, blank lines dropped.
    expect(text).toContain('\n开展第二批平台操作培训\n');
  });

  it('PDF: every section and figure in order', async () => {
    const { pages } = await pdfText(await renderReport(model, 'pdf'));
    inOrder(squash(pages.join('')), printed);
  });

  it('Excel: one sheet per section, figures as numbers', async () => {
    const data = await renderReport(model, 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '概述',
      '工单统计',
      'SLA达成',
      '超时明细',
      '重大故障',
      '巡检',
      '参数调整',
      '培训',
      '满意度',
      '承诺达成',
      '下月计划',
    ]);

    const overview = await xlsxRows(data);
    expect(overview).toContainEqual(['报告', '月度运维报告']);
    expect(overview).toContainEqual(['项目名称', '市政务云运维项目']);
    expect(overview).toContainEqual(['月份', '2025-06']);
    expect((await xlsxSheet(data, '概述')).find((r) => r[0] === '本月受理')).toEqual(['本月受理', 12]);

    const stats = await xlsxSheet(data, '工单统计');
    expect(stats).toContainEqual(['故障等级', '一级', 2]);
    expect(stats).toContainEqual(['故障等级', '三级', 10]);
    expect(stats).toContainEqual(['报修渠道', '电话', 7]);
    expect(stats).toContainEqual(['故障原因', '非人为原因', 9]);

    const sla = await xlsxSheet(data, 'SLA达成');
    expect(sla[0]).toContain('按时率');
    expect(sla).toContainEqual(['响应', '全部', 39, 1, 0, 0.975]);
    expect(sla).toContainEqual(['解决', '一级', 1, 1, 0, 0.5]);

    expect(await xlsxSheet(data, '超时明细')).toContainEqual([
      'GD-20250612-0007',
      '核心交换机宕机',
      '一级',
      '解决',
      42,
      '非人为原因',
    ]);
    const faults = await xlsxSheet(data, '重大故障');
    expect(faults).toHaveLength(4);
    // Times are Excel dates holding the Beijing wall clock (what the printed report shows).
    const wall = (s: string) => new Date(`${s}:00Z`);
    expect(faults[2]).toEqual([
      'GD-20250612-0007',
      '核心交换机宕机',
      '一级',
      wall('2025-06-12T09:30'),
      wall('2025-06-12T14:12'),
      '更换主控板并恢复配置',
      wall('2025-06-12T10:05'),
      '工程师到场排查，确认主控板故障',
    ]);
    const insp = await xlsxSheet(data, '巡检');
    expect(insp).toContainEqual(['应巡', 8]);
    expect(insp.flat()).toContain('电池内阻偏高');
    expect(await xlsxSheet(data, '参数调整')).toContainEqual([
      wall('2025-06-15T11:00'),
      '空调设定温度',
      '20℃',
      '22℃',
      '节能并保持机房温度合规',
      '张三',
    ]);
    expect(await xlsxSheet(data, '培训')).toContainEqual(['运维平台操作培训', 6, 5, '否']);
    expect(await xlsxSheet(data, '满意度')).toContainEqual(['满意率', 0.95]);
    const commit = await xlsxSheet(data, '承诺达成');
    expect(commit).toContainEqual(['一级故障解决及时率', '≥95%', '50%', '未达成', '1 单超时 42 分钟']);
    expect(commit).toContainEqual(['合同执行合格率', 0.9]);
    expect((await xlsxSheet(data, '下月计划')).map((r) => r[0])).toEqual([
      '下月工作计划',
      '完成 UPS 电池更换',
      '开展第二批平台操作培训',
      '季度巡检准备',
    ]);
  });

  it('an empty month renders in every format and says 无数据 where nothing was measured', async () => {
    const { text } = await docxText(await renderReport(empty, 'docx'));
    for (const t of [
      '无数据',
      '满意率：无数据（目标 90%）',
      '合同执行合格率：无数据',
      '平均解决时长（MTTR）：无数据',
      '（未填写）',
      '未关联合同',
      '本月无重大故障',
    ])
      expect(text).toContain(t);

    const pdf = squash((await pdfText(await renderReport(empty, 'pdf'))).pages.join(''));
    for (const t of ['满意率：无数据', '合同执行合格率：无数据', '（未填写）', '本月无超时工单'])
      expect(pdf).toContain(squash(t));
    expect(pdf).toMatch(/全部000无数据/);

    const data = await renderReport(empty, 'xlsx');
    expect(await xlsxSheet(data, 'SLA达成')).toContainEqual(['响应', '全部', 0, 0, 0, '无数据']);
    expect(await xlsxSheet(data, '满意度')).toContainEqual(['满意率', '无数据']);
    expect(await xlsxSheet(data, '承诺达成')).toContainEqual(['合同执行合格率', '无数据']);
    expect(await xlsxSheet(data, '工单统计')).toHaveLength(1);
  });

  /** One word for one thing: what the web shows for an enum value is what the report prints, for every value. */
  it('the report and the web name every channel, status, level, reason, clock and verdict alike, from one label table', async () => {
    const web = (lang: 'zh-CN' | 'en', key: string) =>
      key.split('.').reduce<unknown>((a, k) => (a as Record<string, unknown> | undefined)?.[k], CATALOGUES[lang]);
    const enums: [LabelKind, readonly (string | number)[], string][] = [
      ['channel', CHANNELS, 'channel'],
      ['status', TICKET_STATUSES, 'status'],
      ['level', [1, 2, 3, 4], 'level.short'],
      ['suspendReason', SUSPEND_REASONS, 'suspendReason'],
      ['faultCause', FaultCause.options, 'faultCause'],
      ['clock', CLOCK_KINDS, 'clock.kind'],
      ['clockStatus', ClockStatus.options, 'clock.status'],
      ['commitmentStatus', CommitmentStatus.options, 'reports.status'],
      ['recordKind', OM_RECORD_KINDS, 'record.kind'],
      ['feedbackCategory', FeedbackCategory.options, 'feedback.category'],
      ['satisfactionScore', [1, 2, 3, 4, 5], 'satisfaction.score'],
    ];
    for (const [kind, values, key] of enums) {
      expect(Object.keys(LABELS[kind]).sort(), kind).toEqual(values.map(String).sort());
      for (const v of values)
        for (const lang of ['zh-CN', 'en'] as const)
          expect(web(lang, `${key}.${v}`), `${key}.${v} ${lang}`).toBe(label(kind, v, lang));
    }
    // The report model's tables use the same words.
    for (const c of CHANNELS) expect(CHANNEL_LABEL[c]).toBe(web('zh-CN', `channel.${c}`));
    for (const l of [1, 2, 3, 4] as const) expect(LEVEL_LABEL[l]).toBe(web('zh-CN', `level.short.${l}`));
    for (const c of FaultCause.options) expect(CAUSE_LABEL[c]).toBe(web('zh-CN', `faultCause.${c}`));
    for (const k of CLOCK_KINDS) expect(CLOCK_LABEL[k]).toBe(web('zh-CN', `clock.kind.${k}`));
    for (const s of CommitmentStatus.options) expect(STATUS_LABEL[s]).toBe(web('zh-CN', `reports.status.${s}`));
    // And the rendered document: the channel table of a month with every channel, row by row.
    const data = await renderReport(
      { ...model, byChannel: CHANNELS.map((channel, i) => ({ channel, count: i + 1 })) },
      'xlsx',
    );
    const rows = (await xlsxSheet(data, '工单统计')).filter((r) => r[0] === '报修渠道').map((r) => [r[1], r[2]]);
    expect(rows).toEqual(CHANNELS.map((c, i) => [web('zh-CN', `channel.${c}`), i + 1]));
  });
});
