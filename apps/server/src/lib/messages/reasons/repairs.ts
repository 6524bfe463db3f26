import { t } from './define.js';

/** Reasons of the repairs area (repairs, costs, statements, repair points, archives). Keys are `repairs.what`. */
export const REPAIRS = {
  // The repaired asset and replaced parts (R2, R4).
  'repairs.assetOfOtherProject': t('资产不属于该工单的项目', 'asset of another project'),
  'repairs.assetOutOfService': t('资产已被更换或报废', 'asset replaced or retired'),
  'repairs.cancelledTicket': t('已取消的工单', 'a cancelled ticket'),
  'repairs.finishedTicket': t('已关闭或取消的工单', 'a closed or cancelled ticket'),
  'repairs.changeAssetAfterReplacement': t('已更换部件后改资产', 'change the asset after a replacement'),
  'repairs.assetFirst': t('请先记录工单维修的资产', 'record the repaired asset first'),
  'repairs.notRepairedAssetOrPart': t('须为维修的资产或其部件', 'must be the repaired asset or one of its parts'),
  'repairs.alreadyReplaced': t('更换已被更换的部件', 'replace a part already replaced'),
  'repairs.beforeFaultDay': t('不能早于故障日 {day}', 'cannot be before the fault day {day}'),
  'repairs.inFuture': t('不能晚于今天', 'cannot be in the future'),
  // Cost items (R3).
  'repairs.labourRateFixed': t('人工按合同的成本单价计算，不能另填', "labour uses the contract's cost rate"),
  'repairs.noLabourRate': t('合同未设置人工成本单价', 'the contract has no labour cost rate'),
  'repairs.unitCostRequired': t('请填写成本单价', 'enter the unit cost'),
  // Why a cost line is billable or free, as the cost statement says it (R2, R3).
  'repairs.billingOutOfWarranty': t(
    '超出保修期（保修至 {end}，故障日 {faultOn}），按成本价收费',
    'Out of warranty (ended {end}, fault on {faultOn}): charged at cost',
  ),
  'repairs.billingHumanCause': t('人为原因造成的故障，按成本价收费', 'Fault caused by people: charged at cost'),
  'repairs.billingInWarranty': t(
    '保修期内非人为故障，免费（保修至 {end}）',
    'In warranty, not caused by people: free (warranty to {end})',
  ),
  'repairs.billingNotAccepted': t('尚未验收，交付期内免费', 'Not yet accepted: free during delivery'),
  'repairs.billingCausePending': t('故障原因待定', 'Fault cause not yet determined'),
  'repairs.billingNoAsset': t('未关联资产，非人为故障免费', 'No asset recorded; not caused by people: free'),
  // Statements and archives: the period asked for.
  'repairs.periodEndsBeforeStart': t('结束日期早于开始日期', 'ends before it starts'),
  'repairs.periodTooLong': t('期间最长三年', 'at most three years'),
  // Repair points (R12).
  'repairs.unknownProject': t('项目不存在', 'unknown project'),
  'repairs.oneEntryPerDiscipline': t('每个专业只填一次', 'one entry per discipline'),
} as const;
