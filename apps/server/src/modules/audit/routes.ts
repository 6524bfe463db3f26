import { AuditEntry, AuditQuery } from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meta } from '../../http/auth.js';
import { invalid } from '../../http/errors.js';
import type { Services } from '../../services.js';

/** Only the auditor (审计管理员) reads the log; nobody can change it through the API. */
export const auditRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/audit', {
    config: { access: ['auditor'] },
    schema: { tags: ['audit'], summary: '审计日志 Audit log', querystring: AuditQuery, response: { 200: z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() }) } },
  }, async (req) => {
    const q = req.query;
    const beforeSeq = q.cursor !== undefined ? Number(q.cursor) : undefined;
    if (beforeSeq !== undefined && !Number.isInteger(beforeSeq)) throw invalid('cursor', '无效的分页游标 / bad cursor');
    const rows = await s.audit.repo.list(s.database.db, { ...q, beforeSeq, limit: q.limit });
    await s.audit.recordAlone(meta(req), { action: 'audit.read', summary: '查询审计日志', detail: { filter: { ...q } } });
    const more = rows.length > q.limit;
    const page = more ? rows.slice(0, q.limit) : rows;
    return {
      items: page.map((r) => ({
        id: r.id, seq: Number(r.seq), at: r.at, actorId: r.actor_id, actorName: r.actor_name, actorRoles: r.actor_roles ? r.actor_roles.split(',') : [],
        ip: r.ip, action: r.action, targetType: r.target_type, targetId: r.target_id, summary: r.summary, result: r.result as 'success' | 'failure',
      })),
      nextCursor: more ? String(page[page.length - 1]!.seq) : null,
    };
  });
};
