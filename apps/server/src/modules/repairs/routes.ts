import {
  CostItemCreate,
  CostStatement,
  CostStatementQuery,
  RepairAssetSet,
  RepairPoint,
  RepairPointInput,
  ReplacementCreate,
  TicketRepair,
  PROVIDER_STAFF,
  STAFF_AND_CUSTOMERS,
} from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meta } from '../../http/auth.js';
import { download, XLSX_MIME } from '../../http/download.js';
import { IdParam } from '../../http/params.js';
import type { Services } from '../../services.js';
import { localeOf } from '../../http/upload.js';

const tags = ['repairs'];
const STATEMENT = ['service_manager', 'customer_lead'] as const;

/** Repairs on tickets, replaced parts, cost items and statements, repair points (R2–R4, R12). */
export const repairRoutes =
  (s: Pick<Services, 'costStatements' | 'repairPoints' | 'repairs'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/tickets/:id/repair',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '维修信息 Repair: asset, warranty at fault time, free or billable, parts, costs, repair point',
          params: IdParam,
          response: { 200: TicketRepair },
        },
      },
      async (req) => s.repairs.view(meta(req).actor, req.params.id),
    );
    app.put(
      '/tickets/:id/repair',
      {
        config: { access: PROVIDER_STAFF },
        schema: {
          tags,
          summary: '记录维修的资产 Set the repaired asset',
          params: IdParam,
          body: RepairAssetSet,
          response: { 200: TicketRepair },
        },
      },
      async (req) => s.repairs.setAsset(meta(req), req.params.id, req.body.assetId),
    );
    app.post(
      '/tickets/:id/replacements',
      {
        config: { access: ['service_manager', 'engineer'] },
        schema: {
          tags,
          summary: '更换部件 Replace a part (R4: warranty extended per contract)',
          params: IdParam,
          body: ReplacementCreate,
          response: { 200: TicketRepair },
        },
      },
      async (req) => s.repairs.replace(meta(req), req.params.id, req.body),
    );
    app.post(
      '/tickets/:id/cost-items',
      {
        config: { access: ['service_manager', 'engineer'] },
        schema: {
          tags,
          summary: '记录费用 Add a cost item (parts at cost, labour at the contract rate)',
          params: IdParam,
          body: CostItemCreate,
          response: { 200: TicketRepair },
        },
      },
      async (req) => s.repairs.addCost(meta(req), req.params.id, req.body),
    );

    app.get(
      '/cost-statement',
      {
        config: { access: STATEMENT },
        schema: {
          tags,
          summary: '费用结算单 Cost statement of a customer and period (billable lines only)',
          querystring: CostStatementQuery,
          response: { 200: CostStatement },
        },
      },
      async (req) => s.costStatements.statement(meta(req), req.query, localeOf(req)),
    );
    app.get(
      '/cost-statement.pdf',
      { config: { access: STATEMENT }, schema: { tags, summary: '费用结算单 PDF', querystring: CostStatementQuery } },
      async (req, reply) => {
        const f = await s.costStatements.file(meta(req), req.query, localeOf(req), 'pdf');
        return download(reply, 'application/pdf', f.fileName, f.body);
      },
    );
    app.get(
      '/cost-statement.xlsx',
      { config: { access: STATEMENT }, schema: { tags, summary: '费用结算单 Excel', querystring: CostStatementQuery } },
      async (req, reply) => {
        const f = await s.costStatements.file(meta(req), req.query, localeOf(req), 'xlsx');
        return download(reply, XLSX_MIME, f.fileName, f.body);
      },
    );

    app.get(
      '/repair-points',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '维修点 Repair points (customers: those serving their projects)',
          response: { 200: z.array(RepairPoint) },
        },
      },
      async (req) => s.repairPoints.list(meta(req).actor),
    );
    app.post(
      '/repair-points',
      {
        config: { access: ['service_manager'] },
        schema: {
          tags,
          summary: '新建维修点 Add a repair point',
          body: RepairPointInput,
          response: { 200: RepairPoint },
        },
      },
      async (req) => s.repairPoints.save(meta(req), null, req.body),
    );
    app.put(
      '/repair-points/:id',
      {
        config: { access: ['service_manager'] },
        schema: {
          tags,
          summary: '修改维修点 Edit a repair point',
          params: IdParam,
          body: RepairPointInput,
          response: { 200: RepairPoint },
        },
      },
      async (req) => s.repairPoints.save(meta(req), req.params.id, req.body),
    );
  };
