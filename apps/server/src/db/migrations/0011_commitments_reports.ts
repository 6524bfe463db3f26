import { type Kysely, sql } from 'kysely';

const ms = 'bigint';

/** The defaults of commitments/defaults.ts as they were when this migration was written. */
const DEFAULTS: [string, number, number | 'contract'][] = [
  ...(['response', 'arrival', 'resolution'] as const).flatMap((k) =>
    [1, 2, 3, 4].map((l): [string, number, number] => [k, l, 100]),
  ),
  ['support_24h', 0, 100],
  ['resident_headcount', 0, 3],
  ['monthly_inspection', 0, 100],
  ['annual_inspection', 0, 100],
  ['training_complete', 0, 100],
  ['satisfaction', 0, 'contract'],
  ['report_delivery', 0, 5],
];

/**
 * Commitments register, SLA outcomes for reporting and the monthly O&M report archive (R29).
 *
 * A clock's outcome (met / breached / not needed, working time elapsed, how late) is computed in
 * TypeScript with the contract calendar when the clock stops, and stored with the ticket's project
 * and level, so the dashboard and the monthly report count outcomes with an index range scan
 * instead of re-running calendar arithmetic over 100,000 tickets. Clocks that stopped before this
 * migration get their outcome from SlaService.backfillOutcomes at start-up.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sla_clocks').addColumn('project_id', 'text').execute();
  await db.schema.alterTable('sla_clocks').addColumn('level', 'integer').execute();
  await db.schema.alterTable('sla_clocks').addColumn('outcome', 'text').execute();
  await db.schema.alterTable('sla_clocks').addColumn('elapsed_ms', ms).execute();
  await db.schema.alterTable('sla_clocks').addColumn('late_ms', ms).execute();
  await sql`update sla_clocks set project_id = (select t.project_id from tickets t where t.id = sla_clocks.ticket_id),
    level = (select t.level from tickets t where t.id = sla_clocks.ticket_id)`.execute(db);
  // Covering: the aggregates read only these columns, so they scan the index and never the table rows.
  await db.schema
    .createIndex('sla_clocks_project_ended')
    .on('sla_clocks')
    .columns(['project_id', 'stopped_at', 'cycle', 'kind', 'outcome', 'level', 'elapsed_ms', 'late_ms'])
    .execute();
  await db.schema.createIndex('sla_clocks_backfill').on('sla_clocks').columns(['outcome', 'stopped_at']).execute();
  // Received / resolved per project and period.
  await db.schema
    .createIndex('tickets_project_reported')
    .on('tickets')
    .columns(['project_id', 'reported_at', 'level', 'channel'])
    .execute();
  await db.schema
    .createIndex('tickets_project_resolved')
    .on('tickets')
    .columns(['project_id', 'resolved_at', 'fault_cause'])
    .execute();

  await db.schema
    .createTable('commitments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // 0 for commitments that are not per fault level (part of the once-only key, so not null).
    .addColumn('level', 'integer', (c) => c.notNull())
    // Exact decimal as text on both dialects would be overkill: targets are whole numbers or one decimal.
    .addColumn('target', 'real', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('commitments_once', ['contract_id', 'kind', 'level'])
    .execute();

  // Every existing contract gets the bid's promises at their default targets (new contracts get them on creation).
  for (const [kind, level, target] of DEFAULTS) {
    const t = target === 'contract' ? sql`c.satisfaction_target_pct` : sql`cast(${target} as real)`;
    await sql`insert into commitments (id, contract_id, kind, level, target, enabled, note, updated_at, updated_by)
      select c.id || cast(${`:${kind}:${level}`} as text), c.id, cast(${kind} as text), cast(${level} as integer), ${t}, 1, '', c.updated_at, null from contracts c`.execute(
      db,
    );
  }

  await db.schema
    .createTable('report_notes')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('next_month_plan', 'text', (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('report_notes_pk', ['project_id', 'month'])
    .execute();

  await db.schema
    .createTable('monthly_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('size', ms, (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_path', 'text', (c) => c.notNull())
    .addColumn('generated_at', ms, (c) => c.notNull())
    .addColumn('generated_by', 'text', (c) => c.references('users.id'))
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('emailed_to_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('monthly_reports_project')
    .on('monthly_reports')
    .columns(['project_id', 'generated_at', 'id'])
    .execute();
  await db.schema
    .createIndex('monthly_reports_month')
    .on('monthly_reports')
    .columns(['project_id', 'month', 'generated_at'])
    .execute();

  await db.schema
    .createTable('report_schedules')
    .addColumn('project_id', 'text', (c) => c.primaryKey().references('projects.id'))
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('day_of_month', 'integer', (c) => c.notNull())
    .addColumn('formats_json', 'text', (c) => c.notNull())
    .addColumn('recipients_json', 'text', (c) => c.notNull())
    // The instant the next run is due; the worker claims rows due by now (one node per row).
    .addColumn('next_run_at', ms)
    .addColumn('last_run_at', ms)
    .addColumn('updated_at', ms, (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createIndex('report_schedules_due')
    .on('report_schedules')
    .columns(['enabled', 'next_run_at'])
    .execute();

  // Reports go out as attachments: files the mailer reads from the data directory when it sends.
  await db.schema.alterTable('mail_outbox').addColumn('attachments_json', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
