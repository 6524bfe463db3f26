import type { Kysely } from 'kysely';

/**
 * The ticket queue as an admin table (issue 14, item 3).
 *
 * Sort indexes: the queue sorts by due (0001's `…_queue` indexes), level, created_at and status, each
 * with id as the tie-break so keyset pages stay exact; one index per order for the whole queue, the
 * customer's queue (a customer always sees only their organisation) and the engineer's "mine" tab.
 * Descending pages walk the same indexes backwards.
 *
 * saved_filters: named queue filters per user; `query` is the page's filter as JSON.
 */
const SORTED = ['level', 'created_at', 'status'] as const;
const SCOPES = [null, 'customer_id', 'assignee_id'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of SORTED) {
    for (const scope of SCOPES) {
      const name = `tickets_${scope ? `${scope.replace('_id', '')}_` : ''}by_${column}`;
      await db.schema
        .createIndex(name)
        .on('tickets')
        .columns([...(scope ? [scope] : []), column, 'id'])
        .execute();
    }
  }
  // created_at alone is covered by (created_at, id).
  await db.schema.dropIndex('tickets_created').execute();

  await db.schema
    .createTable('saved_filters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('saved_filters_name_unique', ['user_id', 'scope', 'name'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
