import { t } from './define.js';

/** Reasons of the commitments area. Keys are `commitments.what`; add entries here, never in another area's file. */
export const COMMITMENTS = {
  'commitments.percentOver100': t('百分比不能超过 100', 'a percentage cannot exceed 100'),
  'commitments.headcountRange': t('驻场人数应为 1–50 的整数', 'headcount must be a whole number 1–50'),
  'commitments.dayRange': t('提交日应为 1–28', 'the day must be 1–28'),
  'commitments.satisfactionRange': t('满意率目标应为 1–100 的整数', 'the target must be a whole percent 1–100'),
  // The measure of a month (the `detail` of an evaluated commitment).
  'commitments.noneThisMonth': t('本月无{what}', 'no {what} this month'),
  'commitments.rate': t('{what} {measured}，达标 {good}', '{what}: {measured}, on target: {good}'),
  'commitments.doneLate': t('{detail}（其中逾期完成 {late}）', '{detail} ({late} done late)'),
  'commitments.trainingContinues': t('{detail}，培训进行中', '{detail}, training continues'),
  'commitments.disabled': t('未启用', 'disabled'),
  'commitments.noResidentPlan': t('未设置驻场计划', 'no resident plan'),
  'commitments.noWorkdayYet': t('本月尚无工作日', 'no working day yet this month'),
  'commitments.headcountShort': t(
    '{days} 个工作日，{short} 天不足 {target} 人（最少 {lowest} 人）',
    '{days} working days, {short} below {target} (lowest {lowest})',
  ),
  'commitments.noTrainees': t('尚无培训学员', 'no trainees yet'),
  'commitments.delivered': t('{day} 提交', 'delivered {day}'),
  'commitments.deliveredLate': t('{day} 提交（逾期）', 'delivered {day} (late)'),
  'commitments.notDelivered': t('{day} 前未提交', 'not delivered by {day}'),
  'commitments.notYetDue': t('{day} 前提交，尚未到期', 'due by {day}, not yet due'),
  // What a rate counts.
  'commitments.whatClocks': t('已结束的{level}级工单{clock}时钟', 'level-{level} {clock} clocks ended'),
  'commitments.whatOffHours': t('非工作时间报修的工单', 'tickets reported outside working hours'),
  'commitments.whatMonthly': t('到期的月度巡检任务', 'monthly inspection tasks due'),
  'commitments.whatAnnual': t('本年到期的资产年度巡检', 'asset annual inspections due this year'),
  'commitments.whatTrainees': t('培训学员', 'trainees'),
  'commitments.whatRatings': t('满意度评价', 'ratings'),
} as const;
