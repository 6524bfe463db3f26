import {
  Attachment,
  ClockHistory,
  Comment,
  CommentCreate,
  Ticket,
  TicketActionRequest,
  TicketCreate,
  TicketListQuery,
  TicketPage,
  TimelineEvent,
  STAFF_AND_CUSTOMERS,
} from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meta } from '../../http/auth.js';
import { downloadFile } from '../../http/download.js';
import { IdParam } from '../../http/params.js';
import { uploaded } from '../../http/upload.js';
import type { Services } from '../../services.js';
import { performAction } from './actions.js';
import { ticketQueueRoutes } from './queue-routes.js';

export const ticketRoutes =
  (s: Pick<Services, 'now' | 'tickets'>): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(ticketQueueRoutes(s));
    app.get(
      '/tickets',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags: ['tickets'],
          summary: '工单队列 Ticket queue (keyset pages)',
          querystring: TicketListQuery,
          response: { 200: TicketPage },
        },
      },
      async (req) => s.tickets.list(meta(req).actor, req.query),
    );
    app.post(
      '/tickets',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags: ['tickets'],
          summary: '新建工单（报修） Create a ticket',
          body: TicketCreate,
          response: { 200: Ticket },
        },
      },
      async (req) => s.tickets.create(meta(req), req.body),
    );
    app.get(
      '/tickets/:id',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: { tags: ['tickets'], summary: '工单详情 Ticket', params: IdParam, response: { 200: Ticket } },
      },
      async (req) => s.tickets.get(meta(req).actor, req.params.id),
    );
    app.post(
      '/tickets/:id/actions',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags: ['tickets'],
          summary: '工单操作 Workflow action',
          params: IdParam,
          body: TicketActionRequest,
          response: { 200: Ticket },
        },
      },
      async (req) => performAction(s.tickets, meta(req), req.params.id, req.body),
    );
    app.get(
      '/tickets/:id/timeline',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags: ['tickets'],
          summary: '处理记录 Timeline',
          params: IdParam,
          response: { 200: z.array(TimelineEvent) },
        },
      },
      async (req) => s.tickets.timeline(meta(req).actor, req.params.id),
    );
    app.get(
      '/tickets/:id/clock-history',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags: ['tickets'],
          summary: 'SLA 计时历史 Clock history',
          params: IdParam,
          response: { 200: z.array(ClockHistory) },
        },
      },
      async (req) => s.tickets.clockHistory(meta(req).actor, req.params.id),
    );
    app.get(
      '/tickets/:id/comments',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: { tags: ['tickets'], summary: '评论 Comments', params: IdParam, response: { 200: z.array(Comment) } },
      },
      async (req) => s.tickets.conversation.comments(meta(req).actor, req.params.id),
    );
    app.post(
      '/tickets/:id/comments',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags: ['tickets'],
          summary: '发表评论 Add a comment',
          params: IdParam,
          body: CommentCreate,
          response: { 200: Comment },
        },
      },
      async (req) => s.tickets.conversation.addComment(meta(req), req.params.id, req.body.body, req.body.internal),
    );
    app.get(
      '/tickets/:id/attachments',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags: ['tickets'],
          summary: '附件 Attachments',
          params: IdParam,
          response: { 200: z.array(Attachment) },
        },
      },
      async (req) => s.tickets.conversation.attachments(meta(req).actor, req.params.id),
    );
    app.post(
      '/tickets/:id/attachments',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags: ['tickets'],
          summary: '上传附件 Upload (multipart field "file")',
          consumes: ['multipart/form-data'],
          params: IdParam,
          response: { 200: Attachment },
        },
      },
      async (req) => s.tickets.conversation.addAttachment(meta(req), req.params.id, await uploaded(req)),
    );
    app.get(
      '/attachments/:id',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: { tags: ['tickets'], summary: '下载附件 Download', params: IdParam },
      },
      async (req, reply) => {
        const f = await s.tickets.conversation.attachmentFile(meta(req).actor, req.params.id);
        return downloadFile(reply, f.mime, f.fileName, f.path);
      },
    );
  };
