import type { FaultLevel, TicketStatus } from '@weibao/schema';
import type { Database } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { startOfBeijingDay } from '../../lib/time.js';
import type { HolidayService } from '../holidays/service.js';
import type { TicketService } from '../tickets/service.js';
import { DashboardRepository } from './repository.js';

export interface DashboardDeps {
  database: Database;
  tickets: TicketService;
  holidays: HolidayService;
  now: () => number;
}

/** Provider staff's "today": open tickets by level and status, today's intake and fixes, the ten most at risk. */
export class DashboardService {
  private readonly repo = new DashboardRepository();
  constructor(private readonly d: DashboardDeps) {}

  async today(actor: Actor) {
    const db = this.d.database.db;
    const now = this.d.now();
    const since = startOfBeijingDay(now);
    const [groups, createdToday, resolvedToday, atRisk, holidayHorizon] = await Promise.all([
      this.repo.openByLevelAndStatus(db),
      this.repo.createdSince(db, since),
      this.repo.resolvedSince(db, since),
      this.d.tickets.list(actor, { tab: 'at_risk', limit: 10 }, { count: false }),
      this.d.holidays.warnings(actor, now),
    ]);
    const byLevel = ([1, 2, 3, 4] as FaultLevel[]).map((level) => ({
      level,
      count: groups.filter((g) => Number(g.level) === level).reduce((a, g) => a + Number(g.n), 0),
    }));
    const statuses = [...new Set(groups.map((g) => g.status))] as TicketStatus[];
    return {
      openTotal: groups.reduce((a, g) => a + Number(g.n), 0),
      createdToday,
      resolvedToday,
      breachedOpen: groups.reduce((a, g) => a + Number(g.breached ?? 0), 0),
      byLevel,
      byStatus: statuses.map((status) => ({
        status,
        count: groups.filter((g) => g.status === status).reduce((a, g) => a + Number(g.n), 0),
      })),
      atRisk: atRisk.items,
      holidayHorizon,
    };
  }
}
