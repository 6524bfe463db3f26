import type { Tx } from '../../db/dialect.js';
import type {
  MonthlyReportsTable,
  ReportNotesTable,
  ReportReceiptsTable,
  ReportSchedulesTable,
} from '../../db/types.js';

export class ReportRepository {
  async projectHead(db: Tx, projectId: string) {
    return db
      .selectFrom('projects')
      .innerJoin('orgs', 'orgs.id', 'projects.customer_id')
      .leftJoin('users', 'users.id', 'projects.service_manager_id')
      .select(['orgs.name as customer_name', 'users.display_name as manager_name', 'projects.service_manager_id'])
      .where('projects.id', '=', projectId)
      .executeTakeFirstOrThrow();
  }

  async notes(db: Tx, projectId: string, month: string) {
    return db
      .selectFrom('report_notes')
      .leftJoin('users', 'users.id', 'report_notes.updated_by')
      .selectAll('report_notes')
      .select('users.display_name')
      .where('report_notes.project_id', '=', projectId)
      .where('report_notes.month', '=', month)
      .executeTakeFirst();
  }
  async saveNotes(db: Tx, row: ReportNotesTable) {
    await db
      .insertInto('report_notes')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['project_id', 'month']).doUpdateSet({
          next_month_plan: row.next_month_plan,
          updated_at: row.updated_at,
          updated_by: row.updated_by,
        }),
      )
      .execute();
  }

  async insertArchived(db: Tx, row: MonthlyReportsTable) {
    await db.insertInto('monthly_reports').values(row).execute();
  }
  /** The purchaser's first fetch of a month's report; later fetches keep the first. */
  async recordReceipt(db: Tx, row: ReportReceiptsTable) {
    await db
      .insertInto('report_receipts')
      .values(row)
      .onConflict((oc) => oc.columns(['project_id', 'month']).doNothing())
      .execute();
  }
  async archived(db: Tx, id: string) {
    return db.selectFrom('monthly_reports').selectAll().where('id', '=', id).executeTakeFirst();
  }
  /** Newest first, keyset over (generated_at, id) on the project index. */
  async archivePage(
    db: Tx,
    projectId: string,
    q: { month?: string; after?: { at: number; id: string }; limit: number },
  ) {
    let s = db
      .selectFrom('monthly_reports')
      .leftJoin('users', 'users.id', 'monthly_reports.generated_by')
      .selectAll('monthly_reports')
      .select('users.display_name')
      .where('monthly_reports.project_id', '=', projectId)
      .orderBy('monthly_reports.generated_at', 'desc')
      .orderBy('monthly_reports.id', 'desc')
      .limit(q.limit + 1);
    if (q.month) s = s.where('monthly_reports.month', '=', q.month);
    if (q.after) {
      const a = q.after;
      s = s.where((eb) =>
        eb(eb.refTuple('monthly_reports.generated_at', 'monthly_reports.id'), '<', eb.tuple(a.at, a.id)),
      );
    }
    return s.execute();
  }

  async schedule(db: Tx, projectId: string) {
    return db.selectFrom('report_schedules').selectAll().where('project_id', '=', projectId).executeTakeFirst();
  }
  async saveSchedule(db: Tx, row: ReportSchedulesTable) {
    const { project_id: _, ...rest } = row;
    await db
      .insertInto('report_schedules')
      .values(row)
      .onConflict((oc) => oc.column('project_id').doUpdateSet(rest))
      .execute();
  }
  async dueSchedules(db: Tx, now: number, limit: number) {
    return db
      .selectFrom('report_schedules')
      .selectAll()
      .where('enabled', '=', 1)
      .where('next_run_at', '<=', now)
      .orderBy('next_run_at')
      .orderBy('project_id')
      .limit(limit)
      .execute();
  }
  /** Compare-and-set on next_run_at: true for the one caller whose update took (the run is theirs). */
  async claim(db: Tx, projectId: string, expected: number, leaseUntil: number): Promise<boolean> {
    const r = await db
      .updateTable('report_schedules')
      .set({ next_run_at: leaseUntil })
      .where('project_id', '=', projectId)
      .where('next_run_at', '=', expected)
      .where('enabled', '=', 1)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
  async setRun(db: Tx, projectId: string, lastRunAt: number, nextRunAt: number) {
    await db
      .updateTable('report_schedules')
      .set({ last_run_at: lastRunAt, next_run_at: nextRunAt })
      .where('project_id', '=', projectId)
      .execute();
  }
  /** The purchaser's contacts: e-mail addresses of the customer's active leads. */
  async customerLeadEmails(db: Tx, customerId: string) {
    const rows = await db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .where('users.org_id', '=', customerId)
      .where('user_roles.role', '=', 'customer_lead')
      .where('users.disabled', '=', 0)
      .where('users.email', 'is not', null)
      .select('users.email')
      .execute();
    return [...new Set(rows.map((r) => r.email!))];
  }
}
