import type { BillingReason } from '@weibao/schema';

export type Decision = { decision: 'free' | 'billable' | 'pending'; reason: BillingReason };

/**
 * Free or billable (R2, R3), from the fault cause and whether the repaired item was in warranty on
 * the fault day. Out of warranty is billable whatever the cause (at cost); in warranty only a
 * human-caused fault is. Before acceptance no warranty has started: the provider is still
 * delivering, so non-human faults are free. Without a cause yet the decision waits, unless the
 * item was already out of warranty.
 */
export function decide(cause: string | null, repair: { in_warranty: number | null } | null | undefined): Decision {
  if (repair && repair.in_warranty === 0) return { decision: 'billable', reason: 'out_of_warranty' };
  if (cause === 'human') return { decision: 'billable', reason: 'human_cause' };
  if (cause === null) return { decision: 'pending', reason: 'cause_pending' };
  if (!repair) return { decision: 'free', reason: 'no_asset' };
  return { decision: 'free', reason: repair.in_warranty === null ? 'not_accepted' : 'in_warranty' };
}

/** A line's reason as the purchaser reads it, with the dates that decided it. */
export function reasonText(
  locale: 'zh-CN' | 'en',
  reason: BillingReason,
  r: { warranty_end_at_fault: string | null; fault_on: string | null },
): string {
  const zh = locale !== 'en';
  switch (reason) {
    case 'out_of_warranty':
      return zh
        ? `超出保修期（保修至 ${r.warranty_end_at_fault}，故障日 ${r.fault_on}），按成本价收费`
        : `Out of warranty (ended ${r.warranty_end_at_fault}, fault on ${r.fault_on}): charged at cost`;
    case 'human_cause':
      return zh ? '人为原因造成的故障，按成本价收费' : 'Fault caused by people: charged at cost';
    case 'in_warranty':
      return zh
        ? `保修期内非人为故障，免费（保修至 ${r.warranty_end_at_fault}）`
        : `In warranty, not caused by people: free (warranty to ${r.warranty_end_at_fault})`;
    case 'not_accepted':
      return zh ? '尚未验收，交付期内免费' : 'Not yet accepted: free during delivery';
    case 'cause_pending':
      return zh ? '故障原因待定' : 'Fault cause not yet determined';
    case 'no_asset':
      return zh ? '未关联资产，非人为故障免费' : 'No asset recorded; not caused by people: free';
  }
}
