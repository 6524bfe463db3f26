import type { Insertable, SelectQueryBuilder } from 'kysely';
import type { Dialect } from '../../db/database.js';
import { containsText, forUpdateSkipLocked, refreshStats, sql, type Tx } from '../../db/dialect.js';
import { insertRows } from '../../db/insert.js';
import type { AcceptancesTable, AssetInspectionsTable, AssetsTable, DB } from '../../db/types.js';
import type { AssetSort } from '@weibao/schema';

export type AssetRow = AssetsTable & {
  project_name: string;
  parent_name: string | null;
  acceptance_batch: string | null;
};
export interface AssetFilter {
  projectId?: string;
  customerId?: string;
  kind?: string;
  state?: string;
  q?: string;
  /** Only rows whose warranty ends on or after / on or before these dates (warranty-end pages). */
  endFrom?: string;
  endTo?: string;
  /** Only rows without an acceptance (no warranty started). */
  notAccepted?: boolean;
}
/** Where a keyset page continues: the last row's sort value (none for `recent`, whose key is the id) and id. */
export type AssetCursor =
  { sort: 'recent'; id: string } | { sort: Exclude<AssetSort, 'recent'>; value: string; id: string };
export type SortDir = 'asc' | 'desc';
/** The column each ledger sort reads; every one has a (project | customer | none, column, id) index (0005, 0021). */
export const SORT_COLUMN = {
  recent: 'assets.id',
  warranty_end: 'assets.warranty_end',
  name: 'assets.name',
  type: 'assets.type',
  serial: 'assets.serial',
} as const;

/** SQL for the asset ledger, acceptances and annual inspections done. */
export class AssetRepository {
  constructor(private readonly dialect: Dialect) {}

  private base(db: Tx) {
    return db
      .selectFrom('assets')
      .innerJoin('projects', 'projects.id', 'assets.project_id')
      .leftJoin('assets as parent', 'parent.id', 'assets.parent_id')
      .leftJoin('acceptances', 'acceptances.id', 'assets.acceptance_id')
      .selectAll('assets')
      .select(['projects.name as project_name', 'parent.name as parent_name', 'acceptances.batch as acceptance_batch']);
  }

  async get(db: Tx, id: string): Promise<AssetRow | undefined> {
    return this.base(db).where('assets.id', '=', id).executeTakeFirst();
  }
  async byIds(db: Tx, ids: string[]): Promise<AssetRow[]> {
    return ids.length ? this.base(db).where('assets.id', 'in', ids).execute() : [];
  }
  async children(db: Tx, parentId: string): Promise<AssetRow[]> {
    return this.base(db).where('assets.parent_id', '=', parentId).orderBy('assets.id').execute();
  }
  async bySerial(db: Tx, projectId: string, serial: string) {
    return db
      .selectFrom('assets')
      .select(['id', 'state'])
      .where('project_id', '=', projectId)
      .where('serial', '=', serial)
      .executeTakeFirst();
  }
  async serialsIn(db: Tx, projectId: string, serials: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < serials.length; i += 500) {
      const rows = await db
        .selectFrom('assets')
        .select(['id', 'serial'])
        .where('project_id', '=', projectId)
        .where('serial', 'in', serials.slice(i, i + 500))
        .execute();
      for (const r of rows) out.set(r.serial, r.id);
    }
    return out;
  }

  /**
   * One page in the requested order; reads `limit + 1` rows so the caller knows whether more follow. Ties on the
   * sort column are broken by id in the same direction, so the (…, column, id) index yields the order as stored.
   */
  async page(
    db: Tx,
    f: AssetFilter,
    sort: AssetSort,
    after: AssetCursor | null,
    limit: number,
    dir: SortDir = sort === 'recent' ? 'desc' : 'asc',
  ): Promise<AssetRow[]> {
    let q = this.base(db) as SelectQueryBuilder<
      DB & { parent: AssetsTable },
      'assets' | 'projects' | 'parent' | 'acceptances',
      AssetRow
    >;
    if (f.projectId) q = q.where('assets.project_id', '=', f.projectId);
    if (f.customerId) q = q.where('assets.customer_id', '=', f.customerId);
    if (f.kind) q = q.where('assets.kind', '=', f.kind);
    if (f.state) q = q.where('assets.state', '=', f.state);
    if (f.endFrom) q = q.where('assets.warranty_end', '>=', f.endFrom);
    if (f.endTo) q = q.where('assets.warranty_end', '<=', f.endTo);
    if (f.notAccepted) q = q.where('assets.warranty_end', 'is', null);
    if (f.q) {
      const text = f.q;
      q = q.where((eb) =>
        eb.or([
          containsText(this.dialect, 'assets.name', text),
          containsText(this.dialect, 'assets.serial', text),
          containsText(this.dialect, 'assets.model', text),
          containsText(this.dialect, 'assets.tag', text),
        ]),
      );
    }
    const past = dir === 'asc' ? '>' : '<';
    if (sort === 'recent') {
      if (after?.sort === 'recent') q = q.where('assets.id', past, after.id);
      return q
        .orderBy('assets.id', dir)
        .limit(limit + 1)
        .execute();
    }
    const col = SORT_COLUMN[sort];
    // Items without a warranty end (not accepted yet) have no place on that axis; the other columns are NOT NULL.
    if (sort === 'warranty_end') q = q.where('assets.warranty_end', 'is not', null);
    if (after && after.sort === sort) {
      const { value, id } = after;
      q = q.where(
        sql<boolean>`(${sql.ref(col)} ${sql.raw(past)} ${value} or (${sql.ref(col)} = ${value} and ${sql.ref('assets.id')} ${sql.raw(past)} ${id}))`,
      );
    }
    return q
      .orderBy(col, dir)
      .orderBy('assets.id', dir)
      .limit(limit + 1)
      .execute();
  }

  /** Assets whose next annual inspection is due on or before `dueBy`, soonest first (keyset on due, id). */
  async inspectionsDue(
    db: Tx,
    f: { projectId?: string; customerId?: string },
    dueFrom: string | null,
    dueBy: string,
    after: { due: string; id: string } | null,
    limit: number,
  ) {
    let q = this.base(db)
      .where('assets.state', '=', 'in_service')
      .where('assets.next_inspection_due', 'is not', null)
      .where('assets.next_inspection_due', '<=', dueBy);
    if (dueFrom) q = q.where('assets.next_inspection_due', '>=', dueFrom);
    if (f.projectId) q = q.where('assets.project_id', '=', f.projectId);
    if (f.customerId) q = q.where('assets.customer_id', '=', f.customerId);
    if (after)
      q = q.where(
        sql<boolean>`(${sql.ref('assets.next_inspection_due')} > ${after.due} or (${sql.ref('assets.next_inspection_due')} = ${after.due} and ${sql.ref('assets.id')} > ${after.id}))`,
      );
    return q
      .orderBy('assets.next_inspection_due')
      .orderBy('assets.id')
      .limit(limit + 1)
      .execute();
  }

  async insert(db: Tx, rows: Insertable<AssetsTable>[]) {
    // 500 rows of 24 columns stay far below SQLite's 32,766 bound parameters.
    for (let i = 0; i < rows.length; i += 500) await insertRows(db, 'assets', rows.slice(i, i + 500));
    if (rows.length >= 1000) await refreshStats(this.dialect, db, 'assets');
  }
  async update(db: Tx, id: string, patch: Partial<AssetsTable>) {
    await db.updateTable('assets').set(patch).where('id', '=', id).execute();
  }
  async reparent(db: Tx, fromId: string, toId: string, now: number) {
    await db.updateTable('assets').set({ parent_id: toId, updated_at: now }).where('parent_id', '=', fromId).execute();
  }

  /**
   * Claims in-service assets whose warranty ends within [today, endBy] and that were not yet
   * reminded at this threshold or a nearer one. The update is the claim: a row another node
   * claimed first no longer matches; PostgreSQL skips rows locked by a concurrent claimer.
   */
  async claimWarrantyReminders(db: Tx, today: string, endBy: string, threshold: number, limit: number) {
    const due = await forUpdateSkipLocked(
      this.dialect,
      db
        .selectFrom('assets')
        .select(['id'])
        .where('state', '=', 'in_service')
        .where('warranty_end', '>=', today)
        .where('warranty_end', '<=', endBy)
        .where((eb) => eb.or([eb('warranty_alerted', 'is', null), eb('warranty_alerted', '>', threshold)]))
        .orderBy('warranty_end')
        .limit(limit),
    ).execute();
    if (!due.length) return [];
    const ids = due.map((r) => r.id);
    await db.updateTable('assets').set({ warranty_alerted: threshold }).where('id', 'in', ids).execute();
    return this.byIds(db, ids);
  }

  // ---------- acceptances ----------
  async acceptances(db: Tx, projectId: string) {
    return db
      .selectFrom('acceptances')
      .leftJoin('users', 'users.id', 'acceptances.created_by')
      .selectAll('acceptances')
      .select([
        'users.display_name as created_by_name',
        (eb) =>
          eb
            .selectFrom('assets')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('assets.acceptance_id', '=', 'acceptances.id')
            .as('asset_count'),
      ])
      .where('acceptances.project_id', '=', projectId)
      .orderBy('acceptances.accepted_on', 'desc')
      .orderBy('acceptances.id', 'desc')
      .execute();
  }
  async acceptance(db: Tx, id: string) {
    return db.selectFrom('acceptances').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async acceptanceByBatch(db: Tx, projectId: string, batch: string) {
    return db
      .selectFrom('acceptances')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('batch', '=', batch)
      .executeTakeFirst();
  }
  async insertAcceptance(db: Tx, row: AcceptancesTable) {
    await db.insertInto('acceptances').values(row).execute();
  }
  async updateAcceptance(db: Tx, id: string, patch: Partial<AcceptancesTable>) {
    await db.updateTable('acceptances').set(patch).where('id', '=', id).execute();
  }

  // ---------- annual inspections done ----------
  /** The days each of `assetIds` was inspected, in date order. */
  async inspectionDays(db: Tx, assetIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (let i = 0; i < assetIds.length; i += 500) {
      const rows = await db
        .selectFrom('asset_inspections')
        .select(['asset_id', 'done_on'])
        .where('asset_id', 'in', assetIds.slice(i, i + 500))
        .orderBy('done_on')
        .execute();
      for (const r of rows) out.set(r.asset_id, [...(out.get(r.asset_id) ?? []), r.done_on]);
    }
    return out;
  }
  async inspections(db: Tx, assetId: string) {
    return db
      .selectFrom('asset_inspections')
      .leftJoin('users', 'users.id', 'asset_inspections.created_by')
      .selectAll('asset_inspections')
      .select('users.display_name as by_name')
      .where('asset_id', '=', assetId)
      .orderBy('done_on')
      .orderBy('asset_inspections.id')
      .execute();
  }
  async insertInspection(db: Tx, row: AssetInspectionsTable) {
    await db.insertInto('asset_inspections').values(row).execute();
  }
}
