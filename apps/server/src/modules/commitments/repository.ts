import type { Tx } from '../../db/dialect.js';
import type { CommitmentsTable } from '../../db/types.js';

export class CommitmentRepository {
  async insert(db: Tx, rows: CommitmentsTable[]) {
    if (rows.length) await db.insertInto('commitments').values(rows).execute();
  }
  async ofContract(db: Tx, contractId: string) {
    return db
      .selectFrom('commitments')
      .selectAll()
      .where('contract_id', '=', contractId)
      .orderBy('kind')
      .orderBy('level')
      .execute();
  }
  async byId(db: Tx, id: string) {
    return db
      .selectFrom('commitments')
      .innerJoin('contracts', 'contracts.id', 'commitments.contract_id')
      .selectAll('commitments')
      .select([
        'contracts.project_id',
        'contracts.policy_json',
        'contracts.code as contract_code',
        'contracts.satisfaction_target_pct',
      ])
      .where('commitments.id', '=', id)
      .executeTakeFirst();
  }
  async update(db: Tx, id: string, patch: Partial<CommitmentsTable>) {
    await db.updateTable('commitments').set(patch).where('id', '=', id).execute();
  }
  /** The 满意率 target lives on the contract (one value; see CommitmentService.effective). */
  async setContractSatisfaction(db: Tx, contractId: string, pct: number, at: number) {
    await db
      .updateTable('contracts')
      .set({ satisfaction_target_pct: pct, updated_at: at })
      .where('id', '=', contractId)
      .execute();
  }
  /**
   * When the finished month's report first reached the purchaser: e-mailed by the schedule, or fetched by one of
   * the customer's own users (report_receipts; before issue 14 such a fetch left an archived copy, still counted),
   * at or after `monthEnd` — a copy of a month still running is not the report the bid promised.
   */
  async firstDelivery(db: Tx, projectId: string, month: string, monthEnd: number): Promise<number | null> {
    const r = await db
      .selectFrom('monthly_reports')
      .leftJoin('users', 'users.id', 'monthly_reports.generated_by')
      .leftJoin('orgs', 'orgs.id', 'users.org_id')
      .where('monthly_reports.project_id', '=', projectId)
      .where('monthly_reports.month', '=', month)
      .where('monthly_reports.generated_at', '>=', monthEnd)
      .where((eb) => eb.or([eb('monthly_reports.emailed_to_json', '!=', '[]'), eb('orgs.kind', '=', 'customer')]))
      .select((eb) => eb.fn.min<number>('monthly_reports.generated_at').as('at'))
      .executeTakeFirst();
    const fetched = await db
      .selectFrom('report_receipts')
      .select('fetched_at')
      .where('project_id', '=', projectId)
      .where('month', '=', month)
      .where('fetched_at', '>=', monthEnd)
      .executeTakeFirst();
    const times = [r?.at, fetched?.fetched_at].filter((t) => t != null).map(Number);
    return times.length ? Math.min(...times) : null;
  }
}
