import type { Dialect } from '../../db/database.js';
import { countCapped } from '../../db/count.js';
import { forUpdateSkipLocked, sql, type Tx } from '../../db/dialect.js';
import type {
  ChecklistTemplatesTable,
  InspectionAdjustmentsTable,
  InspectionPlansTable,
  InspectionResultsTable,
  InspectionTasksTable,
} from '../../db/types.js';

/** SQL for checklist templates, inspection plans and their tasks. */
export class InspectionRepository {
  constructor(private readonly dialect: Dialect) {}

  // ---------- templates ----------
  private templates(db: Tx) {
    return db
      .selectFrom('checklist_templates')
      .leftJoin('users', 'users.id', 'checklist_templates.created_by')
      .selectAll('checklist_templates')
      .select('users.display_name as created_by_name');
  }
  async template(db: Tx, id: string) {
    return this.templates(db).where('checklist_templates.id', '=', id).executeTakeFirst();
  }
  async currentTemplate(db: Tx, familyId: string) {
    return this.templates(db).where('family_id', '=', familyId).where('current', '=', 1).executeTakeFirst();
  }
  async currentTemplates(db: Tx) {
    return this.templates(db).where('current', '=', 1).orderBy('name').orderBy('checklist_templates.id').execute();
  }
  async insertTemplate(db: Tx, row: ChecklistTemplatesTable) {
    await db.updateTable('checklist_templates').set({ current: 0 }).where('family_id', '=', row.family_id).execute();
    await db.insertInto('checklist_templates').values(row).execute();
  }

  // ---------- plans ----------
  private plans(db: Tx) {
    return db
      .selectFrom('inspection_plans')
      .innerJoin('projects', 'projects.id', 'inspection_plans.project_id')
      .innerJoin('checklist_templates as tpl', (j) =>
        j.onRef('tpl.family_id', '=', 'inspection_plans.template_family_id').on('tpl.current', '=', 1),
      )
      .selectAll('inspection_plans')
      .select([
        'projects.name as project_name',
        'projects.customer_id',
        'tpl.name as template_name',
        'tpl.id as template_version_id',
      ]);
  }
  async plan(db: Tx, id: string) {
    return this.plans(db).where('inspection_plans.id', '=', id).executeTakeFirst();
  }
  async plansOf(db: Tx, projectId: string) {
    return this.plans(db)
      .where('inspection_plans.project_id', '=', projectId)
      .orderBy('inspection_plans.created_at')
      .execute();
  }
  async insertPlan(db: Tx, row: InspectionPlansTable) {
    await db.insertInto('inspection_plans').values(row).execute();
  }
  async updatePlan(db: Tx, id: string, patch: Partial<InspectionPlansTable>) {
    await db.updateTable('inspection_plans').set(patch).where('id', '=', id).execute();
  }
  /**
   * Active plans whose tasks are not generated through `horizon`. The claim is a row lock
   * (PostgreSQL, SKIP LOCKED) held until the caller's transaction has written the tasks and
   * moved `generated_through`; SQLite's single writer serialises generators anyway.
   */
  async claimForGeneration(db: Tx, horizon: string, limit: number) {
    const rows = await forUpdateSkipLocked(
      this.dialect,
      db
        .selectFrom('inspection_plans')
        .select('id')
        .where('paused', '=', 0)
        .where((eb) => eb.or([eb('generated_through', 'is', null), eb('generated_through', '<', horizon)]))
        .orderBy('id')
        .limit(limit),
    ).execute();
    return rows.map((r) => r.id);
  }

  // ---------- tasks ----------
  async insertTasks(db: Tx, rows: InspectionTasksTable[]) {
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insertInto('inspection_tasks')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['plan_id', 'period', 'asset_key']).doNothing())
        .execute();
    }
  }
  async cancelOpen(db: Tx, planId: string, fromDay: string, reason: string, now: number) {
    const r = await db
      .updateTable('inspection_tasks')
      .set({ status: 'cancelled', cancel_reason: reason, updated_at: now })
      .where('plan_id', '=', planId)
      .where('status', '=', 'open')
      .where('due_on', '>=', fromDay)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
  async reassignOpen(db: Tx, planId: string, fromDay: string, assigneeIds: string[], now: number) {
    const open = await db
      .selectFrom('inspection_tasks')
      .select(['id', 'period'])
      .where('plan_id', '=', planId)
      .where('status', '=', 'open')
      .where('due_on', '>=', fromDay)
      .execute();
    for (const t of open)
      await db
        .updateTable('inspection_tasks')
        .set({ assignee_id: assigneeIds[periodIndex(t.period) % assigneeIds.length]!, updated_at: now })
        .where('id', '=', t.id)
        .execute();
  }

  private taskBase(db: Tx) {
    return db
      .selectFrom('inspection_tasks')
      .innerJoin('inspection_plans', 'inspection_plans.id', 'inspection_tasks.plan_id')
      .innerJoin('projects', 'projects.id', 'inspection_tasks.project_id')
      .leftJoin('assets', 'assets.id', 'inspection_tasks.asset_id')
      .leftJoin('users', 'users.id', 'inspection_tasks.assignee_id')
      .selectAll('inspection_tasks')
      .select([
        'inspection_plans.name as plan_name',
        'inspection_plans.kind',
        'projects.name as project_name',
        'projects.service_manager_id',
        'assets.name as asset_name',
        'users.display_name as assignee_name',
      ]);
  }

  /** Tasks due in [from, to], soonest first, keyset on (due_on, id). */
  async tasks(
    db: Tx,
    f: { projectId?: string; customerId?: string; assigneeId?: string; from: string; to: string },
    after: { due: string; id: string } | null,
    limit: number,
  ) {
    let q = this.taskBase(db)
      .where('inspection_tasks.due_on', '>=', f.from)
      .where('inspection_tasks.due_on', '<=', f.to);
    if (f.projectId) q = q.where('inspection_tasks.project_id', '=', f.projectId);
    if (f.customerId) q = q.where('inspection_tasks.customer_id', '=', f.customerId);
    if (f.assigneeId) q = q.where('inspection_tasks.assignee_id', '=', f.assigneeId);
    if (after)
      q = q.where(
        sql<boolean>`(${sql.ref('inspection_tasks.due_on')} > ${after.due} or (${sql.ref('inspection_tasks.due_on')} = ${after.due} and ${sql.ref('inspection_tasks.id')} > ${after.id}))`,
      );
    return q
      .orderBy('inspection_tasks.due_on')
      .orderBy('inspection_tasks.id')
      .limit(limit + 1)
      .execute();
  }

  /** Capped count over the (assignee_id, due_on, id) index: the assignee's unfinished tasks due by `today`. */
  async countOpenDue(db: Tx, assigneeId: string, today: string, cap: number) {
    return countCapped(
      db,
      db
        .selectFrom('inspection_tasks')
        .select('id')
        .where('assignee_id', '=', assigneeId)
        .where('due_on', '<=', today)
        .where('status', 'in', ['open', 'in_progress']),
      cap,
    );
  }

  /** Open tasks past their due day that nobody was told about yet; the update is the claim. */
  async claimOverdue(db: Tx, today: string, now: number, limit: number) {
    const rows = await forUpdateSkipLocked(
      this.dialect,
      db
        .selectFrom('inspection_tasks')
        .select('id')
        .where('status', 'in', ['open', 'in_progress'])
        .where('overdue_notified_at', 'is', null)
        .where('due_on', '<', today)
        .orderBy('due_on')
        .limit(limit),
    ).execute();
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    await db.updateTable('inspection_tasks').set({ overdue_notified_at: now }).where('id', 'in', ids).execute();
    return this.taskBase(db).where('inspection_tasks.id', 'in', ids).orderBy('inspection_tasks.due_on').execute();
  }

  async taskById(db: Tx, id: string) {
    return this.taskBase(db).where('inspection_tasks.id', '=', id).executeTakeFirst();
  }
  async updateTask(db: Tx, id: string, patch: Partial<InspectionTasksTable>) {
    await db.updateTable('inspection_tasks').set(patch).where('id', '=', id).execute();
  }
  async results(db: Tx, taskId: string) {
    return db
      .selectFrom('inspection_results')
      .leftJoin('tickets', 'tickets.id', 'inspection_results.ticket_id')
      .leftJoin('users', 'users.id', 'inspection_results.updated_by')
      .selectAll('inspection_results')
      .select(['tickets.number as ticket_number', 'users.display_name as by_name'])
      .where('task_id', '=', taskId)
      .execute();
  }
  /** Insert or replace one item's result (a run is saved item by item). */
  async saveResult(
    db: Tx,
    row: Omit<InspectionResultsTable, 'photo_path' | 'photo_sha256' | 'ticket_id'> &
      Partial<Pick<InspectionResultsTable, 'photo_path' | 'photo_sha256' | 'ticket_id'>>,
  ) {
    const { task_id: _t, item_key: _k, ...rest } = row;
    await db
      .insertInto('inspection_results')
      .values(row)
      .onConflict((oc) => oc.columns(['task_id', 'item_key']).doUpdateSet(rest))
      .execute();
  }
  async adjustments(db: Tx, taskId: string) {
    return db
      .selectFrom('inspection_adjustments')
      .leftJoin('users', 'users.id', 'inspection_adjustments.by')
      .selectAll('inspection_adjustments')
      .select('users.display_name as by_name')
      .where('task_id', '=', taskId)
      .orderBy('at')
      .orderBy('inspection_adjustments.id')
      .execute();
  }
  async insertAdjustment(db: Tx, row: InspectionAdjustmentsTable) {
    await db.insertInto('inspection_adjustments').values(row).execute();
  }

  /** A project's tasks due within a month, for the completion figures (a few dozen rows). */
  async monthTasks(db: Tx, projectId: string, first: string, last: string) {
    return db
      .selectFrom('inspection_tasks')
      .innerJoin('inspection_plans', 'inspection_plans.id', 'inspection_tasks.plan_id')
      .select([
        'inspection_tasks.plan_id',
        'inspection_plans.name as plan_name',
        'inspection_plans.kind',
        'inspection_tasks.status',
        'inspection_tasks.due_on',
        'inspection_tasks.done_on',
      ])
      .where('inspection_tasks.project_id', '=', projectId)
      .where('inspection_tasks.due_on', '>=', first)
      .where('inspection_tasks.due_on', '<=', last)
      .execute();
  }
}

/** A stable number per period (months since year 0), for round-robin assignment. */
export const periodIndex = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
