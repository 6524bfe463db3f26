import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';

type Kind = 'orgs' | 'projects' | 'contracts';

/** SQL for the names of organisations, projects and contracts by id. */
export class ProjectLookupRepository {
  async namesByIds(db: Tx, kind: Kind, ids: string[]) {
    if (!ids.length) return [];
    if (kind === 'orgs') return db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', ids).execute();
    if (kind === 'projects') return db.selectFrom('projects').select(['id', 'name']).where('id', 'in', ids).execute();
    return db.selectFrom('contracts').select(['id', 'name']).where('id', 'in', ids).execute();
  }
}

/** Names for ids of this module's things, one query per kind for a whole page (the auditor's view). */
export class ProjectLookup {
  readonly repo = new ProjectLookupRepository();
  constructor(private readonly database: Database) {}
  async names(kind: Kind, ids: string[]): Promise<Map<string, string>> {
    return new Map((await this.repo.namesByIds(this.database.db, kind, ids)).map((r) => [r.id, r.name]));
  }
}
