import {
  CalendarDate,
  CalendarMonth,
  DailyPresence,
  MonthlyPresence,
  ResidentPlan,
  ResidentPlanUpdate,
} from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meta } from '../../http/auth.js';
import type { Services } from '../../services.js';

const IdParam = z.object({ id: z.string().max(64) });
/** Beijing day / month; today / this month when left out. */
const DayQuery = z.object({ day: CalendarDate.optional() });
const MonthQuery = z.object({ month: CalendarMonth.optional() });
const READERS = ['service_manager', 'dispatcher', 'engineer', 'customer_user', 'customer_lead'] as const;
const STAFF = ['service_manager', 'dispatcher', 'engineer'] as const;
// The purchaser's project lead downloads the attendance they can already read (R: spreadsheets follow the JSON's scope).
const tags = ['presence'];

export const presenceRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/projects/:id/resident-plan',
      {
        config: { access: READERS },
        schema: { tags, summary: '驻场承诺 Resident commitment', params: IdParam, response: { 200: ResidentPlan } },
      },
      async (req) => s.presence.plan(meta(req).actor, req.params.id),
    );
    app.put(
      '/projects/:id/resident-plan',
      {
        config: { access: ['service_manager'] },
        schema: {
          tags,
          summary: '设置驻场承诺 Set the resident commitment',
          params: IdParam,
          body: ResidentPlanUpdate,
          response: { 200: ResidentPlan },
        },
      },
      async (req) => s.presence.savePlan(meta(req), req.params.id, req.body),
    );
    app.get(
      '/projects/:id/presence/daily',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: '驻场日看板 Daily presence board',
          params: IdParam,
          querystring: DayQuery,
          response: { 200: DailyPresence },
        },
      },
      async (req) => s.presence.daily(meta(req).actor, req.params.id, req.query.day ?? s.presence.today()),
    );
    app.get(
      '/projects/:id/presence/monthly',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: '月度考勤 Monthly attendance',
          params: IdParam,
          querystring: MonthQuery,
          response: { 200: MonthlyPresence },
        },
      },
      async (req) =>
        s.presence.monthView(meta(req).actor, req.params.id, req.query.month ?? s.presence.today().slice(0, 7)),
    );
    app.get(
      '/projects/:id/presence/monthly.xlsx',
      {
        config: { access: [...STAFF, 'customer_lead'] },
        schema: { tags, summary: '导出月度考勤 Excel', params: IdParam, querystring: MonthQuery },
      },
      async (req, reply) => {
        const f = await s.presence.monthlyXlsx(
          meta(req),
          req.params.id,
          req.query.month ?? s.presence.today().slice(0, 7),
        );
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
          .header('cache-control', 'private, no-store')
          .send(f.xlsx);
      },
    );
  };
