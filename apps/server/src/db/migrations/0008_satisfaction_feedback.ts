import type { Kysely } from 'kysely';

/** Satisfaction (R29): rating requests with one-time links, periodic surveys, the contract's target; feedback (R21). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ms = 'bigint' as const;
  // 顾客满意率 target in percent (share of ratings 4–5); the bid promises at least 95.
  await db.schema
    .alterTable('contracts')
    .addColumn('satisfaction_target_pct', 'integer', (c) => c.notNull().defaultTo(95))
    .execute();

  await db.schema
    .createTable('satisfaction_surveys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('satisfaction_surveys_project')
    .on('satisfaction_surveys')
    .columns(['project_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('rating_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // A resolved ticket's request, or one recipient's answer to a survey.
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id'))
    .addColumn('survey_id', 'text', (c) => c.references('satisfaction_surveys.id'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    // Who is asked; null for a reporter without an account (the service desk calls back: 回访).
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    // SHA-256 of the one-time link's token; the token itself is only ever in the e-mail.
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('expires_at', ms, (c) => c.notNull())
    // pending → rated | superseded (ticket resolved again) | expired
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('score', 'integer')
    .addColumn('comment', 'text')
    // portal | email | callback (recorded by the service desk on the customer's word)
    .addColumn('channel', 'text')
    .addColumn('rated_at', ms)
    .addColumn('rated_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rating_requests_project_rated')
    .on('rating_requests')
    .columns(['project_id', 'rated_at'])
    .execute();
  await db.schema.createIndex('rating_requests_ticket').on('rating_requests').columns(['ticket_id', 'state']).execute();
  await db.schema
    .createIndex('rating_requests_user')
    .on('rating_requests')
    .columns(['user_id', 'state', 'created_at'])
    .execute();
  await db.schema.createIndex('rating_requests_survey').on('rating_requests').columns(['survey_id']).execute();

  await db.schema
    .createTable('feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // open → answered → closed (the author may also close an open one)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text', (c) => c.references('users.id'))
    .addColumn('answered_at', ms)
    .addColumn('closed_at', ms)
    .addColumn('closed_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('feedback_customer')
    .on('feedback')
    .columns(['customer_id', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('feedback_created').on('feedback').columns(['created_at', 'id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
