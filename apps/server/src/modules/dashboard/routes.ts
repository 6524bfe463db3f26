import { Dashboard, PROVIDER_STAFF } from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { meta } from '../../http/auth.js';
import type { Services } from '../../services.js';

export const dashboardRoutes =
  (s: Pick<Services, 'dashboard'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/dashboard',
      {
        config: { access: PROVIDER_STAFF },
        schema: { tags: ['dashboard'], summary: '今日工作台 Today', response: { 200: Dashboard } },
      },
      async (req) => s.dashboard.today(meta(req).actor),
    );
  };
