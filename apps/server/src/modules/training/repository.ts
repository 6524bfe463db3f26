import type { Tx } from '../../db/dialect.js';
import type {
  TrainingAssessmentsTable,
  TrainingAttendanceTable,
  TrainingBatchesTable,
  TrainingCoursesTable,
  TrainingMaterialsTable,
  TrainingPlansTable,
  TrainingSessionsTable,
  TrainingTraineesTable,
} from '../../db/types.js';

/**
 * SQL for training plans. A plan is small (tens of courses, batches and sessions, hundreds of
 * trainees), so a plan's parts are read whole and assembled in TypeScript.
 */
export class TrainingRepository {
  private plans(db: Tx) {
    return db
      .selectFrom('training_plans')
      .innerJoin('projects', 'projects.id', 'training_plans.project_id')
      .selectAll('training_plans')
      .select(['projects.name as project_name', 'projects.customer_id', 'projects.service_manager_id']);
  }
  async plan(db: Tx, id: string) {
    return this.plans(db).where('training_plans.id', '=', id).executeTakeFirst();
  }
  async plansOf(db: Tx, projectId: string) {
    return this.plans(db)
      .where('training_plans.project_id', '=', projectId)
      .orderBy('training_plans.created_at')
      .orderBy('training_plans.id')
      .limit(500)
      .execute();
  }
  async insertPlan(db: Tx, row: TrainingPlansTable) {
    await db.insertInto('training_plans').values(row).execute();
  }
  async updatePlan(db: Tx, id: string, patch: Partial<TrainingPlansTable>) {
    await db.updateTable('training_plans').set(patch).where('id', '=', id).execute();
  }

  // ---------- parts of one plan ----------
  async courses(db: Tx, planId: string) {
    return db
      .selectFrom('training_courses')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('position')
      .orderBy('id')
      .execute();
  }
  async course(db: Tx, id: string) {
    return db.selectFrom('training_courses').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async insertCourse(db: Tx, row: TrainingCoursesTable) {
    await db.insertInto('training_courses').values(row).execute();
  }
  async updateCourse(db: Tx, id: string, patch: Partial<TrainingCoursesTable>) {
    await db.updateTable('training_courses').set(patch).where('id', '=', id).execute();
  }

  async materials(db: Tx, planId: string) {
    return db
      .selectFrom('training_materials')
      .innerJoin('training_courses', 'training_courses.id', 'training_materials.course_id')
      .leftJoin('users', 'users.id', 'training_materials.uploaded_by')
      .selectAll('training_materials')
      .select('users.display_name as uploaded_by_name')
      .where('training_courses.plan_id', '=', planId)
      .orderBy('training_materials.family_id')
      .orderBy('training_materials.version', 'desc')
      .execute();
  }
  async material(db: Tx, id: string) {
    return db
      .selectFrom('training_materials')
      .innerJoin('training_courses', 'training_courses.id', 'training_materials.course_id')
      .selectAll('training_materials')
      .select('training_courses.plan_id')
      .where('training_materials.id', '=', id)
      .executeTakeFirst();
  }
  async latestVersion(db: Tx, familyId: string) {
    return db
      .selectFrom('training_materials')
      .selectAll()
      .where('family_id', '=', familyId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
  }
  async insertMaterial(db: Tx, row: TrainingMaterialsTable) {
    await db.updateTable('training_materials').set({ current: 0 }).where('family_id', '=', row.family_id).execute();
    await db.insertInto('training_materials').values(row).execute();
  }

  async batches(db: Tx, planId: string) {
    return db
      .selectFrom('training_batches')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('position')
      .orderBy('id')
      .execute();
  }
  async batch(db: Tx, id: string) {
    return db.selectFrom('training_batches').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async insertBatch(db: Tx, row: TrainingBatchesTable) {
    await db.insertInto('training_batches').values(row).execute();
  }
  async updateBatch(db: Tx, id: string, patch: Partial<TrainingBatchesTable>) {
    await db.updateTable('training_batches').set(patch).where('id', '=', id).execute();
  }

  async enrolments(db: Tx, planId: string) {
    return db
      .selectFrom('training_enrolments')
      .innerJoin('training_batches', 'training_batches.id', 'training_enrolments.batch_id')
      .selectAll('training_enrolments')
      .where('training_batches.plan_id', '=', planId)
      .orderBy('training_enrolments.created_at')
      .execute();
  }
  async enrol(db: Tx, batchId: string, traineeId: string, reason: 'plan' | 'retrain', now: number) {
    await db
      .insertInto('training_enrolments')
      .values({ batch_id: batchId, trainee_id: traineeId, reason, created_at: now })
      .onConflict((oc) => oc.columns(['batch_id', 'trainee_id']).doNothing())
      .execute();
  }
  async unenrol(db: Tx, batchId: string, traineeIds: string[]) {
    if (traineeIds.length)
      await db
        .deleteFrom('training_enrolments')
        .where('batch_id', '=', batchId)
        .where('trainee_id', 'in', traineeIds)
        .execute();
  }

  async sessions(db: Tx, planId: string) {
    return db
      .selectFrom('training_sessions')
      .innerJoin('training_batches', 'training_batches.id', 'training_sessions.batch_id')
      .innerJoin('training_courses', 'training_courses.id', 'training_sessions.course_id')
      .selectAll('training_sessions')
      .select([
        'training_courses.title as course_title',
        'training_batches.name as batch_name',
        'training_batches.plan_id',
      ])
      .where('training_batches.plan_id', '=', planId)
      .orderBy('training_sessions.starts_at')
      .orderBy('training_sessions.id')
      .execute();
  }
  async session(db: Tx, id: string) {
    return db
      .selectFrom('training_sessions')
      .innerJoin('training_batches', 'training_batches.id', 'training_sessions.batch_id')
      .innerJoin('training_courses', 'training_courses.id', 'training_sessions.course_id')
      .selectAll('training_sessions')
      .select([
        'training_courses.title as course_title',
        'training_batches.name as batch_name',
        'training_batches.plan_id',
      ])
      .where('training_sessions.id', '=', id)
      .executeTakeFirst();
  }
  async insertSession(db: Tx, row: TrainingSessionsTable) {
    await db.insertInto('training_sessions').values(row).execute();
  }
  async updateSession(db: Tx, id: string, patch: Partial<TrainingSessionsTable>) {
    await db.updateTable('training_sessions').set(patch).where('id', '=', id).execute();
  }

  async trainees(db: Tx, planId: string) {
    return db
      .selectFrom('training_trainees')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }
  async trainee(db: Tx, id: string) {
    return db.selectFrom('training_trainees').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async traineeByUser(db: Tx, planId: string, userId: string) {
    return db
      .selectFrom('training_trainees')
      .select('id')
      .where('plan_id', '=', planId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }
  async insertTrainee(db: Tx, row: TrainingTraineesTable) {
    await db.insertInto('training_trainees').values(row).execute();
  }
  async updateTrainee(db: Tx, id: string, patch: Partial<TrainingTraineesTable>) {
    await db.updateTable('training_trainees').set(patch).where('id', '=', id).execute();
  }

  async attendance(db: Tx, planId: string) {
    return db
      .selectFrom('training_attendance')
      .innerJoin('training_sessions', 'training_sessions.id', 'training_attendance.session_id')
      .innerJoin('training_batches', 'training_batches.id', 'training_sessions.batch_id')
      .selectAll('training_attendance')
      .where('training_batches.plan_id', '=', planId)
      .execute();
  }
  async saveAttendance(db: Tx, row: TrainingAttendanceTable) {
    const { session_id: _s, trainee_id: _t, ...rest } = row;
    await db
      .insertInto('training_attendance')
      .values(row)
      .onConflict((oc) => oc.columns(['session_id', 'trainee_id']).doUpdateSet(rest))
      .execute();
  }

  async assessments(db: Tx, planId: string) {
    return db
      .selectFrom('training_assessments')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }
  async insertAssessment(db: Tx, row: TrainingAssessmentsTable) {
    await db.insertInto('training_assessments').values(row).execute();
  }
}
