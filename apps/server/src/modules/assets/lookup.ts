import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import { startsWith } from '../../db/prefix.js';
import { type Actor, isCustomer } from '../../lib/actor.js';

type Hit = { id: string; name: string; serial: string; tag: string | null };

/** SQL for finding assets by serial number or asset tag: prefix ranges over assets_serial_any / assets_tag (or per customer). */
export class AssetLookupRepository {
  async byColumn(
    db: Tx,
    column: 'serial' | 'tag',
    customerId: string | undefined,
    prefix: string,
    limit: number,
  ): Promise<Hit[]> {
    let q = db.selectFrom('assets').select(['id', 'name', 'serial', 'tag']).where(startsWith(column, prefix));
    if (customerId) q = q.where('customer_id', '=', customerId);
    return q.orderBy(column).limit(limit).execute();
  }
  async namesByIds(db: Tx, ids: string[]) {
    return ids.length ? db.selectFrom('assets').select(['id', 'name', 'serial']).where('id', 'in', ids).execute() : [];
  }
}

/** The asset module's finder for the global search and the audit view; customers find their organisation's items only. */
export class AssetLookup {
  readonly repo = new AssetLookupRepository();
  constructor(private readonly database: Database) {}

  async find(actor: Actor, text: string, limit: number): Promise<Hit[]> {
    const customerId = isCustomer(actor) ? actor.orgId : undefined;
    const db = this.database.db;
    const hits = [
      ...(await this.repo.byColumn(db, 'tag', customerId, text, limit)),
      ...(await this.repo.byColumn(db, 'serial', customerId, text, limit)),
    ];
    const seen = new Set<string>();
    return hits.filter((h) => !seen.has(h.id) && seen.add(h.id)).slice(0, limit);
  }

  async names(ids: string[]): Promise<Map<string, string>> {
    return new Map((await this.repo.namesByIds(this.database.db, ids)).map((r) => [r.id, `${r.name} (${r.serial})`]));
  }
}
