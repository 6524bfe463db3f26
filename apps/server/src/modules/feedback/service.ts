import { type FeedbackAnswer, type FeedbackInput, type FeedbackQuery, label } from '@weibao/schema';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import { type Actor, type RequestMeta, isCustomer } from '../../lib/actor.js';
import { AppError, notFound, notFoundAs } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { reason } from '../../lib/messages/text.js';
import { decodeAtId, keysetPage } from '../../lib/keyset.js';
import type { AuditService } from '../audit/service.js';
import type { NotificationService } from '../notifications/service.js';
import type { ProjectService } from '../projects/service.js';
import { FeedbackRepository } from './repository.js';
import { feedbackAnswerText, feedbackText } from './texts.js';

export interface FeedbackDeps {
  database: Database;
  audit: AuditService;
  projects: ProjectService;
  notifications: NotificationService;
  now: () => number;
}

type Row = NonNullable<Awaited<ReturnType<FeedbackRepository['byId']>>>;

/** 意见反馈 (R21): customers' opinions and suggestions; the provider answers and closes; the customer sees the answer. */
export class FeedbackService {
  private readonly repo = new FeedbackRepository();
  constructor(private readonly d: FeedbackDeps) {}
  private get db() {
    return this.d.database.db;
  }

  private present(r: Row) {
    return {
      id: r.id,
      projectId: r.project_id,
      projectName: r.project_name,
      customerId: r.customer_id,
      authorId: r.author_id,
      authorName: r.author_name,
      category: r.category as 'opinion',
      title: r.title,
      body: r.body,
      status: r.status as 'open',
      answer: r.answer,
      answeredByName: r.answered_by_name,
      answeredAt: r.answered_at,
      closedAt: r.closed_at,
      closedByName: r.closed_by_name,
      createdAt: r.created_at,
    };
  }
  private async visible(db: Tx, actor: Actor, id: string) {
    const r = await this.repo.byId(db, id);
    if (!r || (isCustomer(actor) && r.customer_id !== actor.orgId)) throw notFound('意见反馈');
    return r;
  }
  async get(actor: Actor, id: string) {
    return this.present(await this.visible(this.db, actor, id));
  }

  async page(actor: Actor, q: z.infer<typeof FeedbackQuery>) {
    const after = decodeAtId(q.cursor);
    if (q.projectId) await this.d.projects.visibleProject(this.db, actor, q.projectId);
    const rows = await this.repo.page(
      this.db,
      { customerId: isCustomer(actor) ? actor.orgId : undefined, projectId: q.projectId, status: q.status },
      after,
      q.limit,
    );
    const { items, nextCursor } = keysetPage(rows, q.limit, (r) => [r.created_at, r.id]);
    return { items: items.map((r) => this.present(r)), nextCursor };
  }

  async submit(meta: RequestMeta, input: z.infer<typeof FeedbackInput>) {
    return this.db.transaction().execute(async (tx) => {
      const project = await this.d.projects
        .visibleProject(tx, meta.actor, input.projectId)
        .catch(notFoundAs('projectId', 'common.unknownProject'));
      const now = this.d.now();
      const row = {
        id: newId(now),
        project_id: project.id,
        customer_id: project.customer_id,
        author_id: meta.actor.userId,
        category: input.category,
        title: input.title,
        body: input.body,
        status: 'open',
        answer: null,
        answered_by: null,
        answered_at: null,
        closed_at: null,
        closed_by: null,
        created_at: now,
        updated_at: now,
      };
      await this.repo.insert(tx, row);
      await this.d.audit.record(tx, meta, {
        action: 'feedback.submit',
        targetType: 'feedback',
        targetId: row.id,
        summary: `${project.name} 提交${label('feedbackCategory', row.category)}：${row.title}`,
        detail: { after: row },
      });
      await this.d.notifications.notify(tx, [project.service_manager_id], {
        kind: 'feedback',
        text: (locale) => feedbackText(locale, row, meta.actor.displayName, project.name),
        ticketId: null,
        sourceKey: `feedback:${row.id}`,
      });
      return this.present((await this.repo.byId(tx, row.id))!);
    });
  }

  /** The provider's answer; answering again replaces it (the audit log keeps every version). */
  async answer(meta: RequestMeta, id: string, input: z.infer<typeof FeedbackAnswer>) {
    return this.db.transaction().execute(async (tx) => {
      const before = await this.visible(tx, meta.actor, id);
      if (before.status === 'closed')
        throw new AppError('ACTION_NOT_ALLOWED', { action: reason('feedback.answerClosed') }, 'answer');
      const now = this.d.now();
      await this.repo.update(tx, id, {
        answer: input.answer,
        answered_by: meta.actor.userId,
        answered_at: now,
        status: 'answered',
        updated_at: now,
      });
      await this.d.audit.record(tx, meta, {
        action: 'feedback.answer',
        targetType: 'feedback',
        targetId: id,
        summary: `答复${label('feedbackCategory', before.category)}：${before.title}`,
        detail: { before: { answer: before.answer, status: before.status }, after: { answer: input.answer } },
      });
      await this.d.notifications.notify(tx, [before.author_id], {
        kind: 'feedback_answer',
        text: (locale) => feedbackAnswerText(locale, before, input.answer),
        ticketId: null,
        sourceKey: `feedback-answer:${id}:${now}`,
      });
      return this.present((await this.repo.byId(tx, id))!);
    });
  }

  /** The provider closes once answered; the author may close their own at any time (e.g. withdrawn). */
  async close(meta: RequestMeta, id: string) {
    return this.db.transaction().execute(async (tx) => {
      const before = await this.visible(tx, meta.actor, id);
      if (isCustomer(meta.actor) && before.author_id !== meta.actor.userId) throw new AppError('FORBIDDEN');
      if (before.status === 'closed')
        throw new AppError('ACTION_NOT_ALLOWED', { action: reason('feedback.closeClosed') }, 'status');
      if (!isCustomer(meta.actor) && before.status !== 'answered')
        throw new AppError('ACTION_NOT_ALLOWED', { action: reason('feedback.closeUnanswered') }, 'answer');
      const now = this.d.now();
      await this.repo.update(tx, id, {
        status: 'closed',
        closed_at: now,
        closed_by: meta.actor.userId,
        updated_at: now,
      });
      await this.d.audit.record(tx, meta, {
        action: 'feedback.close',
        targetType: 'feedback',
        targetId: id,
        summary: `关闭${label('feedbackCategory', before.category)}：${before.title}`,
        detail: { before: { status: before.status } },
      });
      return this.present((await this.repo.byId(tx, id))!);
    });
  }
}
