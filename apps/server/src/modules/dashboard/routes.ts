import { Dashboard, type FaultLevel, PROVIDER_STAFF, type TicketStatus } from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { meta } from '../../http/auth.js';
import type { Services } from '../../services.js';
import { DashboardRepository } from './repository.js';

const repo = new DashboardRepository();
/** Start of today in Beijing time, as UTC ms. */
const startOfToday = (now: number) => {
  const d = 86_400_000;
  const off = 8 * 3_600_000;
  return Math.floor((now + off) / d) * d - off;
};

export const dashboardRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/dashboard',
      {
        config: { access: PROVIDER_STAFF },
        schema: { tags: ['dashboard'], summary: '今日工作台 Today', response: { 200: Dashboard } },
      },
      async (req) => {
        const db = s.database.db;
        const now = s.now();
        const since = startOfToday(now);
        const [groups, createdToday, resolvedToday, atRisk, holidayHorizon] = await Promise.all([
          repo.openByLevelAndStatus(db),
          repo.createdSince(db, since),
          repo.resolvedSince(db, since),
          s.tickets.list(meta(req).actor, { tab: 'at_risk', limit: 10 }, { count: false }),
          s.holidays.warnings(meta(req).actor, now),
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
      },
    );
  };
