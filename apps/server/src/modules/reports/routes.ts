import {
  Analytics,
  AnalyticsQuery,
  ArchivedReportPage,
  ArchivedReportQuery,
  Commitment,
  CommitmentOverview,
  CommitmentReport,
  CommitmentsQuery,
  CommitmentUpdate,
  ReportFormat,
  ReportIssueInput,
  ReportIssueResult,
  ReportNotes,
  ReportNotesInput,
  ReportQuery,
  ReportSchedule,
  ReportScheduleInput,
  PROVIDER_STAFF,
} from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { meta } from '../../http/auth.js';
import { download } from '../../http/download.js';
import { IdParam } from '../../http/params.js';
import type { Services } from '../../services.js';

/** Provider staff and the purchaser's project lead (采购人项目负责人) read and download; customer users do not. */
const READERS = [...PROVIDER_STAFF, 'customer_lead'] as const;
const tags = ['commitments & reports'];

/** 服务承诺, 运营分析 and 月度运维报告 (R29). */
export const reportRoutes =
  (s: Pick<Services, 'analytics' | 'commitments' | 'reports'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/analytics',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: '运营分析 KPI dashboard (on-time rates, trends, backlog, MTTR, breaches, promises)',
          querystring: AnalyticsQuery,
          response: { 200: Analytics },
        },
      },
      async (req) => s.analytics.dashboard(meta(req).actor, req.query),
    );
    app.get(
      '/commitments',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: "各项目合同执行合格率 Every visible project's pass rate for a month",
          querystring: CommitmentsQuery,
          response: { 200: CommitmentOverview },
        },
      },
      async (req) => s.commitments.overview(meta(req).actor, req.query.month),
    );
    app.get(
      '/projects/:id/commitments',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: '服务承诺达成 Commitments of the contract in force, measured for a month',
          params: IdParam,
          querystring: CommitmentsQuery,
          response: { 200: CommitmentReport },
        },
      },
      async (req) => s.commitments.evaluate(meta(req).actor, req.params.id, req.query.month),
    );
    app.patch(
      '/commitments/:id',
      {
        config: { access: ['service_manager'] },
        schema: {
          tags,
          summary: "修改服务承诺 Edit a commitment's target, note or whether it counts",
          params: IdParam,
          body: CommitmentUpdate,
          response: { 200: Commitment },
        },
      },
      async (req) => s.commitments.update(meta(req), req.params.id, req.body),
    );
    app.get(
      '/projects/:id/report-notes',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: "月报的下月工作计划 The report's next-month plan",
          params: IdParam,
          querystring: ReportQuery,
          response: { 200: ReportNotes },
        },
      },
      async (req) => s.reports.notes(meta(req).actor, req.params.id, s.reports.monthOf(req.query.month)),
    );
    app.put(
      '/projects/:id/report-notes',
      {
        config: { access: ['service_manager'] },
        schema: {
          tags,
          summary: '编辑下月工作计划 Edit the next-month plan',
          params: IdParam,
          querystring: ReportQuery,
          body: ReportNotesInput,
          response: { 200: ReportNotes },
        },
      },
      async (req) => s.reports.saveNotes(meta(req), req.params.id, s.reports.monthOf(req.query.month), req.body),
    );
    for (const format of ReportFormat.options) {
      app.get(
        `/projects/:id/monthly-report.${format}`,
        {
          config: { access: READERS },
          schema: {
            tags,
            summary: `生成月度运维报告 ${format} (not archived; only issuing archives)`,
            params: IdParam,
            querystring: ReportQuery,
          },
        },
        async (req, reply) => {
          const f = await s.reports.download(meta(req), req.params.id, s.reports.monthOf(req.query.month), format);
          reply.header('x-report-sha256', f.sha256);
          return download(reply, f.mime, f.fileName, f.body);
        },
      );
    }
    // Who may issue: those who may send reports (the schedule's editors), not the purchaser.
    app.post(
      '/projects/:id/monthly-reports/issue',
      {
        config: { access: ['service_manager'] },
        schema: {
          tags,
          summary: "月度运维报告定稿 Mark a finished month's report final: archive one version per format",
          params: IdParam,
          body: ReportIssueInput,
          response: { 200: ReportIssueResult },
        },
      },
      async (req) => s.reports.issue(meta(req), req.params.id, req.body),
    );
    app.get(
      '/projects/:id/monthly-reports',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: '月度报告归档 Archived reports (newest first)',
          params: IdParam,
          querystring: ArchivedReportQuery,
          response: { 200: ArchivedReportPage },
        },
      },
      async (req) => s.reports.archive(meta(req).actor, req.params.id, req.query),
    );
    app.get(
      '/monthly-reports/:id/file',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: '下载归档报告（校验 SHA-256） An archived file, verified against its hash',
          params: IdParam,
        },
      },
      async (req, reply) => {
        const f = await s.reports.archivedFile(meta(req), req.params.id);
        reply.header('x-report-sha256', f.sha256);
        return download(reply, f.mime, f.fileName, f.body);
      },
    );
    app.get(
      '/projects/:id/report-schedule',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: '月报定时发送 The monthly e-mail schedule',
          params: IdParam,
          response: { 200: ReportSchedule },
        },
      },
      async (req) => s.reports.schedule(meta(req).actor, req.params.id),
    );
    app.put(
      '/projects/:id/report-schedule',
      {
        config: { access: ['service_manager'] },
        schema: {
          tags,
          summary: '设置月报定时发送 Set the monthly e-mail schedule',
          params: IdParam,
          body: ReportScheduleInput,
          response: { 200: ReportSchedule },
        },
      },
      async (req) => s.reports.saveSchedule(meta(req), req.params.id, req.body),
    );
  };
