import { z } from 'zod';
import { ATTENDANCE_STATUSES, SESSION_MODES } from './enum-values.js';
import { patchOf } from './patch.js';
import { MillisInstant } from './dates.js';
import { Id, Millis } from './api.js';
import { IsoDate } from './assets.js';

// ---------- training plans (培训计划, R18): courses, batches, sessions, trainees, attendance, assessments ----------
export const TrainingPlanInput = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(4000).default(''),
});
export const TrainingPlanUpdate = patchOf(TrainingPlanInput);

export const CourseInput = z.object({
  title: z.string().trim().min(1).max(120),
  /** What the trainee must be able to do on their own after the course (the assessment's yardstick). */
  objective: z.string().trim().max(2000).default(''),
});
export const CourseUpdate = patchOf(CourseInput);

export const SessionMode = z.enum(SESSION_MODES);
export const BatchInput = z.object({
  name: z.string().trim().min(1).max(80),
  traineeIds: z.array(Id).max(500).default([]),
});
export const BatchUpdate = z.object({
  name: z.string().trim().min(1).max(80).optional(),
  traineeIds: z.array(Id).max(500).optional(),
});

export const SessionInput = z.object({
  courseId: Id,
  startsAt: MillisInstant,
  endsAt: MillisInstant,
  mode: SessionMode,
  /** Room and address for on-site sessions, the meeting link or number for online ones. */
  place: z.string().trim().min(1).max(300),
  /** A provider user who trains, or the name of an outside trainer. */
  trainerId: Id.nullable().default(null),
  trainerName: z.string().trim().max(80).default(''),
});
export const SessionUpdate = patchOf(SessionInput).extend({ cancelled: z.boolean().optional() });

export const TraineeInput = z.object({
  /** A customer user of the project's customer; leave out for a named person without a login. */
  userId: Id.nullable().default(null),
  name: z.string().trim().max(80).default(''),
  unit: z.string().trim().max(120).default(''),
  phone: z.string().trim().max(40).default(''),
  /** The courses this trainee must master; every course of the plan when left out. */
  courseIds: z.array(Id).max(100).nullable().default(null),
});
export const TraineeUpdate = patchOf(TraineeInput.omit({ userId: true }));

export const AttendanceStatus = z.enum(ATTENDANCE_STATUSES);
export const AttendanceInput = z.object({
  entries: z
    .array(z.object({ traineeId: Id, status: AttendanceStatus, note: z.string().trim().max(300).default('') }))
    .min(1)
    .max(500),
});

export const AssessmentInput = z.object({
  traineeId: Id,
  courseId: Id,
  /** The batch the trainee was trained in when assessed. */
  batchId: Id,
  /** 可独立操作: can the trainee operate on their own? */
  independent: z.boolean(),
  assessedOn: IsoDate,
  /** Who judged; the signed-in user when left out (e.g. the customer's own supervisor by name). */
  assessorName: z.string().trim().max(80).default(''),
  note: z.string().trim().max(1000).default(''),
  /** Not yet independent: the later batch to train again in; the next batch in order when left out. */
  retrainBatchId: Id.nullable().default(null),
});

export const Material = z.object({
  id: Id,
  familyId: Id,
  version: z.number().int(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  note: z.string(),
  uploadedAt: Millis,
  uploadedByName: z.string(),
  /** Earlier versions of the same material, newest first. */
  history: z.array(
    z.object({ id: Id, version: z.number().int(), fileName: z.string(), size: z.number().int(), uploadedAt: Millis }),
  ),
});
export const Course = z.object({
  id: Id,
  title: z.string(),
  objective: z.string(),
  position: z.number().int(),
  materials: z.array(Material),
});
export const TrainingSession = z.object({
  id: Id,
  batchId: Id,
  courseId: Id,
  courseTitle: z.string(),
  startsAt: Millis,
  endsAt: Millis,
  mode: SessionMode,
  place: z.string(),
  trainerId: Id.nullable(),
  trainerName: z.string(),
  cancelled: z.boolean(),
  /** Attendance recorded so far: one entry per enrolled trainee once taken. */
  attendance: z.array(z.object({ traineeId: Id, status: AttendanceStatus, note: z.string() })),
});
export const Batch = z.object({
  id: Id,
  name: z.string(),
  position: z.number().int(),
  traineeIds: z.array(Id),
  /** Trainees put into this batch because an earlier assessment found them not yet independent. */
  retrainIds: z.array(Id),
  sessions: z.array(TrainingSession),
});
export const CourseStatus = z.enum(['independent', 'not_yet', 'not_assessed']);
export const Trainee = z.object({
  id: Id,
  userId: Id.nullable(),
  name: z.string(),
  unit: z.string(),
  phone: z.string(),
  courseIds: z.array(Id),
  /** Per required course: the latest assessment's verdict. */
  courses: z.array(
    z.object({
      courseId: Id,
      status: CourseStatus,
      assessedOn: z.string().nullable(),
      assessorName: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  independent: z.boolean(),
  /** Not yet independent in some course and in no later batch: must be scheduled again. */
  needsBatch: z.boolean(),
});
export const Assessment = z.object({
  id: Id,
  traineeId: Id,
  traineeName: z.string(),
  courseId: Id,
  courseTitle: z.string(),
  batchId: Id,
  batchName: z.string(),
  independent: z.boolean(),
  assessedOn: z.string(),
  assessorName: z.string(),
  note: z.string(),
  createdAt: Millis,
});
export const TrainingProgress = z.object({
  trainees: z.number().int(),
  independent: z.number().int(),
  notYet: z.number().int(),
  needsBatch: z.number().int(),
  /** Every trainee independent in every required course (and at least one trainee and one course). */
  complete: z.boolean(),
  completedAt: Millis.nullable(),
});
export const TrainingPlanSummary = z.object({
  id: Id,
  projectId: Id,
  projectName: z.string(),
  name: z.string(),
  description: z.string(),
  createdAt: Millis,
  progress: TrainingProgress,
});
export const TrainingPlan = TrainingPlanSummary.extend({
  courses: z.array(Course),
  batches: z.array(Batch),
  trainees: z.array(Trainee),
  assessments: z.array(Assessment),
});
