import { olderThan, type Tx } from '../../db/dialect.js';
import type { FeedbackTable } from '../../db/types.js';

/** SQL for feedback. */
export class FeedbackRepository {
  base(db: Tx) {
    return db
      .selectFrom('feedback')
      .innerJoin('projects', 'projects.id', 'feedback.project_id')
      .innerJoin('users as author', 'author.id', 'feedback.author_id')
      .leftJoin('users as answerer', 'answerer.id', 'feedback.answered_by')
      .leftJoin('users as closer', 'closer.id', 'feedback.closed_by')
      .selectAll('feedback')
      .select([
        'projects.name as project_name',
        'projects.service_manager_id',
        'author.display_name as author_name',
        'answerer.display_name as answered_by_name',
        'closer.display_name as closed_by_name',
      ]);
  }
  async byId(db: Tx, id: string) {
    return this.base(db).where('feedback.id', '=', id).executeTakeFirst();
  }
  async insert(db: Tx, row: FeedbackTable) {
    await db.insertInto('feedback').values(row).execute();
  }
  async update(db: Tx, id: string, patch: Partial<FeedbackTable>) {
    await db.updateTable('feedback').set(patch).where('id', '=', id).execute();
  }
  /** Newest first, keyset on (created_at, id) over feedback_customer / feedback_created. */
  async page(
    db: Tx,
    f: { customerId?: string; projectId?: string; status?: string },
    after: { at: number; id: string } | null,
    limit: number,
  ) {
    let q = this.base(db);
    if (f.customerId) q = q.where('feedback.customer_id', '=', f.customerId);
    if (f.projectId) q = q.where('feedback.project_id', '=', f.projectId);
    if (f.status) q = q.where('feedback.status', '=', f.status);
    if (after) q = q.where(olderThan('feedback.created_at', 'feedback.id', after));
    return q
      .orderBy('feedback.created_at', 'desc')
      .orderBy('feedback.id', 'desc')
      .limit(limit + 1)
      .execute();
  }
}
