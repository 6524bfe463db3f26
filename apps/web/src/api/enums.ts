/**
 * Constant lists from @weibao/schema, mirrored here. Importing a *value* from the schema's index
 * would pull its zod schemas (and zod, ~28 kB gzip) into the first-load bundle, because that module
 * builds zod objects at load time. Types still come from the schema, and `exhaustive` below makes
 * `tsc` fail as soon as a list here stops matching the schema's union type.
 */
import type { Channel, ClockKind, FaultLevel, Role, SuspendReason, TicketStatus } from '@weibao/schema';
import type {
  ArchiveKind,
  AssetKind,
  AssetState,
  BillingReason,
  CostKind,
  Discipline,
  ExtensionPolicy,
  OmRecordKind,
  OmRecordStatus,
  PresenceStatus,
  RepairDecision,
  WarrantyStatus,
} from './types';

/** Compile-time check: `list` names every member of `All` (and nothing else, via `satisfies`). */
function exhaustive<All>() {
  return <const L extends readonly All[]>(list: [Exclude<All, L[number]>] extends [never] ? L : never): L => list;
}

export const ROLES = exhaustive<Role>()([
  'sys_admin',
  'security_admin',
  'auditor',
  'service_manager',
  'dispatcher',
  'engineer',
  'customer_user',
  'customer_lead',
]);
export const ADMIN_TRIAD: readonly Role[] = ['sys_admin', 'security_admin', 'auditor'];
export const PROVIDER_STAFF: readonly Role[] = ['service_manager', 'dispatcher', 'engineer'];
export const CUSTOMER_ROLES: readonly Role[] = ['customer_user', 'customer_lead'];

export const CHANNELS = exhaustive<Channel>()([
  'phone',
  'fax',
  'web',
  'email',
  'remote',
  'onsite',
  'monitoring',
  'api',
]);
export const TICKET_STATUSES = exhaustive<TicketStatus>()([
  'new',
  'assigned',
  'in_progress',
  'suspended',
  'resolved',
  'closed',
  'cancelled',
]);
export const CLOCK_KINDS = exhaustive<ClockKind>()(['response', 'arrival', 'resolution']);
export const SUSPEND_REASONS = exhaustive<SuspendReason>()([
  'waiting_customer',
  'waiting_third_party',
  'waiting_parts',
  'other',
]);
export const FAULT_LEVELS = exhaustive<FaultLevel>()([1, 2, 3, 4]);
export const OM_RECORD_KINDS = exhaustive<OmRecordKind>()(['daily', 'visit', 'remote', 'inspection']);
/** Kinds an engineer writes by hand; inspection records come from finishing an inspection task. */
export const MANUAL_RECORD_KINDS = OM_RECORD_KINDS.filter((k) => k !== 'inspection');
export const OM_RECORD_STATUSES = exhaustive<OmRecordStatus>()([
  'draft',
  'submitted',
  'rejected',
  'signed',
  'superseded',
]);
export const PRESENCE_STATUSES = exhaustive<PresenceStatus>()(['present', 'late', 'absent', 'extra']);
export const DISCIPLINES = exhaustive<Discipline>()(['software', 'data_gis', 'hardware', 'network_security']);
/** ISO weekdays as the resident plan stores them: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

// Assets, warranty, repairs and costs.
export const ASSET_KINDS = exhaustive<AssetKind>()(['hardware', 'software']);
export const ASSET_STATES = exhaustive<AssetState>()(['in_service', 'replaced', 'retired']);
export const WARRANTY_STATUSES = exhaustive<WarrantyStatus>()(['in_warranty', 'expiring', 'expired', 'not_accepted']);
export const EXTENSION_POLICIES = exhaustive<ExtensionPolicy>()(['downtime', 'restart']);
export const COST_KINDS = exhaustive<CostKind>()(['part', 'labour', 'travel', 'other']);
export const BILLING_REASONS = exhaustive<BillingReason>()([
  'human_cause',
  'out_of_warranty',
  'in_warranty',
  'not_accepted',
  'cause_pending',
  'no_asset',
]);
export const REPAIR_DECISIONS = exhaustive<RepairDecision>()(['free', 'billable', 'pending']);
export const ARCHIVE_KINDS = exhaustive<ArchiveKind>()(['acceptance', 'ticket', 'replacement', 'inspection', 'cost']);
