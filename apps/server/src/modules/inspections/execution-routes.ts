import {
  AdjustmentInput,
  FindingTicketInput,
  FinishRequest,
  InspectionTaskDetail,
  ResultInput,
  STAFF_AND_CUSTOMERS,
} from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meta } from '../../http/auth.js';
import { DOCX_MIME, download, inline } from '../../http/download.js';
import { IdParam } from '../../http/params.js';
import type { Services } from '../../services.js';
import { uploaded } from '../../http/upload.js';

const ItemParam = z.object({ id: z.string().max(64), key: z.string().max(40) });
const WORKERS = ['service_manager', 'engineer'] as const;
const tags = ['inspections'];
const detail = { 200: InspectionTaskDetail };

/** Running an inspection task: results item by item, photos, adjustments, findings as tickets, finish (R16). */
export const inspectionExecutionRoutes =
  (s: Pick<Services, 'inspectionReport' | 'inspectionRuns'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/inspection-tasks/:id',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '巡检任务（含模板、结果、调整） Task with its checklist, results and adjustments',
          params: IdParam,
          response: detail,
        },
      },
      async (req) => s.inspectionRuns.detail(meta(req).actor, req.params.id),
    );
    app.put(
      '/inspection-tasks/:id/results/:key',
      {
        config: { access: WORKERS },
        schema: {
          tags,
          summary: "记录一项结果（逐项保存，可续做） Save one item's result",
          params: ItemParam,
          body: ResultInput,
          response: detail,
        },
      },
      async (req) => s.inspectionRuns.saveResult(meta(req), req.params.id, req.params.key, req.body),
    );
    app.post(
      '/inspection-tasks/:id/results/:key/photo',
      {
        config: { access: WORKERS },
        schema: {
          tags,
          summary: '巡检照片 Photo of an item (multipart "file")',
          consumes: ['multipart/form-data'],
          params: ItemParam,
          response: detail,
        },
      },
      async (req) => s.inspectionRuns.photo(meta(req), req.params.id, req.params.key, await uploaded(req)),
    );
    app.get(
      '/inspection-tasks/:id/results/:key/photo',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: { tags, summary: '查看巡检照片 The photo of an item', params: ItemParam },
      },
      async (req, reply) => {
        const photo = await s.inspectionRuns.photoFile(meta(req).actor, req.params.id, req.params.key);
        return inline(reply, photo.mime, photo.file);
      },
    );
    app.post(
      '/inspection-tasks/:id/adjustments',
      {
        config: { access: WORKERS },
        schema: {
          tags,
          summary: '参数调整（调整前 → 调整后，原因） Record a parameter change',
          params: IdParam,
          body: AdjustmentInput,
          response: detail,
        },
      },
      async (req) => s.inspectionRuns.adjust(meta(req), req.params.id, req.body),
    );
    app.post(
      '/inspection-tasks/:id/results/:key/ticket',
      {
        config: { access: WORKERS },
        schema: {
          tags,
          summary: '不合格项转工单 Open a ticket for a failed item',
          params: ItemParam,
          body: FindingTicketInput,
          response: detail,
        },
      },
      async (req) => s.inspectionRuns.findingTicket(meta(req), req.params.id, req.params.key, req.body),
    );
    app.get(
      '/inspection-tasks/:id/report.pdf',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: { tags, summary: '巡检报告 PDF (items, findings, adjustments, photos, signature)', params: IdParam },
      },
      async (req, reply) => {
        const f = await s.inspectionReport.pdf(meta(req), req.params.id, `${req.protocol}://${req.host}`);
        return download(reply, 'application/pdf', f.fileName, f.body);
      },
    );
    app.get(
      '/inspection-tasks/:id/report.docx',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: { tags, summary: '巡检报告 Word (items, findings, adjustments, photos, signature)', params: IdParam },
      },
      async (req, reply) => {
        const f = await s.inspectionReport.docx(meta(req), req.params.id);
        return download(reply, DOCX_MIME, f.fileName, f.body);
      },
    );
    app.post(
      '/inspection-tasks/:id/finish',
      {
        config: { access: WORKERS },
        schema: {
          tags,
          summary: '完成巡检，生成巡检记录（待项目负责人签字） Finish: writes the inspection record',
          params: IdParam,
          body: FinishRequest,
          response: detail,
        },
      },
      async (req) => s.inspectionRuns.finish(meta(req), req.params.id, req.body.summary),
    );
  };
