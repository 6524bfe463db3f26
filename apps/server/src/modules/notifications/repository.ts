import type { Dialect } from '../../db/database.js';
import { forUpdateSkipLocked, olderThan, type Tx } from '../../db/dialect.js';
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
      const written = await db
        .insertInto('notifications')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['user_id', 'source_key']).doNothing())
        .returning(['user_id', 'source_key'])
        .execute();
      for (const w of written) fresh.add(`${w.user_id}|${w.source_key}`);
    }
    return fresh;
  }
  async enqueueMailMany(db: Tx, rows: MailOutboxTable[]) {
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insertInto('mail_outbox')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.column('source_key').doNothing())
        .execute();
    }
  }
  async enqueueMail(db: Tx, row: MailOutboxTable) {
    await db
      .insertInto('mail_outbox')
      .values(row)
      .onConflict((oc) => oc.column('source_key').doNothing())
      .execute();
  }
  async listFor(db: Tx, userId: string) {
    return db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('at', 'desc')
      .limit(100)
      .execute();
  }
  /** The centre's page: newest first by (at, id) on the (user_id, at) index, with the ticket's number. */
  async page(
    db: Tx,
    userId: string,
    f: { unread: boolean; kind?: string; ticketId?: string },
    after: { at: number; id: string } | null,
    limit: number,
  ) {
    let q = db
      .selectFrom('notifications')
      .leftJoin('tickets', 'tickets.id', 'notifications.ticket_id')
      .select([
        'notifications.id',
        'notifications.at',
        'notifications.kind',
        'notifications.title',
        'notifications.body',
        'notifications.ticket_id',
        'notifications.read_at',
        'tickets.number as ticket_number',
      ])
      .where('notifications.user_id', '=', userId);
    if (f.unread) q = q.where('notifications.read_at', 'is', null);
    if (f.kind) q = q.where('notifications.kind', '=', f.kind);
    if (f.ticketId) q = q.where('notifications.ticket_id', '=', f.ticketId);
    if (after) q = q.where(olderThan('notifications.at', 'notifications.id', after));
    return q
      .orderBy('notifications.at', 'desc')
      .orderBy('notifications.id', 'desc')
      .limit(limit + 1)
      .execute();
  }
  async unreadCount(db: Tx, userId: string): Promise<number> {
    const r = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
  async kinds(db: Tx, userId: string): Promise<string[]> {
    const rows = await db.selectFrom('notifications').select('kind').distinct().where('user_id', '=', userId).execute();
    return rows.map((r) => r.kind).sort(); // in JS: PostgreSQL's collation would order "." and "_" differently
  }
  /** One set-based UPDATE: every unread notification of the user (optionally one kind / one ticket). */
  async markAllRead(db: Tx, userId: string, f: { kind?: string; ticketId?: string }, at: number): Promise<number> {
    let q = db
      .updateTable('notifications')
      .set({ read_at: at })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null);
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.ticketId) q = q.where('ticket_id', '=', f.ticketId);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
  /** Demo data: notifications raised before `before` count as read (stamped when they were raised). */
  async markOlderRead(db: Tx, before: number): Promise<number> {
    const r = await db
      .updateTable('notifications')
      .set((eb) => ({ read_at: eb.ref('at') }))
      .where('read_at', 'is', null)
      .where('at', '<', before)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
  async markRead(db: Tx, userId: string, id: string, at: number): Promise<boolean> {
    const r = await db
      .updateTable('notifications')
      .set({ read_at: at })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  // ---- mail outbox ----
  async claimDueMail(db: Tx, dialect: Dialect, now: number, limit: number) {
    return forUpdateSkipLocked(
      dialect,
      db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('state', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .limit(limit),
    ).execute();
  }
  async updateMail(db: Tx, id: string, patch: Partial<MailOutboxTable>) {
    await db.updateTable('mail_outbox').set(patch).where('id', '=', id).execute();
  }
  /** Rows stuck in 'sending' past their lease (a crashed node) go back to the queue. */
  async releaseStaleMail(db: Tx, now: number) {
    await db
      .updateTable('mail_outbox')
      .set({ state: 'pending' })
      .where('state', '=', 'sending')
      .where('next_attempt_at', '<', now)
      .execute();
  }
}
