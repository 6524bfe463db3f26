import {
  Acceptance,
  AcceptanceCreate,
  Asset,
  AssetCreate,
  AssetDetail,
  AssetImportQuery,
  AssetImportResult,
  AssetListQuery,
  AssetPage,
  AssetUpdate,
  InspectionCreate,
  InspectionDone,
  InspectionDuePage,
  InspectionDueQuery,
  PROVIDER_STAFF,
  STAFF_AND_CUSTOMERS,
} from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meta } from '../../http/auth.js';
import { download, downloadFile, XLSX_MIME } from '../../http/download.js';
import { IdParam } from '../../http/params.js';
import { localeOf, uploaded } from '../../http/upload.js';
import type { Services } from '../../services.js';
import { templateXlsx } from './spreadsheet.js';

const tags = ['assets'];
/** Asset ledger, acceptances, Excel import/export and annual inspections (R1, R5). */
export const assetRoutes =
  (s: Pick<Services, 'assetImport' | 'assets'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/assets',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '资产台账 Asset ledger (keyset pages; sort=warranty_end for the reminder list)',
          querystring: AssetListQuery,
          response: { 200: AssetPage },
        },
      },
      async (req) => s.assets.list(meta(req).actor, req.query),
    );
    app.get(
      '/assets/import-template.xlsx',
      { config: { access: PROVIDER_STAFF }, schema: { tags, summary: '资产导入模板 Import template (xlsx)' } },
      async (_req, reply) => download(reply, XLSX_MIME, '资产导入模板.xlsx', await templateXlsx()),
    );
    app.get(
      '/assets/:id',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '资产详情 Asset with parts, warranty history and annual inspections',
          params: IdParam,
          response: { 200: AssetDetail },
        },
      },
      async (req) => s.assets.detail(meta(req).actor, req.params.id),
    );
    app.patch(
      '/assets/:id',
      {
        config: { access: ['service_manager'] },
        schema: {
          tags,
          summary: '修改或报废资产 Edit or retire an asset',
          params: IdParam,
          body: AssetUpdate,
          response: { 200: Asset },
        },
      },
      async (req) => s.assets.update(meta(req), req.params.id, req.body),
    );
    app.post(
      '/projects/:id/assets',
      {
        config: { access: ['service_manager'] },
        schema: {
          tags,
          summary: '登记资产 Add an asset',
          params: IdParam,
          body: AssetCreate,
          response: { 200: Asset },
        },
      },
      async (req) => s.assets.create(meta(req), req.params.id, req.body),
    );
    app.post(
      '/projects/:id/assets/import',
      {
        config: { access: ['service_manager'] },
        schema: {
          tags,
          summary: '从 Excel 导入资产 Import assets (multipart "file"; mode=all imports nothing if a row fails)',
          consumes: ['multipart/form-data'],
          params: IdParam,
          querystring: AssetImportQuery,
          response: { 200: AssetImportResult },
        },
      },
      async (req) => {
        const f = await uploaded(req);
        return s.assetImport.import(meta(req), req.params.id, f.data, req.query.mode, localeOf(req));
      },
    );
    app.get(
      '/projects/:id/assets.xlsx',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: { tags, summary: '导出资产台账 Export the ledger (xlsx)', params: IdParam },
      },
      async (req, reply) => {
        const f = await s.assetImport.export(meta(req), req.params.id, localeOf(req));
        return download(reply, XLSX_MIME, f.fileName, f.body);
      },
    );
    app.get(
      '/projects/:id/acceptances',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: { tags, summary: '验收记录 Acceptances', params: IdParam, response: { 200: z.array(Acceptance) } },
      },
      async (req) => s.assets.acceptances(meta(req).actor, req.params.id),
    );
    app.post(
      '/projects/:id/acceptances',
      {
        config: { access: ['service_manager'] },
        schema: {
          tags,
          summary: '新建验收记录 Record an acceptance',
          params: IdParam,
          body: AcceptanceCreate,
          response: { 200: Acceptance },
        },
      },
      async (req) => s.assets.createAcceptance(meta(req), req.params.id, req.body),
    );
    app.post(
      '/acceptances/:id/document',
      {
        config: { access: ['service_manager'] },
        schema: {
          tags,
          summary: '上传验收文件 Upload the acceptance document (multipart "file")',
          consumes: ['multipart/form-data'],
          params: IdParam,
          response: { 200: Acceptance },
        },
      },
      async (req) => s.assets.attachDocument(meta(req), req.params.id, await uploaded(req)),
    );
    app.get(
      '/acceptances/:id/document',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: { tags, summary: '下载验收文件 Download the acceptance document', params: IdParam },
      },
      async (req, reply) => {
        const f = await s.assets.documentFile(meta(req).actor, req.params.id);
        return downloadFile(reply, f.mime, f.fileName, f.path);
      },
    );
    app.post(
      '/assets/:id/inspections',
      {
        config: { access: ['service_manager', 'engineer'] },
        schema: {
          tags,
          summary: '记录年度巡检 Record the annual inspection (R5)',
          params: IdParam,
          body: InspectionCreate,
          response: { 200: InspectionDone },
        },
      },
      async (req) => s.assets.recordInspection(meta(req), req.params.id, req.body),
    );
    app.get(
      '/inspections/annual',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '年度巡检到期与逾期 Annual inspections overdue or due',
          querystring: InspectionDueQuery,
          response: { 200: InspectionDuePage },
        },
      },
      async (req) => s.assets.inspectionsDue(meta(req).actor, req.query),
    );
  };
