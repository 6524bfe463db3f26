import type { Tx } from '../../db/dialect.js';
import type { ResidentPlansTable } from '../../db/types.js';

/** SQL for resident plans and the check-ins presence is computed from. */
export class PresenceRepository {
  async plan(db: Tx, projectId: string) {
    return db.selectFrom('resident_plans').selectAll().where('project_id', '=', projectId).executeTakeFirst();
  }
  async savePlan(db: Tx, row: ResidentPlansTable) {
    const { project_id: _id, ...rest } = row;
    await db
      .insertInto('resident_plans')
      .values(row)
      .onConflict((oc) => oc.column('project_id').doUpdateSet(rest))
      .execute();
  }
  async names(db: Tx, ids: string[]) {
    if (!ids.length) return new Map<string, string>();
    const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }
  /** Check-ins on a project that began in [from, to), through the (project_id, checked_in_at) index. */
  async visits(db: Tx, projectId: string, from: number, to: number) {
    return db
      .selectFrom('site_visits')
      .innerJoin('users', 'users.id', 'site_visits.engineer_id')
      .select([
        'site_visits.engineer_id',
        'users.display_name as name',
        'site_visits.checked_in_at',
        'site_visits.checked_out_at',
      ])
      .where('site_visits.project_id', '=', projectId)
      .where('site_visits.checked_in_at', '>=', from)
      .where('site_visits.checked_in_at', '<', to)
      .orderBy('site_visits.checked_in_at')
      .limit(20_000)
      .execute();
  }
}
