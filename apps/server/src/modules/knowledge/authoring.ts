import { createHash } from 'node:crypto';
import path from 'node:path';
import { label } from '@weibao/schema/labels';
import type { KbArticleInput, KbArticleUpdate, KbCategoryInput, KbLinkInput } from '@weibao/schema';
import type { z } from 'zod';
import { nextCounter } from '../../db/counters.js';
import type { Tx } from '../../db/dialect.js';
import type { Actor, RequestMeta } from '../../lib/actor.js';
import { AppError, invalid, notFoundAs } from '../../lib/errors.js';
import { FileStore } from '../../lib/files.js';
import { newId } from '../../lib/ids.js';
import { reason } from '../../lib/messages/text.js';
import type { KnowledgeReading } from './reading.js';

/**
 * Writing the knowledge base: articles (each edit a new version), drafts from a resolved ticket's solution,
 * attachments, links to the tickets an article solved, and categories.
 */
export class KnowledgeAuthoring {
  constructor(private readonly r: KnowledgeReading) {}

  private async checkInput(
    tx: Tx,
    input: { categoryId?: string | null; projectId?: string | null; visibility?: string },
    actor: Actor,
  ) {
    if (input.categoryId && !(await this.r.repo.category(tx, input.categoryId)))
      throw invalid('categoryId', 'knowledge.unknownCategory');
    if (input.projectId)
      await this.r.d.projects
        .visibleProject(tx, actor, input.projectId)
        .catch(notFoundAs('projectId', 'common.unknownProject'));
    if (input.projectId && input.visibility === 'internal')
      throw invalid('projectId', 'knowledge.internalNotTiedToProject');
  }
  private async nextSeq(tx: Tx) {
    return nextCounter(tx, 'kb');
  }

  async create(meta: RequestMeta, input: z.infer<typeof KbArticleInput>, source?: { ticketId: string }, outer?: Tx) {
    const run = async (tx: Tx) => {
      await this.checkInput(tx, input, meta.actor);
      const now = this.r.d.now();
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
      await this.r.repo.insert(tx, row);
      await this.r.repo.insertVersion(tx, {
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
      await this.r.search.index(tx, seq, { title: row.title, body: row.body, tags });
      if (source)
        await this.r.repo.link(tx, {
          article_id: row.id,
          ticket_id: source.ticketId,
          kind: 'created_from',
          created_at: now,
          created_by: meta.actor.userId,
        });
      await this.r.d.audit.record(tx, meta, {
        action: 'kb.create',
        targetType: 'kb_article',
        targetId: row.id,
        summary: `新建知识文章 ${row.number} ${row.title}（${label('articleVisibility', row.visibility)}，${label('articleStatus', row.status)}）`,
        detail: { after: { ...row, body: undefined, bodyLength: row.body.length } },
      });
      return row.id;
    };
    const id = outer ? await run(outer) : await this.r.db.transaction().execute(run);
    return this.r.detail(meta.actor, id, outer);
  }

  /** Every edit is a new version; the old text stays readable. A save that changes nothing is no edit: no version, only the audit entry. */
  async update(meta: RequestMeta, id: string, input: z.infer<typeof KbArticleUpdate>) {
    return this.r.db.transaction().execute(async (tx) => {
      const before = await this.r.visible(tx, meta.actor, id);
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
        await this.r.d.audit.record(tx, meta, {
          action: 'kb.update',
          targetType: 'kb_article',
          targetId: id,
          summary: `保存知识文章 ${before.number}：无改动，仍为第 ${before.version} 版`,
        });
        return this.r.detail(meta.actor, id, tx);
      }
      const now = this.r.d.now();
      const version = before.version + 1;
      await this.r.repo.update(tx, id, { ...next, version, updated_at: now, updated_by: meta.actor.userId });
      await this.r.repo.insertVersion(tx, {
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
        await this.r.search.index(tx, Number(before.seq), {
          title: next.title,
          body: next.body,
          tags: JSON.parse(next.tags_json) as string[],
        });
      }
      await this.r.d.audit.record(tx, meta, {
        action: 'kb.update',
        targetType: 'kb_article',
        targetId: id,
        summary: `修订知识文章 ${before.number} 至第 ${version} 版${input.note ? `：${input.note}` : ''}${next.status !== before.status ? `（${label('articleStatus', before.status)} → ${label('articleStatus', next.status)}）` : ''}`,
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
      return this.r.detail(meta.actor, id, tx);
    });
  }

  async attach(meta: RequestMeta, id: string, file: { fileName: string; mime: string; data: Buffer }) {
    if (!file.data.length) throw invalid('file', 'knowledge.emptyFile');
    const now = this.r.d.now();
    const attId = newId(now);
    return new FileStore(this.r.d.dataDir).writing((put) =>
      this.r.db.transaction().execute(async (tx) => {
        const a = await this.r.visible(tx, meta.actor, id);
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
        await this.r.repo.insertAttachment(tx, row);
        await this.r.d.audit.record(tx, meta, {
          action: 'kb.attach',
          targetType: 'kb_article',
          targetId: id,
          summary: `知识文章 ${a.number} 上传附件 ${row.file_name}`,
          detail: { after: { ...row, path: undefined } },
        });
        return this.r.detail(meta.actor, id, tx);
      }),
    );
  }
  /** "Solved by" this article: staff link it from the ticket they are working. */
  async link(meta: RequestMeta, id: string, input: z.infer<typeof KbLinkInput>) {
    return this.r.db.transaction().execute(async (tx) => {
      const a = await this.r.visible(tx, meta.actor, id);
      const t = await this.r.d.tickets
        .visible(tx, meta.actor, input.ticketId)
        .catch(notFoundAs('ticketId', 'knowledge.unknownTicket'));
      await this.r.repo.link(tx, {
        article_id: id,
        ticket_id: t.id,
        kind: input.kind,
        created_at: this.r.d.now(),
        created_by: meta.actor.userId,
      });
      await this.r.d.audit.record(tx, meta, {
        action: 'kb.link',
        targetType: 'kb_article',
        targetId: id,
        summary: `工单 ${t.number} ${input.kind === 'solved_by' ? '由知识文章解决' : '生成知识文章'} ${a.number}`,
        detail: { ticketId: t.id, kind: input.kind },
      });
      return this.r.detail(meta.actor, id, tx);
    });
  }
  /** Turns a resolved ticket's solution into a draft article linked "created from" it. */
  async draftFromTicket(meta: RequestMeta, ticketId: string, visibility: 'internal' | 'customer' = 'internal') {
    return this.r.db.transaction().execute(async (tx) => {
      const t = await this.r.d.tickets.visible(tx, meta.actor, ticketId);
      if (!t.solution || !['resolved', 'closed'].includes(t.status))
        throw new AppError('ACTION_NOT_ALLOWED', { action: reason('knowledge.ticketWithoutSolution') }, 'ticketId');
      const cause =
        t.fault_cause === 'human' || t.fault_cause === 'non_human' ? label('faultCause', t.fault_cause) : '待补充';
      const body = `## 现象\n\n${t.description || t.title}\n\n## 原因\n\n${cause}\n\n## 解决方法\n\n${t.solution}\n\n> 来源：工单 ${t.number}\n`;
      return this.create(
        meta,
        { title: t.title, body, categoryId: null, tags: [], visibility, projectId: null, status: 'draft' },
        { ticketId: t.id },
        tx,
      );
    });
  }

  async createCategory(meta: RequestMeta, input: z.infer<typeof KbCategoryInput>) {
    return this.r.db.transaction().execute(async (tx) => {
      if (await this.r.repo.categoryByName(tx, input.name)) throw new AppError('DUPLICATE', { field: 'name' }, 'name');
      const all = await this.r.repo.categories(tx);
      const row = { id: newId(this.r.d.now()), name: input.name, position: all.length + 1, created_at: this.r.d.now() };
      await this.r.repo.insertCategory(tx, row);
      await this.r.d.audit.record(tx, meta, {
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
