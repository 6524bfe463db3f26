import type { Kysely } from 'kysely';

/**
 * National holiday years entered by the system admin (issue 13, item 2): one row per year, used by
 * every contract with Chinese holidays on. `revision` grows with each save, so the sum over all rows
 * is a cheap data version other nodes poll to refresh their in-memory calendars.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('holiday_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('holidays_json', 'text', (c) => c.notNull())
    .addColumn('workdays_json', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
