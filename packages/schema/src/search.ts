import { z } from 'zod';
import { Id } from './api.js';
import { TicketStatus } from './enums.js';
import { OmRecordKind, OmRecordStatus } from './fieldwork.js';

// ---------- global search in the header (issue 14) ----------
/** What was typed; trimmed, at least 2 characters (one character would match half the database). */
export const SearchQuery = z.object({ q: z.string().trim().min(2).max(100) });
export const SearchResults = z.object({
  tickets: z.array(z.object({ id: Id, number: z.string(), title: z.string(), status: TicketStatus })),
  assets: z.array(z.object({ id: Id, name: z.string(), serial: z.string(), tag: z.string().nullable() })),
  records: z.array(
    z.object({ id: Id, number: z.string(), version: z.number().int(), kind: OmRecordKind, status: OmRecordStatus }),
  ),
  articles: z.array(z.object({ id: Id, number: z.string(), title: z.string() })),
});
/** At most this many hits per group: the box shows where to go, the lists do the browsing. */
export const SEARCH_GROUP_LIMIT = 5;

// ---------- the auditor's view (issue 14): operator picker, export, chain verification ----------
export const AuditActorQuery = z.object({ q: z.string().trim().min(1).max(40) });
export const AuditActor = z.object({ id: Id, username: z.string(), displayName: z.string(), orgName: z.string() });
export const AuditExportFormat = z.object({ format: z.enum(['xlsx', 'csv']) });
export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** The first entry that does not verify, and why (edited, missing, not linked, cut off at the end). */
  seq: z.number().int().optional(),
  problem: z.string().optional(),
});
