import { type Kysely, sql } from 'kysely';

/**
 * What the commitments measure (issue 13, item 5).
 *
 * resident_plans.min_onsite_min: an engineer counts toward the day's resident headcount only after this
 * long on site (4 hours unless the service manager sets it); a quick visit is not residence.
 * assets.installed_on: the day a replacement part went in. Its annual inspections run from then, not from
 * the original acceptance; null for an asset that came with an acceptance. Parts replaced before this
 * migration get it from their replacement record.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('resident_plans')
    .addColumn('min_onsite_min', 'integer', (c) => c.notNull().defaultTo(240))
    .execute();
  await db.schema.alterTable('assets').addColumn('installed_on', 'text').execute();
  await sql`update assets set installed_on = (select r.replaced_on from asset_replacements r where r.new_asset_id = assets.id)
    where exists (select 1 from asset_replacements r where r.new_asset_id = assets.id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
