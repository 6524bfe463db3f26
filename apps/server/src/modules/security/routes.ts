import { SecurityPolicy } from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { meta } from '../../http/auth.js';
import type { Services } from '../../services.js';

/** Only the security admin (安全管理员) reads and sets the security policy. */
export const securityRoutes =
  (s: Pick<Services, 'securityPolicy'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/security-policy',
      {
        config: { access: ['security_admin'] },
        schema: { tags: ['security'], summary: '安全策略 Security policy', response: { 200: SecurityPolicy } },
      },
      async () => s.securityPolicy.current(),
    );
    app.put(
      '/security-policy',
      {
        config: { access: ['security_admin'] },
        schema: {
          tags: ['security'],
          summary: '修改安全策略 Set the security policy',
          body: SecurityPolicy,
          response: { 200: SecurityPolicy },
        },
      },
      async (req) => s.securityPolicy.update(meta(req), req.body),
    );
  };
