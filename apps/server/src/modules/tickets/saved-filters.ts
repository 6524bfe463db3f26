import type { SavedFilter } from '@weibao/schema';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import type { SavedFiltersTable } from '../../db/types.js';
import type { RequestMeta } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { reason } from '../../lib/messages/text.js';
import type { AuditService } from '../audit/service.js';

/** A user keeps at most this many named filters per page. */
const MAX_PER_SCOPE = 50;

export class SavedFilterRepository {
  async ofUser(db: Tx, userId: string, scope: string) {
    return db
      .selectFrom('saved_filters')
      .selectAll()
      .where('user_id', '=', userId)
      .where('scope', '=', scope)
      .orderBy('name')
      .orderBy('id')
      .limit(MAX_PER_SCOPE)
      .execute();
  }
  async countOfUser(db: Tx, userId: string, scope: string) {
    const r = await db
      .selectFrom('saved_filters')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('user_id', '=', userId)
      .where('scope', '=', scope)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }
  async byName(db: Tx, userId: string, scope: string, name: string) {
    return db
      .selectFrom('saved_filters')
      .select('id')
      .where('user_id', '=', userId)
      .where('scope', '=', scope)
      .where('name', '=', name)
      .executeTakeFirst();
  }
  async insert(db: Tx, row: SavedFiltersTable) {
    await db.insertInto('saved_filters').values(row).execute();
  }
  async own(db: Tx, userId: string, id: string) {
    return db
      .selectFrom('saved_filters')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }
  async remove(db: Tx, id: string) {
    await db.deleteFrom('saved_filters').where('id', '=', id).execute();
  }
}

const present = (r: SavedFiltersTable): SavedFilter => ({
  id: r.id,
  scope: r.scope as SavedFilter['scope'],
  name: r.name,
  query: JSON.parse(r.query_json) as Record<string, unknown>,
  createdAt: r.created_at,
});

/** Named filters each user saves on a list page; nobody sees or deletes another user's. */
export class SavedFilterService {
  readonly repo = new SavedFilterRepository();
  constructor(private readonly d: { database: Database; audit: AuditService; now: () => number }) {}

  async list(meta: RequestMeta, scope: string) {
    return (await this.repo.ofUser(this.d.database.db, meta.actor.userId, scope)).map(present);
  }

  async create(meta: RequestMeta, input: { scope: string; name: string; query: Record<string, unknown> }) {
    const now = this.d.now();
    const userId = meta.actor.userId;
    return this.d.database.db.transaction().execute(async (tx) => {
      if (await this.repo.byName(tx, userId, input.scope, input.name))
        throw new AppError('DUPLICATE', { field: 'name' }, 'name');
      if ((await this.repo.countOfUser(tx, userId, input.scope)) >= MAX_PER_SCOPE) {
        throw new AppError(
          'VALIDATION',
          { reason: reason('tickets.tooManySavedFilters', { max: MAX_PER_SCOPE }) },
          'name',
        );
      }
      const row = {
        id: newId(now),
        user_id: userId,
        scope: input.scope,
        name: input.name,
        query_json: JSON.stringify(input.query),
        created_at: now,
      };
      await this.repo.insert(tx, row);
      await this.d.audit.record(tx, meta, {
        action: 'saved_filter.create',
        targetType: 'saved_filter',
        targetId: row.id,
        summary: `保存筛选「${input.name}」`,
        detail: { scope: input.scope, query: input.query },
      });
      return present(row);
    });
  }

  async remove(meta: RequestMeta, id: string) {
    await this.d.database.db.transaction().execute(async (tx) => {
      // Another user's filter is "not found": its existence is not revealed.
      const row = await this.repo.own(tx, meta.actor.userId, id);
      if (!row) throw notFound('筛选');
      await this.repo.remove(tx, id);
      await this.d.audit.record(tx, meta, {
        action: 'saved_filter.delete',
        targetType: 'saved_filter',
        targetId: id,
        summary: `删除筛选「${row.name}」`,
      });
    });
  }
}
