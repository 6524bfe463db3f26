import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * O&M knowledge base (R25): articles with versions, categories, tags, attachments, ticket links,
 * and a full-text index of Chinese bigrams and English words (db/search/terms.ts): an FTS5 table
 * on SQLite, a GIN-indexed tsvector on PostgreSQL. The index rows share the article's `seq`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ms = 'bigint' as const;
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('kb_categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('kb_articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Integer key of the full-text index row (FTS5 rowids are integers).
    .addColumn('seq', 'bigint', (c) => c.notNull().unique())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text', (c) => c.references('kb_categories.id'))
    .addColumn('tags_json', 'text', (c) => c.notNull())
    // internal: provider staff only; customer: also the customers (all, or one project's with project_id)
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.references('projects.id'))
    // draft → published → archived
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('source_ticket_id', 'text', (c) => c.references('tickets.id'))
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', ms, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .execute();
  // Newest edits first for every reader; status and visibility filter the walk.
  await db.schema.createIndex('kb_articles_recent').on('kb_articles').columns(['updated_at', 'id']).execute();
  await db.schema
    .createIndex('kb_articles_category')
    .on('kb_articles')
    .columns(['category_id', 'updated_at'])
    .execute();

  await db.schema
    .createTable('kb_article_versions')
    .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('meta_json', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('edited_at', ms, (c) => c.notNull())
    .addColumn('edited_by', 'text', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('kb_article_versions_pk', ['article_id', 'version'])
    .execute();

  await db.schema
    .createTable('kb_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', ms, (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('kb_attachments_article').on('kb_attachments').columns(['article_id']).execute();

  await db.schema
    .createTable('kb_ticket_links')
    .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id'))
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    // solved_by: the article solved the ticket; created_from: the article was written from the ticket
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('kb_ticket_links_pk', ['article_id', 'ticket_id', 'kind'])
    .execute();
  await db.schema.createIndex('kb_ticket_links_ticket').on('kb_ticket_links').columns(['ticket_id']).execute();

  if (postgres) {
    await sql`create table kb_fts (rowid bigint primary key, terms tsvector not null)`.execute(db);
    await sql`create index kb_fts_terms on kb_fts using gin (terms)`.execute(db);
  } else {
    // Tokens are pre-split (bigrams / words), so unicode61 only needs to cut at the spaces.
    await sql`create virtual table kb_fts using fts5(terms, tokenize = 'unicode61 remove_diacritics 0', detail = full)`.execute(
      db,
    );
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
