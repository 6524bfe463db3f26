import { label, labelMap } from '@weibao/schema';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/database.js';
import type { Locale } from '../../http/messages.js';
import { beijingTime } from '../../lib/time.js';
import type { NotificationService, NotifyManyItem } from '../notifications/service.js';
import type { ProjectService } from '../projects/service.js';
import type { TicketService } from '../tickets/service.js';
import { SlaRepository } from './repository.js';

/** The words of SLA alerts, one table per language. */
const ALERT_LABELS: Record<Locale, { kind: Record<string, string>; clock: Record<string, string> }> = {
  'zh-CN': { kind: { warn50: '已过半', warn80: '已达 80%', breach: '已超时' }, clock: labelMap('clock', 'zh-CN') },
  en: {
    kind: { warn50: 'half elapsed', warn80: '80% elapsed', breach: 'breached' },
    clock: Object.fromEntries(Object.entries(labelMap('clock', 'en')).map(([k, v]) => [k, v.toLowerCase()])),
  },
};

/** Title and body of an SLA warning or breach in the reader's language; the deadline in Beijing time. */
export function slaAlertText(
  locale: Locale,
  kind: string,
  clockKind: string,
  t: { number: string; title: string; level: number },
  dueAt: number | null,
) {
  const L = ALERT_LABELS[locale];
  const k = L.kind[kind] ?? kind;
  const c = L.clock[clockKind] ?? clockKind;
  if (locale === 'en') {
    return {
      title: `SLA ${k}: ${t.number} ${c} deadline`,
      body: `${label('level', t.level, 'en')} fault "${t.title}": ${c} deadline ${k}${dueAt !== null ? `, due ${beijingTime(dueAt, locale)}` : ''}.`,
    };
  }
  return {
    title: `SLA ${k}：${t.number} ${c}时限`,
    body: `${label('level', t.level)}故障「${t.title}」的${c}时限${k}${dueAt !== null ? `，时限为 ${beijingTime(dueAt, locale)}` : ''}。`,
  };
}

/** What raising alerts needs from the ticket module: its rows, its timeline and its "breached" mark. */
export type AlertTickets = Pick<TicketService, 'rowsByIds' | 'events' | 'markBreached'>;

export interface SlaAlertDeps {
  database: Database;
  tickets: AlertTickets;
  projects: Pick<ProjectService, 'alertRecipients'>;
  notifications: Pick<NotificationService, 'notifyMany'>;
  nodeId: string;
  now: () => number;
  log: FastifyBaseLogger;
}

/**
 * SLA warnings (50%, 80%) and breaches, raised once each across app nodes. The job worker only decides when
 * this runs; what is due, who hears of it and what the timeline records are decided here.
 */
export class SlaAlerts {
  private readonly repo = new SlaRepository();
  constructor(private readonly d: SlaAlertDeps) {}

  /**
   * Raises SLA warnings and breaches that are due, breaches first; returns how many alerts it
   * settled. A warning whose clock's breach is due too (a back-dated ticket, a backlog after an
   * outage) is stale: it is marked superseded, not sent. The batch's tickets, clocks and recipients
   * are read in three queries and its notifications, mails and events written set-based, so a burst
   * costs a few round trips per hundred alerts. `fired_at` is stamped last, just before the commit
   * that makes the notifications visible, so it never understates lateness.
   *
   * Node loss: the claim is the transaction's row locks (PostgreSQL; SQLite's write lock), not a
   * state written ahead, so a node that dies mid-batch leaves nothing claimed: its connection
   * closes, the transaction rolls back and the rows are due again at the next poll of a live node.
   */
  async raiseDue(limit = 100): Promise<number> {
    const { database, tickets, notifications } = this.d;
    const now = this.d.now();
    const settled = await database.db.transaction().execute(async (tx) => {
      const due = await this.repo.claimDueAlerts(tx, database.dialect, now, limit);
      if (!due.length) return null;
      const stale = await this.repo.breachDueOrFired(
        tx,
        [...new Set(due.filter((a) => a.kind !== 'breach').map((a) => a.clock_id))],
        now,
      );
      const send = due.filter((a) => a.kind === 'breach' || !stale.has(a.clock_id));
      const ticketRows = new Map(
        (await tickets.rowsByIds(tx, [...new Set(send.map((a) => a.ticket_id))])).map((t) => [t.id, t]),
      );
      const clocks = new Map(
        (await this.repo.clocksByIds(tx, [...new Set(send.map((a) => a.clock_id))])).map((c) => [c.id, c]),
      );
      const recipients = await this.d.projects.alertRecipients(tx, [
        ...new Set([...ticketRows.values()].map((t) => t.project_id)),
      ]);
      const items: NotifyManyItem[] = [];
      const events: Parameters<TicketService['events']>[1] = [];
      const breached: string[] = [];
      for (const alert of send) {
        const t = ticketRows.get(alert.ticket_id);
        const clock = clocks.get(alert.clock_id);
        if (!t || !clock) continue;
        const dueAt = clock.due_at ?? (alert.kind === 'breach' ? alert.fire_at : null);
        items.push({
          userIds: [t.assignee_id, ...(recipients.get(t.project_id) ?? [])],
          kind: `sla.${alert.kind}`,
          ticketId: t.id,
          sourceKey: `sla:${alert.id}`,
          text: (locale) => slaAlertText(locale, alert.kind, clock.kind, t, dueAt),
        });
        events.push({
          ticketId: t.id,
          actorId: null,
          type: `sla.${alert.kind}`,
          public: false,
          data: { clock: clock.kind, cycle: clock.cycle, dueAt: alert.fire_at, noticedAt: now, node: this.d.nodeId },
        });
        if (alert.kind === 'breach') breached.push(t.id);
      }
      await notifications.notifyMany(tx, items);
      await tickets.events(tx, events);
      await tickets.markBreached(tx, breached);
      const firedAt = this.d.now();
      await this.repo.markFired(
        tx,
        send.map((a) => a.id),
        firedAt,
        this.d.nodeId,
      );
      await this.repo.markSuperseded(
        tx,
        due.filter((a) => !send.includes(a)).map((a) => a.id),
        firedAt,
        this.d.nodeId,
      );
      return { due, send, firedAt };
    });
    if (!settled) return 0;
    // Detection delay is for operators (logs), never for the people alerted.
    const late = settled.send.map((a) => settled.firedAt - (a.fire_at ?? settled.firedAt));
    this.d.log.info(
      {
        node: this.d.nodeId,
        raised: settled.send.length,
        superseded: settled.due.length - settled.send.length,
        maxLateMs: Math.max(0, ...late),
      },
      'sla alerts raised',
    );
    return settled.due.length;
  }
}
