import type { Kysely } from 'kysely';

/** Training (R18): plans with courses (versioned materials), batches, sessions, trainees, attendance, assessments. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ms = 'bigint' as const;
  await db.schema
    .createTable('training_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // Set when the last trainee became independent in the last course; cleared if that stops being true.
    .addColumn('completed_at', ms)
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('training_plans_project')
    .on('training_plans')
    .columns(['project_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('training_courses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('training_plans.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('objective', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('training_courses_plan')
    .on('training_courses')
    .columns(['plan_id', 'position'])
    .execute();

  await db.schema
    .createTable('training_materials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('training_courses.id'))
    // The first version's id; every version of one material shares it.
    .addColumn('family_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('current', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', ms, (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id'))
    .addUniqueConstraint('training_materials_version', ['family_id', 'version'])
    .execute();
  await db.schema
    .createIndex('training_materials_course')
    .on('training_materials')
    .columns(['course_id', 'family_id'])
    .execute();

  await db.schema
    .createTable('training_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('training_plans.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('training_batches_plan')
    .on('training_batches')
    .columns(['plan_id', 'position'])
    .execute();

  await db.schema
    .createTable('training_trainees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('training_plans.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    // JSON array of course ids, or null for every course of the plan.
    .addColumn('course_ids_json', 'text')
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('training_trainees_plan')
    .on('training_trainees')
    .columns(['plan_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('training_enrolments')
    .addColumn('batch_id', 'text', (c) => c.notNull().references('training_batches.id'))
    .addColumn('trainee_id', 'text', (c) => c.notNull().references('training_trainees.id'))
    // 'plan' when enrolled by the manager, 'retrain' when an assessment found the trainee not yet independent.
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .addPrimaryKeyConstraint('training_enrolments_pk', ['batch_id', 'trainee_id'])
    .execute();
  await db.schema
    .createIndex('training_enrolments_trainee')
    .on('training_enrolments')
    .columns(['trainee_id'])
    .execute();

  await db.schema
    .createTable('training_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('training_batches.id'))
    .addColumn('course_id', 'text', (c) => c.notNull().references('training_courses.id'))
    .addColumn('starts_at', ms, (c) => c.notNull())
    .addColumn('ends_at', ms, (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('trainer_id', 'text', (c) => c.references('users.id'))
    .addColumn('trainer_name', 'text', (c) => c.notNull())
    .addColumn('cancelled', 'integer', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('training_sessions_batch')
    .on('training_sessions')
    .columns(['batch_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('training_attendance')
    .addColumn('session_id', 'text', (c) => c.notNull().references('training_sessions.id'))
    .addColumn('trainee_id', 'text', (c) => c.notNull().references('training_trainees.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('recorded_at', ms, (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_attendance_pk', ['session_id', 'trainee_id'])
    .execute();

  await db.schema
    .createTable('training_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('training_plans.id'))
    .addColumn('trainee_id', 'text', (c) => c.notNull().references('training_trainees.id'))
    .addColumn('course_id', 'text', (c) => c.notNull().references('training_courses.id'))
    .addColumn('batch_id', 'text', (c) => c.notNull().references('training_batches.id'))
    .addColumn('independent', 'integer', (c) => c.notNull())
    .addColumn('assessed_on', 'text', (c) => c.notNull())
    .addColumn('assessor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('assessor_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('training_assessments_plan')
    .on('training_assessments')
    .columns(['plan_id', 'trainee_id', 'course_id', 'created_at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
