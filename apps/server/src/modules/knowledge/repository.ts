import { olderThan, type Tx } from '../../db/dialect.js';
import type { KbArticlesTable, KbArticleVersionsTable, KbAttachmentsTable } from '../../db/types.js';

/** SQL for knowledge-base articles (the full-text index is db/search/kb.ts). */
export class KnowledgeRepository {
  base(db: Tx) {
    return db
      .selectFrom('kb_articles')
      .leftJoin('kb_categories', 'kb_categories.id', 'kb_articles.category_id')
      .leftJoin('users as editor', 'editor.id', 'kb_articles.updated_by')
      .leftJoin('users as author', 'author.id', 'kb_articles.created_by')
      .selectAll('kb_articles')
      .select([
        'kb_categories.name as category_name',
        'editor.display_name as updated_by_name',
        'author.display_name as created_by_name',
      ]);
  }
  async byId(db: Tx, id: string) {
    return this.base(db).where('kb_articles.id', '=', id).executeTakeFirst();
  }
  async byIds(db: Tx, ids: string[]) {
    return ids.length ? this.base(db).where('kb_articles.id', 'in', ids).execute() : [];
  }
  /** Newest edits first, keyset on (updated_at, id). */
  async page(
    db: Tx,
    f: { statuses: string[]; customerProjects?: string[]; categoryId?: string; tag?: string },
    after: { at: number; id: string } | null,
    limit: number,
  ) {
    let q = this.base(db).where('kb_articles.status', 'in', f.statuses);
    if (f.customerProjects) {
      const projects = f.customerProjects;
      q = q
        .where('kb_articles.visibility', '=', 'customer')
        .where((eb) =>
          projects.length
            ? eb.or([eb('kb_articles.project_id', 'is', null), eb('kb_articles.project_id', 'in', projects)])
            : eb('kb_articles.project_id', 'is', null),
        );
    }
    if (f.categoryId) q = q.where('kb_articles.category_id', '=', f.categoryId);
    // Tags are stored as a JSON array of strings; the quotes make the match exact.
    if (f.tag) q = q.where('kb_articles.tags_json', 'like', `%${JSON.stringify(f.tag).replace(/[%_]/g, '')}%`);
    if (after) q = q.where(olderThan('kb_articles.updated_at', 'kb_articles.id', after));
    return q
      .orderBy('kb_articles.updated_at', 'desc')
      .orderBy('kb_articles.id', 'desc')
      .limit(limit + 1)
      .execute();
  }
  /** Titles containing a text: the fallback for one-character queries, which the bigram index cannot answer. */
  async titleContains(db: Tx, text: string, statuses: string[], limit: number) {
    return this.base(db)
      .where('kb_articles.status', 'in', statuses)
      .where('kb_articles.title', 'like', `%${text.replace(/[%_]/g, '')}%`)
      .orderBy('kb_articles.updated_at', 'desc')
      .limit(limit)
      .execute();
  }
  async insert(db: Tx, row: KbArticlesTable) {
    await db.insertInto('kb_articles').values(row).execute();
  }
  async update(db: Tx, id: string, patch: Partial<KbArticlesTable>) {
    await db.updateTable('kb_articles').set(patch).where('id', '=', id).execute();
  }
  async insertVersion(db: Tx, row: KbArticleVersionsTable) {
    await db.insertInto('kb_article_versions').values(row).execute();
  }
  async versions(db: Tx, articleId: string) {
    return db
      .selectFrom('kb_article_versions')
      .leftJoin('users', 'users.id', 'kb_article_versions.edited_by')
      .selectAll('kb_article_versions')
      .select('users.display_name as edited_by_name')
      .where('article_id', '=', articleId)
      .orderBy('version', 'desc')
      .execute();
  }
  async attachments(db: Tx, articleId: string) {
    return db
      .selectFrom('kb_attachments')
      .selectAll()
      .where('article_id', '=', articleId)
      .orderBy('uploaded_at')
      .execute();
  }
  async attachment(db: Tx, id: string) {
    return db.selectFrom('kb_attachments').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async insertAttachment(db: Tx, row: KbAttachmentsTable) {
    await db.insertInto('kb_attachments').values(row).execute();
  }
  async links(db: Tx, articleId: string) {
    return db
      .selectFrom('kb_ticket_links')
      .innerJoin('tickets', 'tickets.id', 'kb_ticket_links.ticket_id')
      .select([
        'kb_ticket_links.ticket_id',
        'kb_ticket_links.kind',
        'tickets.number',
        'tickets.title',
        'tickets.customer_id',
      ])
      .where('kb_ticket_links.article_id', '=', articleId)
      .orderBy('kb_ticket_links.created_at')
      .execute();
  }
  async ticketLinks(db: Tx, ticketId: string) {
    return db
      .selectFrom('kb_ticket_links')
      .select(['article_id', 'kind'])
      .where('ticket_id', '=', ticketId)
      .orderBy('created_at')
      .execute();
  }
  async link(
    db: Tx,
    row: { article_id: string; ticket_id: string; kind: string; created_at: number; created_by: string },
  ) {
    await db
      .insertInto('kb_ticket_links')
      .values(row)
      .onConflict((oc) => oc.columns(['article_id', 'ticket_id', 'kind']).doNothing())
      .execute();
  }
  async categories(db: Tx) {
    return db.selectFrom('kb_categories').selectAll().orderBy('position').orderBy('name').execute();
  }
  async insertCategory(db: Tx, row: { id: string; name: string; position: number; created_at: number }) {
    await db.insertInto('kb_categories').values(row).execute();
  }
  async categoryByName(db: Tx, name: string) {
    return db.selectFrom('kb_categories').select('id').where('name', '=', name).executeTakeFirst();
  }
  async category(db: Tx, id: string) {
    return db.selectFrom('kb_categories').select('id').where('id', '=', id).executeTakeFirst();
  }
  async customerProjects(db: Tx, customerId: string) {
    return (await db.selectFrom('projects').select('id').where('customer_id', '=', customerId).execute()).map(
      (p) => p.id,
    );
  }
}
