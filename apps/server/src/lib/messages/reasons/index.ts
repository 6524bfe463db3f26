/**
 * The reason catalogue: every phrase a service or schema gives as the reason for a refusal, a problem or a gap, in
 * zh-CN and en. One file per area so that areas add entries without touching each other; keys are `area.what` and
 * must not repeat across files (messages.test.ts checks, with both languages present and the same placeholders).
 */
import { COMMON } from './common.js';
import { ASSETS } from './assets.js';
import { REPAIRS } from './repairs.js';
import { TRAINING } from './training.js';
import { KNOWLEDGE } from './knowledge.js';
import { INSPECTIONS } from './inspections.js';
import { FIELDWORK } from './fieldwork.js';
import { TICKETS } from './tickets.js';
import { SATISFACTION } from './satisfaction.js';
import { COMMITMENTS } from './commitments.js';
import { REPORTS } from './reports.js';
import { ADMIN } from './admin.js';
import { FEEDBACK } from './feedback.js';
import { PRESENCE } from './presence.js';
import { HOLIDAYS } from './holidays.js';
import { UPLOADS } from './uploads.js';
import { SCHEMA } from './schema.js';

export const REASON_AREAS = {
  COMMON,
  ASSETS,
  REPAIRS,
  TRAINING,
  KNOWLEDGE,
  INSPECTIONS,
  FIELDWORK,
  TICKETS,
  SATISFACTION,
  COMMITMENTS,
  REPORTS,
  ADMIN,
  FEEDBACK,
  PRESENCE,
  HOLIDAYS,
  UPLOADS,
  SCHEMA,
} as const;

export const REASONS = {
  ...COMMON,
  ...ASSETS,
  ...REPAIRS,
  ...TRAINING,
  ...KNOWLEDGE,
  ...INSPECTIONS,
  ...FIELDWORK,
  ...TICKETS,
  ...SATISFACTION,
  ...COMMITMENTS,
  ...REPORTS,
  ...ADMIN,
  ...FEEDBACK,
  ...PRESENCE,
  ...HOLIDAYS,
  ...UPLOADS,
  ...SCHEMA,
} as const;

export type ReasonKey = keyof typeof REASONS;
