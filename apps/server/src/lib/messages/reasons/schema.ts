import { MAX_YEAR, MIN_YEAR } from '@weibao/schema';
import { t } from './define.js';

/**
 * Reasons the shared zod schemas (packages/schema) give: a schema names its message by key, as a plain string
 * (`.regex(re, 'schema.monthFormat')`), and the server renders the key in the caller's language. Keys are
 * `schema.what`; add entries here, never in another area's file.
 */
export const SCHEMA = {
  'schema.chooseAssignee': t('请选择处理人', 'choose an assignee'),
  'schema.giveReason': t('请填写原因', 'give the reason'),
  'schema.notCalendarDate': t('不是有效日期', 'not a calendar date'),
  'schema.monthFormat': t('格式应为 YYYY-MM', 'expected YYYY-MM'),
  'schema.notCalendarMonth': t('不是有效月份', 'not a calendar month'),
  'schema.yearRange': t(
    `年份应在 ${MIN_YEAR}–${MAX_YEAR} 之间`,
    `the year must be between ${MIN_YEAR} and ${MAX_YEAR}`,
  ),
  'schema.timeRange': t(
    `时间应在 ${MIN_YEAR}–${MAX_YEAR} 年之间`,
    `the time must be between ${MIN_YEAR} and ${MAX_YEAR}`,
  ),
  /** `days` comes from the zod issue's `params` (dates.ts inRange). */
  'schema.rangeTooLong': t('期间最长 {days} 天', 'at most {days} days'),
  'schema.itemKeyChars': t('只能用字母、数字、_ . -', 'letters, digits, _ . - only'),
  'schema.phoneChars': t('电话号码只能包含数字和 + - ( ) # *', 'digits and + - ( ) # * only'),
} as const;
