import type { Dialect } from '../../db/database.js';
import { forUpdate, olderThan, type Tx } from '../../db/dialect.js';
import { countCapped } from '../../db/count.js';
import { insertRows } from '../../db/insert.js';
import type { OmRecordsTable, SiteVisitsTable } from '../../db/types.js';

export interface VisitFilter {
  projectId?: string;
  engineerId?: string;
  customerId?: string;
  from?: number;
  to?: number;
  open?: boolean;
  after?: { at: number; id: string };
  limit: number;
}
export interface RecordFilter {
  projectId?: string;
  customerId?: string;
  authorId?: string;
  statuses?: string[];
  after?: { at: number; id: string };
  limit: number;
}

/** SQL for check-ins and O&M records. */
export class FieldworkRepository {
  constructor(private readonly dialect: Dialect) {}

  private visitsWithNames(db: Tx) {
    return db
      .selectFrom('site_visits')
      .innerJoin('projects', 'projects.id', 'site_visits.project_id')
      .innerJoin('users', 'users.id', 'site_visits.engineer_id')
      .leftJoin('tickets', 'tickets.id', 'site_visits.ticket_id')
      .selectAll('site_visits')
      .select([
        'projects.name as project_name',
        'projects.customer_id',
        'users.display_name as engineer_name',
        'tickets.number as ticket_number',
      ]);
  }

  async insertVisit(db: Tx, row: SiteVisitsTable) {
    await insertRows(db, 'site_visits', [row]);
  }
  async visit(db: Tx, id: string) {
    return this.visitsWithNames(db).where('site_visits.id', '=', id).executeTakeFirst();
  }
  async visitsByIds(db: Tx, ids: string[]) {
    if (!ids.length) return [];
    return this.visitsWithNames(db)
      .where('site_visits.id', 'in', ids)
      .orderBy('site_visits.checked_in_at')
      .orderBy('site_visits.id')
      .execute();
  }
  async openVisitOf(db: Tx, engineerId: string) {
    return this.visitsWithNames(db)
      .where('site_visits.engineer_id', '=', engineerId)
      .where('site_visits.checked_out_at', 'is', null)
      .orderBy('site_visits.checked_in_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  }
  async updateVisit(db: Tx, id: string, patch: Partial<SiteVisitsTable>) {
    await db.updateTable('site_visits').set(patch).where('id', '=', id).execute();
  }
  /** Closes a visit only if it is still open: the conditional update settles a double tap. */
  async checkOut(db: Tx, id: string, patch: Partial<SiteVisitsTable>) {
    const r = await db
      .updateTable('site_visits')
      .set(patch)
      .where('id', '=', id)
      .where('checked_out_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
  /** Newest first, keyset over (checked_in_at, id) on the index that matches the leading filter. */
  async listVisits(db: Tx, f: VisitFilter) {
    let q = this.visitsWithNames(db)
      .orderBy('site_visits.checked_in_at', 'desc')
      .orderBy('site_visits.id', 'desc')
      .limit(f.limit + 1);
    if (f.projectId) q = q.where('site_visits.project_id', '=', f.projectId);
    if (f.engineerId) q = q.where('site_visits.engineer_id', '=', f.engineerId);
    if (f.customerId) q = q.where('projects.customer_id', '=', f.customerId);
    if (f.from !== undefined) q = q.where('site_visits.checked_in_at', '>=', f.from);
    if (f.to !== undefined) q = q.where('site_visits.checked_in_at', '<', f.to);
    if (f.open !== undefined) q = q.where('site_visits.checked_out_at', f.open ? 'is' : 'is not', null);
    if (f.after) q = q.where(olderThan('site_visits.checked_in_at', 'site_visits.id', f.after));
    return q.execute();
  }
  /** Open visits that began before `before` and have not been flagged yet (forgotten check-outs). */
  async unflaggedForgotten(db: Tx, before: number, limit: number) {
    return this.visitsWithNames(db)
      .where('site_visits.checked_out_at', 'is', null)
      .where('site_visits.forgotten_flagged_at', 'is', null)
      .where('site_visits.checked_in_at', '<', before)
      .orderBy('site_visits.checked_in_at')
      .limit(limit)
      .execute();
  }
  /** The flag is the claim: of two nodes, only the one whose update changed the row notifies. */
  async flagForgotten(db: Tx, id: string, now: number) {
    const r = await db
      .updateTable('site_visits')
      .set({ forgotten_flagged_at: now })
      .where('id', '=', id)
      .where('forgotten_flagged_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  // ---------- O&M records ----------
  private recordsWithNames(db: Tx) {
    return db
      .selectFrom('om_records')
      .innerJoin('projects', 'projects.id', 'om_records.project_id')
      .innerJoin('users as author', 'author.id', 'om_records.author_id')
      .leftJoin('users as signer', 'signer.id', 'om_records.signer_id')
      .leftJoin('users as reviewer', 'reviewer.id', 'om_records.reviewer_id')
      .leftJoin('users as rejector', 'rejector.id', 'om_records.rejector_id')
      .selectAll('om_records')
      .select([
        'projects.name as project_name',
        'author.display_name as author_name',
        'signer.display_name as signer_name',
        'reviewer.display_name as reviewer_name',
        'rejector.display_name as rejector_name',
      ]);
  }
  async insertRecord(db: Tx, row: OmRecordsTable) {
    await insertRows(db, 'om_records', [row]);
  }
  async record(db: Tx, id: string) {
    return this.recordsWithNames(db).where('om_records.id', '=', id).executeTakeFirst();
  }
  async recordsByIds(db: Tx, ids: string[]) {
    return this.recordsWithNames(db).where('om_records.id', 'in', ids).execute();
  }
  async versions(db: Tx, number: string) {
    return db
      .selectFrom('om_records')
      .select(['id', 'version', 'status', 'signed_at', 'amend_reason'])
      .where('number', '=', number)
      .orderBy('version')
      .execute();
  }
  async updateRecord(db: Tx, id: string, patch: Partial<OmRecordsTable>) {
    await db.updateTable('om_records').set(patch).where('id', '=', id).execute();
  }
  /** Status change that only happens from the expected status (concurrent sign and reject cannot both win). */
  async moveRecord(db: Tx, id: string, from: string[], patch: Partial<OmRecordsTable>) {
    const r = await db
      .updateTable('om_records')
      .set(patch)
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
  /** Capped count over the (customer_id, status, updated_at, id) index. */
  async countRecords(db: Tx, f: { customerId: string; status: string }, cap: number) {
    return countCapped(
      db,
      db.selectFrom('om_records').select('id').where('customer_id', '=', f.customerId).where('status', '=', f.status),
      cap,
    );
  }
  async listRecords(db: Tx, f: RecordFilter) {
    let q = this.recordsWithNames(db)
      .orderBy('om_records.updated_at', 'desc')
      .orderBy('om_records.id', 'desc')
      .limit(f.limit + 1);
    if (f.projectId) q = q.where('om_records.project_id', '=', f.projectId);
    if (f.customerId) q = q.where('om_records.customer_id', '=', f.customerId);
    if (f.authorId) q = q.where('om_records.author_id', '=', f.authorId);
    if (f.statuses) q = q.where('om_records.status', 'in', f.statuses.length ? f.statuses : ['-']);
    if (f.after) q = q.where(olderThan('om_records.updated_at', 'om_records.id', f.after));
    return q.execute();
  }
  /** A project's records whose service began in [from, to), by service start (the month export). */
  async recordsInPeriod(db: Tx, projectId: string, from: number, to: number) {
    return this.recordsWithNames(db)
      .where('om_records.project_id', '=', projectId)
      .where('om_records.service_start', '>=', from)
      .where('om_records.service_start', '<', to)
      .orderBy('om_records.service_start')
      .orderBy('om_records.number')
      .orderBy('om_records.version')
      .limit(5000)
      .execute();
  }
  async ticketsByIds(db: Tx, ids: string[]) {
    if (!ids.length) return [];
    return db.selectFrom('tickets').select(['id', 'number', 'title', 'project_id']).where('id', 'in', ids).execute();
  }

  /** The chain head, locked on PostgreSQL so concurrent signings append one after another. */
  async chainHead(db: Tx) {
    return forUpdate(
      this.dialect,
      db.selectFrom('record_chain_head').select(['seq', 'hash']).where('id', '=', 1),
    ).executeTakeFirstOrThrow();
  }
  async moveChainHead(db: Tx, seq: number, hash: string) {
    await db.updateTable('record_chain_head').set({ seq, hash }).where('id', '=', 1).execute();
  }
  /** Signed (and superseded) records in chain order, for verification. */
  async chainPage(db: Tx, afterSeq: number, limit: number) {
    return db
      .selectFrom('om_records')
      .selectAll()
      .where('chain_seq', 'is not', null)
      .where('chain_seq', '>', afterSeq)
      .orderBy('chain_seq')
      .limit(limit)
      .execute();
  }
  async signedOutsideChain(db: Tx) {
    return db
      .selectFrom('om_records')
      .select(['id', 'number', 'version'])
      .where('status', 'in', ['signed', 'superseded'])
      .where('chain_seq', 'is', null)
      .execute();
  }
  async headRow(db: Tx) {
    return db.selectFrom('record_chain_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  }
}
