import type { KbListQuery, KbSuggestQuery } from '@weibao/schema';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import { KbSearch } from '../../db/search/kb.js';
import { type Actor, isCustomer } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { FileStore } from '../../lib/files.js';
import { decodeAtId, keysetPage } from '../../lib/keyset.js';
import type { AuditService } from '../audit/service.js';
import type { ProjectService } from '../projects/service.js';
import type { TicketService } from '../tickets/service.js';
import { KnowledgeRepository } from './repository.js';

export interface KnowledgeDeps {
  database: Database;
  audit: AuditService;
  projects: ProjectService;
  tickets: TicketService;
  now: () => number;
  dataDir: string;
}
type Row = NonNullable<Awaited<ReturnType<KnowledgeRepository['byId']>>>;

/** Markdown to a one-paragraph plain-text excerpt for lists and suggestions. */
export const excerptOf = (md: string, max = 160) =>
  md
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`|~-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);

/**
 * Reading the knowledge base: what a reader may see, articles with their versions, attachments and tickets,
 * full-text search (Chinese and English, db/search/kb.ts) and suggestions while a ticket is being reported.
 */
export class KnowledgeReading {
  readonly repo = new KnowledgeRepository();
  readonly search: KbSearch;
  constructor(readonly d: KnowledgeDeps) {
    this.search = new KbSearch(d.database.dialect);
  }
  get db() {
    return this.d.database.db;
  }

  summary(r: Row) {
    return {
      id: r.id,
      number: r.number,
      title: r.title,
      categoryId: r.category_id,
      categoryName: r.category_name,
      tags: JSON.parse(r.tags_json) as string[],
      visibility: r.visibility as 'internal',
      projectId: r.project_id,
      status: r.status as 'draft',
      version: r.version,
      updatedAt: r.updated_at,
      updatedByName: r.updated_by_name,
      excerpt: excerptOf(r.body),
    };
  }
  /** What a reader may see: staff everything; customers published customer-facing articles for all customers or their projects. */
  private async scope(db: Tx, actor: Actor, status?: string) {
    if (!isCustomer(actor))
      return { statuses: status ? [status] : ['draft', 'published'], customerProjects: undefined };
    return { statuses: ['published'], customerProjects: await this.repo.customerProjects(db, actor.orgId) };
  }
  private readable(r: Row | undefined, actor: Actor, projects: string[] | undefined): r is Row {
    if (!r) return false;
    if (!projects) return true;
    return (
      r.status === 'published' &&
      r.visibility === 'customer' &&
      (r.project_id === null || projects.includes(r.project_id))
    );
  }
  async visible(db: Tx, actor: Actor, id: string) {
    const r = await this.repo.byId(db, id);
    const { customerProjects } = await this.scope(db, actor);
    if (!this.readable(r, actor, customerProjects)) throw notFound('知识文章');
    return r;
  }

  async detail(actor: Actor, id: string, db: Tx = this.db) {
    const r = await this.visible(db, actor, id);
    const [versions, attachments, links] = await Promise.all([
      this.repo.versions(db, id),
      this.repo.attachments(db, id),
      this.repo.links(db, id),
    ]);
    return {
      ...this.summary(r),
      body: r.body,
      createdAt: r.created_at,
      createdByName: r.created_by_name,
      sourceTicketId: isCustomer(actor) ? null : r.source_ticket_id,
      versions: versions.map((v) => ({
        version: v.version,
        note: v.note,
        editedAt: v.edited_at,
        editedByName: v.edited_by_name,
      })),
      attachments: attachments.map((a) => ({
        id: a.id,
        fileName: a.file_name,
        mime: a.mime,
        size: a.size,
        uploadedAt: a.uploaded_at,
      })),
      // Customers see links to their own tickets only.
      tickets: links
        .filter((l) => !isCustomer(actor) || l.customer_id === actor.orgId)
        .map((l) => ({ ticketId: l.ticket_id, number: l.number, title: l.title, kind: l.kind as 'solved_by' })),
    };
  }
  async version(actor: Actor, id: string, version: number) {
    await this.visible(this.db, actor, id);
    const v = (await this.repo.versions(this.db, id)).find((x) => x.version === version);
    if (!v) throw notFound('知识文章');
    return {
      version: v.version,
      title: v.title,
      body: v.body,
      note: v.note,
      editedAt: v.edited_at,
      editedByName: v.edited_by_name,
    };
  }

  async list(actor: Actor, q: z.infer<typeof KbListQuery>) {
    const scope = await this.scope(this.db, actor, q.status);
    if (q.q) {
      const ids = await this.find(this.db, q.q, { ...scope, categoryId: q.categoryId }, q.limit);
      return { items: ids.map((r) => this.summary(r)), nextCursor: null };
    }
    const after = decodeAtId(q.cursor);
    const rows = await this.repo.page(this.db, { ...scope, categoryId: q.categoryId, tag: q.tag }, after, q.limit);
    const { items, nextCursor } = keysetPage(rows, q.limit, (r) => [r.updated_at, r.id]);
    return { items: items.map((r) => this.summary(r)), nextCursor };
  }
  /** Ranked full-text hits; a one-character query falls back to titles containing it. */
  private async find(
    db: Tx,
    text: string,
    f: { statuses: string[]; customerProjects?: string[]; categoryId?: string },
    limit: number,
    mode: 'all' | 'any' = 'all',
  ) {
    const ids = await this.search.match(db, text, f, limit, mode);
    if (!ids.length && [...text.trim()].length === 1) {
      const rows = await this.repo.titleContains(db, text.trim(), f.statuses, limit * 4);
      return rows
        .filter(
          (r) => this.readable(r, {} as Actor, f.customerProjects) && (!f.categoryId || r.category_id === f.categoryId),
        )
        .slice(0, limit);
    }
    const byId = new Map((await this.repo.byIds(db, ids)).map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)!).filter(Boolean);
  }
  /** For the ticket form: published articles matching the title being typed. */
  async suggest(actor: Actor, q: z.infer<typeof KbSuggestQuery>) {
    if ([...q.q].length < 2) return [];
    const scope = await this.scope(this.db, actor, 'published');
    return (await this.find(this.db, q.q, scope, 5, 'any')).map((r) => this.summary(r));
  }

  async attachmentFile(actor: Actor, attachmentId: string) {
    const a = await this.repo.attachment(this.db, attachmentId);
    if (!a) throw notFound('附件');
    await this.visible(this.db, actor, a.article_id).catch((e: unknown) => {
      throw e instanceof AppError && e.code === 'NOT_FOUND' ? notFound('附件') : e;
    });
    return { file: new FileStore(this.d.dataDir).resolve(a.path), mime: a.mime, fileName: a.file_name };
  }

  async forTicket(actor: Actor, ticketId: string) {
    await this.d.tickets.visible(this.db, actor, ticketId);
    const links = await this.repo.ticketLinks(this.db, ticketId);
    const { customerProjects } = await this.scope(this.db, actor);
    const rows = new Map(
      (
        await this.repo.byIds(
          this.db,
          links.map((l) => l.article_id),
        )
      ).map((r) => [r.id, r]),
    );
    return links
      .filter((l) => this.readable(rows.get(l.article_id), actor, customerProjects))
      .map((l) => ({ ...this.summary(rows.get(l.article_id)!), kind: l.kind as 'solved_by' }));
  }
  async categories() {
    return (await this.repo.categories(this.db)).map((c) => ({ id: c.id, name: c.name, position: c.position }));
  }
}
