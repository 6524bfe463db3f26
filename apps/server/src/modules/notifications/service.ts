import type { Kysely } from 'kysely';
import type { Tx } from '../../db/dialect.js';
import type { DB, NotificationsTable } from '../../db/types.js';
import type { Locale } from '../../http/messages.js';
import { notFound } from '../../lib/errors.js';
import type { NotificationQuery, NotificationReadAll } from '@weibao/schema';
import { groupByTicketAndKind } from './grouping.js';
import type { RequestMeta } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';
import { decodeAtId, keysetPage } from '../../lib/keyset.js';
import { NotificationRepository } from './repository.js';
import type { AuditService } from '../audit/service.js';

/** One message to several users, rendered per reader's language (`text` is called once per language). */
export interface NotifyManyItem {
  userIds: (string | null | undefined)[];
  kind: string;
  ticketId: string | null;
  /** Makes the notification idempotent per user: the same source never notifies a user twice. */
  sourceKey: string;
  text: (locale: Locale) => { title: string; body: string };
}

/** One message: its text is a function of the reader's language, never one language's string. */
export type NotifyInput = Omit<NotifyManyItem, 'userIds'>;

/** In-app notifications (站内信) plus an e-mail outbox row for every recipient with an address. */
export class NotificationService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly now: () => number,
    private readonly audit: AuditService,
  ) {}

  private readonly repo = new NotificationRepository();

  async notify(tx: Tx, userIds: (string | null | undefined)[], n: NotifyInput): Promise<number> {
    return this.notifyMany(tx, [{ userIds, ...n }]);
  }

  /**
   * Several messages at once (an alert burst): recipients are read in one query and the
   * notifications and mail rows written set-based, a few statements however many messages there
   * are. Each reader gets the text in their own language. Returns how many notifications were new.
   */
  async notifyMany(tx: Tx, items: NotifyManyItem[]): Promise<number> {
    const ids = [...new Set(items.flatMap((i) => i.userIds).filter((x): x is string => !!x))];
    if (!ids.length) return 0;
    const users = new Map((await this.repo.recipients(tx, ids)).filter((u) => !u.disabled).map((u) => [u.id, u]));
    const now = this.now();
    const rows: NotificationsTable[] = [];
    for (const item of items) {
      const texts = new Map<Locale, { title: string; body: string }>();
      for (const uid of new Set(item.userIds)) {
        const u = uid ? users.get(uid) : undefined;
        if (!u) continue;
        const locale: Locale = u.locale === 'en' ? 'en' : 'zh-CN';
        let text = texts.get(locale);
        if (!text) texts.set(locale, (text = item.text(locale)));
        rows.push({
          id: newId(now),
          user_id: u.id,
          at: now,
          kind: item.kind,
          title: text.title,
          body: text.body,
          ticket_id: item.ticketId,
          source_key: item.sourceKey,
          read_at: null,
        });
      }
    }
    if (!rows.length) return 0;
    const fresh = await this.repo.insertMany(tx, rows);
    const written = rows.filter((r) => fresh.has(`${r.user_id}|${r.source_key}`));
    await this.repo.enqueueMailMany(
      tx,
      written
        .filter((r) => users.get(r.user_id)!.email)
        .map((r) => ({
          id: newId(now),
          to_addr: users.get(r.user_id)!.email!,
          subject: r.title,
          body: r.body,
          state: 'pending',
          attempts: 0,
          next_attempt_at: now,
          sent_at: null,
          error: null,
          source_key: `${r.source_key}:${r.user_id}`,
          created_at: now,
        })),
    );
    return written.length;
  }

  async list(userId: string) {
    const rows = await this.repo.listFor(this.db, userId);
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      kind: r.kind,
      title: r.title,
      body: r.body,
      ticketId: r.ticket_id,
      readAt: r.read_at,
    }));
  }

  /** The notification centre: filtered, keyset-paged rows grouped by ticket and kind (see grouping.ts). */
  async page(userId: string, q: NotificationQuery) {
    const after = decodeAtId(q.cursor);
    const rows = await this.repo.page(
      this.db,
      userId,
      { unread: q.state === 'unread', kind: q.kind, ticketId: q.ticketId },
      after,
      q.limit,
    );
    const { items, nextCursor } = keysetPage(rows, q.limit, (r) => [r.at, r.id]);
    return { items: groupByTicketAndKind(items), nextCursor };
  }

  /** The bell's count and the centre's kind filter. */
  async summary(userId: string) {
    const [unread, kinds] = await Promise.all([
      this.repo.unreadCount(this.db, userId),
      this.repo.kinds(this.db, userId),
    ]);
    return { unread, kinds };
  }

  /**
   * Mark read in one request and one UPDATE: all unread, or one kind / one ticket (a group of the
   * centre). One audit entry names the filter and how many were marked.
   */
  async markAllRead(meta: RequestMeta, f: NotificationReadAll) {
    return this.db.transaction().execute(async (tx) => {
      const updated = await this.repo.markAllRead(tx, meta.actor.userId, f, this.now());
      const scope = [f.kind ? `类别 ${f.kind}` : '', f.ticketId ? `工单 ${f.ticketId}` : ''].filter(Boolean).join('，');
      await this.audit.record(tx, meta, {
        action: 'notification.read_all',
        targetType: 'user',
        targetId: meta.actor.userId, // whose notifications
        summary: `全部标记已读：${updated} 条${scope ? `（${scope}）` : ''}`,
        detail: { ...f, updated },
      });
      return { updated };
    });
  }

  /**
   * Demo seed, its last step: notifications raised before `before` count as read (stamped when they
   * were raised), so a fresh demo does not greet users with a wall of unread history. A separate
   * step so the seed's history (backdated months) can call it once at its end.
   */
  async markDemoHistoryRead(before: number): Promise<number> {
    return this.repo.markOlderRead(this.db, before);
  }

  /** Only the owner's own notification; anyone else's id is simply not found. Audited like every change. */
  async markRead(meta: RequestMeta, id: string) {
    await this.db.transaction().execute(async (tx) => {
      if (!(await this.repo.markRead(tx, meta.actor.userId, id, this.now()))) throw notFound('通知');
      await this.audit.record(tx, meta, {
        action: 'notification.read',
        targetType: 'notification',
        targetId: id,
        summary: '标记通知已读',
      });
    });
  }
}
