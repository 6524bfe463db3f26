import { z } from 'zod';
import { FEEDBACK_CATEGORIES, FEEDBACK_STATUSES, RATING_CHANNELS } from './enum-values.js';
import { Id, Millis } from './api.js';
import { IsoDate } from './assets.js';
import { inRange } from './dates.js';

// ---------- satisfaction (满意度, R29) ----------
/** 5 非常满意, 4 满意, 3 一般, 2 不满意, 1 非常不满意; 4 and 5 count as satisfied. */
export const Score = z.number().int().min(1).max(5);
export const RatingInput = z.object({ score: Score, comment: z.string().trim().max(1000).default('') });
export const RatingChannel = z.enum(RATING_CHANNELS);
export const RatingState = z.enum(['pending', 'rated', 'superseded', 'expired']);
export const RatingRequest = z.object({
  id: Id,
  kind: z.enum(['ticket', 'survey']),
  ticketId: Id.nullable(),
  ticketNumber: z.string().nullable(),
  ticketTitle: z.string().nullable(),
  surveyId: Id.nullable(),
  surveyTitle: z.string().nullable(),
  projectId: Id,
  projectName: z.string(),
  userId: Id.nullable(),
  userName: z.string().nullable(),
  state: RatingState,
  expiresAt: Millis,
  score: Score.nullable(),
  comment: z.string().nullable(),
  channel: RatingChannel.nullable(),
  ratedAt: Millis.nullable(),
  createdAt: Millis,
});
export const RatingRequestQuery = z.object({
  /** mine: the caller's own requests (customers); otherwise the projects the caller sees. */
  mine: z.enum(['1', '0']).default('1'),
  projectId: Id.optional(),
  state: RatingState.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const RatingRequestPage = z.object({ items: z.array(RatingRequest), nextCursor: z.string().nullable() });
/** What the one-time link shows before and after rating (no login). */
export const PublicRating = z.object({
  state: RatingState,
  kind: z.enum(['ticket', 'survey']),
  projectName: z.string(),
  subject: z.string(),
  score: Score.nullable(),
  expiresAt: Millis,
});
export const SurveyInput = z.object({ title: z.string().trim().min(1).max(200), closesOn: IsoDate });
export const Survey = z.object({
  id: Id,
  projectId: Id,
  title: z.string(),
  closesOn: z.string(),
  createdAt: Millis,
  sent: z.number().int(),
  answered: z.number().int(),
});
/** 定期满意度调查: a survey to every customer user every N months, open for N days. */
export const SurveyScheduleInput = z.object({
  title: z.string().trim().min(1).max(150),
  everyMonths: z.number().int().min(1).max(12),
  openDays: z.number().int().min(1).max(60),
  firstOn: IsoDate,
});
export const SurveyScheduleUpdate = z.object({
  title: z.string().trim().min(1).max(150).optional(),
  everyMonths: z.number().int().min(1).max(12).optional(),
  openDays: z.number().int().min(1).max(60).optional(),
  nextOn: IsoDate.optional(),
  active: z.boolean().optional(),
});
export const SurveySchedule = z.object({
  id: Id,
  projectId: Id,
  title: z.string(),
  everyMonths: z.number().int(),
  openDays: z.number().int(),
  nextOn: z.string(),
  active: z.boolean(),
  lastSentOn: z.string().nullable(),
  createdAt: Millis,
});
export const SatisfactionQuery = inRange(z.object({ from: IsoDate.optional(), to: IsoDate.optional() }));
export const SatisfactionReport = z.object({
  projectId: Id,
  from: z.string(),
  to: z.string(),
  requested: z.number().int(),
  rated: z.number().int(),
  satisfied: z.number().int(),
  /** satisfied ÷ rated in percent (one decimal); null with no rating in the period ("no data", never "met"). */
  ratePct: z.number().nullable(),
  targetPct: z.number().int(),
  met: z.boolean().nullable(),
  /** rated ÷ requested (回访率 / response rate), percent. */
  responsePct: z.number().nullable(),
  byScore: z.array(z.object({ score: Score, count: z.number().int() })),
  byChannel: z.array(z.object({ channel: RatingChannel, count: z.number().int() })),
  low: z.array(RatingRequest),
});

// ---------- feedback (意见反馈, R21) ----------
export const FeedbackCategory = z.enum(FEEDBACK_CATEGORIES);
export const FeedbackStatus = z.enum(FEEDBACK_STATUSES);
export const FeedbackInput = z.object({
  projectId: Id,
  category: FeedbackCategory,
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(5000),
});
export const FeedbackAnswer = z.object({ answer: z.string().trim().min(1).max(5000) });
export const Feedback = z.object({
  id: Id,
  projectId: Id,
  projectName: z.string(),
  customerId: Id,
  authorId: Id,
  authorName: z.string(),
  category: FeedbackCategory,
  title: z.string(),
  body: z.string(),
  status: FeedbackStatus,
  answer: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: Millis.nullable(),
  closedAt: Millis.nullable(),
  closedByName: z.string().nullable(),
  createdAt: Millis,
});
export const FeedbackQuery = z.object({
  projectId: Id.optional(),
  status: FeedbackStatus.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const FeedbackPage = z.object({ items: z.array(Feedback), nextCursor: z.string().nullable() });
