import { t } from './define.js';

/** Reasons of the inspections area. Keys are `inspections.what`; add entries here, never in another area's file. */
export const INSPECTIONS = {
  // Checklist templates and plans
  'inspections.duplicateItemKey': t('项目编号重复', 'duplicate item key'),
  'inspections.maxBelowMin': t('上限小于下限', 'max below min'),
  'inspections.assetTypeRequired': t('按设备类型的模板须填设备类型', 'an asset-type template needs the type'),
  'inspections.unknownTemplate': t('巡检模板不存在', 'unknown checklist template'),
  'inspections.assigneeNotEngineer': t('须为服务商在岗工程师', 'must be an active provider engineer'),
  'inspections.pausePaused': t('暂停已暂停的计划', 'pause a paused plan'),
  'inspections.resumeRunning': t('恢复未暂停的计划', 'resume a running plan'),
  // Running a task
  'inspections.changeFinished': t('修改已完成的巡检', 'change a finished inspection'),
  'inspections.runCancelled': t('执行已取消的巡检', 'run a cancelled inspection'),
  'inspections.outOfRange': t('实测值 {value} 超出范围，应判为不合格', '{value} is out of range: mark it as failed'),
  'inspections.photoType': t('照片须为 PNG、JPEG 或 WebP', 'a PNG, JPEG or WebP image'),
  'inspections.resultFirst': t('请先记录该项结果', "record the item's result first"),
  'inspections.ticketForPassed': t('为合格项开工单', 'open a ticket for an item that passed'),
  /** `item`: the item's title in Chinese, its key in English. */
  'inspections.notChecked': t('尚未检查：{item}', 'item {item} is not checked yet'),
  /** `item`: the item's title in Chinese, its key in English. */
  'inspections.photoMissing': t('须拍照：{item}', 'item {item} needs a photo'),
} as const;
