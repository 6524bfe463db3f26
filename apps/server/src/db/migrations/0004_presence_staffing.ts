import type { Kysely } from 'kysely';

/** Resident presence commitments (R14), engineers' qualifications and project staffing plans (R28). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('resident_plans')
    .addColumn('project_id', 'text', (c) => c.primaryKey().references('projects.id'))
    .addColumn('headcount', 'integer', (c) => c.notNull())
    .addColumn('weekdays_json', 'text', (c) => c.notNull())
    .addColumn('china_calendar', 'integer', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('late_grace_min', 'integer', (c) => c.notNull())
    .addColumn('engineer_ids_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createTable('engineer_profiles')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('disciplines_json', 'text', (c) => c.notNull())
    .addColumn('skill_level', 'integer', (c) => c.notNull())
    .addColumn('certifications_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createTable('staffing_plans')
    .addColumn('project_id', 'text', (c) => c.primaryKey().references('projects.id'))
    .addColumn('requirements_json', 'text', (c) => c.notNull())
    .addColumn('assignments_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
