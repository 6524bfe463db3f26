import type { Kysely } from 'kysely';

const ms = 'bigint';

/**
 * Field service (R14, R15): check-ins/outs on site and O&M records signed by the purchaser's project
 * lead. Signed records are chained like the audit log (record_chain_head orders the links).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('site_visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('engineer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id'))
    .addColumn('checked_in_at', ms, (c) => c.notNull())
    .addColumn('check_in_location', 'text', (c) => c.notNull())
    .addColumn('check_in_position', 'text')
    .addColumn('checked_out_at', ms)
    .addColumn('check_out_location', 'text')
    .addColumn('check_out_position', 'text')
    .addColumn('note', 'text')
    .addColumn('photo_path', 'text')
    .addColumn('photo_mime', 'text')
    .addColumn('forgotten_flagged_at', ms)
    .execute();
  await db.schema
    .createIndex('site_visits_project')
    .on('site_visits')
    .columns(['project_id', 'checked_in_at', 'id'])
    .execute();
  await db.schema
    .createIndex('site_visits_engineer')
    .on('site_visits')
    .columns(['engineer_id', 'checked_in_at', 'id'])
    .execute();
  await db.schema.createIndex('site_visits_in').on('site_visits').columns(['checked_in_at', 'id']).execute();
  await db.schema.createIndex('site_visits_ticket').on('site_visits').columns(['ticket_id']).execute();

  await db.schema
    .createTable('om_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('supersedes_id', 'text', (c) => c.references('om_records.id'))
    .addColumn('amend_reason', 'text')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('service_start', ms, (c) => c.notNull())
    .addColumn('service_end', ms, (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('visit_ids_json', 'text', (c) => c.notNull())
    .addColumn('ticket_ids_json', 'text', (c) => c.notNull())
    .addColumn('staff_names_json', 'text', (c) => c.notNull())
    .addColumn('extra_staff_json', 'text', (c) => c.notNull())
    .addColumn('headcount', 'integer', (c) => c.notNull())
    .addColumn('headcount_derived', 'integer', (c) => c.notNull())
    .addColumn('headcount_reason', 'text')
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .addColumn('submitted_at', ms)
    .addColumn('reviewed_at', ms)
    .addColumn('reviewer_id', 'text')
    .addColumn('review_note', 'text')
    .addColumn('rejected_at', ms)
    .addColumn('rejector_id', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('signed_at', ms)
    .addColumn('signer_id', 'text')
    .addColumn('signer_ip', 'text')
    .addColumn('signature_path', 'text')
    .addColumn('signature_sha256', 'text')
    // Chain links, set when signed: hash over the frozen content, the signature and the previous link.
    .addColumn('chain_seq', ms)
    .addColumn('prev_hash', 'text')
    .addColumn('content_hash', 'text')
    .addUniqueConstraint('om_records_version', ['number', 'version'])
    .addUniqueConstraint('om_records_chain', ['chain_seq'])
    .execute();
  await db.schema
    .createIndex('om_records_project')
    .on('om_records')
    .columns(['project_id', 'updated_at', 'id'])
    .execute();
  await db.schema
    .createIndex('om_records_customer')
    .on('om_records')
    .columns(['customer_id', 'status', 'updated_at', 'id'])
    .execute();
  await db.schema
    .createIndex('om_records_author')
    .on('om_records')
    .columns(['author_id', 'updated_at', 'id'])
    .execute();
  await db.schema.createIndex('om_records_service').on('om_records').columns(['project_id', 'service_start']).execute();
  await db.schema.createIndex('om_records_status').on('om_records').columns(['status', 'updated_at', 'id']).execute();

  await db.schema
    .createTable('record_chain_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', ms, (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('record_chain_head' as never)
    .values({ id: 1, seq: 0, hash: '0'.repeat(64) } as never)
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
