import type { CheckInRequest, CheckOutRequest, SiteVisitQuery } from '@weibao/schema';
import type { z } from 'zod';
import type { Tx } from '../../db/dialect.js';
import { type Actor, type RequestMeta, isCustomer } from '../../lib/actor.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { FileStore } from '../../lib/files.js';
import { newId } from '../../lib/ids.js';
import { decodeAtId, keysetPage } from '../../lib/keyset.js';
import { reason } from '../../lib/messages/text.js';
import { beijingClock, beijingDayStart, startOfBeijingDay } from '../../lib/time.js';
import { performActionIn } from '../tickets/actions.js';
import type { FieldworkDeps } from './deps.js';
import { forgottenCheckoutText } from './texts.js';
import { isForgotten } from './time.js';
import { FieldworkRepository } from './repository.js';

type VisitRow = NonNullable<Awaited<ReturnType<FieldworkRepository['visit']>>>;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic']);
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

export function presentVisit(v: VisitRow, now: number) {
  return {
    id: v.id,
    projectId: v.project_id,
    projectName: v.project_name,
    engineerId: v.engineer_id,
    engineerName: v.engineer_name,
    ticketId: v.ticket_id,
    ticketNumber: v.ticket_number ?? null,
    checkedInAt: v.checked_in_at,
    checkInLocation: v.check_in_location,
    checkInPosition: v.check_in_position ? JSON.parse(v.check_in_position) : null,
    checkedOutAt: v.checked_out_at,
    checkOutLocation: v.check_out_location,
    checkOutPosition: v.check_out_position ? JSON.parse(v.check_out_position) : null,
    note: v.note,
    hasPhoto: v.photo_path !== null,
    forgotten: isForgotten(v.checked_in_at, v.checked_out_at, now),
  };
}

/**
 * Check-in and check-out on site (出入记录, R15). Times come from the server, never the phone. A
 * check-in for a ticket by its assignee is the on-site arrival: it runs the ticket's `arrive`
 * action in the same transaction, so the arrival clock stops at the first such check-in.
 */
export class VisitService {
  readonly repo: FieldworkRepository;
  constructor(private readonly d: FieldworkDeps) {
    this.repo = new FieldworkRepository(d.database.dialect);
  }
  private get db() {
    return this.d.database.db;
  }

  async visible(db: Tx, actor: Actor, id: string) {
    const v = await this.repo.visit(db, id);
    if (!v || (isCustomer(actor) && v.customer_id !== actor.orgId)) throw notFound('签到记录');
    return v;
  }

  async current(actor: Actor) {
    const v = await this.repo.openVisitOf(this.db, actor.userId);
    return v ? presentVisit(v, this.d.now()) : null;
  }

  async checkIn(meta: RequestMeta, input: z.infer<typeof CheckInRequest>) {
    const now = this.d.now();
    const { actor } = meta;
    return this.db.transaction().execute(async (tx) => {
      const project = await this.d.projects.project(tx, input.projectId);
      if (!project) throw invalid('projectId', 'common.unknownProject');
      const open = await this.repo.openVisitOf(tx, actor.userId);
      if (open)
        throw new AppError('ALREADY_CHECKED_IN', {
          project: open.project_name,
          since: beijingClock(open.checked_in_at),
        });
      let arrived = false;
      if (input.ticketId) {
        const t = await this.d.tickets.rowById(tx, input.ticketId);
        if (!t || t.project_id !== project.id) throw invalid('ticketId', 'fieldwork.ticketNotInProject');
        // The assignee's first check-in is the arrival; anyone else's check-in is only linked.
        if (t.assignee_id === actor.userId) {
          const detail = await this.d.tickets.detail(tx, actor, (await this.d.tickets.withNames(tx, t.id))!, now);
          if (detail.allowedActions.includes('arrive')) {
            await performActionIn(tx, this.d.tickets, meta, t.id, {
              action: 'arrive',
              note: `现场签到：${input.location}`,
              occurredAt: input.occurredAt,
              occurredAtReason: input.occurredAtReason,
            });
            arrived = true;
          }
        }
      }
      // Only the arrival has a clock to stop at an earlier time; a plain check-in is when it is made.
      if (input.occurredAt !== undefined && !arrived) throw invalid('occurredAt', 'fieldwork.backdateNotArrival');
      // The arrival action checked the time (not in the future, not before the report, the reason).
      const at = arrived && input.occurredAt !== undefined ? Math.min(input.occurredAt, now) : now;
      const id = newId(now);
      await this.repo.insertVisit(tx, {
        id,
        project_id: project.id,
        engineer_id: actor.userId,
        ticket_id: input.ticketId ?? null,
        checked_in_at: at,
        check_in_location: input.location,
        check_in_position: input.position ? JSON.stringify(input.position) : null,
        checked_out_at: null,
        check_out_location: null,
        check_out_position: null,
        note: input.note ?? null,
        photo_path: null,
        photo_mime: null,
        forgotten_flagged_at: null,
      });
      const v = (await this.repo.visit(tx, id))!;
      await this.d.audit.record(tx, meta, {
        action: 'fieldwork.check_in',
        targetType: 'site_visit',
        targetId: id,
        summary: `现场签到：${project.name}，${input.location}${v.ticket_number ? `，工单 ${v.ticket_number}${arrived ? '（到场计时停止）' : ''}` : ''}`,
        detail: {
          after: {
            projectId: project.id,
            ticketId: input.ticketId ?? null,
            location: input.location,
            position: input.position ?? null,
            arrival: arrived,
          },
          ...(at !== now ? { occurredAt: at, loggedAt: now } : {}),
        },
      });
      return presentVisit(v, now);
    });
  }

  async checkOut(meta: RequestMeta, id: string, input: z.infer<typeof CheckOutRequest>) {
    const now = this.d.now();
    return this.db.transaction().execute(async (tx) => {
      const v = await this.visible(tx, meta.actor, id);
      if (v.engineer_id !== meta.actor.userId) throw new AppError('FORBIDDEN');
      const closed = await this.repo.checkOut(tx, id, {
        checked_out_at: now,
        check_out_location: input.location ?? v.check_in_location,
        check_out_position: input.position ? JSON.stringify(input.position) : null,
        note: input.note ? [v.note, input.note].filter(Boolean).join('\n') : v.note,
      });
      if (!closed) throw new AppError('ACTION_NOT_ALLOWED', { action: reason('fieldwork.checkOut') });
      const after = (await this.repo.visit(tx, id))!;
      await this.d.audit.record(tx, meta, {
        action: 'fieldwork.check_out',
        targetType: 'site_visit',
        targetId: id,
        summary: `现场签退：${v.project_name}，${after.check_out_location}${isForgotten(v.checked_in_at, null, now) ? '（补签退，签到次日之后）' : ''}`,
        detail: {
          before: { checkedInAt: v.checked_in_at },
          after: { checkedOutAt: now, location: after.check_out_location },
        },
      });
      return presentVisit(after, now);
    });
  }

  async list(actor: Actor, q: z.infer<typeof SiteVisitQuery>) {
    const after = decodeAtId(q.cursor);
    const from = q.day ? beijingDayStart(q.day) : undefined;
    const rows = await this.repo.listVisits(this.db, {
      projectId: q.projectId,
      engineerId: q.engineerId,
      customerId: isCustomer(actor) ? actor.orgId : undefined,
      from,
      to: from === undefined ? undefined : from + 86_400_000,
      open: q.open,
      after: after ?? undefined,
      limit: q.limit,
    });
    const now = this.d.now();
    const { items, nextCursor } = keysetPage(rows, q.limit, (v) => [v.checked_in_at, v.id]);
    return { items: items.map((v) => presentVisit(v, now)), nextCursor };
  }

  /** A photo taken on site, stored under <dataDir>/visit-photos/<yyyy>/<generated id>; only the visit's engineer adds it. */
  async addPhoto(meta: RequestMeta, id: string, file: { mime: string; data: Buffer }) {
    if (!IMAGE_TYPES.has(file.mime)) throw invalid('file', 'fieldwork.visitPhotoType');
    if (file.data.length > MAX_PHOTO_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
    const now = this.d.now();
    const v = await this.visible(this.db, meta.actor, id);
    if (v.engineer_id !== meta.actor.userId) throw new AppError('FORBIDDEN');
    const files = new FileStore(this.d.dataDir);
    const rel = files.put('visit-photos', file.data, now);
    try {
      return await this.db.transaction().execute(async (tx) => {
        await this.repo.updateVisit(tx, id, { photo_path: rel, photo_mime: file.mime });
        await this.d.audit.record(tx, meta, {
          action: 'fieldwork.photo',
          targetType: 'site_visit',
          targetId: id,
          summary: `现场照片：${v.project_name}（${file.data.length} 字节）`,
        });
        return presentVisit((await this.repo.visit(tx, id))!, now);
      });
    } catch (e) {
      files.remove(rel);
      throw e;
    }
  }

  async photo(actor: Actor, id: string) {
    const v = await this.visible(this.db, actor, id);
    if (!v.photo_path) throw notFound('照片');
    return {
      path: new FileStore(this.d.dataDir).resolve(v.photo_path),
      mime: v.photo_mime ?? 'application/octet-stream',
    };
  }

  /**
   * Forgotten check-outs: a visit still open after the Beijing day it began is flagged once (the
   * engineer and the project's service manager are notified) and stays open until checked out.
   */
  async flagForgotten(now: number, limit = 100): Promise<number> {
    const todayStart = startOfBeijingDay(now);
    return this.db.transaction().execute(async (tx) => {
      let n = 0;
      for (const v of await this.repo.unflaggedForgotten(tx, todayStart, limit)) {
        if (!(await this.repo.flagForgotten(tx, v.id, now))) continue;
        n++;
        const sm = await this.d.projects.serviceManagerOf(tx, v.project_id);
        await this.d.notifications.notify(tx, [v.engineer_id, sm], {
          kind: 'fieldwork.forgotten_checkout',
          text: (locale) => forgottenCheckoutText(locale, v),
          ticketId: v.ticket_id,
          sourceKey: `forgotten:${v.id}`,
        });
        await this.d.audit.record(
          tx,
          { actor: null, ip: null, actorLabel: 'system' },
          {
            action: 'fieldwork.forgotten_checkout',
            targetType: 'site_visit',
            targetId: v.id,
            summary: `未签退标记：${v.engineer_name}，${v.project_name}，签到于 ${beijingClock(v.checked_in_at, true)}`,
          },
        );
      }
      return n;
    });
  }
}
