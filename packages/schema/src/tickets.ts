import { z } from 'zod';
import { BULK_ACTIONS, TICKET_SORTS, TICKET_TABS } from './enum-values.js';
import { inRange, MillisFilter, MillisInstant } from './dates.js';
import { Channel, ClockKind, ClockStatus, FaultCause, FaultLevel, Role, SuspendReason, TicketStatus } from './enums.js';
import { Id, Millis } from './scalars.js';

/** Tickets: the queue, one ticket, its actions, timeline, comments, attachments and clock history. */
export const Clock = z.object({
  kind: ClockKind,
  cycle: z.number().int(),
  status: ClockStatus,
  targetMs: z.number(),
  startedAt: Millis,
  dueAt: Millis.nullable(),
  stoppedAt: Millis.nullable(),
  elapsedMs: z.number(),
  remainingMs: z.number().nullable(),
  pausedMs: z.number(),
  breachedByMs: z.number(),
  percent: z.number(),
  notNeededReason: z.string().nullable(),
});
export type Clock = z.infer<typeof Clock>;
export const TicketSummary = z.object({
  id: Id,
  number: z.string(),
  title: z.string(),
  status: TicketStatus,
  level: FaultLevel,
  channel: Channel,
  customerId: Id,
  customerName: z.string(),
  projectId: Id,
  projectName: z.string(),
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  reportedAt: Millis,
  nextDueAt: Millis.nullable(),
  breached: z.boolean(),
  updatedAt: Millis,
  createdAt: Millis,
});
export type TicketSummary = z.infer<typeof TicketSummary>;
export const Ticket = TicketSummary.extend({
  description: z.string(),
  reporterName: z.string(),
  reporterPhone: z.string(),
  location: z.string().nullable(),
  createdById: Id,
  createdByName: z.string(),
  faultCause: FaultCause.nullable(),
  solution: z.string().nullable(),
  billable: z.boolean().nullable(),
  resolvedAt: Millis.nullable(),
  closedAt: Millis.nullable(),
  reopenCount: z.number().int(),
  suspendReason: SuspendReason.nullable(),
  clocks: z.array(Clock),
  allowedActions: z.array(z.string()),
  slaWarnings: z.array(z.string()),
  /** Suspend reasons that pause the clocks under this ticket's contract; others suspend without pausing. */
  pauseReasons: z.array(SuspendReason),
  /** The server's clock when this was produced, so countdowns can correct a skewed client clock. */
  serverNow: Millis,
  /** A respond/arrive/resolve logged with `occurredAt` older than this many minutes needs `occurredAtReason`. */
  occurredAtReasonMinutes: z.number().int(),
});
export type Ticket = z.infer<typeof Ticket>;
export const TicketCreate = z.object({
  projectId: Id,
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(20_000).default(''),
  level: FaultLevel,
  channel: Channel,
  reporterName: z.string().trim().min(1).max(80),
  reporterPhone: z.string().trim().min(3).max(32),
  reportedAt: MillisInstant.optional(),
  reportedAtReason: z.string().trim().max(500).optional(),
  location: z.string().trim().max(200).optional(),
  assigneeId: Id.optional(),
  /** The faulty asset (R2): recorded with the ticket, so the warranty decision uses the fault time. */
  assetId: Id.optional(),
});
export type TicketCreate = z.infer<typeof TicketCreate>;
export const TicketSort = z.enum(TICKET_SORTS);
export type TicketSort = z.infer<typeof TicketSort>;
export const TicketListQuery = inRange(
  z.object({
    tab: z.enum(TICKET_TABS).default('all'),
    status: z
      .array(TicketStatus)
      .or(TicketStatus.transform((s) => [s]))
      .optional(),
    level: z.coerce.number().int().min(1).max(4).optional(),
    customerId: Id.optional(),
    projectId: Id.optional(),
    assigneeId: Id.optional(),
    channel: Channel.optional(),
    q: z.string().trim().max(100).optional(),
    /**
     * Drill-down from a commitment or a dashboard rate: tickets whose first-cycle `clock` ended with
     * `outcome` in [endedFrom, endedTo). Needs projectId (the clocks are indexed by project).
     */
    clock: ClockKind.optional(),
    outcome: z.enum(['met', 'breached']).optional(),
    endedFrom: MillisFilter.optional(),
    endedTo: MillisFilter.optional(),
    /** Queue order (server-side): `due` is the SLA queue order (tickets/ordering.ts); each has its own index. */
    sort: TicketSort.default('due'),
    dir: z.enum(['asc', 'desc']).default('asc'),
    cursor: z.string().max(300).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  }),
  { from: 'endedFrom', to: 'endedTo' },
);
export type TicketListQuery = z.infer<typeof TicketListQuery>;
/**
 * How many tickets match: `exact` counts; `at_least` when a capped count hit its cap (shown "10,000+");
 * `estimate` from table statistics for the huge unfiltered queue. Only on the first page (no cursor);
 * null when counting is not cheap (text search).
 */
export const TicketTotal = z.object({ value: z.number().int(), kind: z.enum(['exact', 'at_least', 'estimate']) });
export type TicketTotal = z.infer<typeof TicketTotal>;
export const TicketPage = z.object({
  items: z.array(TicketSummary),
  nextCursor: z.string().nullable(),
  total: TicketTotal.nullable().optional(),
});
/** Bulk actions on the queue: the same command as one ticket's action, applied to each in its own transaction. */
export const TicketBulkRequest = z
  .object({
    ids: z.array(Id).min(1).max(100),
    action: z.enum(BULK_ACTIONS),
    assigneeId: Id.optional(),
    reason: z.string().trim().max(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.action === 'dispatch' || v.action === 'transfer') && !v.assigneeId)
      ctx.addIssue({ code: 'custom', path: ['assigneeId'], message: 'schema.chooseAssignee' });
    // The single-ticket rule (tickets/policy.ts REASON_REQUIRED), checked once for the whole selection.
    if ((v.action === 'cancel' || v.action === 'transfer') && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'schema.giveReason' });
  });
export type TicketBulkRequest = z.infer<typeof TicketBulkRequest>;
export const TicketBulkResult = z.object({
  results: z.array(
    z.object({
      id: Id,
      number: z.string().nullable(),
      ok: z.boolean(),
      code: z.string().nullable(),
      message: z.string().nullable(),
    }),
  ),
  okCount: z.number().int(),
  refusedCount: z.number().int(),
});
export type TicketBulkResult = z.infer<typeof TicketBulkResult>;
/** Saved named filters per user (the query string of the page they were saved on). */
export const SavedFilterScope = z.enum(['tickets']);
export const SavedFilter = z.object({
  id: Id,
  scope: SavedFilterScope,
  name: z.string(),
  query: z.record(z.string(), z.unknown()),
  createdAt: Millis,
});
export type SavedFilter = z.infer<typeof SavedFilter>;
export const SavedFilterCreate = z.object({
  scope: SavedFilterScope,
  name: z.string().trim().min(1).max(60),
  query: z
    .record(z.string(), z.union([z.string().max(200), z.array(z.string().max(100)).max(20), z.number()]))
    .refine((q) => Object.keys(q).length <= 30, 'too many fields'),
});
export const TicketActionRequest = z.object({
  action: z.enum([
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
  ]),
  assigneeId: Id.optional(),
  reason: z.string().trim().max(2000).optional(),
  suspendReason: SuspendReason.optional(),
  solution: z.string().trim().max(20_000).optional(),
  faultCause: FaultCause.optional(),
  level: FaultLevel.optional(),
  note: z.string().trim().max(2000).optional(),
  rating: z.number().int().min(1).max(5).optional(),
  /** Respond, arrive, resolve: when it happened, if earlier than it is logged (staff only); the clock stops then. */
  occurredAt: MillisInstant.optional(),
  occurredAtReason: z.string().trim().max(2000).optional(),
});
export type TicketActionRequest = z.infer<typeof TicketActionRequest>;
export const TimelineEvent = z.object({
  id: Id,
  at: Millis,
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  type: z.string(),
  fromStatus: TicketStatus.nullable(),
  toStatus: TicketStatus.nullable(),
  reason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export const CommentCreate = z.object({
  body: z.string().trim().min(1).max(20_000),
  internal: z.boolean().default(false),
});
export const Comment = z.object({
  id: Id,
  at: Millis,
  authorId: Id,
  authorName: z.string(),
  body: z.string(),
  internal: z.boolean(),
});
export const Attachment = z.object({
  id: Id,
  at: Millis,
  uploaderName: z.string(),
  fileName: z.string(),
  size: z.number(),
  mime: z.string(),
});
export const ClockHistory = z.object({
  kind: ClockKind,
  cycle: z.number().int(),
  segments: z.array(
    z.object({
      kind: z.enum(['running', 'paused', 'calendar_gap']),
      start: Millis,
      end: Millis.nullable(),
      reason: z.string().optional(),
      name: z.string().optional(),
    }),
  ),
  /** Contract policy or calendar changes that re-planned this clock (reason: a code, e.g. contract_policy). */
  replans: z.array(
    z.object({
      at: Millis,
      byName: z.string().nullable(),
      reason: z.string(),
      fromDue: Millis.nullable(),
      toDue: Millis.nullable(),
      fromTargetMs: z.number(),
      toTargetMs: z.number(),
    }),
  ),
});

/** Provider staff as dispatchers need them for assignment filters: no contact details. */
export const StaffMember = z.object({ id: Id, displayName: z.string(), roles: z.array(Role), level: z.number().int() });
