import { ArchivePage, ArchiveQuery, STAFF_AND_CUSTOMERS } from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { meta } from '../../http/auth.js';
import { download, XLSX_MIME } from '../../http/download.js';
import { IdParam } from '../../http/params.js';
import { localeOf } from '../../http/upload.js';
import type { Services } from '../../services.js';

/** Listed with the repairs in the API docs, as they always were. */
const tags = ['repairs'];

/** Maintenance archives (用户维修档案, R21) of an asset or a customer, on screen and as Excel. */
export const archiveRoutes =
  (s: Pick<Services, 'archive'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/assets/:id/archive',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '资产维修档案 Maintenance archive of an asset',
          params: IdParam,
          querystring: ArchiveQuery,
          response: { 200: ArchivePage },
        },
      },
      async (req) =>
        s.archive.page(await s.archive.assetScope(meta(req).actor, req.params.id), req.query, localeOf(req)),
    );
    app.get(
      '/assets/:id/archive.xlsx',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: { tags, summary: '导出资产维修档案 Export (xlsx)', params: IdParam, querystring: ArchiveQuery },
      },
      async (req, reply) => {
        const file = await s.archive.assetExport(meta(req), req.params.id, req.query, localeOf(req));
        return download(reply, XLSX_MIME, file.fileName, file.body);
      },
    );
    app.get(
      '/customers/:id/archive',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '客户维修档案 Maintenance archive of a customer',
          params: IdParam,
          querystring: ArchiveQuery,
          response: { 200: ArchivePage },
        },
      },
      async (req) =>
        s.archive.page(await s.archive.customerScope(meta(req).actor, req.params.id), req.query, localeOf(req)),
    );
    app.get(
      '/customers/:id/archive.xlsx',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: { tags, summary: '导出客户维修档案 Export (xlsx)', params: IdParam, querystring: ArchiveQuery },
      },
      async (req, reply) => {
        const file = await s.archive.customerExport(meta(req), req.params.id, req.query, localeOf(req));
        return download(reply, XLSX_MIME, file.fileName, file.body);
      },
    );
  };
