import type { Actor, RequestMeta } from '../../lib/actor.js';
import { hasRole } from '../../lib/actor.js';
import { presentSummary } from './presenter.js';
import { DeskRepository } from './desk-repository.js';
import type { TicketService } from './service.js';

const RECENT_TICKETS = 5;

/** The service desk's helpers around the queue: the 待分派 count and the caller lookup at intake. */
export class DeskService {
  private readonly repo: DeskRepository;
  constructor(private readonly tickets: TicketService) {
    this.repo = new DeskRepository(tickets.repo);
  }
  private get db() {
    return this.tickets.db;
  }

  /** Unassigned tickets for those who dispatch them; null for everyone else (no badge). */
  async unassignedCount(actor: Actor, cap: number): Promise<number | null> {
    if (!hasRole(actor, 'dispatcher', 'service_manager')) return null;
    return this.repo.countUnassigned(this.db, cap);
  }

  /**
   * Who is calling: the reporter name, organisation and location of the number's latest ticket and
   * its recent tickets. Reading a caller's personal data is audited (等保: access to personal information).
   */
  async lookupReporter(meta: RequestMeta, phone: string) {
    return this.db.transaction().execute(async (tx) => {
      const rows = await this.repo.byReporterPhone(tx, phone, RECENT_TICKETS);
      const latest = rows[0];
      await this.tickets.d.audit.record(tx, meta, {
        action: 'ticket.reporter_lookup',
        targetType: 'phone',
        targetId: phone,
        summary: `来电号码查询 ${phone}：${rows.length} 张工单`,
        detail: { found: rows.length },
      });
      return {
        phone,
        reporterName: latest?.reporter_name ?? null,
        customerId: latest?.customer_id ?? null,
        customerName: latest?.customer_name ?? null,
        projectId: latest?.project_id ?? null,
        location: latest?.location ?? null,
        recentTickets: rows.map(presentSummary),
      };
    });
  }
}
