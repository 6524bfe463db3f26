import type { Kysely } from 'kysely';

/** Recurring satisfaction surveys per project (R29: periodic surveys). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('survey_schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('every_months', 'integer', (c) => c.notNull())
    .addColumn('open_days', 'integer', (c) => c.notNull())
    // The Beijing day the next survey goes out; the worker claims schedules due by today.
    .addColumn('next_on', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('last_sent_on', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('survey_schedules_due').on('survey_schedules').columns(['active', 'next_on']).execute();
  await db.schema.createIndex('survey_schedules_project').on('survey_schedules').columns(['project_id']).execute();
  await db.schema.alterTable('satisfaction_surveys').addColumn('schedule_id', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
