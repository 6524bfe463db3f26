import { t } from './define.js';

/** Reasons of the assets area. Keys are `assets.what`; add entries here, never in another area's file. */
export const ASSETS = {
  // Ledger edits (actions refused, bad references).
  'assets.editReplaced': t('修改已被更换的资产', 'edit a replaced asset'),
  'assets.retire': t('报废', 'retire'),
  'assets.ownParent': t('不能以自身为上级设备', 'an asset cannot be its own parent'),
  'assets.parentOfOtherProject': t('上级设备不属于本项目', 'parent asset of another project'),
  'assets.acceptanceOfOtherProject': t('验收记录不属于本项目', 'acceptance of another project'),
  'assets.replacementKeepsTerm': t(
    '更换件的验收与保修期随原部件',
    "a replacement part keeps its position's acceptance and term",
  ),
  // Acceptances.
  'assets.acceptanceInFuture': t('验收日期不能晚于今天', 'acceptance cannot be in the future'),
  'assets.emptyFile': t('文件为空', 'empty file'),
  // Annual inspections (R5).
  'assets.inspectOutOfService': t('巡检已停用的资产', 'inspect an asset out of service'),
  'assets.notAcceptedNoInspection': t('资产尚未验收，没有年度巡检', 'not accepted yet: no annual inspection'),
  'assets.inspectionInFuture': t('巡检日期不能晚于今天', 'cannot be in the future'),
  'assets.inspectionBeforeInstall': t('巡检日期须晚于安装日期', 'must be after the installation date'),
  'assets.inspectionBeforeAcceptance': t('巡检日期须晚于验收日期', 'must be after the acceptance date'),
  // Excel import (R1): the file, then one reason per bad cell, named by row and column.
  'assets.notTemplate': t(
    '不是资产导入模板（.xlsx，首行为模板列名）',
    'not the asset import template (.xlsx with the template header row)',
  ),
  'assets.noDataRows': t('文件没有数据行', 'the file has no data rows'),
  'assets.tooManyRows': t('一次最多导入 200,000 行', 'at most 200,000 rows per import'),
  'assets.importRow': t('第 {row} 行 {column}：{problem}', 'row {row} {column}: {problem}'),
  'assets.importKind': t('应为 硬件 或 软件', 'must be hardware or software'),
  'assets.importTooLong': t('最长 {max} 字', 'at most {max} characters'),
  'assets.importSerialKnown': t('台账中已有此序列号', 'already in the ledger'),
  'assets.importDuplicateRow': t('与第 {row} 行重复', 'duplicates row {row}'),
  'assets.importOwnParent': t('不能是自身', 'cannot be the item itself'),
  'assets.importMonths': t('应为 0–240 的整数', 'must be a whole number 0–240'),
  'assets.importDate': t('应为有效日期 YYYY-MM-DD', 'must be a date YYYY-MM-DD'),
  'assets.importFuture': t('不能晚于今天', 'cannot be in the future'),
  'assets.importBatchDate': t('批次 {batch} 的验收日期是 {date}', 'batch {batch} was accepted on {date}'),
  'assets.importNewBatchDate': t('新批次 {batch} 须填验收日期', 'the new batch {batch} needs its date'),
  'assets.importParentRowBad': t('上级设备所在行有错误', "the parent's row has errors"),
  'assets.importParentMissing': t('找不到该序列号的上级设备', 'no item with this serial'),
  'assets.importCycle': t('上下级关系成环', 'parents form a cycle'),
} as const;
