import {
  CheckInRequest,
  CheckOutRequest,
  OmRecord,
  OmRecordAmend,
  OmRecordCreate,
  OmRecordPage,
  OmRecordQuery,
  OmRecordReject,
  OmRecordReview,
  OmRecordExportQuery,
  OmRecordSheetsRequest,
  OmRecordSign,
  OmRecordUpdate,
  RecordVerification,
  RecordVerifyQuery,
  SiteVisit,
  SiteVisitPage,
  SiteVisitQuery,
  PROVIDER_STAFF,
  STAFF_AND_CUSTOMERS,
} from '@weibao/schema';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meta } from '../../http/auth.js';
import { download, inline, XLSX_MIME } from '../../http/download.js';
import { IdParam } from '../../http/params.js';
import { uploaded } from '../../http/upload.js';
import type { Services } from '../../services.js';

const AUTHORS = ['engineer', 'service_manager'] as const;
const tags = ['fieldwork'];
/** Where the QR code on a sheet points: this server as the caller reached it. */
const originOf = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

export const fieldworkRoutes =
  (
    s: Pick<Services, 'recordDrafts' | 'recordExports' | 'recordSignoff' | 'records' | 'visits'>,
  ): FastifyPluginAsyncZod =>
  async (app) => {
    // ---------- check-in / check-out ----------
    app.get(
      '/site-visits/current',
      {
        config: { access: PROVIDER_STAFF },
        schema: { tags, summary: '我当前的签到 My open check-in', response: { 200: SiteVisit.nullable() } },
      },
      async (req) => s.visits.current(meta(req).actor),
    );
    app.post(
      '/site-visits/check-in',
      {
        config: { access: PROVIDER_STAFF },
        schema: { tags, summary: '现场签到 Check in on site', body: CheckInRequest, response: { 200: SiteVisit } },
      },
      async (req) => s.visits.checkIn(meta(req), req.body),
    );
    app.post(
      '/site-visits/:id/check-out',
      {
        config: { access: PROVIDER_STAFF },
        schema: {
          tags,
          summary: '现场签退 Check out',
          params: IdParam,
          body: CheckOutRequest,
          response: { 200: SiteVisit },
        },
      },
      async (req) => s.visits.checkOut(meta(req), req.params.id, req.body),
    );
    app.get(
      '/site-visits',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '出入记录 Check-ins (keyset pages, newest first)',
          querystring: SiteVisitQuery,
          response: { 200: SiteVisitPage },
        },
      },
      async (req) => s.visits.list(meta(req).actor, req.query),
    );
    app.post(
      '/site-visits/:id/photo',
      {
        config: { access: PROVIDER_STAFF },
        schema: {
          tags,
          summary: '上传现场照片 Photo (multipart field "file")',
          consumes: ['multipart/form-data'],
          params: IdParam,
          response: { 200: SiteVisit },
        },
      },
      async (req) => s.visits.addPhoto(meta(req), req.params.id, await uploaded(req)),
    );
    app.get(
      '/site-visits/:id/photo',
      { config: { access: STAFF_AND_CUSTOMERS }, schema: { tags, summary: '现场照片 Photo', params: IdParam } },
      async (req, reply) => {
        const f = await s.visits.photo(meta(req).actor, req.params.id);
        return inline(reply, f.mime, f.path, 'private, max-age=3600');
      },
    );

    // ---------- O&M records ----------
    app.get(
      '/om-records',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '运维记录 O&M records (keyset pages)',
          querystring: OmRecordQuery,
          response: { 200: OmRecordPage },
        },
      },
      async (req) => s.records.list(meta(req).actor, req.query),
    );
    app.post(
      '/om-records',
      {
        config: { access: AUTHORS },
        schema: { tags, summary: '新建运维记录 Draft a record', body: OmRecordCreate, response: { 200: OmRecord } },
      },
      async (req) => s.recordDrafts.create(meta(req), req.body),
    );
    app.post(
      '/om-records/sign',
      {
        config: { access: ['customer_lead'] },
        schema: {
          tags,
          summary: '签字确认（可批量）Sign one or more records',
          body: OmRecordSign,
          response: { 200: z.object({ items: z.array(OmRecord) }) },
        },
      },
      async (req) => s.recordSignoff.sign(meta(req), req.body.recordIds, req.body.signature),
    );
    app.get(
      '/om-records/:id',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: { tags, summary: '运维记录详情 Record', params: IdParam, response: { 200: OmRecord } },
      },
      async (req) => s.records.get(meta(req).actor, req.params.id),
    );
    app.patch(
      '/om-records/:id',
      {
        config: { access: AUTHORS },
        schema: {
          tags,
          summary: '修改草稿/被退回的记录 Edit a draft',
          params: IdParam,
          body: OmRecordUpdate,
          response: { 200: OmRecord },
        },
      },
      async (req) => s.recordDrafts.update(meta(req), req.params.id, req.body),
    );
    app.post(
      '/om-records/:id/submit',
      {
        config: { access: AUTHORS },
        schema: {
          tags,
          summary: '提交给采购人签字 Submit for signature',
          params: IdParam,
          response: { 200: OmRecord },
        },
      },
      async (req) => s.recordSignoff.submit(meta(req), req.params.id),
    );
    app.post(
      '/om-records/:id/review',
      {
        config: { access: ['service_manager'] },
        schema: {
          tags,
          summary: '服务经理审核 Review',
          params: IdParam,
          body: OmRecordReview,
          response: { 200: OmRecord },
        },
      },
      async (req) => s.recordSignoff.review(meta(req), req.params.id, req.body.note),
    );
    app.post(
      '/om-records/:id/reject',
      {
        config: { access: ['customer_lead'] },
        schema: {
          tags,
          summary: '退回（须填原因）Reject with a reason',
          params: IdParam,
          body: OmRecordReject,
          response: { 200: OmRecord },
        },
      },
      async (req) => s.recordSignoff.reject(meta(req), req.params.id, req.body.reason),
    );
    app.post(
      '/om-records/:id/amend',
      {
        config: { access: AUTHORS },
        schema: {
          tags,
          summary: '更正已签字记录（新版本）Amend a signed record',
          params: IdParam,
          body: OmRecordAmend,
          response: { 200: OmRecord },
        },
      },
      async (req) => s.recordDrafts.amend(meta(req), req.params.id, req.body),
    );
    app.get(
      '/om-records/export',
      {
        config: { access: [...PROVIDER_STAFF, 'customer_lead'] },
        schema: { tags, summary: '导出某月运维记录 Excel (xlsx)', querystring: OmRecordExportQuery },
      },
      async (req, reply) => {
        const f = await s.recordExports.monthXlsx(meta(req), req.query.projectId, req.query.month);
        return download(reply, XLSX_MIME, f.fileName, f.xlsx);
      },
    );
    app.get(
      '/om-records/:id/pdf',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: { tags, summary: '服务记录单 PDF Service record sheet', params: IdParam },
      },
      async (req, reply) => {
        const f = await s.recordExports.sheets(meta(req), [req.params.id], originOf(req), { batch: false });
        return download(reply, 'application/pdf', f.fileName, f.pdf);
      },
    );
    app.post(
      '/om-records/sheets',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: { tags, summary: '批量服务记录单 PDF (one sheet per record)', body: OmRecordSheetsRequest },
      },
      async (req, reply) => {
        const f = await s.recordExports.sheets(meta(req), req.body.recordIds, originOf(req), { batch: true });
        return download(reply, 'application/pdf', f.fileName, f.pdf);
      },
    );
    app.get(
      '/public/om-records/:id/verify',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: '扫码核验服务记录单 Verify a sheet (public, needs the code printed on it)',
          params: IdParam,
          querystring: RecordVerifyQuery,
          response: { 200: RecordVerification },
        },
      },
      async (req) => s.recordExports.verifyPublic(req.params.id, req.query.h ?? ''),
    );
    app.get(
      '/om-records/:id/signature',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: { tags, summary: '签名图片 Signature image (PNG)', params: IdParam },
      },
      async (req, reply) => {
        const file = await s.records.signature(meta(req).actor, req.params.id);
        return inline(reply, 'image/png', file);
      },
    );
  };
