import { createHash } from 'node:crypto';
import path from 'node:path';
import type {
  KbArticleInput,
  KbArticleUpdate,
  KbCategoryInput,
  KbLinkInput,
  KbListQuery,
  KbSuggestQuery,
} from '@weibao/schema';
import type { z } from 'zod';
import { nextCounter } from '../../db/counters.js';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import { KbSearch } from '../../db/search/kb.js';
import { type Actor, type RequestMeta, isCustomer } from '../../lib/actor.js';
import { AppError, invalid, notFound, notFoundAs } from '../../lib/errors.js';
import { FileStore } from '../../lib/files.js';
import { newId } from '../../lib/ids.js';
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
const VIS_ZH: Record<string, string> = { internal: '内部', customer: '对客户公开' };
const STATUS_ZH: Record<string, string> = { draft: '草稿', published: '已发布', archived: '已归档' };

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
 * 运维知识库 (R25): Markdown articles with categories, tags, attachments and versions; internal or
 * customer-facing; linked to tickets; searched in Chinese and English through db/search/kb.ts.
 */
export class KnowledgeService {
  readonly repo = new KnowledgeRepository();
  readonly search: KbSearch;
  constructor(private readonly d: KnowledgeDeps) {
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
  private async visible(db: Tx, actor: Actor, id: string) {
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

  private async checkInput(
    tx: Tx,
    input: { categoryId?: string | null; projectId?: string | null; visibility?: string },
    actor: Actor,
  ) {
    if (input.categoryId && !(await this.repo.category(tx, input.categoryId)))
      throw invalid('categoryId', '分类不存在 / unknown category');
    if (input.projectId)
      await this.d.projects
        .visibleProject(tx, actor, input.projectId)
        .catch(notFoundAs('projectId', '项目不存在 / unknown project'));
    if (input.projectId && input.visibility === 'internal')
      throw invalid('projectId', '内部文章不限定项目 / internal articles are not tied to a project');
  }
  private async nextSeq(tx: Tx) {
    return nextCounter(tx, 'kb');
  }

  async create(meta: RequestMeta, input: z.infer<typeof KbArticleInput>, source?: { ticketId: string }, outer?: Tx) {
    const run = async (tx: Tx) => {
      await this.checkInput(tx, input, meta.actor);
      const now = this.d.now();
      const seq = await this.nextSeq(tx);
      const tags = [...new Set(input.tags)];
      const row = {
        id: newId(now),
        seq,
        number: `KB-${String(seq).padStart(6, '0')}`,
        title: input.title,
        body: input.body,
        category_id: input.categoryId,
        tags_json: JSON.stringify(tags),
        visibility: input.visibility,
        project_id: input.visibility === 'customer' ? input.projectId : null,
        status: input.status,
        version: 1,
        source_ticket_id: source?.ticketId ?? null,
        created_at: now,
        created_by: meta.actor.userId,
        updated_at: now,
        updated_by: meta.actor.userId,
      };
      await this.repo.insert(tx, row);
      await this.repo.insertVersion(tx, {
        article_id: row.id,
        version: 1,
        title: row.title,
        body: row.body,
        meta_json: JSON.stringify({
          categoryId: row.category_id,
          tags,
          visibility: row.visibility,
          projectId: row.project_id,
          status: row.status,
        }),
        note: source ? '由工单生成' : '新建',
        edited_at: now,
        edited_by: meta.actor.userId,
      });
      await this.search.index(tx, seq, { title: row.title, body: row.body, tags });
      if (source)
        await this.repo.link(tx, {
          article_id: row.id,
          ticket_id: source.ticketId,
          kind: 'created_from',
          created_at: now,
          created_by: meta.actor.userId,
        });
      await this.d.audit.record(tx, meta, {
        action: 'kb.create',
        targetType: 'kb_article',
        targetId: row.id,
        summary: `新建知识文章 ${row.number} ${row.title}（${VIS_ZH[row.visibility]}，${STATUS_ZH[row.status]}）`,
        detail: { after: { ...row, body: undefined, bodyLength: row.body.length } },
      });
      return row.id;
    };
    const id = outer ? await run(outer) : await this.db.transaction().execute(run);
    return this.detail(meta.actor, id, outer);
  }

  /** Every edit is a new version; the old text stays readable. A save that changes nothing is no edit: no version, only the audit entry. */
  async update(meta: RequestMeta, id: string, input: z.infer<typeof KbArticleUpdate>) {
    return this.db.transaction().execute(async (tx) => {
      const before = await this.visible(tx, meta.actor, id);
      const next = {
        title: input.title ?? before.title,
        body: input.body ?? before.body,
        category_id: input.categoryId !== undefined ? input.categoryId : before.category_id,
        tags_json: input.tags ? JSON.stringify([...new Set(input.tags)]) : before.tags_json,
        visibility: input.visibility ?? before.visibility,
        project_id: input.projectId !== undefined ? input.projectId : before.project_id,
        status: input.status ?? before.status,
      };
      if (next.visibility === 'internal') next.project_id = null;
      await this.checkInput(
        tx,
        { categoryId: next.category_id, projectId: input.projectId, visibility: next.visibility },
        meta.actor,
      );
      if ((Object.keys(next) as (keyof typeof next)[]).every((k) => next[k] === before[k])) {
        await this.d.audit.record(tx, meta, {
          action: 'kb.update',
          targetType: 'kb_article',
          targetId: id,
          summary: `保存知识文章 ${before.number}：无改动，仍为第 ${before.version} 版`,
        });
        return this.detail(meta.actor, id, tx);
      }
      const now = this.d.now();
      const version = before.version + 1;
      await this.repo.update(tx, id, { ...next, version, updated_at: now, updated_by: meta.actor.userId });
      await this.repo.insertVersion(tx, {
        article_id: id,
        version,
        title: next.title,
        body: next.body,
        meta_json: JSON.stringify({
          categoryId: next.category_id,
          tags: JSON.parse(next.tags_json),
          visibility: next.visibility,
          projectId: next.project_id,
          status: next.status,
        }),
        note: input.note,
        edited_at: now,
        edited_by: meta.actor.userId,
      });
      if (next.title !== before.title || next.body !== before.body || next.tags_json !== before.tags_json) {
        await this.search.index(tx, Number(before.seq), {
          title: next.title,
          body: next.body,
          tags: JSON.parse(next.tags_json) as string[],
        });
      }
      await this.d.audit.record(tx, meta, {
        action: 'kb.update',
        targetType: 'kb_article',
        targetId: id,
        summary: `修订知识文章 ${before.number} 至第 ${version} 版${input.note ? `：${input.note}` : ''}${next.status !== before.status ? `（${STATUS_ZH[before.status]} → ${STATUS_ZH[next.status]}）` : ''}`,
        detail: {
          before: {
            title: before.title,
            status: before.status,
            visibility: before.visibility,
            version: before.version,
          },
          after: { title: next.title, status: next.status, visibility: next.visibility, version },
        },
      });
      return this.detail(meta.actor, id, tx);
    });
  }

  async attach(meta: RequestMeta, id: string, file: { fileName: string; mime: string; data: Buffer }) {
    if (!file.data.length) throw invalid('file', '文件为空 / the file is empty');
    const now = this.d.now();
    const attId = newId(now);
    return new FileStore(this.d.dataDir).writing((put) =>
      this.db.transaction().execute(async (tx) => {
        const a = await this.visible(tx, meta.actor, id);
        const rel = put('kb', file.data, now);
        const row = {
          id: attId,
          article_id: id,
          file_name: path.basename(file.fileName.replace(/\\/g, '/')).slice(0, 200) || 'file',
          mime: file.mime || 'application/octet-stream',
          size: file.data.length,
          sha256: createHash('sha256').update(file.data).digest('hex'),
          path: rel,
          uploaded_at: now,
          uploaded_by: meta.actor.userId,
        };
        await this.repo.insertAttachment(tx, row);
        await this.d.audit.record(tx, meta, {
          action: 'kb.attach',
          targetType: 'kb_article',
          targetId: id,
          summary: `知识文章 ${a.number} 上传附件 ${row.file_name}`,
          detail: { after: { ...row, path: undefined } },
        });
        return this.detail(meta.actor, id, tx);
      }),
    );
  }
  async attachmentFile(actor: Actor, attachmentId: string) {
    const a = await this.repo.attachment(this.db, attachmentId);
    if (!a) throw notFound('附件');
    await this.visible(this.db, actor, a.article_id).catch((e: unknown) => {
      throw e instanceof AppError && e.code === 'NOT_FOUND' ? notFound('附件') : e;
    });
    return { file: new FileStore(this.d.dataDir).resolve(a.path), mime: a.mime, fileName: a.file_name };
  }

  /** "Solved by" this article: staff link it from the ticket they are working. */
  async link(meta: RequestMeta, id: string, input: z.infer<typeof KbLinkInput>) {
    return this.db.transaction().execute(async (tx) => {
      const a = await this.visible(tx, meta.actor, id);
      const t = await this.d.tickets
        .visible(tx, meta.actor, input.ticketId)
        .catch(notFoundAs('ticketId', '工单不存在 / unknown ticket'));
      await this.repo.link(tx, {
        article_id: id,
        ticket_id: t.id,
        kind: input.kind,
        created_at: this.d.now(),
        created_by: meta.actor.userId,
      });
      await this.d.audit.record(tx, meta, {
        action: 'kb.link',
        targetType: 'kb_article',
        targetId: id,
        summary: `工单 ${t.number} ${input.kind === 'solved_by' ? '由知识文章解决' : '生成知识文章'} ${a.number}`,
        detail: { ticketId: t.id, kind: input.kind },
      });
      return this.detail(meta.actor, id, tx);
    });
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
  /** Turns a resolved ticket's solution into a draft article linked "created from" it. */
  async draftFromTicket(meta: RequestMeta, ticketId: string, visibility: 'internal' | 'customer' = 'internal') {
    return this.db.transaction().execute(async (tx) => {
      const t = await this.d.tickets.visible(tx, meta.actor, ticketId);
      if (!t.solution || !['resolved', 'closed'].includes(t.status))
        throw new AppError('ACTION_NOT_ALLOWED', { action: '未解决的工单 / a ticket without a solution' }, 'ticketId');
      const body = `## 现象\n\n${t.description || t.title}\n\n## 原因\n\n${t.fault_cause === 'human' ? '人为原因' : t.fault_cause === 'non_human' ? '非人为原因' : '待补充'}\n\n## 解决方法\n\n${t.solution}\n\n> 来源：工单 ${t.number}\n`;
      return this.create(
        meta,
        { title: t.title, body, categoryId: null, tags: [], visibility, projectId: null, status: 'draft' },
        { ticketId: t.id },
        tx,
      );
    });
  }

  async categories() {
    return (await this.repo.categories(this.db)).map((c) => ({ id: c.id, name: c.name, position: c.position }));
  }
  async createCategory(meta: RequestMeta, input: z.infer<typeof KbCategoryInput>) {
    return this.db.transaction().execute(async (tx) => {
      if (await this.repo.categoryByName(tx, input.name)) throw new AppError('DUPLICATE', { field: 'name' }, 'name');
      const all = await this.repo.categories(tx);
      const row = { id: newId(this.d.now()), name: input.name, position: all.length + 1, created_at: this.d.now() };
      await this.repo.insertCategory(tx, row);
      await this.d.audit.record(tx, meta, {
        action: 'kb.category',
        targetType: 'kb_category',
        targetId: row.id,
        summary: `新建知识分类 ${row.name}`,
        detail: { after: row },
      });
      return { id: row.id, name: row.name, position: row.position };
    });
  }
}
