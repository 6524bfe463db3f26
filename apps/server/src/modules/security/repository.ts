import type { Tx } from '../../db/dialect.js';

export class SettingsRepository {
  async get(db: Tx, key: string) {
    return db.selectFrom('settings').selectAll().where('key', '=', key).executeTakeFirst();
  }
  async put(db: Tx, key: string, value: unknown, at: number, by: string | null) {
    const value_json = JSON.stringify(value);
    await db
      .insertInto('settings')
      .values({ key, value_json, updated_at: at, updated_by: by })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value_json, updated_at: at, updated_by: by }))
      .execute();
  }
}
