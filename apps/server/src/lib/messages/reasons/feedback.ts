import { t } from './define.js';

/** Reasons of the feedback area. Keys are `feedback.what`; add entries here, never in another area's file. */
export const FEEDBACK = {
  'feedback.answerClosed': t('答复已关闭的反馈', 'answer closed feedback'),
  'feedback.closeClosed': t('关闭已关闭的反馈', 'close closed feedback'),
  'feedback.closeUnanswered': t('关闭未答复的反馈', 'close feedback without an answer'),
} as const;
