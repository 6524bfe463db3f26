import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';

/** SQL for training plan names by id. */
export class TrainingLookupRepository {
  async namesByIds(db: Tx, ids: string[]) {
    return ids.length ? db.selectFrom('training_plans').select(['id', 'name']).where('id', 'in', ids).execute() : [];
  }
}

/** Plan names for the audit view (most training events name their plan as the target). */
export class TrainingLookup {
  readonly repo = new TrainingLookupRepository();
  constructor(private readonly database: Database) {}
  async names(ids: string[]): Promise<Map<string, string>> {
    return new Map((await this.repo.namesByIds(this.database.db, ids)).map((r) => [r.id, r.name]));
  }
}
