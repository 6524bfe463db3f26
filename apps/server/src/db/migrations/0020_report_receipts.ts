import type { Kysely } from 'kysely';

const ms = 'bigint';

/**
 * Monthly reports are archived when they are issued (sent by the schedule or marked final by staff),
 * no longer on every download (issue 14, item 2). The commitment "report delivered by day N" still
 * counts the purchaser fetching the finished month's report themselves; that fetch used to leave an
 * archived copy behind and now leaves this receipt: the first fetch by one of the customer's users
 * at or after the month's end, per project and month.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_receipts')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('fetched_at', ms, (c) => c.notNull())
    .addColumn('fetched_by', 'text', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('report_receipts_pk', ['project_id', 'month'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
