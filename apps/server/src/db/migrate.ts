import type { Kysely } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import * as m0001 from './migrations/0001_init.js';
import * as m0002 from './migrations/0002_settings.js';
import * as m0003 from './migrations/0003_field_service.js';
import * as m0004 from './migrations/0004_presence_staffing.js';
import * as m0005 from './migrations/0005_assets.js';
import * as m0006 from './migrations/0006_inspections.js';
import * as m0007 from './migrations/0007_training.js';
import * as m0008 from './migrations/0008_satisfaction_feedback.js';
import * as m0009 from './migrations/0009_knowledge.js';
import * as m0010 from './migrations/0010_survey_schedules.js';
import * as m0011 from './migrations/0011_commitments_reports.js';
import * as m0016 from './migrations/0016_holiday_years.js';
import * as m0018 from './migrations/0018_commitment_measures.js';
import * as m0019 from './migrations/0019_queue_table.js';
import * as m0020 from './migrations/0020_report_receipts.js';
import * as m0021 from './migrations/0021_search_sort_indexes.js';

/** Static list: bundles and compiled output need no directory scanning. Forward-only. */
const migrations: Record<string, Migration> = {
  '0001_init': m0001,
  '0002_settings': m0002,
  '0003_field_service': m0003,
  '0004_presence_staffing': m0004,
  '0005_assets': m0005,
  '0006_inspections': m0006,
  '0007_training': m0007,
  '0008_satisfaction_feedback': m0008,
  '0009_knowledge': m0009,
  '0010_survey_schedules': m0010,
  '0011_commitments_reports': m0011,
  '0016_holiday_years': m0016,
  '0018_commitment_measures': m0018,
  '0019_queue_table': m0019,
  '0020_report_receipts': m0020,
  '0021_search_sort_indexes': m0021,
};

class StaticProvider implements MigrationProvider {
  async getMigrations() {
    return migrations;
  }
}

// Kysely's Migrator takes any schema: the migrations must not depend on today's table types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
