import { SearchQuery, SearchResults, STAFF_AND_CUSTOMERS } from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { meta } from '../../http/auth.js';
import type { Services } from '../../services.js';

/** Business roles only: the 三员 admins and the auditor read no tickets, assets, records or articles. */

export const searchRoutes =
  (s: Pick<Services, 'search'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/search',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags: ['search'],
          summary: '全局搜索 Global search: tickets, assets, O&M records, articles (≤ 5 each)',
          querystring: SearchQuery,
          response: { 200: SearchResults },
        },
      },
      async (req) => s.search.search(meta(req).actor, req.query.q),
    );
  };
