import {
  DailyPresence,
  DayQuery,
  MonthQuery,
  MonthlyPresence,
  ResidentPlan,
  ResidentPlanUpdate,
  PROVIDER_STAFF,
  STAFF_AND_CUSTOMERS,
} from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { meta } from '../../http/auth.js';
import { download, XLSX_MIME } from '../../http/download.js';
import { IdParam } from '../../http/params.js';
import type { Services } from '../../services.js';

// The purchaser's project lead downloads the attendance they can already read (R: spreadsheets follow the JSON's scope).
const tags = ['presence'];

export const presenceRoutes =
  (s: Pick<Services, 'presence'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/projects/:id/resident-plan',
      {
        config: { access: STAFF_AND_CUSTOMERS },
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
        config: { access: STAFF_AND_CUSTOMERS },
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
        config: { access: STAFF_AND_CUSTOMERS },
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
        config: { access: [...PROVIDER_STAFF, 'customer_lead'] },
        schema: { tags, summary: '导出月度考勤 Excel', params: IdParam, querystring: MonthQuery },
      },
      async (req, reply) => {
        const f = await s.presence.monthlyXlsx(
          meta(req),
          req.params.id,
          req.query.month ?? s.presence.today().slice(0, 7),
        );
        return download(reply, XLSX_MIME, f.fileName, f.xlsx);
      },
    );
  };
