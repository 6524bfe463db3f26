import { label, labelMap } from '@weibao/schema';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/database.js';
import type { Mailer } from '../notifications/mailer.js';
import type { NotificationService, NotifyManyItem } from '../notifications/service.js';
import type { Locale } from '../../http/messages.js';
import { beijingTime } from '../../lib/time.js';
import { autoClose } from '../tickets/actions.js';
import type { TicketService } from '../tickets/service.js';
import type { VisitService } from '../fieldwork/visits.js';
import type { AssetService } from '../assets/service.js';
import type { SurveySchedules } from '../satisfaction/schedules.js';
import type { InspectionService } from '../inspections/service.js';
import type { ReportService } from '../reports/service.js';
import type { HolidayService } from '../holidays/service.js';

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

/** How often the date-driven jobs run. */
const DATE_JOBS_MS = 60_000;

export interface WorkerDeps {
  database: Database;
  tickets: TicketService;
  visits: VisitService;
  assets: AssetService;
  inspections: InspectionService;
  surveySchedules: SurveySchedules;
  reports: ReportService;
  holidays: HolidayService;
  notifications: NotificationService;
  mailer: Mailer;
  nodeId: string;
  now: () => number;
  log: FastifyBaseLogger;
  pollMs: number;
}

/**
 * Background jobs of one app node. Every node runs them; due rows are claimed inside a transaction
 * with FOR UPDATE SKIP LOCKED (PostgreSQL) so each alert is raised exactly once across nodes. The
 * poll reads the (state, fire_at) index, so its cost follows the due alerts, not the open tickets.
 */
export class Worker {
  private timer: NodeJS.Timeout | null = null;
  private dailyTimer: NodeJS.Timeout | null = null;
  private running = false;
  private dailyRunning = false;
  private stopped = false;
  private ticks = 0;
  constructor(private readonly d: WorkerDeps) {}

  start() {
    this.stopped = false;
    const loop = async () => {
      if (this.stopped) return;
      await this.tick().catch((err) => this.d.log.error({ err }, 'worker tick failed'));
      if (!this.stopped) this.timer = setTimeout(loop, this.d.pollMs);
    };
    this.timer = setTimeout(loop, 0);
    // Date-driven jobs run on their own timer: however long a pass takes (an annual inspection plan
    // over a large ledger), it never holds up the SLA alert loop and its one-second promise.
    const daily = async () => {
      if (this.stopped) return;
      await this.dateJobs().catch((err) => this.d.log.error({ err }, 'worker date jobs failed'));
      if (!this.stopped) this.dailyTimer = setTimeout(daily, DATE_JOBS_MS);
    };
    this.dailyTimer = setTimeout(daily, 0);
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.dailyTimer) clearTimeout(this.dailyTimer);
    while (this.running || this.dailyRunning) await new Promise((r) => setTimeout(r, 10));
  }

  async tick() {
    if (this.running) return;
    this.running = true;
    try {
      while ((await this.raiseDueAlerts()) > 0) {
        /* drain bursts before sleeping */
      }
      this.ticks++;
      if (this.ticks % 5 === 0) {
        await this.d.mailer.deliverDue();
        await this.autoCloseDue();
      }
    } finally {
      this.running = false;
    }
  }

  /**
   * What changes with the (Beijing) date, checked about once a minute: forgotten check-outs,
   * warranty reminders at 90/30/7 days, inspection tasks generated ahead, overdue inspections,
   * recurring satisfaction surveys, scheduled monthly reports, SLA outcomes of clocks stopped before 0011.
   */
  async dateJobs() {
    if (this.dailyRunning) return;
    this.dailyRunning = true;
    try {
      await this.d.visits.flagForgotten(this.d.now());
      while ((await this.d.assets.remindWarranty()) > 0) {
        /* batches of 500 per threshold */
      }
      await this.d.inspections.generateDue();
      while ((await this.d.inspections.notifyOverdue()) > 0) {
        /* batches of 200 */
      }
      while ((await this.d.surveySchedules.sendDue()) > 0) {
        /* batches of 50 */
      }
      while ((await this.d.reports.sendDue()) > 0) {
        /* batches of 20 */
      }
      await this.d.tickets.backfillOutcomes();
      await this.d.holidays.dateJob(); // other nodes' holiday-year saves, and the 60-day horizon notices
    } finally {
      this.dailyRunning = false;
    }
  }

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
  async raiseDueAlerts(limit = 100): Promise<number> {
    const { database, tickets, notifications } = this.d;
    const slaRepo = tickets.d.sla.repo;
    const now = this.d.now();
    const settled = await database.db.transaction().execute(async (tx) => {
      const due = await slaRepo.claimDueAlerts(tx, database.dialect, now, limit);
      if (!due.length) return null;
      const stale = await slaRepo.breachDueOrFired(
        tx,
        [...new Set(due.filter((a) => a.kind !== 'breach').map((a) => a.clock_id))],
        now,
      );
      const send = due.filter((a) => a.kind === 'breach' || !stale.has(a.clock_id));
      const ticketRows = new Map(
        (await tickets.repo.rowsByIds(tx, [...new Set(send.map((a) => a.ticket_id))])).map((t) => [t.id, t]),
      );
      const clocks = new Map(
        (await slaRepo.clocksByIds(tx, [...new Set(send.map((a) => a.clock_id))])).map((c) => [c.id, c]),
      );
      const recipients = await tickets.d.projects.alertRecipients(tx, [
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
      await tickets.repo.markBreached(tx, breached);
      const firedAt = this.d.now();
      await slaRepo.markFired(
        tx,
        send.map((a) => a.id),
        firedAt,
        this.d.nodeId,
      );
      await slaRepo.markSuperseded(
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

  async autoCloseDue(): Promise<number> {
    const { database, tickets } = this.d;
    const now = this.d.now();
    const ids = await tickets.repo.dueForAutoClose(database.db, now, 50);
    let n = 0;
    for (const { id } of ids) {
      if (await database.db.transaction().execute((tx) => autoClose(tickets, tx, id, now))) n++;
    }
    return n;
  }
}
