import { t } from './define.js';

/**
 * Reasons of the reports area (monthly reports and the analytics behind them). Keys are `reports.what`; add entries
 * here, never in another area's file.
 */
export const REPORTS = {
  'reports.monthNotBegun': t('不能生成未来月份的报告', 'the month has not begun'),
  'reports.monthNotEnded': t('月份尚未结束，不能定稿', 'the month has not ended'),
  'reports.projectOfOtherCustomer': t('项目不属于该客户', 'the project belongs to another customer'),
  'reports.periodTooLong': t('时间段不能超过 {days} 天', 'the period cannot exceed {days} days'),
} as const;
