import type { BillingReason } from '@weibao/schema';
import { type Lang, reason as reasonOf, renderReason, type Reason } from '../../lib/messages/text.js';

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
export function billingReason(
  reason: BillingReason,
  r: { warranty_end_at_fault: string | null; fault_on: string | null },
): Reason {
  const end = r.warranty_end_at_fault ?? 'null';
  switch (reason) {
    case 'out_of_warranty':
      return reasonOf('repairs.billingOutOfWarranty', { end, faultOn: r.fault_on ?? 'null' });
    case 'human_cause':
      return reasonOf('repairs.billingHumanCause');
    case 'in_warranty':
      return reasonOf('repairs.billingInWarranty', { end });
    case 'not_accepted':
      return reasonOf('repairs.billingNotAccepted');
    case 'cause_pending':
      return reasonOf('repairs.billingCausePending');
    case 'no_asset':
      return reasonOf('repairs.billingNoAsset');
  }
}

/** The same in `locale`. */
export const reasonText = (
  locale: Lang,
  reason: BillingReason,
  r: { warranty_end_at_fault: string | null; fault_on: string | null },
): string => renderReason(locale, billingReason(reason, r));
