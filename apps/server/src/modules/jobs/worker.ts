import type { FastifyBaseLogger } from 'fastify';
import type { Mailer } from '../notifications/mailer.js';
import type { TicketService } from '../tickets/service.js';
import type { VisitService } from '../fieldwork/visits.js';
import type { AssetService } from '../assets/service.js';
import type { SurveySchedules } from '../satisfaction/schedules.js';
import type { InspectionService } from '../inspections/service.js';
import type { ReportService } from '../reports/service.js';
import type { HolidayService } from '../holidays/service.js';
import type { SlaAlerts } from '../sla/alerts.js';

/** How often the date-driven jobs run. */
const DATE_JOBS_MS = 60_000;

/** What the jobs call, and nothing more: the worker decides when things run, the modules what they do. */
export interface WorkerDeps {
  alerts: Pick<SlaAlerts, 'raiseDue'>;
  tickets: Pick<TicketService, 'autoCloseDue' | 'backfillOutcomes'>;
  visits: Pick<VisitService, 'flagForgotten'>;
  assets: Pick<AssetService, 'remindWarranty'>;
  inspections: Pick<InspectionService, 'generateDue' | 'notifyOverdue'>;
  surveySchedules: Pick<SurveySchedules, 'sendDue'>;
  reports: Pick<ReportService, 'sendDue'>;
  holidays: Pick<HolidayService, 'dateJob'>;
  mailer: Pick<Mailer, 'deliverDue'>;
  now: () => number;
  log: FastifyBaseLogger;
  pollMs: number;
}

/**
 * Background jobs of one app node: when they run, not what they do. Every node runs them; the modules claim
 * their due rows inside a transaction (FOR UPDATE SKIP LOCKED on PostgreSQL), so each alert, reminder or
 * report is sent exactly once across nodes. The SLA alert poll (sla/alerts.ts) reads the (state, fire_at)
 * index, so its cost follows the due alerts, not the open tickets.
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

  /** SLA warnings and breaches that are due (sla/alerts.ts decides what they are and who hears of them). */
  async raiseDueAlerts(limit = 100): Promise<number> {
    return this.d.alerts.raiseDue(limit);
  }

  async autoCloseDue(): Promise<number> {
    return this.d.tickets.autoCloseDue(this.d.now());
  }
}
