import type { OmRecordStatus } from '@weibao/schema';
import type { OM_RECORD_KINDS } from '@weibao/schema';

type OmRecordKind = (typeof OM_RECORD_KINDS)[number];
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import { startsWith } from '../../db/prefix.js';
import { type Actor, isCustomer } from '../../lib/actor.js';

/** SQL for finding O&M records by number: a prefix range over om_records_version (number, version) or, for a customer, om_records_customer_number. */
export class RecordLookupRepository {
  async byNumber(db: Tx, customerId: string | undefined, prefix: string, limit: number) {
    let q = db
      .selectFrom('om_records')
      .select(['id', 'number', 'version', 'kind', 'status'])
      .where(startsWith('number', prefix));
    // A customer never sees drafts (RecordService.visible).
    if (customerId) q = q.where('customer_id', '=', customerId).where('status', '!=', 'draft');
    return q.orderBy('number', 'desc').orderBy('version', 'desc').limit(limit).execute();
  }
  async numbersByIds(db: Tx, ids: string[]) {
    return ids.length
      ? db.selectFrom('om_records').select(['id', 'number', 'version']).where('id', 'in', ids).execute()
      : [];
  }
}

/** The fieldwork module's finder for the global search and the audit view. */
export class RecordLookup {
  readonly repo = new RecordLookupRepository();
  constructor(private readonly database: Database) {}

  async find(actor: Actor, text: string, limit: number) {
    const rows = await this.repo.byNumber(
      this.database.db,
      isCustomer(actor) ? actor.orgId : undefined,
      text.toUpperCase(),
      limit,
    );
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      version: r.version,
      kind: r.kind as OmRecordKind,
      status: r.status as OmRecordStatus,
    }));
  }

  async names(ids: string[]): Promise<Map<string, string>> {
    return new Map(
      (await this.repo.numbersByIds(this.database.db, ids)).map((r) => [r.id, `${r.number} v${r.version}`]),
    );
  }
}
