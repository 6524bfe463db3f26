import { EngineerProfile, EngineerProfileUpdate, StaffingPlan, StaffingPlanUpdate } from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meta } from '../../http/auth.js';
import type { Services } from '../../services.js';

const IdParam = z.object({ id: z.string().max(64) });
const READERS = ['service_manager', 'dispatcher', 'engineer', 'customer_user', 'customer_lead'] as const;
const STAFF = ['service_manager', 'dispatcher', 'engineer'] as const;
const tags = ['staffing'];

export const staffingRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/engineers',
      {
        config: { access: STAFF },
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
        config: { access: READERS },
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
