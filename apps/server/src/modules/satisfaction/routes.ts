import {
  PublicRating,
  RatingInput,
  RatingRequest,
  RatingRequestPage,
  RatingRequestQuery,
  SatisfactionQuery,
  SatisfactionReport,
  Survey,
  SurveyInput,
  SurveySchedule,
  SurveyScheduleInput,
  SurveyScheduleUpdate,
  STAFF_AND_CUSTOMERS,
} from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meta } from '../../http/auth.js';
import { IdParam } from '../../http/params.js';
import type { Services } from '../../services.js';

const TokenParam = z.object({ token: z.string().max(100) });
const tags = ['satisfaction'];

/** 满意度 (R29): rating requests, the one-time e-mail link, callbacks, surveys and the rate against the target. */
export const satisfactionRoutes =
  (s: Pick<Services, 'satisfaction' | 'surveySchedules'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/public/ratings/:token',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: '评价链接（无需登录） What a one-time rating link is for',
          params: TokenParam,
          response: { 200: PublicRating },
        },
      },
      async (req) => s.satisfaction.publicView(req.params.token),
    );
    app.post(
      '/public/ratings/:token',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: '经链接评价（仅一次） Rate through the link, once',
          params: TokenParam,
          body: RatingInput,
          response: { 200: PublicRating },
        },
      },
      async (req) => s.satisfaction.rateByToken(req.params.token, req.ip ?? null, req.body),
    );
    app.get(
      '/rating-requests',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: "评价邀请 Rating requests (mine, or a project's)",
          querystring: RatingRequestQuery,
          response: { 200: RatingRequestPage },
        },
      },
      async (req) => s.satisfaction.page(meta(req).actor, req.query),
    );
    app.post(
      '/rating-requests/:id/rate',
      {
        config: { access: ['customer_user', 'customer_lead', 'service_manager', 'dispatcher'] },
        schema: {
          tags,
          summary: '评价（客户本人；服务台回访代录） Rate (the customer, or the desk recording a callback)',
          params: IdParam,
          body: RatingInput,
          response: { 200: RatingRequest },
        },
      },
      async (req) => s.satisfaction.rate(meta(req), req.params.id, req.body),
    );
    app.get(
      '/tickets/:id/rating',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: "工单的评价邀请（尚无为 null） The ticket's rating request, null when none",
          params: IdParam,
          response: { 200: RatingRequest.nullable() },
        },
      },
      async (req) => s.satisfaction.forTicket(meta(req).actor, req.params.id),
    );
    app.get(
      '/projects/:id/satisfaction',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '顾客满意率 Satisfaction rate against the contract target',
          params: IdParam,
          querystring: SatisfactionQuery,
          response: { 200: SatisfactionReport },
        },
      },
      async (req) => s.satisfaction.report(meta(req).actor, req.params.id, req.query),
    );
    app.get(
      '/projects/:id/satisfaction-surveys',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '满意度调查 Surveys of a project',
          params: IdParam,
          response: { 200: z.array(Survey) },
        },
      },
      async (req) => s.satisfaction.surveys(meta(req).actor, req.params.id),
    );
    app.post(
      '/projects/:id/satisfaction-surveys',
      {
        config: { access: ['service_manager'] },
        schema: {
          tags,
          summary: "发起满意度调查 Send a survey to the customer's users",
          params: IdParam,
          body: SurveyInput,
          response: { 200: Survey },
        },
      },
      async (req) => s.satisfaction.createSurvey(meta(req), req.params.id, req.body),
    );
    app.get(
      '/projects/:id/survey-schedules',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '定期满意度调查 Recurring surveys of a project',
          params: IdParam,
          response: { 200: z.array(SurveySchedule) },
        },
      },
      async (req) => s.surveySchedules.list(meta(req).actor, req.params.id),
    );
    app.post(
      '/projects/:id/survey-schedules',
      {
        config: { access: ['service_manager'] },
        schema: {
          tags,
          summary: '新建定期满意度调查 Schedule a recurring survey',
          params: IdParam,
          body: SurveyScheduleInput,
          response: { 200: SurveySchedule },
        },
      },
      async (req) => s.surveySchedules.create(meta(req), req.params.id, req.body),
    );
    app.patch(
      '/survey-schedules/:id',
      {
        config: { access: ['service_manager'] },
        schema: {
          tags,
          summary: '修改、停用或启用定期调查 Edit, pause or resume a recurring survey',
          params: IdParam,
          body: SurveyScheduleUpdate,
          response: { 200: SurveySchedule },
        },
      },
      async (req) => s.surveySchedules.update(meta(req), req.params.id, req.body),
    );
  };
