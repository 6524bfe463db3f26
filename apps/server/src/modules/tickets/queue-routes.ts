import {
  SavedFilter,
  SavedFilterCreate,
  SavedFilterScope,
  TicketBulkRequest,
  TicketBulkResult,
  TicketListQuery,
} from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meta } from '../../http/auth.js';
import { pickLocale } from '../../http/messages.js';
import { localeOf } from '../../http/upload.js';
import type { Services } from '../../services.js';
import { performBulk } from './bulk.js';
import { queueExport } from './export.js';

const STAFF_AND_CUSTOMERS = ['service_manager', 'dispatcher', 'engineer', 'customer_user', 'customer_lead'] as const;
/** Bulk commands are desk work; each ticket's own policy still decides (an engineer cannot dispatch). */
const STAFF = ['service_manager', 'dispatcher', 'engineer'] as const;
const tags = ['tickets'];

/** The queue as an admin table: bulk actions, Excel export, saved named filters (issue 14, item 3). */
export const ticketQueueRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/tickets/bulk',
      {
        config: { access: STAFF },
        schema: {
          tags,
          summary: '批量操作 Bulk dispatch / transfer / urge / cancel',
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
        const fileName = `${lang === 'en' ? 'tickets' : '工单列表'}-${new Date(s.now() + 8 * 3_600_000).toISOString().slice(0, 10)}.xlsx`;
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
          .header('cache-control', 'private, no-store')
          .header('x-export-rows', String(file.rows))
          .header('x-export-capped', file.capped ? '1' : '0')
          .send(file.stream);
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
        schema: { tags, summary: '删除筛选 Delete a saved filter', params: z.object({ id: z.string().max(64) }) },
      },
      async (req, reply) => {
        await s.tickets.savedFilters.remove(meta(req), req.params.id);
        return reply.status(204).send();
      },
    );
  };
