import { t } from './define.js';

/** Reasons shared by every module (dates, ranges, references). Keys are `area.what`. */
export const COMMON = {
  'common.required': t('必填', 'is required'),
  'common.endsBeforeStart': t('结束时间须晚于开始时间', 'must end after it starts'),
  'common.badCursor': t('翻页游标无效', 'bad cursor'),
  'common.badCursorForSort': t('无效的分页游标（或与排序不符）', 'bad cursor (or not of this sort order)'),
  'common.dateFormat': t('格式应为 YYYY-MM-DD', 'expected YYYY-MM-DD'),
  'common.unknownProject': t('项目不存在', 'unknown project'),
  'common.endDateBeforeStart': t('结束日期早于开始日期', 'ends before it starts'),
  'common.noNul': t('不能包含空字符（\\u0000）', 'must not contain a NUL character (\\u0000)'),
  'common.monthNotBegun': t('该月尚未开始，无法统计', 'the month has not begun: nothing to measure yet'),
} as const;
