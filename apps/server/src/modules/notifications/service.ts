import type { Kysely } from 'kysely';
import type { Tx } from '../../db/dialect.js';
import type { DB } from '../../db/types.js';
import { notFound } from '../../http/errors.js';
import type { RequestMeta } from '../../http/actor.js';
import { newId } from '../../lib/ids.js';
import type { AuditService } from '../audit/service.js';

export interface NotifyInput {
  kind: string;
  title: string;
  body: string;
  ticketId: string | null;
  /** Makes the notification idempotent per user: the same source never notifies a user twice. */
  sourceKey: string;
}

/** In-app notifications (站内信) plus an e-mail outbox row for every recipient with an address. */
export class NotificationService {
  constructor(private readonly db: Kysely<DB>, private readonly now: () => number, private readonly audit: AuditService) {}

  async notify(tx: Tx, userIds: (string | null | undefined)[], n: NotifyInput): Promise<number> {
    const ids = [...new Set(userIds.filter((x): x is string => !!x))];
    if (!ids.length) return 0;
    const now = this.now();
    const users = await tx.selectFrom('users').select(['id', 'email', 'disabled']).where('id', 'in', ids).execute();
    let count = 0;
    for (const u of users) {
      if (u.disabled) continue;
      const r = await tx.insertInto('notifications').values({
        id: newId(now), user_id: u.id, at: now, kind: n.kind, title: n.title, body: n.body, ticket_id: n.ticketId, source_key: n.sourceKey, read_at: null,
      }).onConflict((oc) => oc.columns(['user_id', 'source_key']).doNothing()).executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) continue;
      count++;
      if (u.email) {
        await tx.insertInto('mail_outbox').values({
          id: newId(now), to_addr: u.email, subject: n.title, body: n.body, state: 'pending', attempts: 0, next_attempt_at: now,
          sent_at: null, error: null, source_key: `${n.sourceKey}:${u.id}`, created_at: now,
        }).onConflict((oc) => oc.column('source_key').doNothing()).execute();
      }
    }
    return count;
  }

  async list(userId: string) {
    const rows = await this.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('at', 'desc').limit(100).execute();
    return rows.map((r) => ({ id: r.id, at: r.at, kind: r.kind, title: r.title, body: r.body, ticketId: r.ticket_id, readAt: r.read_at }));
  }

  /** Only the owner's own notification; anyone else's id is simply not found. Audited like every change. */
  async markRead(meta: RequestMeta, id: string) {
    await this.db.transaction().execute(async (tx) => {
      const r = await tx.updateTable('notifications').set({ read_at: this.now() }).where('id', '=', id).where('user_id', '=', meta.actor.userId).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw notFound('通知');
      await this.audit.record(tx, meta, { action: 'notification.read', targetType: 'notification', targetId: id, summary: '标记通知已读' });
    });
  }
}
