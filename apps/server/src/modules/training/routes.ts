import {
  AssessmentInput,
  AttendanceInput,
  BatchInput,
  BatchUpdate,
  CourseInput,
  CourseUpdate,
  SessionInput,
  SessionUpdate,
  TraineeInput,
  TraineeUpdate,
  TrainingPlan,
  TrainingPlanInput,
  TrainingPlanSummary,
  TrainingPlanUpdate,
  STAFF_AND_CUSTOMERS,
} from '@weibao/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meta } from '../../http/auth.js';
import { XLSX_MIME, download, downloadFile } from '../../http/download.js';
import { IdParam } from '../../http/params.js';
import type { Services } from '../../services.js';
import { uploaded } from '../../http/upload.js';
import { presentPlan, presentSummary } from './present.js';

const NoteQuery = z.object({ note: z.string().trim().max(500).default('') });
const MANAGER = ['service_manager'] as const;
/** Trainers are engineers: they take attendance and assess. */
const TRAINERS = ['service_manager', 'engineer'] as const;
const tags = ['training'];
const plan = { 200: TrainingPlan };

/** Training plans until every trainee can operate on their own (R18). */
export const trainingRoutes =
  (s: Pick<Services, 'training' | 'trainingMaterials' | 'trainingReports'>): FastifyPluginAsyncZod =>
  async (app) => {
    const t = s.training;
    app.get(
      '/projects/:id/training-plans',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary: '培训计划 Training plans of a project, with progress',
          params: IdParam,
          response: { 200: z.array(TrainingPlanSummary) },
        },
      },
      async (req) => (await t.plans(meta(req).actor, req.params.id)).map(presentSummary),
    );
    app.post(
      '/projects/:id/training-plans',
      {
        config: { access: MANAGER },
        schema: {
          tags,
          summary: '新建培训计划 New training plan',
          params: IdParam,
          body: TrainingPlanInput,
          response: plan,
        },
      },
      async (req) => presentPlan(await t.createPlan(meta(req), req.params.id, req.body)),
    );
    app.get(
      '/training-plans/:id',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: {
          tags,
          summary:
            "培训计划详情：课程、批次、场次、学员掌握情况 Plan with courses, batches, sessions and each trainee's standing",
          params: IdParam,
          response: plan,
        },
      },
      async (req) => presentPlan(await t.detail(meta(req).actor, req.params.id)),
    );
    app.patch(
      '/training-plans/:id',
      {
        config: { access: MANAGER },
        schema: {
          tags,
          summary: '修改培训计划 Edit a plan',
          params: IdParam,
          body: TrainingPlanUpdate,
          response: plan,
        },
      },
      async (req) => presentPlan(await t.updatePlan(meta(req), req.params.id, req.body)),
    );

    app.post(
      '/training-plans/:id/courses',
      {
        config: { access: MANAGER },
        schema: { tags, summary: '新增课程 Add a course', params: IdParam, body: CourseInput, response: plan },
      },
      async (req) => presentPlan(await t.addCourse(meta(req), req.params.id, req.body)),
    );
    app.patch(
      '/training-courses/:id',
      {
        config: { access: MANAGER },
        schema: { tags, summary: '修改课程 Edit a course', params: IdParam, body: CourseUpdate, response: plan },
      },
      async (req) => presentPlan(await t.updateCourse(meta(req), req.params.id, req.body)),
    );
    app.post(
      '/training-courses/:id/materials',
      {
        config: { access: TRAINERS },
        schema: {
          tags,
          summary: '上传培训资料 Upload a material (multipart "file")',
          consumes: ['multipart/form-data'],
          params: IdParam,
          querystring: NoteQuery,
          response: plan,
        },
      },
      async (req) =>
        presentPlan(
          await s.trainingMaterials.upload(meta(req), { courseId: req.params.id }, await uploaded(req), req.query.note),
        ),
    );
    app.post(
      '/training-materials/:id/versions',
      {
        config: { access: TRAINERS },
        schema: {
          tags,
          summary: '上传资料新版本 Upload the next version of a material',
          consumes: ['multipart/form-data'],
          params: IdParam,
          querystring: NoteQuery,
          response: plan,
        },
      },
      async (req) =>
        presentPlan(
          await s.trainingMaterials.upload(meta(req), { reviseId: req.params.id }, await uploaded(req), req.query.note),
        ),
    );
    app.get(
      '/training-materials/:id/file',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: { tags, summary: '下载培训资料（任一版本） Download a material version', params: IdParam },
      },
      async (req, reply) => {
        const f = await s.trainingMaterials.file(meta(req), req.params.id);
        return downloadFile(reply, f.mime, f.fileName, f.file);
      },
    );

    app.post(
      '/training-plans/:id/trainees',
      {
        config: { access: MANAGER },
        schema: {
          tags,
          summary: '新增学员 Add a trainee (a customer user or a named person)',
          params: IdParam,
          body: TraineeInput,
          response: plan,
        },
      },
      async (req) => presentPlan(await t.addTrainee(meta(req), req.params.id, req.body)),
    );
    app.patch(
      '/training-trainees/:id',
      {
        config: { access: MANAGER },
        schema: { tags, summary: '修改学员 Edit a trainee', params: IdParam, body: TraineeUpdate, response: plan },
      },
      async (req) => presentPlan(await t.updateTrainee(meta(req), req.params.id, req.body)),
    );

    app.post(
      '/training-plans/:id/batches',
      {
        config: { access: MANAGER },
        schema: {
          tags,
          summary: '新增批次 Add a batch (分批) with its trainees',
          params: IdParam,
          body: BatchInput,
          response: plan,
        },
      },
      async (req) => presentPlan(await t.addBatch(meta(req), req.params.id, req.body)),
    );
    app.patch(
      '/training-batches/:id',
      {
        config: { access: MANAGER },
        schema: {
          tags,
          summary: '修改批次及学员 Rename a batch or set its trainees',
          params: IdParam,
          body: BatchUpdate,
          response: plan,
        },
      },
      async (req) => presentPlan(await t.updateBatch(meta(req), req.params.id, req.body)),
    );
    app.post(
      '/training-batches/:id/sessions',
      {
        config: { access: MANAGER },
        schema: {
          tags,
          summary: '安排场次 Schedule a session (分次)',
          params: IdParam,
          body: SessionInput,
          response: plan,
        },
      },
      async (req) => presentPlan(await t.addSession(meta(req), req.params.id, req.body)),
    );
    app.patch(
      '/training-sessions/:id',
      {
        config: { access: MANAGER },
        schema: {
          tags,
          summary: '修改或取消场次 Edit or cancel a session',
          params: IdParam,
          body: SessionUpdate,
          response: plan,
        },
      },
      async (req) => presentPlan(await t.updateSession(meta(req), req.params.id, req.body)),
    );
    app.put(
      '/training-sessions/:id/attendance',
      {
        config: { access: TRAINERS },
        schema: { tags, summary: '签到 Record attendance', params: IdParam, body: AttendanceInput, response: plan },
      },
      async (req) => presentPlan(await t.attendance(meta(req), req.params.id, req.body)),
    );
    app.post(
      '/training-plans/:id/assessments',
      {
        config: { access: TRAINERS },
        schema: {
          tags,
          summary: '考核：能否独立操作 Assess a trainee in a course',
          params: IdParam,
          body: AssessmentInput,
          response: plan,
        },
      },
      async (req) => presentPlan(await t.assess(meta(req), req.params.id, req.body)),
    );

    app.get(
      '/training-sessions/:id/attendance.pdf',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: { tags, summary: '培训签到表 PDF Attendance sheet', params: IdParam },
      },
      async (req, reply) => {
        const f = await s.trainingReports.attendancePdf(meta(req), req.params.id);
        return download(reply, 'application/pdf', f.fileName, f.body);
      },
    );
    app.get(
      '/training-sessions/:id/attendance.xlsx',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: { tags, summary: '培训签到表 Excel Attendance sheet', params: IdParam },
      },
      async (req, reply) => {
        const f = await s.trainingReports.attendanceXlsx(meta(req), req.params.id);
        return download(reply, XLSX_MIME, f.fileName, f.body);
      },
    );
    app.get(
      '/training-plans/:id/report.pdf',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: { tags, summary: '培训完成情况报告 PDF Completion report', params: IdParam },
      },
      async (req, reply) => {
        const f = await s.trainingReports.planPdf(meta(req), req.params.id);
        return download(reply, 'application/pdf', f.fileName, f.body);
      },
    );
    app.get(
      '/training-plans/:id/report.xlsx',
      {
        config: { access: STAFF_AND_CUSTOMERS },
        schema: { tags, summary: '培训完成情况报告 Excel Completion report', params: IdParam },
      },
      async (req, reply) => {
        const f = await s.trainingReports.planXlsx(meta(req), req.params.id);
        return download(reply, XLSX_MIME, f.fileName, f.body);
      },
    );
  };
