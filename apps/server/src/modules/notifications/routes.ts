import { Notification } from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meta } from '../../http/auth.js';
import type { Services } from '../../services.js';

export const notificationRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/notifications', { config: { access: 'authenticated' }, schema: { tags: ['notifications'], summary: '站内通知 My notifications', response: { 200: z.array(Notification) } } },
    async (req) => s.notifications.list(meta(req).actor.userId));
  app.post('/notifications/:id/read', { config: { access: 'authenticated' }, schema: { tags: ['notifications'], summary: '标记已读 Mark read', params: z.object({ id: z.string().max(64) }), response: { 204: z.null() } } },
    async (req, reply) => {
      await s.notifications.markRead(meta(req), req.params.id);
      return reply.status(204).send(null);
    });
};
