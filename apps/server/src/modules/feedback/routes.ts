import {
  Feedback,
  FeedbackAnswer,
  FeedbackInput,
  FeedbackPage,
  FeedbackQuery,
  CUSTOMER_ROLES,
  STAFF_AND_CUSTOMERS,
} from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { meta } from '../../http/auth.js';
import { IdParam } from '../../http/params.js';
import type { Services } from '../../services.js';

const DESK = ['service_manager', 'dispatcher'] as const;
const tags = ['feedback'];

/** 意见反馈 (R21). */
export const feedbackRoutes =
  (s: Pick<Services, 'feedback'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/feedback',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: "意见反馈列表 Feedback, newest first (customers: their own organisation's)",
          querystring: FeedbackQuery,
          response: { 200: FeedbackPage },
        },
      },
      async (req) => s.feedback.page(meta(req).actor, req.query),
    );
    app.post(
      '/feedback',
      {
        config: { access: CUSTOMER_ROLES },
        schema: {
          tags,
          summary: '提交意见或建议 Submit an opinion or suggestion',
          body: FeedbackInput,
          response: { 200: Feedback },
        },
      },
      async (req) => s.feedback.submit(meta(req), req.body),
    );
    app.get(
      '/feedback/:id',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '反馈详情与答复 Feedback with its answer',
          params: IdParam,
          response: { 200: Feedback },
        },
      },
      async (req) => s.feedback.get(meta(req).actor, req.params.id),
    );
    app.post(
      '/feedback/:id/answer',
      {
        config: { access: DESK },
        schema: { tags, summary: '答复 Answer', params: IdParam, body: FeedbackAnswer, response: { 200: Feedback } },
      },
      async (req) => s.feedback.answer(meta(req), req.params.id, req.body),
    );
    app.post(
      '/feedback/:id/close',
      {
        config: { access: [...DESK, ...CUSTOMER_ROLES] },
        schema: {
          tags,
          summary: '关闭（服务商答复后；提交人可随时撤回） Close',
          params: IdParam,
          response: { 200: Feedback },
        },
      },
      async (req) => s.feedback.close(meta(req), req.params.id),
    );
  };
