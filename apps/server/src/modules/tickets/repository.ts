import { OPEN_STATUSES, type TicketStatus } from '@weibao/schema';
import type { Dialect } from '../../db/database.js';
import { containsText, estimatedRowCount, sql, type Tx } from '../../db/dialect.js';
import { nextCounter } from '../../db/counters.js';
import { insertRows } from '../../db/insert.js';
import type { NotNull, SelectQueryBuilder, SqlBool } from 'kysely';
import type { AttachmentsTable, DB, TicketCommentsTable, TicketEventsTable, TicketsTable } from '../../db/types.js';
import { type QueueSort, SORT_COLUMN, type SortKey } from './ordering.js';

export interface QueueFilter {
  customerId?: string;
  assigneeId?: string;
  createdBy?: string;
  projectId?: string;
  statuses?: TicketStatus[];
  level?: number;
  channel?: string;
  /** Tickets whose first-cycle clock of `kind` ended with `outcome` in [from, to) (drill-down from a rate). */
  clockEnded?: { kind: string; outcome: string; from: number; to: number; level?: number };
  q?: string;
  dueSortBelow?: number;
}

export interface ListFilter extends QueueFilter {
  sort?: QueueSort;
  dir?: 'asc' | 'desc';
  after?: { key: SortKey; id: string };
  limit: number;
}

export class TicketRepository {
  constructor(private readonly dialect: Dialect) {}

  /** Next value of a named counter: see db/counters.ts (kept here for the ticket service's callers). */
  nextCounter(db: Tx, name: string): Promise<number> {
    return nextCounter(db, name);
  }

  async insert(db: Tx, row: TicketsTable) {
    await insertRows(db, 'tickets', [row]);
  }
  async update(db: Tx, id: string, patch: Partial<TicketsTable>) {
    await db.updateTable('tickets').set(patch).where('id', '=', id).execute();
  }
  async moveStatus(db: Tx, id: string, from: string, to: string): Promise<boolean> {
    const r = await db
      .updateTable('tickets')
      .set({ status: to })
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
  async markBreached(db: Tx, ids: string[]) {
    if (ids.length) await db.updateTable('tickets').set({ breached: 1 }).where('id', 'in', ids).execute();
  }
  async rowsByIds(db: Tx, ids: string[]) {
    return ids.length ? db.selectFrom('tickets').selectAll().where('id', 'in', ids).execute() : [];
  }
  /** Open tickets of a contract (their running or paused clocks follow the contract's policy). */
  async openOfContract(db: Tx, contractId: string) {
    return db
      .selectFrom('tickets')
      .select(['id', 'level'])
      .where('contract_id', '=', contractId)
      .where('status', 'in', [...OPEN_STATUSES])
      .orderBy('id')
      .execute();
  }
  async row(db: Tx, id: string) {
    return db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Tickets with display names as correlated scalar subqueries (foreign keys guarantee the rows).
   * Same plan as joins per row, but PostgreSQL plans it in ~0.1 ms instead of ~1 ms for a five-way
   * join, which was most of a queue page's database time.
   */
  private withNames(db: Tx) {
    return db
      .selectFrom('tickets')
      .selectAll('tickets')
      .select((eb) => [
        eb.selectFrom('orgs').select('orgs.name').whereRef('orgs.id', '=', 'tickets.customer_id').as('customer_name'),
        eb
          .selectFrom('projects')
          .select('projects.name')
          .whereRef('projects.id', '=', 'tickets.project_id')
          .as('project_name'),
        eb
          .selectFrom('users as assignee')
          .select('assignee.display_name')
          .whereRef('assignee.id', '=', 'tickets.assignee_id')
          .as('assignee_name'),
        eb
          .selectFrom('users as creator')
          .select('creator.display_name')
          .whereRef('creator.id', '=', 'tickets.created_by')
          .as('creator_name'),
      ])
      .$narrowType<{ customer_name: NotNull; project_name: NotNull; creator_name: NotNull }>();
  }

  async get(db: Tx, id: string) {
    return this.withNames(db).where('tickets.id', '=', id).executeTakeFirst();
  }

  /**
   * The columns a queue row shows, with display names as scalar subqueries: a page builds 50 small
   * objects instead of 50 copies of all 32 ticket columns (that copy cost more than the query).
   */
  private queueRows(db: Tx) {
    return db
      .selectFrom('tickets')
      .select([
        'tickets.id',
        'tickets.number',
        'tickets.title',
        'tickets.status',
        'tickets.level',
        'tickets.channel',
        'tickets.customer_id',
        'tickets.project_id',
        'tickets.assignee_id',
        'tickets.reported_at',
        'tickets.next_due_at',
        'tickets.breached',
        'tickets.updated_at',
        'tickets.created_at',
        'tickets.due_sort',
      ])
      .select((eb) => [
        eb.selectFrom('orgs').select('orgs.name').whereRef('orgs.id', '=', 'tickets.customer_id').as('customer_name'),
        eb
          .selectFrom('projects')
          .select('projects.name')
          .whereRef('projects.id', '=', 'tickets.project_id')
          .as('project_name'),
        eb
          .selectFrom('users as assignee')
          .select('assignee.display_name')
          .whereRef('assignee.id', '=', 'tickets.assignee_id')
          .as('assignee_name'),
      ])
      .$narrowType<{ customer_name: NotNull; project_name: NotNull }>();
  }

  /** The WHERE of a queue listing, shared by the page, the capped count and the export. */
  // The three callers select different columns; the filter only adds WHEREs, so the selection type stays open.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private filtered<Q extends SelectQueryBuilder<DB, 'tickets', any>>(q: Q, f: QueueFilter): Q {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let r = q as SelectQueryBuilder<DB, 'tickets', any>;
    if (f.customerId) r = r.where('tickets.customer_id', '=', f.customerId);
    if (f.assigneeId) r = r.where('tickets.assignee_id', '=', f.assigneeId);
    if (f.createdBy) r = r.where('tickets.created_by', '=', f.createdBy);
    if (f.projectId) r = r.where('tickets.project_id', '=', f.projectId);
    // An empty status list matches nothing (e.g. "mine" asked for closed tickets only).
    if (f.statuses) r = f.statuses.length ? r.where('tickets.status', 'in', f.statuses) : r.where(sql<SqlBool>`1 = 0`);
    if (f.level) r = r.where('tickets.level', '=', f.level);
    if (f.channel) r = r.where('tickets.channel', '=', f.channel);
    if (f.clockEnded && f.projectId) {
      const c = f.clockEnded;
      const project = f.projectId;
      r = r.where('tickets.id', 'in', (eb) => {
        let sub = eb
          .selectFrom('sla_clocks')
          .select('sla_clocks.ticket_id')
          .where('sla_clocks.project_id', '=', project)
          .where('sla_clocks.stopped_at', '>=', c.from)
          .where('sla_clocks.stopped_at', '<', c.to)
          .where('sla_clocks.kind', '=', c.kind)
          .where('sla_clocks.cycle', '=', 1)
          .where('sla_clocks.outcome', '=', c.outcome);
        if (c.level) sub = sub.where('sla_clocks.level', '=', c.level);
        return sub;
      });
    }
    if (f.dueSortBelow !== undefined) r = r.where('tickets.due_sort', '<', f.dueSortBelow);
    if (f.q) {
      const text = f.q;
      r = r.where((eb) =>
        eb.or([
          eb('tickets.number', '=', text),
          containsText(this.dialect, 'tickets.title', text),
          containsText(this.dialect, 'tickets.reporter_name', text),
        ]),
      );
    }
    return r as Q;
  }

  /**
   * Keyset page over (sort column, id) in either direction; the leading equality filter picks the
   * matching composite index (0001 for due_sort, 0019 for level, created_at and status).
   */
  async list(db: Tx, f: ListFilter) {
    const column = `tickets.${SORT_COLUMN[f.sort ?? 'due']}` as const;
    const dir = f.dir ?? 'asc';
    let q = this.filtered(this.queueRows(db), f)
      .orderBy(column, dir)
      .orderBy('tickets.id', dir)
      .limit(f.limit + 1);
    if (f.after) {
      // A row-value comparison is a range on the (…, key, id) index in both dialects; the
      // equivalent OR form makes SQLite scan the queue from its start (O(depth) per page).
      const { key, id } = f.after;
      q = q.where((eb) => eb(eb.refTuple(column, 'tickets.id'), dir === 'asc' ? '>' : '<', eb.tuple(key, id)));
    }
    return q.execute();
  }

  /** How many rows match, reading at most `cap` index entries (never an unbounded count on the hot page). */
  async countCapped(db: Tx, f: QueueFilter, cap: number): Promise<number> {
    const inner = this.filtered(db.selectFrom('tickets').select(sql<number>`1`.as('one')), f).limit(cap);
    const r = await db
      .selectFrom(inner.as('capped'))
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /**
   * The number of tickets from table statistics, without reading the table: PostgreSQL's planner
   * estimate; on SQLite the largest rowid (tickets are never deleted, so it is the row count).
   * Null when PostgreSQL has not analysed the table yet.
   */
  async estimatedTotal(db: Tx): Promise<number | null> {
    return estimatedRowCount(this.dialect, db, 'tickets');
  }

  async insertEvent(db: Tx, row: TicketEventsTable) {
    await insertRows(db, 'ticket_events', [row]);
  }
  /** A burst of events (SLA alerts) in one statement per 500 rows. */
  async insertEvents(db: Tx, rows: TicketEventsTable[]) {
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto('ticket_events')
        .values(rows.slice(i, i + 500))
        .execute();
  }
  async events(db: Tx, ticketId: string, publicOnly: boolean) {
    let q = db
      .selectFrom('ticket_events')
      .leftJoin('users', 'users.id', 'ticket_events.actor_id')
      .selectAll('ticket_events')
      .select('users.display_name as actor_name')
      .where('ticket_id', '=', ticketId)
      .orderBy('ticket_events.at')
      .orderBy('ticket_events.id')
      .limit(2000);
    if (publicOnly) q = q.where('ticket_events.public', '=', 1);
    return q.execute();
  }
  async eventsOfType(db: Tx, ticketId: string, type: string) {
    return db
      .selectFrom('ticket_events')
      .selectAll()
      .where('ticket_id', '=', ticketId)
      .where('type', '=', type)
      .orderBy('at')
      .orderBy('id')
      .limit(500)
      .execute();
  }
  async lastEventOfType(db: Tx, ticketId: string, type: string) {
    return db
      .selectFrom('ticket_events')
      .selectAll()
      .where('ticket_id', '=', ticketId)
      .where('type', '=', type)
      .orderBy('at', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  async insertComment(db: Tx, row: TicketCommentsTable) {
    await db.insertInto('ticket_comments').values(row).execute();
  }
  async comments(db: Tx, ticketId: string, publicOnly: boolean) {
    let q = db
      .selectFrom('ticket_comments')
      .innerJoin('users', 'users.id', 'ticket_comments.author_id')
      .selectAll('ticket_comments')
      .select('users.display_name as author_name')
      .where('ticket_id', '=', ticketId)
      .orderBy('ticket_comments.at')
      .limit(2000);
    if (publicOnly) q = q.where('ticket_comments.internal', '=', 0);
    return q.execute();
  }

  async insertAttachment(db: Tx, row: AttachmentsTable) {
    await db.insertInto('attachments').values(row).execute();
  }
  async attachments(db: Tx, ticketId: string) {
    return db
      .selectFrom('attachments')
      .innerJoin('users', 'users.id', 'attachments.uploader_id')
      .selectAll('attachments')
      .select('users.display_name as uploader_name')
      .where('ticket_id', '=', ticketId)
      .orderBy('attachments.at')
      .execute();
  }
  async attachment(db: Tx, id: string) {
    return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Resolved tickets whose confirmation window has passed (for the auto-close job). */
  async dueForAutoClose(db: Tx, now: number, limit: number) {
    return db
      .selectFrom('tickets')
      .select(['id'])
      .where('auto_close_at', '<=', now)
      .where('status', '=', 'resolved')
      .orderBy('auto_close_at')
      .limit(limit)
      .execute();
  }
}
