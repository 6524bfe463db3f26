import { z } from 'zod';
import { CalendarDate, inRange, MillisFilter } from './dates.js';
import { FaultLevel, OrgKind, Role, SuspendReason, TicketStatus } from './enums.js';
import { HolidayHorizon, HolidayHorizonWarning } from './holidays.js';
import { Id, Millis } from './scalars.js';
import { TicketSummary } from './tickets.js';

// The ticket schemas live in tickets.ts, the scalars every schema uses in scalars.ts; both are re-exported here.
export { Id, Millis } from './scalars.js';
export * from './tickets.js';

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
