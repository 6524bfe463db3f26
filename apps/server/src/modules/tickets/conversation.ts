import { createHash } from 'node:crypto';
import path from 'node:path';
import { type Actor, type RequestMeta, hasRole, isCustomer } from '../../lib/actor.js';
import { invalid, notFound } from '../../lib/errors.js';
import { FileStore } from '../../lib/files.js';
import { newId } from '../../lib/ids.js';
import type { TicketService } from './service.js';
import { customerCommentText } from './texts.js';

/** A ticket's conversation: comments (public or internal notes) and attached files. */
export class TicketConversation {
  constructor(private readonly svc: TicketService) {}

  async comments(actor: Actor, id: string) {
    await this.svc.visible(this.svc.db, actor, id);
    const rows = await this.svc.repo.comments(this.svc.db, id, isCustomer(actor));
    return rows.map((c) => ({
      id: c.id,
      at: c.at,
      authorId: c.author_id,
      authorName: c.author_name,
      body: c.body,
      internal: c.internal === 1,
    }));
  }

  /** A public comment by provider staff is a response to the reporter and stops the response clock. */
  async addComment(meta: RequestMeta, id: string, body: string, internal: boolean) {
    const actor = meta.actor;
    if (internal && isCustomer(actor)) throw invalid('internal', 'tickets.customerInternalNote');
    const now = this.svc.d.now();
    return this.svc.db.transaction().execute(async (tx) => {
      const t = await this.svc.visible(tx, actor, id);
      const row = { id: newId(now), ticket_id: id, at: now, author_id: actor.userId, body, internal: internal ? 1 : 0 };
      await this.svc.repo.insertComment(tx, row);
      await this.svc.event(tx, id, actor.userId, internal ? 'note' : 'comment', {
        public: !internal,
        data: { commentId: row.id },
      });
      if (!internal && !isCustomer(actor) && hasRole(actor, 'dispatcher', 'service_manager', 'engineer')) {
        const policy = await this.svc.policyOf(tx, t.contract_id);
        if (await this.svc.d.sla.stop(tx, id, 'response', now, policy)) {
          await this.svc.event(tx, id, actor.userId, 'respond', { data: { via: 'comment' } });
          if (t.status === 'assigned') await this.svc.refresh(tx, id, now, { status: 'in_progress' });
          else await this.svc.refresh(tx, id, now);
        }
      } else if (isCustomer(actor)) {
        await this.svc.d.notifications.notify(tx, [t.assignee_id], {
          kind: 'ticket.comment',
          text: (locale) => customerCommentText(locale, t, body),
          ticketId: id,
          sourceKey: `comment:${row.id}`,
        });
      }
      await this.svc.d.audit.record(tx, meta, {
        action: internal ? 'ticket.note' : 'ticket.comment',
        targetType: 'ticket',
        targetId: id,
        summary: `${t.number} ${internal ? '内部备注' : '评论'}`,
      });
      return { id: row.id, at: now, authorId: actor.userId, authorName: actor.displayName, body, internal };
    });
  }

  async attachments(actor: Actor, id: string) {
    await this.svc.visible(this.svc.db, actor, id);
    return (await this.svc.repo.attachments(this.svc.db, id)).map((a) => ({
      id: a.id,
      at: a.at,
      uploaderName: a.uploader_name,
      fileName: a.file_name,
      size: a.size,
      mime: a.mime,
    }));
  }

  /** Files live under <dataDir>/attachments/<yyyy>/<generated id>, written after the access check; the row only after the bytes are safe on disk. */
  async addAttachment(meta: RequestMeta, id: string, file: { fileName: string; mime: string; data: Buffer }) {
    const now = this.svc.d.now();
    const t = await this.svc.visible(this.svc.db, meta.actor, id);
    const files = new FileStore(this.svc.d.dataDir);
    const attId = newId(now);
    const rel = files.put('attachments', file.data, now);
    try {
      return await this.svc.db.transaction().execute(async (tx) => {
        const row = {
          id: attId,
          ticket_id: id,
          at: now,
          uploader_id: meta.actor.userId,
          file_name: path.basename(file.fileName).slice(0, 200) || 'file',
          size: file.data.length,
          mime: file.mime.slice(0, 100),
          storage_path: rel,
          sha256: createHash('sha256').update(file.data).digest('hex'),
        };
        await this.svc.repo.insertAttachment(tx, row);
        await this.svc.event(tx, id, meta.actor.userId, 'attachment', {
          data: { attachmentId: attId, fileName: row.file_name },
        });
        await this.svc.d.audit.record(tx, meta, {
          action: 'ticket.attach',
          targetType: 'ticket',
          targetId: id,
          summary: `${t.number} 上传附件 ${row.file_name}（${row.size} 字节）`,
          detail: { sha256: row.sha256 },
        });
        return {
          id: attId,
          at: now,
          uploaderName: meta.actor.displayName,
          fileName: row.file_name,
          size: row.size,
          mime: row.mime,
        };
      });
    } catch (e) {
      files.remove(rel);
      throw e;
    }
  }

  async attachmentFile(actor: Actor, attachmentId: string) {
    const a = await this.svc.repo.attachment(this.svc.db, attachmentId);
    if (!a) throw notFound('附件');
    await this.svc.visible(this.svc.db, actor, a.ticket_id);
    return {
      path: new FileStore(this.svc.d.dataDir).resolve(a.storage_path),
      fileName: a.file_name,
      mime: a.mime,
      size: a.size,
    };
  }
}
