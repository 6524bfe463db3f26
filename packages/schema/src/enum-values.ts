/**
 * The value lists behind the schemas' enums (`@weibao/schema/enum-values`), zod-free: the zod schemas are
 * built from these arrays, and the web imports them here, since importing a value from the package root
 * would pull every zod schema (and zod) into the browser bundle. Order is the order shown in pick lists.
 */

// ---------- roles (their own module: the sign-in page needs only these) ----------
export * from './roles.js';

// ---------- tickets ----------
/** R10 fault levels 1 (system down) .. 4 (general fault). */
export const FAULT_LEVELS = [1, 2, 3, 4] as const;
/** R11 channels (响应方式). */
export const CHANNELS = ['phone', 'fax', 'web', 'email', 'remote', 'onsite', 'monitoring', 'api'] as const;
export const TICKET_STATUSES = [
  'new', // 待分派
  'assigned', // 已派单 (assignee set, not yet accepted/working)
  'in_progress', // 处理中
  'suspended', // 挂起
  'resolved', // 已解决 (awaiting customer confirmation)
  'closed', // 已关闭
  'cancelled', // 已取消
] as const;
export const OPEN_STATUSES: readonly (typeof TICKET_STATUSES)[number][] = [
  'new',
  'assigned',
  'in_progress',
  'suspended',
];
export const CLOCK_KINDS = ['response', 'arrival', 'resolution'] as const;
/** Reasons a contract may allow for suspending (挂起) a ticket; only allowed ones pause the clocks. */
export const SUSPEND_REASONS = ['waiting_customer', 'waiting_third_party', 'waiting_parts', 'other'] as const;
export const TICKET_ACTIONS = [
  'dispatch',
  'claim',
  'transfer',
  'respond',
  'arrive',
  'arrival_not_needed',
  'suspend',
  'resume',
  'urge',
  'resolve',
  'confirm',
  'reopen',
  'cancel',
  'change_level',
] as const;
/** The queue's tabs, sort keys and bulk actions. */
export const TICKET_TABS = ['mine', 'created', 'all', 'at_risk'] as const;
export const TICKET_SORTS = ['due', 'level', 'created', 'status'] as const;
export const BULK_ACTIONS = ['dispatch', 'transfer', 'urge', 'cancel'] as const;

// ---------- fieldwork ----------
export const OM_RECORD_KINDS = ['daily', 'visit', 'remote', 'inspection'] as const;
export const OM_RECORD_STATUSES = ['draft', 'submitted', 'rejected', 'signed', 'superseded'] as const;
/** What the reader of a record may do with it, in the order of the action bar. */
export const OM_RECORD_ACTIONS = ['edit', 'submit', 'review', 'sign', 'reject', 'amend'] as const;
/** extra: on site but not on the roster (a visitor, never headcount). */
export const PRESENCE_STATUSES = ['present', 'late', 'absent', 'extra'] as const;
export const DISCIPLINES = ['software', 'data_gis', 'hardware', 'network_security'] as const;

// ---------- assets, warranty, repairs and costs ----------
/** R4: how a replaced part's warranty is extended — by the repair downtime, or a full term from the replacement. */
export const EXTENSION_POLICIES = ['downtime', 'restart'] as const;
export const ASSET_KINDS = ['hardware', 'software'] as const;
/** in_service: in use; replaced: swapped out by a repair (history kept); retired: taken out of use. */
export const ASSET_STATES = ['in_service', 'replaced', 'retired'] as const;
/** expiring: ends within 90 days. not_accepted: no acceptance yet, so no warranty has started (R1). */
export const WARRANTY_STATUSES = ['in_warranty', 'expiring', 'expired', 'not_accepted'] as const;
export const COST_KINDS = ['part', 'labour', 'travel', 'other'] as const;
/** Why a repair is free or billable; shown on every cost line. */
export const BILLING_REASONS = [
  'human_cause',
  'out_of_warranty',
  'in_warranty',
  'not_accepted',
  'cause_pending',
  'no_asset',
] as const;
export const REPAIR_DECISIONS = ['free', 'billable', 'pending'] as const;
export const ARCHIVE_KINDS = ['acceptance', 'ticket', 'replacement', 'inspection', 'cost'] as const;

// ---------- knowledge base, satisfaction, feedback, training, reports ----------
export const KB_VISIBILITIES = ['internal', 'customer'] as const;
export const KB_STATUSES = ['draft', 'published', 'archived'] as const;
export const RATING_CHANNELS = ['portal', 'email', 'callback'] as const;
export const FEEDBACK_CATEGORIES = ['opinion', 'suggestion', 'complaint', 'praise'] as const;
export const FEEDBACK_STATUSES = ['open', 'answered', 'closed'] as const;
export const SESSION_MODES = ['onsite', 'online'] as const;
export const ATTENDANCE_STATUSES = ['present', 'late', 'absent', 'excused'] as const;
export const REPORT_FORMATS = ['docx', 'pdf', 'xlsx'] as const;
