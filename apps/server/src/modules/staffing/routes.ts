import {
  EngineerProfile,
  EngineerProfileUpdate,
  StaffingPlan,
  StaffingPlanUpdate,
  PROVIDER_STAFF,
  STAFF_AND_CUSTOMERS,
} from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meta } from '../../http/auth.js';
import { IdParam } from '../../http/params.js';
import type { Services } from '../../services.js';

const tags = ['staffing'];

export const staffingRoutes =
  (s: Pick<Services, 'staffing'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/engineers',
      {
        config: { access: PROVIDER_STAFF },
        schema: {
          tags,
          summary: '工程师资质 Engineers: disciplines and certificates',
          response: { 200: z.array(EngineerProfile) },
        },
      },
      async () => s.staffing.engineers(),
    );
    app.put(
      '/engineers/:id/profile',
      {
        config: { access: ['service_manager'] },
        schema: {
          tags,
          summary: "设置工程师资质 Set an engineer's qualifications",
          params: IdParam,
          body: EngineerProfileUpdate,
          response: { 200: EngineerProfile },
        },
      },
      async (req) => s.staffing.saveProfile(meta(req), req.params.id, req.body),
    );
    app.get(
      '/projects/:id/staffing',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '人员配置与缺口 Staffing plan and gaps',
          params: IdParam,
          response: { 200: StaffingPlan },
        },
      },
      async (req) => s.staffing.plan(meta(req).actor, req.params.id),
    );
    app.put(
      '/projects/:id/staffing',
      {
        config: { access: ['service_manager'] },
        schema: {
          tags,
          summary: '设置人员配置 Set the staffing plan',
          params: IdParam,
          body: StaffingPlanUpdate,
          response: { 200: StaffingPlan },
        },
      },
      async (req) => s.staffing.savePlan(meta(req), req.params.id, req.body),
    );
  };
