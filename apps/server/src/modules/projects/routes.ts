import {
  Contract,
  ContractCreate,
  ContractUpdate,
  Org,
  OrgCreate,
  Project,
  ProjectCreate,
  ProjectUpdate,
  PROVIDER_STAFF,
  User,
  STAFF_AND_CUSTOMERS,
} from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meta } from '../../http/auth.js';
import { IdParam } from '../../http/params.js';
import type { Services } from '../../services.js';
import { presentUser } from '../users/service.js';

const WRITE = ['sys_admin', 'service_manager'] as const;
const READ = ['sys_admin', ...STAFF_AND_CUSTOMERS] as const;

export const projectRoutes =
  (s: Pick<Services, 'projects'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/orgs',
      {
        config: { access: [...READ, 'security_admin'] },
        schema: { tags: ['customers'], summary: '单位列表 Organisations', response: { 200: z.array(Org) } },
      },
      async (req) => s.projects.listOrgs(meta(req).actor),
    );
    app.post(
      '/orgs',
      {
        config: { access: WRITE },
        schema: {
          tags: ['customers'],
          summary: '新建客户单位 Create a customer',
          body: OrgCreate,
          response: { 200: Org },
        },
      },
      async (req) => s.projects.createOrg(meta(req), req.body),
    );

    app.get(
      '/projects',
      {
        config: { access: READ },
        schema: { tags: ['projects'], summary: '项目列表 Projects', response: { 200: z.array(Project) } },
      },
      async (req) => s.projects.listProjects(meta(req).actor),
    );
    app.post(
      '/projects',
      {
        config: { access: WRITE },
        schema: {
          tags: ['projects'],
          summary: '新建项目 Create a project',
          body: ProjectCreate,
          response: { 200: Project },
        },
      },
      async (req) => s.projects.createProject(meta(req), req.body),
    );
    app.get(
      '/projects/:id',
      {
        config: { access: READ },
        schema: { tags: ['projects'], summary: '项目详情 Project', params: IdParam, response: { 200: Project } },
      },
      async (req) => s.projects.getProject(meta(req).actor, req.params.id),
    );
    app.patch(
      '/projects/:id',
      {
        config: { access: WRITE },
        schema: {
          tags: ['projects'],
          summary: '修改项目 Update a project',
          params: IdParam,
          body: ProjectUpdate,
          response: { 200: Project },
        },
      },
      async (req) => s.projects.updateProject(meta(req), req.params.id, req.body),
    );
    app.get(
      '/projects/:id/assignees',
      {
        config: { access: PROVIDER_STAFF },
        schema: {
          tags: ['projects'],
          summary: '可派单人员 Assignable staff',
          params: IdParam,
          response: { 200: z.array(User) },
        },
      },
      async (req) => (await s.projects.assignees(meta(req).actor, req.params.id)).map(presentUser),
    );

    app.get(
      '/projects/:id/contracts',
      {
        config: { access: READ },
        schema: {
          tags: ['contracts'],
          summary: '项目合同 Contracts of a project',
          params: IdParam,
          response: { 200: z.array(Contract) },
        },
      },
      async (req) => s.projects.listContracts(meta(req).actor, req.params.id),
    );
    app.post(
      '/projects/:id/contracts',
      {
        config: { access: WRITE },
        schema: {
          tags: ['contracts'],
          summary: '新建合同 Create a contract',
          params: IdParam,
          body: ContractCreate,
          response: { 200: Contract },
        },
      },
      async (req) => s.projects.createContract(meta(req), req.params.id, req.body),
    );
    app.get(
      '/contracts/:id',
      {
        config: { access: READ },
        schema: { tags: ['contracts'], summary: '合同详情 Contract', params: IdParam, response: { 200: Contract } },
      },
      async (req) => s.projects.getContract(meta(req).actor, req.params.id),
    );
    app.patch(
      '/contracts/:id',
      {
        config: { access: WRITE },
        schema: {
          tags: ['contracts'],
          summary: '修改合同 Update a contract',
          params: IdParam,
          body: ContractUpdate,
          response: { 200: Contract },
        },
      },
      async (req) => s.projects.updateContract(meta(req), req.params.id, req.body),
    );
  };
