import type { Tx } from '../../db/dialect.js';

/** The demo history's housekeeping: what the users would long since have done with old messages. */
export class SeedRepository {
  /** Notifications raised before `before` count as read at `readAt` (nobody opens the demo to 99+ unread). */
  async markNotificationsRead(db: Tx, before: number, readAt: number): Promise<number> {
    const r = await db
      .updateTable('notifications')
      .set({ read_at: readAt })
      .where('read_at', 'is', null)
      .where('at', '<', before)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /**
   * Mails queued before `before` are not delivered months late on the demo's first start. `error` is the operators'
   * diagnostic, in English like the mailer's own ("SMTP not configured").
   */
  async skipOldMail(db: Tx, before: number): Promise<number> {
    const r = await db
      .updateTable('mail_outbox')
      .set({ state: 'skipped', error: 'demo history, not sent' })
      .where('state', '=', 'pending')
      .where('created_at', '<', before)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
}
