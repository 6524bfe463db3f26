import type {
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
  TrainingPlanInput,
  TrainingPlanUpdate,
} from '@weibao/schema';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import { type Actor, type RequestMeta, isCustomer } from '../../lib/actor.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { beijingDay } from '../../lib/time.js';
import type { AuditService } from '../audit/service.js';
import type { NotificationService } from '../notifications/service.js';
import type { ProjectService } from '../projects/service.js';
import type { UserDirectory } from '../users/directory.js';
import { trainingProgress } from './progress.js';
import { TrainingRepository } from './repository.js';
import { trainingCompleteText } from './texts.js';

export interface TrainingDeps {
  database: Database;
  audit: AuditService;
  projects: ProjectService;
  users: UserDirectory;
  notifications: NotificationService;
  now: () => number;
  dataDir: string;
}
type PlanRow = NonNullable<Awaited<ReturnType<TrainingRepository['plan']>>>;
const SIGN_IN_OPENS_MS = 30 * 60_000;

/**
 * Training plans (R18): courses with versioned materials, batches (分批) of sessions (分次),
 * trainees, attendance and assessments, until every trainee can operate on their own.
 */
export class TrainingService {
  readonly repo = new TrainingRepository();
  constructor(readonly d: TrainingDeps) {}
  get db() {
    return this.d.database.db;
  }

  /** The plan, if the actor may see it (customers: their own organisation's projects only). */
  async visiblePlan(db: Tx, actor: Actor, id: string): Promise<PlanRow> {
    const p = await this.repo.plan(db, id);
    if (!p || (isCustomer(actor) && p.customer_id !== actor.orgId)) throw notFound('培训计划');
    return p;
  }
  private async part<T extends { plan_id: string }>(
    db: Tx,
    actor: Actor,
    row: T | undefined,
    what: string,
  ): Promise<{ row: T; plan: PlanRow }> {
    if (!row) throw notFound(what);
    const plan = await this.repo.plan(db, row.plan_id);
    if (!plan || (isCustomer(actor) && plan.customer_id !== actor.orgId)) throw notFound(what);
    return { row, plan };
  }
  course = async (db: Tx, actor: Actor, id: string) => this.part(db, actor, await this.repo.course(db, id), '培训课程');
  batch = async (db: Tx, actor: Actor, id: string) => this.part(db, actor, await this.repo.batch(db, id), '培训批次');
  session = async (db: Tx, actor: Actor, id: string) =>
    this.part(db, actor, await this.repo.session(db, id), '培训场次');
  trainee = async (db: Tx, actor: Actor, id: string) => this.part(db, actor, await this.repo.trainee(db, id), '学员');
  material = async (db: Tx, actor: Actor, id: string) =>
    this.part(db, actor, await this.repo.material(db, id), '培训资料');

  /** Everything about a plan in one read, with each trainee's standing per course. */
  async load(db: Tx, plan: PlanRow) {
    const [courses, materials, batches, enrolments, sessions, trainees, attendance, assessments] = await Promise.all([
      this.repo.courses(db, plan.id),
      this.repo.materials(db, plan.id),
      this.repo.batches(db, plan.id),
      this.repo.enrolments(db, plan.id),
      this.repo.sessions(db, plan.id),
      this.repo.trainees(db, plan.id),
      this.repo.attendance(db, plan.id),
      this.repo.assessments(db, plan.id),
    ]);
    const progress = trainingProgress({
      courses,
      batches,
      trainees: trainees.map((t) => ({
        id: t.id,
        courseIds: t.course_ids_json ? (JSON.parse(t.course_ids_json) as string[]) : null,
      })),
      enrolments: enrolments.map((e) => ({ batchId: e.batch_id, traineeId: e.trainee_id })),
      assessments: assessments.map((a) => ({
        traineeId: a.trainee_id,
        courseId: a.course_id,
        batchId: a.batch_id,
        independent: a.independent === 1,
        assessedOn: a.assessed_on,
        assessorName: a.assessor_name,
        note: a.note,
      })),
    });
    return { plan, courses, materials, batches, enrolments, sessions, trainees, attendance, assessments, progress };
  }

  /**
   * Keeps `completed_at` true to the rule after any change: set (and the manager told) when the
   * last trainee becomes independent, cleared when a new trainee or course reopens the plan.
   */
  private async settle(tx: Tx, meta: RequestMeta, plan: PlanRow) {
    const { progress } = await this.load(tx, plan);
    const now = this.d.now();
    if (progress.summary.complete && plan.completed_at === null) {
      await this.repo.updatePlan(tx, plan.id, { completed_at: now, updated_at: now });
      await this.d.audit.record(tx, meta, {
        action: 'training.complete',
        targetType: 'training_plan',
        targetId: plan.id,
        summary: `${plan.project_name} 培训计划 ${plan.name} 完成：${progress.summary.trainees} 名学员均可独立操作`,
        detail: progress.summary,
      });
      await this.d.notifications.notify(tx, [plan.service_manager_id], {
        kind: 'training_complete',
        text: (locale) => trainingCompleteText(locale, plan, progress.summary.trainees),
        ticketId: null,
        sourceKey: `training-complete:${plan.id}:${now}`,
      });
    } else if (!progress.summary.complete && plan.completed_at !== null) {
      await this.repo.updatePlan(tx, plan.id, { completed_at: null, updated_at: now });
      await this.d.audit.record(tx, meta, {
        action: 'training.reopen',
        targetType: 'training_plan',
        targetId: plan.id,
        summary: `培训计划 ${plan.name} 重新打开：尚有学员未能独立操作（${progress.summary.independent}/${progress.summary.trainees}）`,
        detail: progress.summary,
      });
    }
  }

  // ---------- plans ----------
  async plans(actor: Actor, projectId: string) {
    await this.d.projects.visibleProject(this.db, actor, projectId);
    const rows = await this.repo.plansOf(this.db, projectId);
    return Promise.all(rows.map(async (p) => ({ plan: p, progress: (await this.load(this.db, p)).progress })));
  }
  async detail(actor: Actor, id: string, db: Tx = this.db) {
    return this.load(db, await this.visiblePlan(db, actor, id));
  }
  async createPlan(meta: RequestMeta, projectId: string, input: z.infer<typeof TrainingPlanInput>) {
    return this.db.transaction().execute(async (tx) => {
      const project = await this.d.projects.visibleProject(tx, meta.actor, projectId);
      const now = this.d.now();
      const row = {
        id: newId(now),
        project_id: projectId,
        name: input.name,
        description: input.description,
        completed_at: null,
        created_at: now,
        created_by: meta.actor.userId,
        updated_at: now,
      };
      await this.repo.insertPlan(tx, row);
      await this.d.audit.record(tx, meta, {
        action: 'training.create',
        targetType: 'training_plan',
        targetId: row.id,
        summary: `${project.name} 新建培训计划 ${row.name}`,
        detail: { after: row },
      });
      return this.detail(meta.actor, row.id, tx);
    });
  }
  async updatePlan(meta: RequestMeta, id: string, input: z.infer<typeof TrainingPlanUpdate>) {
    return this.db.transaction().execute(async (tx) => {
      const before = await this.visiblePlan(tx, meta.actor, id);
      const patch = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        updated_at: this.d.now(),
      };
      await this.repo.updatePlan(tx, id, patch);
      await this.d.audit.record(tx, meta, {
        action: 'training.update',
        targetType: 'training_plan',
        targetId: id,
        summary: `修改培训计划 ${before.name}`,
        detail: { before: { name: before.name, description: before.description }, after: input },
      });
      return this.detail(meta.actor, id, tx);
    });
  }

  // ---------- courses ----------
  async addCourse(meta: RequestMeta, planId: string, input: z.infer<typeof CourseInput>) {
    return this.db.transaction().execute(async (tx) => {
      const plan = await this.visiblePlan(tx, meta.actor, planId);
      const now = this.d.now();
      const existing = await this.repo.courses(tx, planId);
      const row = {
        id: newId(now),
        plan_id: planId,
        title: input.title,
        objective: input.objective,
        position: existing.length ? Math.max(...existing.map((c) => c.position)) + 1 : 1,
        created_at: now,
      };
      await this.repo.insertCourse(tx, row);
      await this.d.audit.record(tx, meta, {
        action: 'training.course.create',
        targetType: 'training_plan',
        targetId: planId,
        summary: `培训计划 ${plan.name} 新增课程 ${row.title}`,
        detail: { after: row },
      });
      await this.settle(tx, meta, plan);
      return this.detail(meta.actor, planId, tx);
    });
  }
  async updateCourse(meta: RequestMeta, id: string, input: z.infer<typeof CourseUpdate>) {
    return this.db.transaction().execute(async (tx) => {
      const { row, plan } = await this.course(tx, meta.actor, id);
      await this.repo.updateCourse(tx, id, {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.objective !== undefined ? { objective: input.objective } : {}),
      });
      await this.d.audit.record(tx, meta, {
        action: 'training.course.update',
        targetType: 'training_plan',
        targetId: plan.id,
        summary: `修改课程 ${row.title}`,
        detail: { before: row, after: input },
      });
      return this.detail(meta.actor, plan.id, tx);
    });
  }

  // ---------- trainees ----------
  private async checkCourses(tx: Tx, planId: string, ids: string[] | null | undefined, field: string) {
    if (!ids) return;
    const known = new Set((await this.repo.courses(tx, planId)).map((c) => c.id));
    const bad = ids.findIndex((c) => !known.has(c));
    if (bad >= 0) throw invalid(`${field}[${bad}]`, '不是本计划的课程 / not a course of this plan');
  }
  async addTrainee(meta: RequestMeta, planId: string, input: z.infer<typeof TraineeInput>) {
    return this.db.transaction().execute(async (tx) => {
      const plan = await this.visiblePlan(tx, meta.actor, planId);
      let name = input.name;
      if (input.userId) {
        const u = await this.d.users.byId(tx, input.userId);
        if (!u || u.org_id !== plan.customer_id)
          throw invalid('userId', "须为本项目客户单位的用户 / must be a user of the project's customer");
        if (await this.repo.traineeByUser(tx, planId, input.userId))
          throw new AppError('DUPLICATE', { field: 'userId' }, 'userId');
        name ||= u.display_name;
      }
      if (!name) throw invalid('name', "请填写学员姓名 / the trainee's name is required");
      await this.checkCourses(tx, planId, input.courseIds, 'courseIds');
      const now = this.d.now();
      const row = {
        id: newId(now),
        plan_id: planId,
        user_id: input.userId,
        name,
        unit: input.unit,
        phone: input.phone,
        course_ids_json: input.courseIds ? JSON.stringify([...new Set(input.courseIds)]) : null,
        created_at: now,
      };
      await this.repo.insertTrainee(tx, row);
      await this.d.audit.record(tx, meta, {
        action: 'training.trainee.create',
        targetType: 'training_plan',
        targetId: planId,
        summary: `培训计划 ${plan.name} 新增学员 ${name}`,
        detail: { after: row },
      });
      await this.settle(tx, meta, plan);
      return this.detail(meta.actor, planId, tx);
    });
  }
  async updateTrainee(meta: RequestMeta, id: string, input: z.infer<typeof TraineeUpdate>) {
    return this.db.transaction().execute(async (tx) => {
      const { row, plan } = await this.trainee(tx, meta.actor, id);
      await this.checkCourses(tx, plan.id, input.courseIds, 'courseIds');
      const patch = {
        ...(input.name ? { name: input.name } : {}),
        ...(input.unit !== undefined ? { unit: input.unit } : {}),
        ...(input.phone !== undefined ? { phone: input.phone } : {}),
        ...(input.courseIds !== undefined
          ? { course_ids_json: input.courseIds ? JSON.stringify([...new Set(input.courseIds)]) : null }
          : {}),
      };
      await this.repo.updateTrainee(tx, id, patch);
      await this.d.audit.record(tx, meta, {
        action: 'training.trainee.update',
        targetType: 'training_plan',
        targetId: plan.id,
        summary: `修改学员 ${row.name}`,
        detail: { before: row, after: patch },
      });
      await this.settle(tx, meta, plan);
      return this.detail(meta.actor, plan.id, tx);
    });
  }

  // ---------- batches and sessions ----------
  private async checkTrainees(tx: Tx, planId: string, ids: string[], field: string) {
    const known = new Set((await this.repo.trainees(tx, planId)).map((t) => t.id));
    const bad = ids.findIndex((t) => !known.has(t));
    if (bad >= 0) throw invalid(`${field}[${bad}]`, '不是本计划的学员 / not a trainee of this plan');
  }
  async addBatch(meta: RequestMeta, planId: string, input: z.infer<typeof BatchInput>) {
    return this.db.transaction().execute(async (tx) => {
      const plan = await this.visiblePlan(tx, meta.actor, planId);
      await this.checkTrainees(tx, planId, input.traineeIds, 'traineeIds');
      const now = this.d.now();
      const existing = await this.repo.batches(tx, planId);
      const row = {
        id: newId(now),
        plan_id: planId,
        name: input.name,
        position: existing.length ? Math.max(...existing.map((b) => b.position)) + 1 : 1,
        created_at: now,
      };
      await this.repo.insertBatch(tx, row);
      for (const t of new Set(input.traineeIds)) await this.repo.enrol(tx, row.id, t, 'plan', now);
      await this.d.audit.record(tx, meta, {
        action: 'training.batch.create',
        targetType: 'training_plan',
        targetId: planId,
        summary: `培训计划 ${plan.name} 新增${row.name}（${new Set(input.traineeIds).size} 名学员）`,
        detail: { after: row, traineeIds: input.traineeIds },
      });
      await this.settle(tx, meta, plan);
      return this.detail(meta.actor, planId, tx);
    });
  }
  async updateBatch(meta: RequestMeta, id: string, input: z.infer<typeof BatchUpdate>) {
    return this.db.transaction().execute(async (tx) => {
      const { row, plan } = await this.batch(tx, meta.actor, id);
      if (input.name) await this.repo.updateBatch(tx, id, { name: input.name });
      let change = {};
      if (input.traineeIds) {
        await this.checkTrainees(tx, plan.id, input.traineeIds, 'traineeIds');
        const now = this.d.now();
        const before = (await this.repo.enrolments(tx, plan.id))
          .filter((e) => e.batch_id === id)
          .map((e) => e.trainee_id);
        const want = new Set(input.traineeIds);
        const removed = before.filter((t) => !want.has(t));
        await this.repo.unenrol(tx, id, removed);
        for (const t of want) await this.repo.enrol(tx, id, t, 'plan', now);
        change = { added: [...want].filter((t) => !before.includes(t)), removed };
      }
      await this.d.audit.record(tx, meta, {
        action: 'training.batch.update',
        targetType: 'training_plan',
        targetId: plan.id,
        summary: `修改${row.name}${input.traineeIds ? `（学员 ${new Set(input.traineeIds).size} 名）` : ''}`,
        detail: { before: row, after: input, ...change },
      });
      await this.settle(tx, meta, plan);
      return this.detail(meta.actor, plan.id, tx);
    });
  }

  private async trainer(tx: Tx, input: { trainerId: string | null; trainerName: string }) {
    if (input.trainerId) {
      const u = await this.d.users.byId(tx, input.trainerId);
      if (!u || u.disabled || u.org_kind !== 'provider')
        throw invalid('trainerId', '讲师须为服务商在岗人员 / the trainer must be active provider staff');
      return { trainer_id: u.id, trainer_name: u.display_name };
    }
    if (!input.trainerName)
      throw invalid('trainerName', '请选择讲师或填写外聘讲师姓名 / choose a trainer or name an outside one');
    return { trainer_id: null, trainer_name: input.trainerName };
  }
  async addSession(meta: RequestMeta, batchId: string, input: z.infer<typeof SessionInput>) {
    return this.db.transaction().execute(async (tx) => {
      const { row: batch, plan } = await this.batch(tx, meta.actor, batchId);
      const course = await this.repo.course(tx, input.courseId);
      if (!course || course.plan_id !== plan.id)
        throw invalid('courseId', '不是本计划的课程 / not a course of this plan');
      if (input.endsAt <= input.startsAt) throw invalid('endsAt', '结束时间须晚于开始时间 / must end after it starts');
      const now = this.d.now();
      const row = {
        id: newId(now),
        batch_id: batchId,
        course_id: input.courseId,
        starts_at: input.startsAt,
        ends_at: input.endsAt,
        mode: input.mode,
        place: input.place,
        ...(await this.trainer(tx, input)),
        cancelled: 0,
        created_at: now,
      };
      await this.repo.insertSession(tx, row);
      await this.d.audit.record(tx, meta, {
        action: 'training.session.create',
        targetType: 'training_plan',
        targetId: plan.id,
        summary: `${batch.name} 安排课程 ${course.title}（${row.mode === 'online' ? '线上' : '现场'}，${row.place}）`,
        detail: { after: row },
      });
      return this.detail(meta.actor, plan.id, tx);
    });
  }
  async updateSession(meta: RequestMeta, id: string, input: z.infer<typeof SessionUpdate>) {
    return this.db.transaction().execute(async (tx) => {
      const { row, plan } = await this.session(tx, meta.actor, id);
      if (input.courseId) {
        const course = await this.repo.course(tx, input.courseId);
        if (!course || course.plan_id !== plan.id)
          throw invalid('courseId', '不是本计划的课程 / not a course of this plan');
      }
      const startsAt = input.startsAt ?? row.starts_at;
      const endsAt = input.endsAt ?? row.ends_at;
      if (endsAt <= startsAt) throw invalid('endsAt', '结束时间须晚于开始时间 / must end after it starts');
      const trainer =
        input.trainerId !== undefined || input.trainerName !== undefined
          ? await this.trainer(tx, { trainerId: input.trainerId ?? null, trainerName: input.trainerName ?? '' })
          : {};
      const patch = {
        ...(input.courseId ? { course_id: input.courseId } : {}),
        starts_at: startsAt,
        ends_at: endsAt,
        ...(input.mode ? { mode: input.mode } : {}),
        ...(input.place ? { place: input.place } : {}),
        ...trainer,
        ...(input.cancelled !== undefined ? { cancelled: input.cancelled ? 1 : 0 } : {}),
      };
      await this.repo.updateSession(tx, id, patch);
      await this.d.audit.record(tx, meta, {
        action: input.cancelled ? 'training.session.cancel' : 'training.session.update',
        targetType: 'training_plan',
        targetId: plan.id,
        summary: `${input.cancelled ? '取消' : '修改'}培训场次 ${row.batch_name} ${row.course_title}`,
        detail: { before: row, after: patch },
      });
      return this.detail(meta.actor, plan.id, tx);
    });
  }

  /** 签到: one entry per trainee of the session's batch; sign-in opens half an hour before the start. */
  async attendance(meta: RequestMeta, sessionId: string, input: z.infer<typeof AttendanceInput>) {
    return this.db.transaction().execute(async (tx) => {
      const { row, plan } = await this.session(tx, meta.actor, sessionId);
      if (row.cancelled)
        throw new AppError('ACTION_NOT_ALLOWED', { action: '已取消的场次 / a cancelled session' }, 'sessionId');
      const now = this.d.now();
      if (now < row.starts_at - SIGN_IN_OPENS_MS)
        throw new AppError(
          'ACTION_NOT_ALLOWED',
          { action: '尚未开始的场次 / a session that has not started' },
          'sessionId',
        );
      const enrolled = new Set(
        (await this.repo.enrolments(tx, plan.id)).filter((e) => e.batch_id === row.batch_id).map((e) => e.trainee_id),
      );
      const bad = input.entries.findIndex((e) => !enrolled.has(e.traineeId));
      if (bad >= 0) throw invalid(`entries[${bad}].traineeId`, '学员不在本批次 / the trainee is not in this batch');
      for (const e of input.entries)
        await this.repo.saveAttendance(tx, {
          session_id: sessionId,
          trainee_id: e.traineeId,
          status: e.status,
          note: e.note,
          recorded_at: now,
          recorded_by: meta.actor.userId,
        });
      const present = input.entries.filter((e) => e.status === 'present' || e.status === 'late').length;
      await this.d.audit.record(tx, meta, {
        action: 'training.attendance',
        targetType: 'training_plan',
        targetId: plan.id,
        summary: `${row.batch_name} ${row.course_title} 签到：到 ${present} / ${input.entries.length}`,
        detail: { sessionId, entries: input.entries },
      });
      return this.detail(meta.actor, plan.id, tx);
    });
  }

  /**
   * 考核: the latest verdict per trainee and course counts. Not yet independent puts the trainee
   * into a later batch (the one given, else the next in order); without one, the plan shows the
   * trainee as waiting for a batch.
   */
  async assess(meta: RequestMeta, planId: string, input: z.infer<typeof AssessmentInput>) {
    return this.db.transaction().execute(async (tx) => {
      const loaded = await this.detail(meta.actor, planId, tx);
      const { plan, batches, enrolments, progress } = loaded;
      const trainee = loaded.trainees.find((t) => t.id === input.traineeId);
      if (!trainee) throw invalid('traineeId', '不是本计划的学员 / not a trainee of this plan');
      const course = loaded.courses.find((c) => c.id === input.courseId);
      if (!course) throw invalid('courseId', '不是本计划的课程 / not a course of this plan');
      if (!progress.trainees.find((t) => t.traineeId === trainee.id)!.courseIds.includes(course.id))
        throw invalid('courseId', '该学员不学此课程 / the trainee does not take this course');
      const batch = batches.find((b) => b.id === input.batchId);
      if (!batch) throw invalid('batchId', '不是本计划的批次 / not a batch of this plan');
      if (!enrolments.some((e) => e.batch_id === batch.id && e.trainee_id === trainee.id))
        throw invalid('batchId', '学员不在该批次 / the trainee is not in that batch');
      if (input.assessedOn > beijingDay(this.d.now()))
        throw invalid('assessedOn', '考核日期不能晚于今天 / cannot be in the future');
      let retrain: (typeof batches)[number] | undefined;
      if (!input.independent) {
        if (input.retrainBatchId) {
          retrain = batches.find((b) => b.id === input.retrainBatchId);
          if (!retrain || retrain.position <= batch.position)
            throw invalid('retrainBatchId', '须为本计划中更晚的批次 / must be a later batch of this plan');
        } else {
          retrain = batches.find((b) => b.position > batch.position);
        }
      }
      const now = this.d.now();
      const row = {
        id: newId(now),
        plan_id: planId,
        trainee_id: trainee.id,
        course_id: course.id,
        batch_id: batch.id,
        independent: input.independent ? 1 : 0,
        assessed_on: input.assessedOn,
        assessor_id: meta.actor.userId,
        assessor_name: input.assessorName || meta.actor.displayName,
        note: input.note,
        created_at: now,
      };
      await this.repo.insertAssessment(tx, row);
      if (retrain) await this.repo.enrol(tx, retrain.id, trainee.id, 'retrain', now);
      await this.d.audit.record(tx, meta, {
        action: 'training.assess',
        targetType: 'training_plan',
        targetId: planId,
        summary: `${trainee.name} ${course.title}：${input.independent ? '可独立操作' : `尚不能独立操作${retrain ? `，安排至${retrain.name}` : '，待安排后续批次'}`}（${row.assessor_name} ${row.assessed_on}）`,
        detail: { after: row, retrainBatchId: retrain?.id ?? null },
      });
      await this.settle(tx, meta, plan);
      return this.detail(meta.actor, planId, tx);
    });
  }
}
