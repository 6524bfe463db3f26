import type { Dialect } from '../../db/database.js';
import { forUpdateSkipLocked, type Tx } from '../../db/dialect.js';
import type { MailOutboxTable, NotificationsTable } from '../../db/types.js';

/** Notifications and the mail outbox. Unique keys make repeated inserts from the same source no-ops. */
export class NotificationRepository {
  async recipients(db: Tx, ids: string[]) {
    return db.selectFrom('users').select(['id', 'email', 'disabled', 'locale']).where('id', 'in', ids).execute();
  }
  /**
   * Many notifications in one statement per 500 rows; returns the (user, source) pairs actually
   * written, so a repeat from the same source (already notified) sends no second e-mail.
   */
  async insertMany(db: Tx, rows: NotificationsTable[]): Promise<Set<string>> {
    const fresh = new Set<string>();
    for (let i = 0; i < rows.length; i += 500) {
      const written = await db.insertInto('notifications').values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['user_id', 'source_key']).doNothing()).returning(['user_id', 'source_key']).execute();
      for (const w of written) fresh.add(`${w.user_id}|${w.source_key}`);
    }
    return fresh;
  }
  async enqueueMailMany(db: Tx, rows: MailOutboxTable[]) {
    for (let i = 0; i < rows.length; i += 500) {
      await db.insertInto('mail_outbox').values(rows.slice(i, i + 500)).onConflict((oc) => oc.column('source_key').doNothing()).execute();
    }
  }
  async enqueueMail(db: Tx, row: MailOutboxTable) {
    await db.insertInto('mail_outbox').values(row).onConflict((oc) => oc.column('source_key').doNothing()).execute();
  }
  async listFor(db: Tx, userId: string) {
    return db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('at', 'desc').limit(100).execute();
  }
  async markRead(db: Tx, userId: string, id: string, at: number): Promise<boolean> {
    const r = await db.updateTable('notifications').set({ read_at: at }).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  // ---- mail outbox ----
  async claimDueMail(db: Tx, dialect: Dialect, now: number, limit: number) {
    return forUpdateSkipLocked(dialect, db.selectFrom('mail_outbox').selectAll()
      .where('state', '=', 'pending').where('next_attempt_at', '<=', now).orderBy('next_attempt_at').limit(limit)).execute();
  }
  async updateMail(db: Tx, id: string, patch: Partial<MailOutboxTable>) {
    await db.updateTable('mail_outbox').set(patch).where('id', '=', id).execute();
  }
  /** Rows stuck in 'sending' past their lease (a crashed node) go back to the queue. */
  async releaseStaleMail(db: Tx, now: number) {
    await db.updateTable('mail_outbox').set({ state: 'pending' }).where('state', '=', 'sending').where('next_attempt_at', '<', now).execute();
  }
}
