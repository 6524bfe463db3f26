import type { Kysely } from 'kysely';
import type { Tx } from '../../db/dialect.js';
import type { DB } from '../../db/types.js';
import { notFound } from '../../http/errors.js';
import type { RequestMeta } from '../../http/actor.js';
import { newId } from '../../lib/ids.js';
import { NotificationRepository } from './repository.js';
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

  private readonly repo = new NotificationRepository();

  async notify(tx: Tx, userIds: (string | null | undefined)[], n: NotifyInput): Promise<number> {
    const ids = [...new Set(userIds.filter((x): x is string => !!x))];
    if (!ids.length) return 0;
    const now = this.now();
    let count = 0;
    for (const u of await this.repo.recipients(tx, ids)) {
      if (u.disabled) continue;
      const fresh = await this.repo.insert(tx, {
        id: newId(now), user_id: u.id, at: now, kind: n.kind, title: n.title, body: n.body, ticket_id: n.ticketId, source_key: n.sourceKey, read_at: null,
      });
      if (!fresh) continue;
      count++;
      if (u.email) {
        await this.repo.enqueueMail(tx, {
          id: newId(now), to_addr: u.email, subject: n.title, body: n.body, state: 'pending', attempts: 0, next_attempt_at: now,
          sent_at: null, error: null, source_key: `${n.sourceKey}:${u.id}`, created_at: now,
        });
      }
    }
    return count;
  }

  async list(userId: string) {
    const rows = await this.repo.listFor(this.db, userId);
    return rows.map((r) => ({ id: r.id, at: r.at, kind: r.kind, title: r.title, body: r.body, ticketId: r.ticket_id, readAt: r.read_at }));
  }

  /** Only the owner's own notification; anyone else's id is simply not found. Audited like every change. */
  async markRead(meta: RequestMeta, id: string) {
    await this.db.transaction().execute(async (tx) => {
      if (!(await this.repo.markRead(tx, meta.actor.userId, id, this.now()))) throw notFound('通知');
      await this.audit.record(tx, meta, { action: 'notification.read', targetType: 'notification', targetId: id, summary: '标记通知已读' });
    });
  }
}
