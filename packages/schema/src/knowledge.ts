import { z } from 'zod';
import { KB_STATUSES, KB_VISIBILITIES } from './enum-values.js';
import { Id, Millis } from './api.js';
import { patchOf } from './patch.js';

// ---------- O&M knowledge base (运维知识库, R25) ----------
export const KbVisibility = z.enum(KB_VISIBILITIES);
export const KbStatus = z.enum(KB_STATUSES);
export const KbLinkKind = z.enum(['solved_by', 'created_from']);
export const KbCategoryInput = z.object({ name: z.string().trim().min(1).max(60) });
export const KbCategory = z.object({ id: Id, name: z.string(), position: z.number().int() });

export const KbArticleInput = z.object({
  title: z.string().trim().min(1).max(200),
  /** Markdown. */
  body: z.string().max(200_000).default(''),
  categoryId: Id.nullable().default(null),
  tags: z.array(z.string().trim().min(1).max(30)).max(20).default([]),
  visibility: KbVisibility.default('internal'),
  /** For customer-facing articles: one project's customer only; null = every customer. */
  projectId: Id.nullable().default(null),
  status: KbStatus.default('draft'),
});
export const KbArticleUpdate = patchOf(KbArticleInput).extend({
  /** What changed, kept with the version (修订说明). */
  note: z.string().trim().max(500).default(''),
});
export const KbArticleSummary = z.object({
  id: Id,
  number: z.string(),
  title: z.string(),
  categoryId: Id.nullable(),
  categoryName: z.string().nullable(),
  tags: z.array(z.string()),
  visibility: KbVisibility,
  projectId: Id.nullable(),
  status: KbStatus,
  version: z.number().int(),
  updatedAt: Millis,
  updatedByName: z.string().nullable(),
  /** The first lines of the body, as plain text. */
  excerpt: z.string(),
});
export const KbArticle = KbArticleSummary.extend({
  body: z.string(),
  createdAt: Millis,
  createdByName: z.string().nullable(),
  sourceTicketId: Id.nullable(),
  versions: z.array(
    z.object({ version: z.number().int(), note: z.string(), editedAt: Millis, editedByName: z.string().nullable() }),
  ),
  attachments: z.array(
    z.object({ id: Id, fileName: z.string(), mime: z.string(), size: z.number().int(), uploadedAt: Millis }),
  ),
  tickets: z.array(z.object({ ticketId: Id, number: z.string(), title: z.string(), kind: KbLinkKind })),
});
export const KbArticleVersion = z.object({
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  note: z.string(),
  editedAt: Millis,
  editedByName: z.string().nullable(),
});
export const KbListQuery = z.object({
  /** Full text, Chinese or English; ranked results, first page only. */
  q: z.string().trim().max(200).optional(),
  categoryId: Id.optional(),
  status: KbStatus.optional(),
  tag: z.string().trim().max(30).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export const KbArticlePage = z.object({ items: z.array(KbArticleSummary), nextCursor: z.string().nullable() });
export const KbSuggestQuery = z.object({ q: z.string().trim().max(200), projectId: Id.optional() });
export const KbLinkInput = z.object({ ticketId: Id, kind: KbLinkKind.default('solved_by') });
export const KbTicketArticles = z.array(KbArticleSummary.extend({ kind: KbLinkKind }));
/** Drafting an article from a resolved ticket: internal unless the author means it for customers. */
export const KbDraftRequest = z.object({ visibility: KbVisibility.default('internal') });
