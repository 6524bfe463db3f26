import {
  ChecklistTemplate,
  ChecklistTemplateInput,
  CompletionQuery,
  InspectionCompletion,
  InspectionPlan,
  InspectionPlanInput,
  InspectionPlanUpdate,
  InspectionTaskPage,
  InspectionTaskQuery,
  PauseRequest,
  PROVIDER_STAFF,
  STAFF_AND_CUSTOMERS,
} from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meta } from '../../http/auth.js';
import { IdParam } from '../../http/params.js';
import type { Services } from '../../services.js';

const tags = ['inspections'];

/** Checklist templates, inspection plans, the task calendar and monthly completion (R5, R16, R17). */
export const inspectionRoutes =
  (s: Pick<Services, 'inspections' | 'inspectionPlans' | 'inspectionTemplates'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/checklist-templates',
      {
        config: { access: PROVIDER_STAFF },
        schema: {
          tags,
          summary: '巡检模板（当前版本） Checklist templates, current versions',
          response: { 200: z.array(ChecklistTemplate) },
        },
      },
      async () => s.inspectionTemplates.templates(),
    );
    app.post(
      '/checklist-templates',
      {
        config: { access: ['service_manager'] },
        schema: {
          tags,
          summary: '新建巡检模板 New checklist template',
          body: ChecklistTemplateInput,
          response: { 200: ChecklistTemplate },
        },
      },
      async (req) => s.inspectionTemplates.saveTemplate(meta(req), null, req.body),
    );
    app.get(
      '/checklist-templates/:id',
      {
        config: { access: PROVIDER_STAFF },
        schema: {
          tags,
          summary: '巡检模板的一个版本 One version of a template',
          params: IdParam,
          response: { 200: ChecklistTemplate },
        },
      },
      async (req) => s.inspections.template(req.params.id),
    );
    app.put(
      '/checklist-templates/:id',
      {
        config: { access: ['service_manager'] },
        schema: {
          tags,
          summary: '修订巡检模板（新版本；已有任务保留原版本） Revise: a new version',
          params: IdParam,
          body: ChecklistTemplateInput,
          response: { 200: ChecklistTemplate },
        },
      },
      async (req) => s.inspectionTemplates.saveTemplate(meta(req), req.params.id, req.body),
    );

    app.get(
      '/projects/:id/inspection-plans',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '巡检计划 Inspection plans of a project',
          params: IdParam,
          response: { 200: z.array(InspectionPlan) },
        },
      },
      async (req) => s.inspectionPlans.plans(meta(req).actor, req.params.id),
    );
    app.post(
      '/projects/:id/inspection-plans',
      {
        config: { access: ['service_manager'] },
        schema: {
          tags,
          summary: '新建巡检计划 New plan (tasks are generated ahead of time)',
          params: IdParam,
          body: InspectionPlanInput,
          response: { 200: InspectionPlan },
        },
      },
      async (req) => s.inspectionPlans.createPlan(meta(req), req.params.id, req.body),
    );
    app.patch(
      '/inspection-plans/:id',
      {
        config: { access: ['service_manager'] },
        schema: {
          tags,
          summary: '修改巡检计划 Edit a plan',
          params: IdParam,
          body: InspectionPlanUpdate,
          response: { 200: InspectionPlan },
        },
      },
      async (req) => s.inspectionPlans.updatePlan(meta(req), req.params.id, req.body),
    );
    app.post(
      '/inspection-plans/:id/pause',
      {
        config: { access: ['service_manager'] },
        schema: {
          tags,
          summary: '暂停巡检计划 Pause (reason required)',
          params: IdParam,
          body: PauseRequest,
          response: { 200: InspectionPlan },
        },
      },
      async (req) => s.inspectionPlans.pause(meta(req), req.params.id, req.body.reason),
    );
    app.post(
      '/inspection-plans/:id/resume',
      {
        config: { access: ['service_manager'] },
        schema: { tags, summary: '恢复巡检计划 Resume', params: IdParam, response: { 200: InspectionPlan } },
      },
      async (req) => s.inspectionPlans.resume(meta(req), req.params.id),
    );

    app.get(
      '/inspection-tasks',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '巡检任务日历 Tasks due in a date range (calendar)',
          querystring: InspectionTaskQuery,
          response: { 200: InspectionTaskPage },
        },
      },
      async (req) => s.inspections.tasks(meta(req).actor, req.query),
    );
    app.get(
      '/projects/:id/inspection-completion',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '巡检完成情况 Planned, done, late, overdue in a month',
          params: IdParam,
          querystring: CompletionQuery,
          response: { 200: InspectionCompletion },
        },
      },
      async (req) => s.inspections.completion(meta(req).actor, req.params.id, req.query),
    );
  };
