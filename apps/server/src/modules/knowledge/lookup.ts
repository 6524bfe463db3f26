import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';

/** SQL for article titles by id. */
export class KbLookupRepository {
  async titlesByIds(db: Tx, ids: string[]) {
    return ids.length
      ? db.selectFrom('kb_articles').select(['id', 'number', 'title']).where('id', 'in', ids).execute()
      : [];
  }
}

/** Article names for the audit view; searching articles goes through KnowledgeService.list (full text, reader scope). */
export class KbLookup {
  readonly repo = new KbLookupRepository();
  constructor(private readonly database: Database) {}
  async names(ids: string[]): Promise<Map<string, string>> {
    return new Map((await this.repo.titlesByIds(this.database.db, ids)).map((r) => [r.id, `${r.number} ${r.title}`]));
  }
}
