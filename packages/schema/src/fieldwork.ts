import { z } from 'zod';
import {
  DISCIPLINES,
  OM_RECORD_ACTIONS,
  OM_RECORD_KINDS,
  OM_RECORD_STATUSES,
  PRESENCE_STATUSES,
} from './enum-values.js';
import { CalendarDate, CalendarMonth, MillisInstant } from './dates.js';
import { patchOf } from './patch.js';
import { Id, Millis } from './api.js';

// ---------- check-in / check-out (出入记录, R15) ----------
const Coordinate = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracyM: z.number().min(0).max(100_000).optional(),
});
export const CheckInRequest = z.object({
  projectId: Id,
  /** A ticket this visit is for; the first check-in of its assignee stops the arrival clock. */
  ticketId: Id.optional(),
  location: z.string().trim().min(1).max(200),
  position: Coordinate.optional(),
  note: z.string().trim().max(500).optional(),
  /** A check-in that is the ticket's arrival, logged after the fact (no signal on site): when it happened. */
  occurredAt: MillisInstant.optional(),
  occurredAtReason: z.string().trim().max(2000).optional(),
});
export const CheckOutRequest = z.object({
  location: z.string().trim().min(1).max(200).optional(),
  position: Coordinate.optional(),
  note: z.string().trim().max(500).optional(),
});
export const SiteVisit = z.object({
  id: Id,
  projectId: Id,
  projectName: z.string(),
  engineerId: Id,
  engineerName: z.string(),
  ticketId: Id.nullable(),
  ticketNumber: z.string().nullable(),
  checkedInAt: Millis,
  checkInLocation: z.string(),
  checkInPosition: Coordinate.nullable(),
  checkedOutAt: Millis.nullable(),
  checkOutLocation: z.string().nullable(),
  checkOutPosition: Coordinate.nullable(),
  note: z.string().nullable(),
  hasPhoto: z.boolean(),
  /** Still open after the (Beijing) day it began: a forgotten check-out, shown, never closed silently. */
  forgotten: z.boolean(),
});
export type SiteVisit = z.infer<typeof SiteVisit>;
export const SiteVisitQuery = z.object({
  projectId: Id.optional(),
  engineerId: Id.optional(),
  /** Beijing calendar day, YYYY-MM-DD. */
  day: CalendarDate.optional(),
  open: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const SiteVisitPage = z.object({ items: z.array(SiteVisit), nextCursor: z.string().nullable() });

// ---------- O&M records (运维记录, R15) ----------
/** 驻场日志 / 上门服务 / 远程服务 / 巡检记录 (written by finishing an inspection task, signed like the others). */
export const OmRecordKind = z.enum(OM_RECORD_KINDS);
export const OmRecordStatus = z.enum(OM_RECORD_STATUSES);
export type OmRecordStatus = z.infer<typeof OmRecordStatus>;

const RecordFields = z.object({
  kind: OmRecordKind,
  serviceStart: MillisInstant,
  serviceEnd: MillisInstant,
  location: z.string().trim().min(1).max(200),
  content: z.string().trim().min(1).max(20_000),
  result: z.string().trim().min(1).max(5_000),
  /** Entry/exit records (check-ins) the record covers; staff names and headcount derive from them. */
  visitIds: z.array(Id).max(200).default([]),
  ticketIds: z.array(Id).max(50).default([]),
  /** Set only to override the derived headcount; needs headcountReason. */
  headcount: z.number().int().min(0).max(500).optional(),
  headcountReason: z.string().trim().min(1).max(500).optional(),
  /** Extra people present who did not check in themselves (e.g. a vendor's technician). */
  extraStaff: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
});
export const OmRecordCreate = RecordFields.extend({ projectId: Id });
export const OmRecordUpdate = patchOf(RecordFields);
export const OmRecordAmend = patchOf(RecordFields).extend({ amendReason: z.string().trim().min(1).max(1_000) });
export const OmRecordReview = z.object({ note: z.string().trim().max(1_000).optional() });
export const OmRecordReject = z.object({ reason: z.string().trim().min(1).max(1_000) });
export const OmRecordSign = z.object({
  recordIds: z.array(Id).min(1).max(100),
  /** The hand-drawn signature as a PNG data URL (signature_pad's toDataURL()). */
  signature: z
    .string()
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/)
    .max(400_000),
});

export const OmRecordVisit = z.object({
  id: Id,
  engineerName: z.string(),
  checkedInAt: Millis,
  checkedOutAt: Millis.nullable(),
  location: z.string(),
  forgotten: z.boolean(),
});
export const OmRecordSummary = z.object({
  id: Id,
  number: z.string(),
  version: z.number().int(),
  projectId: Id,
  projectName: z.string(),
  customerId: Id,
  kind: OmRecordKind,
  status: OmRecordStatus,
  serviceStart: Millis,
  serviceEnd: Millis,
  location: z.string(),
  staffNames: z.array(z.string()),
  headcount: z.number().int(),
  authorName: z.string(),
  submittedAt: Millis.nullable(),
  reviewedAt: Millis.nullable(),
  signedAt: Millis.nullable(),
  signerName: z.string().nullable(),
  updatedAt: Millis,
});
export const OmRecord = OmRecordSummary.extend({
  content: z.string(),
  result: z.string(),
  headcountDerived: z.number().int(),
  headcountReason: z.string().nullable(),
  extraStaff: z.array(z.string()),
  visits: z.array(OmRecordVisit),
  tickets: z.array(z.object({ id: Id, number: z.string(), title: z.string() })),
  authorId: Id,
  reviewerName: z.string().nullable(),
  reviewNote: z.string().nullable(),
  rejectReason: z.string().nullable(),
  rejectedAt: Millis.nullable(),
  rejectorName: z.string().nullable(),
  signerIp: z.string().nullable(),
  hasSignature: z.boolean(),
  contentHash: z.string().nullable(),
  /** The version this one corrects, with why; and every version of the record, oldest first. */
  supersedesId: Id.nullable(),
  amendReason: z.string().nullable(),
  versions: z.array(
    z.object({
      id: Id,
      version: z.number().int(),
      status: OmRecordStatus,
      signedAt: Millis.nullable(),
      amendReason: z.string().nullable(),
    }),
  ),
  allowedActions: z.array(z.enum(OM_RECORD_ACTIONS)),
});
export type OmRecord = z.infer<typeof OmRecord>;
export const OmRecordQuery = z.object({
  projectId: Id.optional(),
  status: OmRecordStatus.optional(),
  /** Only records the caller can act on now (sign for a lead, fix for an author, review for a manager). */
  todo: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const OmRecordPage = z.object({ items: z.array(OmRecordSummary), nextCursor: z.string().nullable() });
export const RecordsVerifyResult = z.object({
  checked: z.number().int(),
  problems: z.array(z.object({ recordId: Id, number: z.string(), problem: z.string() })),
});

// ---------- service record sheets, exports, public verification ----------
export const OmRecordSheetsRequest = z.object({ recordIds: z.array(Id).min(1).max(100) });
export const OmRecordExportQuery = z.object({ projectId: Id, month: CalendarMonth });
/** `h`: the verification code printed on the sheet; without it (or with a wrong one) the record is not found. */
export const RecordVerifyQuery = z.object({ h: z.string().max(64).optional() });
export const RecordVerification = z.object({
  /** The record's content and signature still hash to the value printed on the sheet. */
  intact: z.boolean(),
  number: z.string(),
  version: z.number().int(),
  status: OmRecordStatus,
  projectName: z.string(),
  customerName: z.string(),
  serviceStart: Millis,
  serviceEnd: Millis,
  signedAt: Millis,
  signerName: z.string(),
  contentHash: z.string(),
});

// ---------- resident presence (R14) ----------
const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
export const ResidentPlan = z.object({
  projectId: Id,
  /** Engineers committed on site each working day (R14: 3). */
  headcount: z.number().int().min(0).max(100),
  /** 1 = Monday … 7 = Sunday. */
  weekdays: z.array(z.number().int().min(1).max(7)).max(7),
  /** Chinese public holidays are off and 调休 make-up days are on, whatever the weekday. */
  chinaCalendar: z.boolean(),
  start: HHMM,
  end: HHMM,
  /** A first check-in later than start + grace counts as late. */
  lateGraceMin: z.number().int().min(0).max(240),
  /** The resident engineers (provider staff) the board expects every working day. */
  engineerIds: z.array(Id).max(100),
  /** Minutes on site a day before an engineer counts toward the headcount (a quick visit is not residence). */
  minOnSiteMin: z.number().int().min(0).max(1440),
  engineers: z.array(z.object({ id: Id, name: z.string() })),
  updatedAt: Millis.nullable(),
});
/** minOnSiteMin left out keeps the plan's (240 for a new plan). */
export const ResidentPlanUpdate = ResidentPlan.pick({
  headcount: true,
  weekdays: true,
  chinaCalendar: true,
  start: true,
  end: true,
  lateGraceMin: true,
  engineerIds: true,
}).extend({ minOnSiteMin: ResidentPlan.shape.minOnSiteMin.optional() });
export const PresenceStatus = z.enum(PRESENCE_STATUSES);
export const DailyPresenceQuery = z.object({ projectId: Id, day: CalendarDate });
export const DailyPresence = z.object({
  projectId: Id,
  projectName: z.string(),
  day: z.string(),
  workday: z.boolean(),
  required: z.number().int(),
  present: z.number().int(),
  belowHeadcount: z.boolean(),
  engineers: z.array(
    z.object({
      userId: Id,
      name: z.string(),
      rostered: z.boolean(),
      status: PresenceStatus,
      firstIn: Millis.nullable(),
      lastOut: Millis.nullable(),
      minutesLate: z.number().int(),
      minutesOnSite: z.number().int(),
      openVisit: z.boolean(),
      /** On the roster and on site for the plan's minimum (or still on site today): counts toward `present`. */
      counted: z.boolean(),
    }),
  ),
});
export const MonthlyPresenceQuery = z.object({ projectId: Id, month: CalendarMonth });
export const MonthlyPresence = z.object({
  projectId: Id,
  projectName: z.string(),
  month: z.string(),
  workdays: z.number().int(),
  required: z.number().int(),
  /** Working days on which fewer than `required` engineers checked in. */
  daysBelowHeadcount: z.array(z.string()),
  days: z.array(z.object({ day: z.string(), workday: z.boolean(), present: z.number().int() })),
  engineers: z.array(
    z.object({
      userId: Id,
      name: z.string(),
      rostered: z.boolean(),
      presentDays: z.number().int(),
      lateDays: z.number().int(),
      absentDays: z.number().int(),
      hoursOnSite: z.number(),
    }),
  ),
});

// ---------- staffing plan (R28) ----------
export const Discipline = z.enum(DISCIPLINES);
export const Certification = z.object({
  name: z.string().trim().min(1).max(100),
  number: z.string().trim().max(100).optional(),
  expiresOn: CalendarDate.nullable(),
});
export const EngineerProfile = z.object({
  userId: Id,
  name: z.string(),
  disciplines: z.array(Discipline),
  skillLevel: z.number().int().min(1).max(5),
  certifications: z.array(Certification.extend({ expired: z.boolean(), expiresSoon: z.boolean() })),
});
export const EngineerProfileUpdate = z.object({
  disciplines: z.array(Discipline).max(4),
  skillLevel: z.number().int().min(1).max(5),
  certifications: z.array(Certification).max(30),
});
export const StaffingRequirement = z.object({
  discipline: Discipline,
  count: z.number().int().min(0).max(50),
  resident: z.boolean(),
  /** Must have taken part in building the project (R28: the 3 resident software engineers). */
  builtProject: z.boolean(),
});
export const StaffingAssignment = z.object({
  userId: Id,
  discipline: Discipline,
  resident: z.boolean(),
  builtProject: z.boolean(),
});
export const StaffingPlanUpdate = z.object({
  requirements: z.array(StaffingRequirement).max(20),
  assignments: z.array(StaffingAssignment).max(100),
});
/**
 * Why an assignment does not count, as a code with its parameters; the web words it in the reader's language
 * (i18n `staffing.problem.<code>`).
 */
export const StaffingProblem = z.discriminatedUnion('code', [
  /** The person is no longer active provider staff. */
  z.object({ code: z.literal('inactive'), params: z.object({}) }),
  /** The person's profile lacks the discipline they are assigned for. */
  z.object({ code: z.literal('lacks_discipline'), params: z.object({ discipline: Discipline }) }),
  /** One of the person's certificates has expired. */
  z.object({ code: z.literal('cert_expired'), params: z.object({ name: z.string(), expiresOn: z.string() }) }),
]);
export type StaffingProblem = z.infer<typeof StaffingProblem>;
/** A requirement not filled by enough qualified people (i18n `staffing.gap.*`). */
export const StaffingGap = z.object({
  code: z.literal('missing'),
  params: StaffingRequirement.omit({ count: true }).extend({ missing: z.number().int() }),
});
export type StaffingGap = z.infer<typeof StaffingGap>;
export const StaffingPlan = z.object({
  projectId: Id,
  projectName: z.string(),
  requirements: z.array(StaffingRequirement),
  assignments: z.array(
    StaffingAssignment.extend({ name: z.string(), qualified: z.boolean(), problems: z.array(StaffingProblem) }),
  ),
  /** Per requirement: how many qualified people fill it and how many are missing. */
  coverage: z.array(StaffingRequirement.extend({ filled: z.number().int(), missing: z.number().int() })),
  gaps: z.array(StaffingGap),
  updatedAt: Millis.nullable(),
});
