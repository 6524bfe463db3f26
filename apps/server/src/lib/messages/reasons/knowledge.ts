import { t } from './define.js';

/** Reasons of the knowledge area. Keys are `knowledge.what`; add entries here, never in another area's file. */
export const KNOWLEDGE = {
  'knowledge.unknownCategory': t('分类不存在', 'unknown category'),
  'knowledge.internalNotTiedToProject': t('内部文章不限定项目', 'internal articles are not tied to a project'),
  'knowledge.emptyFile': t('文件为空', 'the file is empty'),
  'knowledge.unknownTicket': t('工单不存在', 'unknown ticket'),
  'knowledge.ticketWithoutSolution': t('未解决的工单', 'a ticket without a solution'),
} as const;
