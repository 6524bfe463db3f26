import type { Tx } from '../../db/dialect.js';
import { countCapped } from '../../db/count.js';
import type { TicketRepository } from './repository.js';

/** The desk's small reads: the 待分派 badge and the caller lookup at intake. */
export class DeskRepository {
  constructor(private readonly tickets: TicketRepository) {}

  /** Tickets nobody has been assigned yet (status 'new'), over the (status, due_sort, id) index. */
  async countUnassigned(db: Tx, cap: number) {
    return countCapped(db, db.selectFrom('tickets').select('id').where('status', '=', 'new'), cap);
  }

  /** The latest tickets reported from one phone number, newest first. */
  async byReporterPhone(db: Tx, phone: string, limit: number) {
    const ids = await db
      .selectFrom('tickets')
      .select('id')
      .where('reporter_phone', '=', phone)
      .orderBy('reported_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    // A handful of primary-key reads reuse the queue's row shape (names included) without a second query text.
    const rows = await Promise.all(ids.map((r) => this.tickets.get(db, r.id)));
    return rows.filter((r) => r !== undefined);
  }
}
