import { OPEN_STATUSES, type TicketAction, type TicketStatus } from '@weibao/schema';
import { type Actor, hasRole, isCustomer } from '../../lib/actor.js';

export interface TicketFacts {
  status: TicketStatus;
  assignee_id: string | null;
  created_by: string;
  customer_id: string;
  responded: boolean;
  arrivalOpen: boolean;
}

const isOpen = (s: TicketStatus) => OPEN_STATUSES.includes(s);
/** Actions that must carry a reason (china-conventions §1.1). */
export const REASON_REQUIRED: ReadonlySet<TicketAction> = new Set([
  'transfer',
  'suspend',
  'cancel',
  'reopen',
  'arrival_not_needed',
  'change_level',
]);

/**
 * Which workflow actions the actor may take now. The UI shows exactly these and the service
 * re-checks them, so a button that is shown always works and a crafted request is refused.
 */
export function allowedActions(a: Actor, t: TicketFacts): TicketAction[] {
  const out: TicketAction[] = [];
  const dispatcher = hasRole(a, 'dispatcher', 'service_manager');
  const engineer = hasRole(a, 'engineer');
  const assignee = t.assignee_id === a.userId;
  const handler = dispatcher || assignee;
  const s = t.status;
  if (isCustomer(a)) {
    if (a.orgId !== t.customer_id) return [];
    if (isOpen(s)) out.push('urge');
    if (s === 'resolved') out.push('confirm', 'reopen');
    if (s === 'closed') out.push('reopen');
    if (isOpen(s) && t.created_by === a.userId && !t.responded) out.push('cancel');
    return out;
  }
  if (!hasRole(a, 'dispatcher', 'service_manager', 'engineer')) return [];
  if (dispatcher && ['new', 'assigned', 'in_progress'].includes(s)) out.push('dispatch');
  if (engineer && s === 'new' && !t.assignee_id) out.push('claim');
  if (handler && ['assigned', 'in_progress', 'suspended'].includes(s) && t.assignee_id) out.push('transfer');
  if (isOpen(s) && !t.responded && (handler || engineer)) out.push('respond');
  if (assignee && t.arrivalOpen && ['assigned', 'in_progress'].includes(s)) out.push('arrive');
  if (handler && t.arrivalOpen && isOpen(s)) out.push('arrival_not_needed');
  if (handler && ['assigned', 'in_progress'].includes(s)) out.push('suspend');
  if (handler && s === 'suspended') out.push('resume');
  // Urging chases the handler: there must be one, and it is not the actor.
  if (isOpen(s) && t.assignee_id && !assignee) out.push('urge');
  if (handler && ['assigned', 'in_progress'].includes(s)) out.push('resolve');
  if (dispatcher && s === 'resolved') out.push('confirm');
  if (handler && (s === 'resolved' || s === 'closed')) out.push('reopen');
  if (dispatcher && isOpen(s)) out.push('cancel', 'change_level');
  return out;
}
