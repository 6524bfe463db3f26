import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import { type Actor, type RequestMeta, isCustomer } from '../../lib/actor.js';
import { notFound } from '../../lib/errors.js';
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
export type PlanRow = NonNullable<Awaited<ReturnType<TrainingRepository['plan']>>>;

/**
 * What every training use case shares: who may see a plan and its parts, the whole plan in one read with each
 * trainee's standing, and keeping the plan's completion true to the rule after a change.
 */
export class TrainingAccess {
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
  async detail(actor: Actor, id: string, db: Tx = this.db) {
    return this.load(db, await this.visiblePlan(db, actor, id));
  }

  /**
   * Keeps `completed_at` true to the rule after any change: set (and the manager told) when the
   * last trainee becomes independent, cleared when a new trainee or course reopens the plan.
   */
  async settle(tx: Tx, meta: RequestMeta, plan: PlanRow) {
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
}
