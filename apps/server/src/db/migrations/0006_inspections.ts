import type { Kysely } from 'kysely';

/** Inspection checklists (versioned), recurring plans and the tasks they generate (R5, R16, R17). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ms = 'bigint' as const;
  await db.schema
    .createTable('checklist_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The first version's id; every version of one template shares it.
    .addColumn('family_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('current', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('asset_type', 'text')
    .addColumn('items_json', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addUniqueConstraint('checklist_templates_version', ['family_id', 'version'])
    .execute();

  await db.schema
    .createTable('inspection_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('template_family_id', 'text', (c) => c.notNull())
    .addColumn('due_day', 'integer', (c) => c.notNull())
    .addColumn('interval_months', 'integer', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('lead_days', 'integer', (c) => c.notNull())
    .addColumn('assignee_ids_json', 'text', (c) => c.notNull())
    .addColumn('pauses_json', 'text', (c) => c.notNull())
    .addColumn('paused', 'integer', (c) => c.notNull())
    // Tasks exist for every period due up to this day; the generator claims plans behind the horizon.
    .addColumn('generated_through', 'text')
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('inspection_plans_project')
    .on('inspection_plans')
    .columns(['project_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('inspection_plans_generate')
    .on('inspection_plans')
    .columns(['paused', 'generated_through'])
    .execute();

  await db.schema
    .createTable('inspection_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('inspection_plans.id'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    // '' for plan-wide tasks, the asset id for per-asset (annual) ones: part of the once-only key.
    .addColumn('asset_key', 'text', (c) => c.notNull())
    .addColumn('asset_id', 'text', (c) => c.references('assets.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.references('users.id'))
    .addColumn('template_version_id', 'text', (c) => c.notNull().references('checklist_templates.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('overdue_notified_at', ms)
    .addColumn('started_at', ms)
    // The O&M record (kind inspection) finishing the task wrote: signed through the records' path.
    .addColumn('record_id', 'text', (c) => c.references('om_records.id'))
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .addUniqueConstraint('inspection_tasks_once', ['plan_id', 'period', 'asset_key'])
    .execute();
  await db.schema
    .createIndex('inspection_tasks_project_due')
    .on('inspection_tasks')
    .columns(['project_id', 'due_on', 'id'])
    .execute();
  await db.schema
    .createIndex('inspection_tasks_assignee_due')
    .on('inspection_tasks')
    .columns(['assignee_id', 'due_on', 'id'])
    .execute();
  await db.schema.createIndex('inspection_tasks_due').on('inspection_tasks').columns(['due_on', 'id']).execute();
  await db.schema
    .createTable('inspection_results')
    .addColumn('task_id', 'text', (c) => c.notNull().references('inspection_tasks.id'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    // A measured number as text: exact on both dialects, parsed by the service.
    .addColumn('value', 'text')
    .addColumn('note', 'text')
    .addColumn('photo_path', 'text')
    .addColumn('photo_sha256', 'text')
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id'))
    .addColumn('updated_at', ms, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inspection_results_pk', ['task_id', 'item_key'])
    .execute();
  await db.schema
    .createTable('inspection_adjustments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('inspection_tasks.id'))
    .addColumn('parameter', 'text', (c) => c.notNull())
    .addColumn('before_value', 'text', (c) => c.notNull())
    .addColumn('after_value', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', ms, (c) => c.notNull())
    .addColumn('by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('inspection_adjustments_task')
    .on('inspection_adjustments')
    .columns(['task_id', 'at'])
    .execute();
  await db.schema
    .createIndex('inspection_tasks_overdue')
    .on('inspection_tasks')
    .columns(['status', 'overdue_notified_at', 'due_on'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
