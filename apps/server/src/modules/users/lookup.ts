import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import { startsWith } from '../../db/prefix.js';

/** SQL for people's names: users by display name or username prefix (a small table). */
export class UserLookupRepository {
  async byNamePrefix(db: Tx, prefix: string, limit: number) {
    return db
      .selectFrom('users')
      .innerJoin('orgs', 'orgs.id', 'users.org_id')
      .select(['users.id', 'users.username', 'users.display_name', 'orgs.name as org_name'])
      .where((eb) =>
        eb.or([startsWith('users.display_name', prefix), startsWith('users.username', prefix.toLowerCase())]),
      )
      .orderBy('users.display_name')
      .limit(limit)
      .execute();
  }
  async namesByIds(db: Tx, ids: string[]) {
    return ids.length
      ? db.selectFrom('users').select(['id', 'display_name as name']).where('id', 'in', ids).execute()
      : [];
  }
}

/** People by name for pickers, and names for ids (the auditor's view: one query per page, never one per row). */
export class UserLookup {
  readonly repo = new UserLookupRepository();
  constructor(private readonly database: Database) {}

  /** Users whose name or username starts with `text`: the auditor's operator picker. */
  async byName(text: string, limit: number) {
    const rows = await this.repo.byNamePrefix(this.database.db, text, limit);
    return rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, orgName: r.org_name }));
  }

  async names(ids: string[]): Promise<Map<string, string>> {
    return new Map((await this.repo.namesByIds(this.database.db, ids)).map((r) => [r.id, r.name]));
  }
}
