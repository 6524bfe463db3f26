import { z } from 'zod';
import { BULK_ACTIONS, TICKET_SORTS, TICKET_TABS } from './enum-values.js';
import { CalendarDate, MillisFilter, MillisInstant, inRange } from './dates.js';
import {
  Channel,
  ClockKind,
  ClockStatus,
  FaultCause,
  FaultLevel,
  OrgKind,
  Role,
  SuspendReason,
  TicketStatus,
} from './enums.js';
import { HolidayHorizon, HolidayHorizonWarning } from './holidays.js';

/** Epoch milliseconds, UTC. */
export const Millis = z.number().int().nonnegative();
export const Id = z.string().min(1).max(64);

// ---------- auth ----------
export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export const Me = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  orgId: Id,
  orgKind: OrgKind,
  orgName: z.string(),
  roles: z.array(Role),
  level: z.number().int(),
  locale: z.enum(['zh-CN', 'en']),
  mustChangePassword: z.boolean(),
  csrfToken: z.string(),
  lastLoginAt: Millis.nullable(),
  lastLoginIp: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;
/** The page-load session probe: 200 either way, `user: null` when not signed in (no 401 in the console). */
export const AuthSession = z.object({ user: Me.nullable() });
export type AuthSession = z.infer<typeof AuthSession>;
export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1),
  newPassword: z.string().min(1).max(256),
});
export const ApiTokenCreate = z.object({
  name: z.string().trim().min(1).max(80),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  createdAt: Millis,
  expiresAt: Millis.nullable(),
  lastUsedAt: Millis.nullable(),
});
export const ApiTokenCreated = ApiToken.extend({ token: z.string() });

// ---------- organisations, projects, contracts ----------
export const Org = z.object({ id: Id, name: z.string(), kind: OrgKind, createdAt: Millis });
export const OrgCreate = z.object({ name: z.string().trim().min(1).max(120), kind: z.literal('customer') });
export const LevelTargets = z.object({
  level: FaultLevel,
  responseMin: z.number().int().min(1).max(100_000),
  arrivalMin: z.number().int().min(1).max(100_000),
  resolutionMin: z.number().int().min(1).max(1_000_000),
});
export const BusinessPeriod = z.object({
  weekday: z.number().int().min(1).max(7),
  start: z.string().regex(/^\d\d:\d\d$/),
  end: z.string().regex(/^\d\d:\d\d$/),
});
export const CalendarSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('24x7') }),
  z.object({
    kind: z.literal('business'),
    timezone: z.string().optional(),
    weekly: z.array(BusinessPeriod).optional(),
    chinaHolidays: z.boolean().optional(),
    customHolidays: z.array(z.object({ date: CalendarDate, name: z.string().optional() })).optional(),
    customWorkdays: z.array(z.object({ date: CalendarDate, name: z.string().optional() })).optional(),
    coveredYears: z.array(z.number().int()).optional(),
  }),
]);
export type CalendarSpecInput = z.infer<typeof CalendarSpecSchema>;
export const SlaPolicy = z.object({
  targets: z.array(LevelTargets).length(4),
  calendar: CalendarSpecSchema,
  pauseReasons: z.array(SuspendReason),
  autoCloseDays: z.number().int().min(1).max(90),
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;
export const Contract = z.object({
  id: Id,
  projectId: Id,
  code: z.string(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  warrantyMonths: z.number().int(),
  policy: SlaPolicy,
  createdAt: Millis,
  /** R4: replaced parts' warranty — extended by the repair downtime, or restarted from the replacement. */
  partExtension: z.enum(['downtime', 'restart']),
  /** R3: labour cost rate per hour in fen (分), charged at cost after warranty. */
  labourRateCents: z.number().int(),
  /** R29: 顾客满意率 target, percent of ratings that are 4 or 5. */
  satisfactionTargetPct: z.number().int(),
  holidayHorizon: HolidayHorizon,
});
export const ContractCreate = z.object({
  code: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  startsOn: CalendarDate,
  endsOn: CalendarDate,
  warrantyMonths: z.number().int().min(0).max(240).default(36),
  policy: SlaPolicy.partial().optional(),
  partExtension: z.enum(['downtime', 'restart']).default('downtime'),
  labourRateCents: z.number().int().min(0).max(100_000_000).default(0),
  satisfactionTargetPct: z.number().int().min(1).max(100).default(95),
});
// No defaults in an update: a field the caller leaves out keeps its stored value.
export const ContractUpdate = ContractCreate.extend({
  warrantyMonths: z.number().int().min(0).max(240),
  partExtension: z.enum(['downtime', 'restart']),
  labourRateCents: z.number().int().min(0).max(100_000_000),
  satisfactionTargetPct: z.number().int().min(1).max(100),
}).partial();
export const Project = z.object({
  id: Id,
  customerId: Id,
  customerName: z.string(),
  code: z.string(),
  name: z.string(),
  serviceManagerId: Id.nullable(),
  serviceManagerName: z.string().nullable(),
  teamIds: z.array(Id),
  createdAt: Millis,
});
export const ProjectCreate = z.object({
  customerId: Id,
  code: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  serviceManagerId: Id.nullable().optional(),
  teamIds: z.array(Id).max(200).optional(),
});
export const ProjectUpdate = ProjectCreate.omit({ customerId: true }).partial();

// ---------- users ----------
export const User = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  orgId: Id,
  orgName: z.string(),
  roles: z.array(Role),
  level: z.number().int(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  disabled: z.boolean(),
  lockedUntil: Millis.nullable(),
  lastLoginAt: Millis.nullable(),
  createdAt: Millis,
});
export const UserCreate = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,64}$/),
  displayName: z.string().trim().min(1).max(80),
  orgId: Id,
  roles: z.array(Role).min(1),
  level: z.number().int().min(1).max(9).default(1),
  email: z.string().trim().email().max(200).nullable().optional(),
  phone: z.string().trim().max(32).nullable().optional(),
  password: z.string().min(1).max(256),
});
export const UserUpdate = z.object({
  displayName: z.string().trim().min(1).max(80).optional(),
  level: z.number().int().min(1).max(9).optional(),
  email: z.string().trim().email().max(200).nullable().optional(),
  phone: z.string().trim().max(32).nullable().optional(),
  disabled: z.boolean().optional(),
});
export const UserRolesUpdate = z.object({ roles: z.array(Role).min(1) });

// ---------- tickets ----------
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
      ctx.addIssue({ code: 'custom', path: ['assigneeId'], message: '请选择处理人 / choose an assignee' });
    // The single-ticket rule (tickets/policy.ts REASON_REQUIRED), checked once for the whole selection.
    if ((v.action === 'cancel' || v.action === 'transfer') && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '请填写原因 / give the reason' });
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

// ---------- notifications, audit, dashboard ----------
export const Notification = z.object({
  id: Id,
  at: Millis,
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  ticketId: Id.nullable(),
  readAt: Millis.nullable(),
});
export const AuditEntry = z.object({
  id: Id,
  seq: z.number().int(),
  at: Millis,
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  actorRoles: z.array(z.string()),
  ip: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  /** The target as people know it (ticket number and title, user name, record number …), resolved by the server. */
  targetName: z.string().nullable(),
  summary: z.string(),
  result: z.enum(['success', 'failure']),
});
export const AuditQuery = inRange(
  z.object({
    actorId: Id.optional(),
    actorName: z.string().trim().max(80).optional(),
    action: z.string().max(64).optional(),
    result: z.enum(['success', 'failure']).optional(),
    targetId: z.string().max(64).optional(),
    from: MillisFilter.optional(),
    to: MillisFilter.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
);
export const Dashboard = z.object({
  openTotal: z.number().int(),
  createdToday: z.number().int(),
  resolvedToday: z.number().int(),
  breachedOpen: z.number().int(),
  byLevel: z.array(z.object({ level: FaultLevel, count: z.number().int() })),
  byStatus: z.array(z.object({ status: TicketStatus, count: z.number().int() })),
  atRisk: z.array(TicketSummary),
  /** Contracts running into a year without holiday data (admins and service managers only; empty for others). */
  holidayHorizon: z.array(HolidayHorizonWarning),
});
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  field: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

// ---------- security policy (安全管理员) ----------
export const SecurityPolicy = z.object({
  passwordMinLength: z.number().int().min(8).max(64),
  passwordMinClasses: z.number().int().min(2).max(4),
  passwordMaxAgeDays: z.number().int().min(0).max(3650),
  lockoutThreshold: z.number().int().min(3).max(20),
  lockoutMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  sessionIdleMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
});
export type SecurityPolicy = z.infer<typeof SecurityPolicy>;
