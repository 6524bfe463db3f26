import type { TicketStatus } from '@weibao/schema';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import { startsWith } from '../../db/prefix.js';
import { type Actor, isCustomer } from '../../lib/actor.js';
import { beijingYear } from '../../lib/time.js';

type Hit = { id: string; number: string; title: string; status: string };

/** SQL for finding tickets by what a caller knows about them; each query is a range over one index. */
export class TicketLookupRepository {
  private base(db: Tx, customerId: string | undefined) {
    const q = db.selectFrom('tickets').select(['id', 'number', 'title', 'status']);
    return customerId ? q.where('customer_id', '=', customerId) : q;
  }
  /** Numbers equal to one of `exact` or starting with `prefix` (index tickets.number / tickets_customer_number). */
  async byNumber(
    db: Tx,
    customerId: string | undefined,
    exact: string[],
    prefix: string | null,
    limit: number,
  ): Promise<Hit[]> {
    const hits = exact.length ? await this.base(db, customerId).where('number', 'in', exact).execute() : [];
    if (!prefix) return hits;
    return [
      ...hits,
      ...(await this.base(db, customerId)
        .where(startsWith('number', prefix))
        .orderBy('number', 'desc')
        .limit(limit)
        .execute()),
    ];
  }
  /** Reporter phones starting with `prefix` (tickets_reporter_phone / tickets_customer_phone), newest number first. */
  async byPhone(db: Tx, customerId: string | undefined, prefix: string, limit: number): Promise<Hit[]> {
    return this.base(db, customerId)
      .where(startsWith('reporter_phone', prefix))
      .orderBy('reporter_phone')
      .orderBy('number', 'desc')
      .limit(limit)
      .execute();
  }
  /** Titles starting with `prefix` (tickets_title / tickets_customer_title). */
  async byTitle(db: Tx, customerId: string | undefined, prefix: string, limit: number): Promise<Hit[]> {
    return this.base(db, customerId).where(startsWith('title', prefix)).orderBy('title').limit(limit).execute();
  }
  async numbersByIds(db: Tx, ids: string[]) {
    return ids.length
      ? db.selectFrom('tickets').select(['id', 'number', 'title']).where('id', 'in', ids).execute()
      : [];
  }
}

/**
 * The tickets module's finder for the global search and the audit view. Customers only ever find their own
 * organisation's tickets (the same rule as TicketService.visible).
 */
export class TicketLookup {
  readonly repo = new TicketLookupRepository();
  constructor(
    private readonly database: Database,
    private readonly now: () => number,
  ) {}

  async find(
    actor: Actor,
    text: string,
    limit: number,
  ): Promise<{ id: string; number: string; title: string; status: TicketStatus }[]> {
    const db = this.database.db;
    const customerId = isCustomer(actor) ? actor.orgId : undefined;
    const upper = text.toUpperCase();
    const groups: Hit[][] = [];
    if (/^\d{1,6}$/.test(text)) {
      // "123" is what people say on the phone for GD-2026-000123: try this year's and last year's number.
      const year = beijingYear(this.now());
      groups.push(
        await this.repo.byNumber(
          db,
          customerId,
          [year, year - 1].map((y) => `GD-${y}-${text.padStart(6, '0')}`),
          null,
          limit,
        ),
      );
    }
    if (/^GD-/i.test(text)) groups.push(await this.repo.byNumber(db, customerId, [], upper, limit));
    if (/^\+?\d{3,}$/.test(text)) groups.push(await this.repo.byPhone(db, customerId, text, limit));
    groups.push(await this.repo.byTitle(db, customerId, text, limit));
    const seen = new Set<string>();
    return groups
      .flat()
      .filter((h) => !seen.has(h.id) && seen.add(h.id))
      .slice(0, limit)
      .map((h) => ({ id: h.id, number: h.number, title: h.title, status: h.status as TicketStatus }));
  }

  /** Ticket numbers for the audit view's targets, in one query. */
  async names(ids: string[]): Promise<Map<string, string>> {
    return new Map((await this.repo.numbersByIds(this.database.db, ids)).map((r) => [r.id, `${r.number} ${r.title}`]));
  }
}
