import { OPEN_STATUSES, type TicketListQuery, type TicketTotal } from '@weibao/schema';
import { type Actor, isCustomer } from '../../lib/actor.js';
import { invalid } from '../../lib/errors.js';
import { decodeCursor, keysetPage } from '../../lib/keyset.js';
import { SORT_COLUMN } from './ordering.js';
import { presentSummary } from './presenter.js';
import type { QueueFilter } from './repository.js';
import type { TicketService } from './service.js';

/** A queue listing; the order defaults to the SLA queue order. */
export type QueueQuery = Omit<TicketListQuery, 'sort' | 'dir'> & Partial<Pick<TicketListQuery, 'sort' | 'dir'>>;
const AT_RISK_WINDOW_MS = 30 * 60_000;
/** Filtered totals are exact up to this many tickets, then "10,000+". */
export const COUNT_CAP = 10_000;
/** How long the queue's statistics estimate of its size is reused. */
const ESTIMATE_TTL_MS = 5_000;

/** The ticket queue: keyset pages in one of its orders, the filters a queue query means, and its total. */
export class TicketQueue {
  private estimate: { at: number; value: number } | null = null;
  constructor(private readonly svc: TicketService) {}

  /** `count: false` for callers that show no total (the dashboard's at-risk list). */
  async list(actor: Actor, query: QueueQuery, opts: { count?: boolean } = {}) {
    const q = { ...query, sort: query.sort ?? 'due', dir: query.dir ?? 'asc' };
    // A queue cursor names the order it belongs to and the last row's (key, id): a cursor from one
    // order replayed on another is refused instead of silently skipping rows.
    const cursor = decodeCursor(
      q.cursor,
      [{ is: q.sort }, { is: q.dir }, q.sort === 'status' ? 'string' : 'number', 'id'],
      'common.badCursorForSort',
    );
    const after = cursor ? { key: cursor[2], id: cursor[3] } : null;
    const filter = this.queueFilter(actor, q);
    // Counted once, on the first page (later pages keep the figure the first one showed), and at the
    // same time as the page: on PostgreSQL the two run on separate pooled connections.
    const [rows, total] = await Promise.all([
      this.svc.repo.list(this.svc.db, {
        ...filter,
        sort: q.sort,
        dir: q.dir,
        after: after ?? undefined,
        limit: q.limit,
      }),
      q.cursor || opts.count === false ? null : this.total(filter),
    ]);
    const column = SORT_COLUMN[q.sort];
    const { items, nextCursor } = keysetPage(rows, q.limit, (r) => [q.sort, q.dir, r[column], r.id]);
    return { items: items.map(presentSummary), nextCursor, total };
  }

  /** The repository filter of a queue query: a customer sees only their organisation's tickets. */
  queueFilter(actor: Actor, q: Omit<TicketListQuery, 'sort' | 'dir' | 'limit'>): QueueFilter {
    const drill = q.clock || q.outcome || q.endedFrom !== undefined || q.endedTo !== undefined;
    if (drill && !q.projectId) throw invalid('projectId', 'tickets.clockFilterNeedsProject');
    if (drill && (!q.clock || !q.outcome || q.endedFrom === undefined || q.endedTo === undefined))
      throw invalid(!q.clock ? 'clock' : !q.outcome ? 'outcome' : 'endedFrom', 'tickets.clockFilterTogether');
    return {
      clockEnded: drill
        ? { kind: q.clock!, outcome: q.outcome!, from: q.endedFrom!, to: q.endedTo!, level: q.level }
        : undefined,
      customerId: isCustomer(actor) ? actor.orgId : q.customerId,
      assigneeId: q.tab === 'mine' ? actor.userId : q.assigneeId,
      createdBy: q.tab === 'created' ? actor.userId : undefined,
      projectId: q.projectId,
      statuses: q.tab === 'mine' ? [...(q.status ?? OPEN_STATUSES)].filter((s) => OPEN_STATUSES.includes(s)) : q.status,
      dueSortBelow: q.tab === 'at_risk' ? this.svc.d.now() + AT_RISK_WINDOW_MS : undefined,
      level: q.level,
      channel: q.channel,
      q: q.q,
    };
  }

  /**
   * The queue's total: estimated from statistics for the whole unfiltered queue; a count capped at
   * COUNT_CAP + 1 rows otherwise (index-served by the filter's leading column). Text search is a scan,
   * so it gets no count.
   */
  private async total(f: QueueFilter): Promise<TicketTotal | null> {
    if (f.q) return null;
    const unfiltered = Object.values(f).every((v) => v === undefined);
    if (unfiltered) {
      const estimate = await this.estimatedTotal();
      if (estimate !== null && estimate > COUNT_CAP) return { value: estimate, kind: 'estimate' };
    }
    const n = await this.svc.repo.countCapped(this.svc.db, f, COUNT_CAP + 1);
    return n > COUNT_CAP ? { value: COUNT_CAP, kind: 'at_least' } : { value: n, kind: 'exact' };
  }

  /**
   * The statistics estimate changes only when PostgreSQL re-analyses the table (SQLite: with each
   * insert), and it is shown as "about N": a few seconds old is as good as fresh and saves a round trip.
   * Only an estimate above COUNT_CAP is kept: a smaller queue is counted anyway, and must switch to the
   * estimate as soon as it grows past the cap.
   */
  private async estimatedTotal(): Promise<number | null> {
    const now = Date.now();
    if (this.estimate && now - this.estimate.at < ESTIMATE_TTL_MS && now >= this.estimate.at)
      return this.estimate.value;
    const value = await this.svc.repo.estimatedTotal(this.svc.db);
    this.estimate = value !== null && value > COUNT_CAP ? { at: now, value } : null;
    return value;
  }
}
