import { labelMap } from '@weibao/schema';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/database.js';
import type { Mailer } from '../notifications/mailer.js';
import type { NotificationService } from '../notifications/service.js';
import { autoClose } from '../tickets/actions.js';
import type { TicketService } from '../tickets/service.js';
import type { VisitService } from '../fieldwork/visits.js';
import type { AssetService } from '../assets/service.js';
import type { SurveySchedules } from '../satisfaction/schedules.js';
import type { InspectionService } from '../inspections/service.js';
import type { ReportService } from '../reports/service.js';

const KIND_ZH: Record<string, string> = { warn50: '已过半', warn80: '已达 80%', breach: '已超时' };
const CLOCK_ZH: Record<string, string> = labelMap('clock');

/** How often the date-driven jobs run. */
const DATE_JOBS_MS = 60_000;

export interface WorkerDeps {
  database: Database; tickets: TicketService; visits: VisitService; assets: AssetService; inspections: InspectionService; surveySchedules: SurveySchedules; reports: ReportService; notifications: NotificationService; mailer: Mailer;
  nodeId: string; now: () => number; log: FastifyBaseLogger; pollMs: number;
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
      while ((await this.raiseDueAlerts()) > 0) { /* drain bursts before sleeping */ }
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
      while ((await this.d.assets.remindWarranty()) > 0) { /* batches of 500 per threshold */ }
      await this.d.inspections.generateDue();
      while ((await this.d.inspections.notifyOverdue()) > 0) { /* batches of 200 */ }
      while ((await this.d.surveySchedules.sendDue()) > 0) { /* batches of 50 */ }
      while ((await this.d.reports.sendDue()) > 0) { /* batches of 20 */ }
      await this.d.tickets.backfillOutcomes();
    } finally {
      this.dailyRunning = false;
    }
  }

  /**
   * Raises SLA warnings and breaches that are due; returns how many it raised. The batch's tickets,
   * clocks and service managers are read in three queries, so a burst costs a few round trips, not
   * ten per alert, and stays inside the one-second promise under load.
   */
  async raiseDueAlerts(limit = 100): Promise<number> {
    const { database, tickets, notifications } = this.d;
    const slaRepo = tickets.d.sla.repo;
    const now = this.d.now();
    return database.db.transaction().execute(async (tx) => {
      const due = await slaRepo.claimDueAlerts(tx, database.dialect, now, limit);
      if (!due.length) return 0;
      await slaRepo.markFired(tx, due.map((a) => a.id), now, this.d.nodeId);
      const ticketRows = new Map((await tickets.repo.rowsByIds(tx, [...new Set(due.map((a) => a.ticket_id))])).map((t) => [t.id, t]));
      const clocks = new Map((await slaRepo.clocksByIds(tx, [...new Set(due.map((a) => a.clock_id))])).map((c) => [c.id, c]));
      const managers = await tickets.d.projects.repo.serviceManagersOf(tx, [...new Set([...ticketRows.values()].map((t) => t.project_id))]);
      const breached: string[] = [];
      for (const alert of due) {
        const t = ticketRows.get(alert.ticket_id);
        const clock = clocks.get(alert.clock_id);
        if (!t || !clock) continue;
        const lateBy = alert.fire_at !== null ? now - alert.fire_at : 0;
        await notifications.notify(tx, [t.assignee_id, managers.get(t.project_id)], {
          kind: `sla.${alert.kind}`, title: `SLA ${KIND_ZH[alert.kind]}：${t.number} ${CLOCK_ZH[clock.kind]}时限`, ticketId: t.id, sourceKey: `sla:${alert.id}`,
          body: `${t.level} 级故障「${t.title}」的${CLOCK_ZH[clock.kind]}时限${KIND_ZH[alert.kind]}（检测延迟 ${lateBy} ms）。`,
        });
        await tickets.event(tx, t.id, null, `sla.${alert.kind}`, { public: false, data: { clock: clock.kind, cycle: clock.cycle, dueAt: alert.fire_at, noticedAt: now, node: this.d.nodeId } });
        if (alert.kind === 'breach') breached.push(t.id);
      }
      await tickets.repo.markBreached(tx, breached);
      return due.length;
    });
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
