import { z } from 'zod';
import { Id, TicketSummary } from './api.js';
import { BADGE_CAP } from './limits.js';

export { BADGE_CAP };
const BadgeCount = z
  .number()
  .int()
  .min(0)
  .max(BADGE_CAP + 1);

/**
 * The menu badges (GET /me/badges). A field is present only for roles that may see it:
 * `unassigned` (待分派) for dispatchers and service managers, `toSign` (待签字) for a customer's lead
 * (their organisation's records awaiting signature), `inspectionsDue` (待巡检) for engineers (their open
 * tasks due today or overdue). Each is min(count, BADGE_CAP + 1).
 */
export const MeBadges = z.object({
  unassigned: BadgeCount.optional(),
  toSign: BadgeCount.optional(),
  inspectionsDue: BadgeCount.optional(),
});
export type MeBadges = z.infer<typeof MeBadges>;

/** Intake (来电登记): look the caller up by the phone number the agent types. */
export const ReporterLookupQuery = z.object({
  phone: z
    .string()
    .trim()
    .min(3)
    .max(32)
    .regex(/^[0-9+\-\s()#*]+$/, 'schema.phoneChars'),
});
export const ReporterLookup = z.object({
  phone: z.string(),
  /** From the caller's latest ticket; null when the number has never reported. */
  reporterName: z.string().nullable(),
  customerId: Id.nullable(),
  customerName: z.string().nullable(),
  projectId: Id.nullable(),
  location: z.string().nullable(),
  /** The caller's latest tickets, newest first (at most 5). */
  recentTickets: z.array(TicketSummary),
});
export type ReporterLookup = z.infer<typeof ReporterLookup>;
