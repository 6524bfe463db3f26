import type { Tx } from '../../db/dialect.js';
import type { EngineerProfilesTable, StaffingPlansTable } from '../../db/types.js';

/** SQL for engineers' profiles and project staffing plans. */
export class StaffingRepository {
  async profiles(db: Tx, userIds: string[]) {
    if (!userIds.length) return new Map<string, EngineerProfilesTable>();
    const rows = await db.selectFrom('engineer_profiles').selectAll().where('user_id', 'in', userIds).execute();
    return new Map(rows.map((r) => [r.user_id, r]));
  }
  async saveProfile(db: Tx, row: EngineerProfilesTable) {
    const { user_id: _id, ...rest } = row;
    await db
      .insertInto('engineer_profiles')
      .values(row)
      .onConflict((oc) => oc.column('user_id').doUpdateSet(rest))
      .execute();
  }
  async plan(db: Tx, projectId: string) {
    return db.selectFrom('staffing_plans').selectAll().where('project_id', '=', projectId).executeTakeFirst();
  }
  async savePlan(db: Tx, row: StaffingPlansTable) {
    const { project_id: _id, ...rest } = row;
    await db
      .insertInto('staffing_plans')
      .values(row)
      .onConflict((oc) => oc.column('project_id').doUpdateSet(rest))
      .execute();
  }
}
