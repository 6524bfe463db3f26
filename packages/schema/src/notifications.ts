import { z } from 'zod';
import { Id, Millis } from './api.js';

/** Notification kinds are open strings (each module names its own); a filter value is a short token. */
export const NotificationKind = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9_.-]+$/, 'kind: letters, digits, . _ -');

/** The notification centre's filters: unread or all, one kind, one ticket; keyset-paged newest first. */
export const NotificationQuery = z.object({
  state: z.enum(['all', 'unread']).default('all'),
  kind: NotificationKind.optional(),
  ticketId: Id.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type NotificationQuery = z.infer<typeof NotificationQuery>;

/**
 * One line of the centre: the newest notification of its group plus how many of the same kind for
 * the same ticket the page holds (repeated SLA alerts read "3 条 · WB-…" instead of three lines).
 * Notifications without a ticket are never grouped (count 1).
 */
export const NotificationGroup = z.object({
  id: Id,
  at: Millis,
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  ticketId: Id.nullable(),
  readAt: Millis.nullable(),
  ticketNumber: z.string().nullable(),
  count: z.number().int().positive(),
  unreadCount: z.number().int().nonnegative(),
  /** Ids of every notification in the group, newest first (the first is `id`). */
  ids: z.array(Id),
  /** When the group's oldest notification was raised. */
  firstAt: Millis,
});
export type NotificationGroup = z.infer<typeof NotificationGroup>;
export const NotificationPage = z.object({ items: z.array(NotificationGroup), nextCursor: z.string().nullable() });
export type NotificationPage = z.infer<typeof NotificationPage>;

/** For the bell and the filter: the unread count and the kinds the user has received. */
export const NotificationSummary = z.object({ unread: z.number().int().nonnegative(), kinds: z.array(z.string()) });
export type NotificationSummary = z.infer<typeof NotificationSummary>;

/** Mark read in one request: everything unread, or only one kind and/or one ticket (a group). */
export const NotificationReadAll = z.object({ kind: NotificationKind.optional(), ticketId: Id.optional() }).strict();
export type NotificationReadAll = z.infer<typeof NotificationReadAll>;
export const NotificationReadAllResult = z.object({ updated: z.number().int().nonnegative() });
