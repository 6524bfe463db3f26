import type { Kysely } from 'kysely';

/**
 * Indexes for the header's global search (issue 14): every lookup is an equality or a prefix range over one of
 * these, never a scan of the tickets table. Staff search across customers (the column alone); a customer's search
 * leads with its organisation. Also the asset ledger's sortable columns (name, type, serial per project, per
 * customer and overall, each ending in id so keyset pages walk the index in either direction).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const idx = (name: string, table: string, columns: string[]) =>
    db.schema.createIndex(name).on(table).columns(columns).execute();
  await idx('tickets_reporter_phone', 'tickets', ['reporter_phone']);
  await idx('tickets_title', 'tickets', ['title']);
  await idx('tickets_customer_number', 'tickets', ['customer_id', 'number']);
  await idx('tickets_customer_phone', 'tickets', ['customer_id', 'reporter_phone']);
  await idx('tickets_customer_title', 'tickets', ['customer_id', 'title']);
  await idx('assets_serial_any', 'assets', ['serial', 'id']);
  await idx('assets_tag', 'assets', ['tag']);
  await idx('assets_customer_serial', 'assets', ['customer_id', 'serial', 'id']);
  await idx('assets_project_serial', 'assets', ['project_id', 'serial', 'id']);
  await idx('assets_customer_end', 'assets', ['customer_id', 'warranty_end', 'id']);
  await idx('assets_customer_tag', 'assets', ['customer_id', 'tag']);
  await idx('om_records_customer_number', 'om_records', ['customer_id', 'number']);
  for (const col of ['name', 'type']) {
    await idx(`assets_project_${col}`, 'assets', ['project_id', col, 'id']);
    await idx(`assets_customer_${col}`, 'assets', ['customer_id', col, 'id']);
    await idx(`assets_all_${col}`, 'assets', [col, 'id']);
  }
}

export async function down(): Promise<void> {}
