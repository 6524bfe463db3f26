import {
  Notification,
  NotificationPage,
  NotificationQuery,
  NotificationReadAll,
  NotificationReadAllResult,
  NotificationSummary,
} from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meta } from '../../http/auth.js';
import { IdParam } from '../../http/params.js';
import type { Services } from '../../services.js';

const tags = ['notifications'];

export const notificationRoutes =
  (s: Pick<Services, 'notifications'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/notifications',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: '站内通知（最近 100 条） My latest notifications',
          response: { 200: z.array(Notification) },
        },
      },
      async (req) => s.notifications.list(meta(req).actor.userId),
    );
    app.get(
      '/notifications/page',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: '通知中心：筛选、分页、同工单同类合并 Notification centre page (filtered, keyset, grouped)',
          querystring: NotificationQuery,
          response: { 200: NotificationPage },
        },
      },
      async (req) => s.notifications.page(meta(req).actor.userId, req.query),
    );
    app.get(
      '/notifications/summary',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: '未读数与通知类别 Unread count and kinds', response: { 200: NotificationSummary } },
      },
      async (req) => s.notifications.summary(meta(req).actor.userId),
    );
    app.post(
      '/notifications/read-all',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: '全部标记已读（可按类别/工单） Mark all read, optionally one kind or ticket',
          body: NotificationReadAll,
          response: { 200: NotificationReadAllResult },
        },
      },
      async (req) => s.notifications.markAllRead(meta(req), req.body ?? {}),
    );
    app.post(
      '/notifications/:id/read',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: '标记已读 Mark read',
          params: IdParam,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await s.notifications.markRead(meta(req), req.params.id);
        return reply.status(204).send(null);
      },
    );
  };
