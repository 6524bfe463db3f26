import { PROVIDER_STAFF, StaffMember, User, UserCreate, UserRolesUpdate, UserUpdate } from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meta } from '../../http/auth.js';
import { IdParam } from '../../http/params.js';
import type { Services } from '../../services.js';

/** 三员: sys_admin manages accounts, security_admin grants roles and unlocks; neither reads the audit log. */
export const userRoutes =
  (s: Pick<Services, 'users'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/users',
      {
        config: { access: ['sys_admin', 'security_admin', 'service_manager'] },
        schema: {
          tags: ['users'],
          summary: '用户列表 Users',
          querystring: z.object({ orgId: z.string().max(64).optional() }),
          response: { 200: z.array(User) },
        },
      },
      async (req) => s.users.list(meta(req).actor, req.query.orgId),
    );
    app.get(
      '/staff',
      {
        config: { access: PROVIDER_STAFF },
        schema: {
          tags: ['users'],
          summary: '服务商在岗人员 Provider staff (for assignment)',
          response: { 200: z.array(StaffMember) },
        },
      },
      async () => s.users.staff(),
    );
    app.post(
      '/users',
      {
        config: { access: ['sys_admin'] },
        schema: { tags: ['users'], summary: '新建用户 Create a user', body: UserCreate, response: { 200: User } },
      },
      async (req) => s.users.create(meta(req), req.body),
    );
    app.patch(
      '/users/:id',
      {
        config: { access: ['sys_admin'] },
        schema: {
          tags: ['users'],
          summary: '修改用户 Update a user',
          params: IdParam,
          body: UserUpdate,
          response: { 200: User },
        },
      },
      async (req) => s.users.update(meta(req), req.params.id, req.body),
    );
    app.put(
      '/users/:id/roles',
      {
        config: { access: ['security_admin'] },
        schema: {
          tags: ['users'],
          summary: '授权 Set roles',
          params: IdParam,
          body: UserRolesUpdate,
          response: { 200: User },
        },
      },
      async (req) => s.users.setRoles(meta(req), req.params.id, req.body.roles),
    );
    app.post(
      '/users/:id/unlock',
      {
        config: { access: ['security_admin'] },
        schema: { tags: ['users'], summary: '解锁 Unlock', params: IdParam, response: { 200: User } },
      },
      async (req) => s.users.unlock(meta(req), req.params.id),
    );
  };
