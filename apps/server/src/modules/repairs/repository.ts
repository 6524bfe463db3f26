import type { Tx } from '../../db/dialect.js';
import type { AssetReplacementsTable, CostItemsTable, RepairPointsTable, TicketRepairsTable } from '../../db/types.js';

/** SQL for repairs (the asset a ticket repairs), replaced parts, cost items and repair points. */
export class RepairRepository {
  async repair(db: Tx, ticketId: string) {
    return db.selectFrom('ticket_repairs').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();
  }
  async saveRepair(db: Tx, row: TicketRepairsTable) {
    const { ticket_id: _id, ...rest } = row;
    await db
      .insertInto('ticket_repairs')
      .values(row)
      .onConflict((oc) => oc.column('ticket_id').doUpdateSet(rest))
      .execute();
  }

  private replacements(db: Tx) {
    return db
      .selectFrom('asset_replacements')
      .innerJoin('tickets', 'tickets.id', 'asset_replacements.ticket_id')
      .leftJoin('users', 'users.id', 'asset_replacements.created_by')
      .selectAll('asset_replacements')
      .select(['tickets.number as ticket_number', 'users.display_name as by_name']);
  }
  async replacementsOf(db: Tx, ticketId: string) {
    return this.replacements(db)
      .where('asset_replacements.ticket_id', '=', ticketId)
      .orderBy('asset_replacements.created_at')
      .orderBy('asset_replacements.id')
      .execute();
  }
  /** Replacements that installed one of `assetIds`, oldest first: a position's extension history. */
  async replacementsInto(db: Tx, assetIds: string[]) {
    if (!assetIds.length) return [];
    return this.replacements(db)
      .where('asset_replacements.new_asset_id', 'in', assetIds)
      .orderBy('asset_replacements.replaced_on')
      .orderBy('asset_replacements.id')
      .execute();
  }
  async insertReplacement(db: Tx, row: AssetReplacementsTable) {
    await db.insertInto('asset_replacements').values(row).execute();
  }

  async costItems(db: Tx, ticketId: string) {
    return db
      .selectFrom('cost_items')
      .leftJoin('users', 'users.id', 'cost_items.created_by')
      .selectAll('cost_items')
      .select('users.display_name as by_name')
      .where('ticket_id', '=', ticketId)
      .orderBy('cost_items.created_at')
      .orderBy('cost_items.id')
      .execute();
  }
  async insertCost(db: Tx, row: CostItemsTable) {
    await db.insertInto('cost_items').values(row).execute();
  }

  /** Cost lines of a customer in [fromMs, toMs), with what decides whether each is billable. */
  async statementLines(db: Tx, customerId: string, fromMs: number, toMs: number) {
    return db
      .selectFrom('cost_items')
      .innerJoin('tickets', 'tickets.id', 'cost_items.ticket_id')
      .innerJoin('projects', 'projects.id', 'tickets.project_id')
      .leftJoin('ticket_repairs', 'ticket_repairs.ticket_id', 'cost_items.ticket_id')
      .leftJoin('assets', 'assets.id', 'ticket_repairs.asset_id')
      .select([
        'cost_items.id',
        'cost_items.day',
        'cost_items.kind',
        'cost_items.description',
        'cost_items.quantity_x100',
        'cost_items.unit_cost_cents',
        'cost_items.amount_cents',
        'tickets.id as ticket_id',
        'tickets.number as ticket_number',
        'tickets.title as ticket_title',
        'tickets.status as ticket_status',
        'tickets.fault_cause',
        'projects.name as project_name',
        'assets.name as asset_name',
        'assets.serial',
        'assets.accepted_on',
        'ticket_repairs.asset_id',
        'ticket_repairs.fault_on',
        'ticket_repairs.in_warranty',
        'ticket_repairs.warranty_end_at_fault',
      ])
      .where('cost_items.customer_id', '=', customerId)
      .where('cost_items.created_at', '>=', fromMs)
      .where('cost_items.created_at', '<', toMs)
      .orderBy('cost_items.created_at')
      .orderBy('cost_items.id')
      .execute();
  }

  // ---------- repair points (维修点, R12) ----------
  async points(db: Tx, onlyProjectIds?: string[]) {
    let q = db.selectFrom('repair_points').selectAll();
    if (onlyProjectIds) {
      if (!onlyProjectIds.length) return [];
      q = q.where(
        'id',
        'in',
        db.selectFrom('repair_point_projects').select('point_id').where('project_id', 'in', onlyProjectIds),
      );
    }
    return q.orderBy('name').orderBy('id').execute();
  }
  async point(db: Tx, id: string) {
    return db.selectFrom('repair_points').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async pointProjects(db: Tx, pointIds: string[]) {
    if (!pointIds.length) return [];
    return db
      .selectFrom('repair_point_projects')
      .innerJoin('projects', 'projects.id', 'repair_point_projects.project_id')
      .select(['repair_point_projects.point_id', 'projects.id', 'projects.name', 'projects.customer_id'])
      .where('point_id', 'in', pointIds)
      .orderBy('projects.name')
      .execute();
  }
  async savePoint(db: Tx, row: RepairPointsTable, projectIds: string[]) {
    const { id: _id, created_at: _c, ...rest } = row;
    await db
      .insertInto('repair_points')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(rest))
      .execute();
    await db.deleteFrom('repair_point_projects').where('point_id', '=', row.id).execute();
    if (projectIds.length)
      await db
        .insertInto('repair_point_projects')
        .values(projectIds.map((p) => ({ point_id: row.id, project_id: p })))
        .execute();
  }
}
