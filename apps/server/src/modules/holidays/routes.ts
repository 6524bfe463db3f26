import { HolidayYear, HolidayYearInput, HolidayYears } from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meta } from '../../http/auth.js';
import type { Services } from '../../services.js';

const YearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const READ = ['sys_admin', 'service_manager'] as const;

/** National holiday years (法定节假日与调休): the system admin enters them once for all contracts; managers may read. */
export const holidayRoutes =
  (s: Pick<Services, 'holidays'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/holiday-years',
      {
        config: { access: READ },
        schema: { tags: ['holidays'], summary: '节假日数据 Holiday data years', response: { 200: HolidayYears } },
      },
      async () => s.holidays.list(),
    );
    app.get(
      '/holiday-years/:year',
      {
        config: { access: READ },
        schema: {
          tags: ['holidays'],
          summary: '某年节假日 Holidays of a year',
          params: YearParam,
          response: { 200: HolidayYear },
        },
      },
      async (req) => s.holidays.get(req.params.year),
    );
    app.put(
      '/holiday-years/:year',
      {
        config: { access: ['sys_admin'] },
        schema: {
          tags: ['holidays'],
          summary: "录入某年节假日 Enter a year's holidays",
          params: YearParam,
          body: HolidayYearInput,
          response: { 200: HolidayYear },
        },
      },
      async (req) => s.holidays.save(meta(req), req.params.year, req.body),
    );
  };
