import { MeBadges, PROVIDER_STAFF, ReporterLookup, ReporterLookupQuery } from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { meta } from '../../http/auth.js';
import type { Services } from '../../services.js';

/** Where each role's work is: menu badges, and the caller lookup the desk uses at intake. */
export const startRoutes =
  (s: Pick<Services, 'badges' | 'ticketDesk'>): FastifyPluginAsyncZod =>
  async (app) => {
    // Every signed-in user may ask; each count is present only for the roles that may see it.
    app.get(
      '/me/badges',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['start'],
          summary: '菜单角标 Menu badges (待分派, 待签字, 待巡检; capped at 100)',
          response: { 200: MeBadges },
        },
      },
      async (req) => s.badges.badges(meta(req).actor),
    );
    app.get(
      '/intake/lookup',
      {
        config: { access: PROVIDER_STAFF },
        schema: {
          tags: ['tickets'],
          summary: '来电号码查询 Caller lookup by phone: name, organisation, recent tickets (audited)',
          querystring: ReporterLookupQuery,
          response: { 200: ReporterLookup },
        },
      },
      async (req) => s.ticketDesk.lookupReporter(meta(req), req.query.phone),
    );
  };
