import { z } from 'zod';
import {
  CHANNELS,
  CLOCK_KINDS,
  CUSTOMER_ROLES,
  PROVIDER_STAFF,
  ROLES,
  SUSPEND_REASONS,
  TICKET_ACTIONS,
  TICKET_STATUSES,
} from './enum-values.js';

// The value lists live in enum-values.ts (zod-free, for the web; the package root exports them too).

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
/** Provider staff and customers alike: who reads a project's tickets, records, assets, articles… */
export const STAFF_AND_CUSTOMERS: readonly Role[] = [...PROVIDER_STAFF, ...CUSTOMER_ROLES];

export const OrgKind = z.enum(['provider', 'customer']);
export type OrgKind = z.infer<typeof OrgKind>;

/** R10 fault levels 1 (system down) .. 4 (general fault). */
export const FaultLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type FaultLevel = z.infer<typeof FaultLevel>;

/** R11 channels (响应方式). */
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const TicketStatus = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const ClockKind = z.enum(CLOCK_KINDS);
export type ClockKind = z.infer<typeof ClockKind>;
export const ClockStatus = z.enum(['running', 'paused', 'met', 'breached', 'not_needed']);
export type ClockStatus = z.infer<typeof ClockStatus>;

export const FaultCause = z.enum(['human', 'non_human', 'unknown']);
export type FaultCause = z.infer<typeof FaultCause>;

/** Reasons a contract may allow for suspending (挂起) a ticket; only allowed ones pause the clocks. */
export const SuspendReason = z.enum(SUSPEND_REASONS);
export type SuspendReason = z.infer<typeof SuspendReason>;

export const TicketAction = z.enum(TICKET_ACTIONS);
export type TicketAction = z.infer<typeof TicketAction>;
