import type { Kysely } from 'kysely';

/**
 * Asset ledger with acceptances (R1), repairs, replaced parts and cost items (R2–R4), annual
 * inspections done (R5), repair points (R12). Dates a purchaser reads on paper (acceptance,
 * warranty end, fault day) are calendar dates (YYYY-MM-DD text, Beijing calendar); events are ms.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ms = 'bigint' as const;
  await db.schema
    .alterTable('contracts')
    .addColumn('part_extension', 'text', (c) => c.notNull().defaultTo('downtime'))
    .execute();
  await db.schema
    .alterTable('contracts')
    .addColumn('labour_rate_cents', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('acceptances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('batch', 'text', (c) => c.notNull())
    .addColumn('accepted_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('doc_name', 'text')
    .addColumn('doc_size', 'bigint')
    .addColumn('doc_mime', 'text')
    .addColumn('doc_path', 'text')
    .addColumn('doc_sha256', 'text')
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addUniqueConstraint('acceptances_batch', ['project_id', 'batch'])
    .execute();

  await db.schema
    .createTable('assets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('tag', 'text')
    .addColumn('location', 'text')
    .addColumn('supplier', 'text')
    .addColumn('parent_id', 'text', (c) => c.references('assets.id'))
    .addColumn('acceptance_id', 'text', (c) => c.references('acceptances.id'))
    .addColumn('accepted_on', 'text')
    .addColumn('warranty_months', 'integer', (c) => c.notNull())
    .addColumn('original_end', 'text')
    .addColumn('warranty_end', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('replaces_id', 'text')
    .addColumn('replaced_by_id', 'text')
    .addColumn('next_inspection_due', 'text')
    // Smallest reminder threshold (90/30/7 days) already sent for the current warranty end.
    .addColumn('warranty_alerted', 'integer')
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', ms, (c) => c.notNull())
    .execute();
  // Newest first pages per project/customer (ids are time-ordered), warranty-end pages, reminders, due inspections.
  await db.schema.createIndex('assets_project').on('assets').columns(['project_id', 'id']).execute();
  await db.schema.createIndex('assets_customer').on('assets').columns(['customer_id', 'id']).execute();
  await db.schema.createIndex('assets_serial').on('assets').columns(['project_id', 'serial']).unique().execute();
  await db.schema
    .createIndex('assets_project_end')
    .on('assets')
    .columns(['project_id', 'warranty_end', 'id'])
    .execute();
  await db.schema.createIndex('assets_end').on('assets').columns(['warranty_end', 'id']).execute();
  await db.schema.createIndex('assets_reminder').on('assets').columns(['state', 'warranty_end', 'id']).execute();
  await db.schema
    .createIndex('assets_project_inspection')
    .on('assets')
    .columns(['project_id', 'next_inspection_due', 'id'])
    .execute();
  await db.schema.createIndex('assets_inspection').on('assets').columns(['next_inspection_due', 'id']).execute();
  await db.schema.createIndex('assets_parent').on('assets').columns(['parent_id']).execute();
  await db.schema.createIndex('assets_acceptance').on('assets').columns(['acceptance_id']).execute();

  await db.schema
    .createTable('ticket_repairs')
    .addColumn('ticket_id', 'text', (c) => c.primaryKey().references('tickets.id'))
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('fault_on', 'text', (c) => c.notNull())
    .addColumn('in_warranty', 'integer')
    .addColumn('warranty_end_at_fault', 'text')
    .addColumn('updated_at', ms, (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema.createIndex('ticket_repairs_asset').on('ticket_repairs').columns(['asset_id']).execute();

  await db.schema
    .createTable('asset_replacements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('old_asset_id', 'text', (c) => c.notNull().references('assets.id'))
    .addColumn('new_asset_id', 'text', (c) => c.notNull().references('assets.id'))
    .addColumn('old_serial', 'text', (c) => c.notNull())
    .addColumn('new_serial', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('fault_on', 'text', (c) => c.notNull())
    .addColumn('replaced_on', 'text', (c) => c.notNull())
    .addColumn('policy', 'text', (c) => c.notNull())
    .addColumn('in_warranty', 'integer', (c) => c.notNull())
    .addColumn('previous_end', 'text')
    .addColumn('new_end', 'text')
    .addColumn('extended_by_days', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('asset_replacements_ticket').on('asset_replacements').columns(['ticket_id']).execute();
  await db.schema.createIndex('asset_replacements_old').on('asset_replacements').columns(['old_asset_id']).execute();
  await db.schema.createIndex('asset_replacements_new').on('asset_replacements').columns(['new_asset_id']).execute();
  await db.schema
    .createIndex('asset_replacements_customer')
    .on('asset_replacements')
    .columns(['customer_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('cost_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('quantity_x100', 'bigint', (c) => c.notNull())
    .addColumn('unit_cost_cents', 'bigint', (c) => c.notNull())
    .addColumn('amount_cents', 'bigint', (c) => c.notNull())
    .addColumn('replacement_id', 'text')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cost_items_ticket').on('cost_items').columns(['ticket_id', 'created_at']).execute();
  await db.schema
    .createIndex('cost_items_customer')
    .on('cost_items')
    .columns(['customer_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('asset_inspections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('ticket_id', 'text')
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('asset_inspections_asset')
    .on('asset_inspections')
    .columns(['asset_id', 'done_on'])
    .execute();
  await db.schema
    .createIndex('asset_inspections_customer')
    .on('asset_inspections')
    .columns(['customer_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('repair_points')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('person_in_charge', 'text', (c) => c.notNull())
    .addColumn('contact', 'text')
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('capabilities_json', 'text', (c) => c.notNull())
    .addColumn('staff_json', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createTable('repair_point_projects')
    .addColumn('point_id', 'text', (c) => c.notNull().references('repair_points.id'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addPrimaryKeyConstraint('repair_point_projects_pk', ['point_id', 'project_id'])
    .execute();
  await db.schema
    .createIndex('repair_point_projects_project')
    .on('repair_point_projects')
    .columns(['project_id'])
    .execute();

  // The per-customer maintenance archive pages through the customer's tickets by report time.
  await db.schema
    .createIndex('tickets_customer_reported')
    .on('tickets')
    .columns(['customer_id', 'reported_at', 'id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
