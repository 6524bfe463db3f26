import {
  AuditActor,
  AuditActorQuery,
  AuditEntry,
  AuditExportFormat,
  AuditQuery,
  AuditVerifyResult,
} from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meta } from '../../http/auth.js';
import { download } from '../../http/download.js';
import { localeOf } from '../../http/upload.js';
import type { Services } from '../../services.js';

const tags = ['audit'];

/** Only the auditor (审计管理员) reads the log; nobody can change it through the API. */
export const auditRoutes =
  (s: Pick<Services, 'auditView'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit',
      {
        config: { access: ['auditor'] },
        schema: {
          tags,
          summary: '审计日志 Audit log (targets named)',
          querystring: AuditQuery,
          response: { 200: z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() }) },
        },
      },
      async (req) => s.auditView.list(meta(req), req.query),
    );

    app.get(
      '/audit/actors',
      {
        config: { access: ['auditor'] },
        schema: {
          tags,
          summary: '按姓名查找操作人 Operators by name or username (picker)',
          querystring: AuditActorQuery,
          response: { 200: z.array(AuditActor) },
        },
      },
      async (req) => s.auditView.actors(req.query.q),
    );

    app.get(
      '/audit/export.:format',
      {
        config: { access: ['auditor'] },
        schema: {
          tags,
          summary: '导出审计日志 Export the filtered log (xlsx or csv, newest first, at most 10,000 rows)',
          params: AuditExportFormat,
          querystring: AuditQuery,
        },
      },
      async (req, reply) => {
        const lang = localeOf(req) === 'en' ? 'en' : 'zh-CN';
        const f = await s.auditView.export(meta(req), req.query, req.params.format, lang);
        if (f.capped) reply.header('x-export-capped', 'true');
        return download(reply, f.mime, f.fileName, f.body);
      },
    );

    app.get(
      '/audit/verify',
      {
        config: { access: ['auditor'] },
        schema: { tags, summary: '校验审计日志哈希链 Verify the hash chain now', response: { 200: AuditVerifyResult } },
      },
      async (req) => s.auditView.verify(meta(req)),
    );
  };
