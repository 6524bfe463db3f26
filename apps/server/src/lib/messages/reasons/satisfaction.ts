import { t } from './define.js';

/** Reasons of the satisfaction area. Keys are `satisfaction.what`; add entries here, never in another area's file. */
export const SATISFACTION = {
  'satisfaction.alreadyRated': t('已评价过的邀请', 'a request already rated'),
  'satisfaction.noLongerOpen': t('已失效的评价邀请', 'a request no longer open'),
  'satisfaction.expired': t('已过期的评价邀请', 'an expired request'),
  'satisfaction.closesInPast': t('截止日期不能早于今天', 'cannot close in the past'),
  'satisfaction.noCustomerUsers': t('客户单位没有可接收调查的用户', 'the customer has no users to ask'),
  'satisfaction.firstInPast': t('首次发送日期不能早于今天', 'cannot start in the past'),
  'satisfaction.nextInPast': t('下次发送日期不能早于今天', 'cannot be in the past'),
} as const;
