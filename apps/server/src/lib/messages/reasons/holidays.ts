import { t } from './define.js';

/** Reasons of the holidays area. Keys are `holidays.what`; add entries here, never in another area's file. */
export const HOLIDAYS = {
  'holidays.invalidDate': t('日期无效', 'not a valid date'),
  'holidays.notInYear': t('不在 {year} 年内', 'not in {year}'),
  'holidays.listedTwice': t('日期重复', 'listed twice'),
} as const;
