import {
  SavedFilter,
  SavedFilterCreate,
  SavedFilterScope,
  TicketBulkRequest,
  TicketBulkResult,
  TicketListQuery,
  PROVIDER_STAFF,
  STAFF_AND_CUSTOMERS,
} from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meta } from '../../http/auth.js';
import { download, XLSX_MIME } from '../../http/download.js';
import { pickLocale } from '../../http/messages.js';
import { IdParam } from '../../http/params.js';
import { localeOf } from '../../http/upload.js';
import { beijingDay } from '../../lib/time.js';
import type { Services } from '../../services.js';
import { performBulk } from './bulk.js';
import { queueExport } from './export.js';

/** Bulk commands are desk work; each ticket's own policy still decides (an engineer cannot dispatch). */
const tags = ['tickets'];

/** The queue as an admin table: bulk actions, Excel export, saved named filters (issue 14, item 3). */
export const ticketQueueRoutes =
  (s: Pick<Services, 'now' | 'tickets'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/tickets/bulk',
      {
        config: { access: PROVIDER_STAFF },
        schema: {
          tags,
          summary: '批量操作 Bulk dispatch, transfer, urge or cancel',
          body: TicketBulkRequest,
          response: { 200: TicketBulkResult },
        },
      },
      async (req) => performBulk(s.tickets, meta(req), req.body, pickLocale(req.headers['accept-language'])),
    );
    app.get(
      '/tickets/export.xlsx',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '导出工单列表 Excel (same filters as the queue; ≤ 50,000 rows)',
          querystring: TicketListQuery,
        },
      },
      async (req, reply) => {
        const lang = localeOf(req);
        const file = await queueExport(s.tickets, meta(req), req.query, lang);
        const fileName = `${lang === 'en' ? 'tickets' : '工单列表'}-${beijingDay(s.now())}.xlsx`;
        reply.header('x-export-rows', String(file.rows)).header('x-export-capped', file.capped ? '1' : '0');
        return download(reply, XLSX_MIME, fileName, file.stream);
      },
    );
    app.get(
      '/saved-filters',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '我的筛选 My saved filters',
          querystring: z.object({ scope: SavedFilterScope }),
          response: { 200: z.array(SavedFilter) },
        },
      },
      async (req) => s.tickets.savedFilters.list(meta(req), req.query.scope),
    );
    app.post(
      '/saved-filters',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '保存筛选 Save a named filter',
          body: SavedFilterCreate,
          response: { 200: SavedFilter },
        },
      },
      async (req) => s.tickets.savedFilters.create(meta(req), req.body),
    );
    app.delete(
      '/saved-filters/:id',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: { tags, summary: '删除筛选 Delete a saved filter', params: IdParam },
      },
      async (req, reply) => {
        await s.tickets.savedFilters.remove(meta(req), req.params.id);
        return reply.status(204).send();
      },
    );
  };
