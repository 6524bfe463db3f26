import type { Tx } from '../../db/dialect.js';
import type { HolidayYearsTable } from '../../db/types.js';

export class HolidayRepository {
  async all(db: Tx) {
    return db.selectFrom('holiday_years').selectAll().orderBy('year').execute();
  }
  async get(db: Tx, year: number) {
    return db
      .selectFrom('holiday_years')
      .leftJoin('users', 'users.id', 'holiday_years.updated_by')
      .selectAll('holiday_years')
      .select('users.display_name as updated_by_name')
      .where('year', '=', year)
      .executeTakeFirst();
  }
  /** Rows are never deleted and every save bumps its row's revision, so count + sum changes with every save. */
  async version(db: Tx): Promise<string> {
    const r = await db
      .selectFrom('holiday_years')
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum<number>('revision').as('r')])
      .executeTakeFirst();
    return `${Number(r?.n ?? 0)}.${Number(r?.r ?? 0)}`;
  }
  async upsert(db: Tx, row: HolidayYearsTable) {
    const { year, ...rest } = row;
    await db
      .insertInto('holiday_years')
      .values(row)
      .onConflict((oc) => oc.column('year').doUpdateSet(rest))
      .execute();
  }
}
