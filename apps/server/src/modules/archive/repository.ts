import { olderThan, type Tx } from '../../db/dialect.js';

/** Whose history: a customer's, or one asset position's (its assets and the tickets that repaired them). */
export type ArchiveScope = { customerId: string } | { assetIds: string[]; ticketIds: string[] };
export interface ArchiveWindow {
  fromMs: number | null;
  toMs: number | null;
  after: { at: number; id: string } | null;
  limit: number;
}

/**
 * SQL for the maintenance archive (用户维修档案, R21). Each kind is read newest first over its own
 * (customer_id, time, id) index with the same keyset window; the service merges the pages.
 */
export class ArchiveRepository {
  // Kysely's builders differ per table; only where/orderBy/limit are used, so their argument types stay open.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private window<Q extends { where: (...a: any[]) => Q; orderBy: (...a: any[]) => Q; limit: (n: number) => Q }>(
    q: Q,
    at: string,
    id: string,
    w: ArchiveWindow,
  ): Q {
    if (w.fromMs !== null) q = q.where(at, '>=', w.fromMs);
    if (w.toMs !== null) q = q.where(at, '<', w.toMs);
    if (w.after) q = q.where(olderThan(at, id, w.after));
    return q.orderBy(at, 'desc').orderBy(id, 'desc').limit(w.limit);
  }

  async tickets(db: Tx, s: ArchiveScope, w: ArchiveWindow) {
    if ('ticketIds' in s && !s.ticketIds.length) return [];
    let q = db
      .selectFrom('tickets')
      .leftJoin('ticket_repairs', 'ticket_repairs.ticket_id', 'tickets.id')
      .leftJoin('assets', 'assets.id', 'ticket_repairs.asset_id')
      .select([
        'tickets.id',
        'tickets.number',
        'tickets.title',
        'tickets.level',
        'tickets.status',
        'tickets.reported_at',
        'tickets.fault_cause',
        'tickets.solution',
        'tickets.billable',
        'assets.id as asset_id',
        'assets.name as asset_name',
        'assets.serial',
      ]);
    q =
      'customerId' in s ? q.where('tickets.customer_id', '=', s.customerId) : q.where('tickets.id', 'in', s.ticketIds);
    return this.window(q, 'tickets.reported_at', 'tickets.id', w).execute();
  }

  async replacements(db: Tx, s: ArchiveScope, w: ArchiveWindow) {
    if ('assetIds' in s && !s.assetIds.length) return [];
    let q = db
      .selectFrom('asset_replacements')
      .innerJoin('tickets', 'tickets.id', 'asset_replacements.ticket_id')
      .innerJoin('assets', 'assets.id', 'asset_replacements.new_asset_id')
      .selectAll('asset_replacements')
      .select(['tickets.number as ticket_number', 'assets.name as asset_name']);
    q =
      'customerId' in s
        ? q.where('asset_replacements.customer_id', '=', s.customerId)
        : q.where((eb) =>
            eb.or([
              eb('asset_replacements.old_asset_id', 'in', s.assetIds),
              eb('asset_replacements.new_asset_id', 'in', s.assetIds),
            ]),
          );
    return this.window(q, 'asset_replacements.created_at', 'asset_replacements.id', w).execute();
  }

  async inspections(db: Tx, s: ArchiveScope, w: ArchiveWindow) {
    if ('assetIds' in s && !s.assetIds.length) return [];
    let q = db
      .selectFrom('asset_inspections')
      .innerJoin('assets', 'assets.id', 'asset_inspections.asset_id')
      .leftJoin('users', 'users.id', 'asset_inspections.created_by')
      .selectAll('asset_inspections')
      .select(['assets.name as asset_name', 'assets.serial', 'users.display_name as by_name']);
    q =
      'customerId' in s
        ? q.where('asset_inspections.customer_id', '=', s.customerId)
        : q.where('asset_inspections.asset_id', 'in', s.assetIds);
    return this.window(q, 'asset_inspections.created_at', 'asset_inspections.id', w).execute();
  }

  async costs(db: Tx, s: ArchiveScope, w: ArchiveWindow) {
    if ('ticketIds' in s && !s.ticketIds.length) return [];
    let q = db
      .selectFrom('cost_items')
      .innerJoin('tickets', 'tickets.id', 'cost_items.ticket_id')
      .leftJoin('ticket_repairs', 'ticket_repairs.ticket_id', 'cost_items.ticket_id')
      .leftJoin('assets', 'assets.id', 'ticket_repairs.asset_id')
      .selectAll('cost_items')
      .select([
        'tickets.number as ticket_number',
        'tickets.fault_cause',
        'ticket_repairs.in_warranty',
        'ticket_repairs.asset_id',
        'assets.name as asset_name',
        'assets.serial',
      ]);
    q =
      'customerId' in s
        ? q.where('cost_items.customer_id', '=', s.customerId)
        : q.where('cost_items.ticket_id', 'in', s.ticketIds);
    return this.window(q, 'cost_items.created_at', 'cost_items.id', w).execute();
  }

  /** Acceptance batches are few per project: read whole, windowed by the service. */
  async acceptances(db: Tx, s: ArchiveScope) {
    let q = db
      .selectFrom('acceptances')
      .innerJoin('projects', 'projects.id', 'acceptances.project_id')
      .select([
        'acceptances.id',
        'acceptances.batch',
        'acceptances.accepted_on',
        'acceptances.note',
        'projects.name as project_name',
      ]);
    q =
      'customerId' in s
        ? q.where('projects.customer_id', '=', s.customerId)
        : s.assetIds.length
          ? q.where(
              'acceptances.id',
              'in',
              db.selectFrom('assets').select('acceptance_id').where('id', 'in', s.assetIds),
            )
          : q.where('acceptances.id', '=', '');
    return q.execute();
  }

  /** Tickets that repaired any of `assetIds`. */
  async repairTickets(db: Tx, assetIds: string[]) {
    if (!assetIds.length) return [];
    return (await db.selectFrom('ticket_repairs').select('ticket_id').where('asset_id', 'in', assetIds).execute()).map(
      (r) => r.ticket_id,
    );
  }
}
