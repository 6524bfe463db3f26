import { OPEN_STATUSES } from '@weibao/schema';
import type { Tx } from '../../db/dialect.js';

/** Counts bounded by indexed ranges: open tickets (status index) and today's (created_at index). */
export class DashboardRepository {
  async openByLevelAndStatus(db: Tx) {
    return db
      .selectFrom('tickets')
      .select([
        'level',
        'status',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.sum<number>('breached').as('breached'),
      ])
      .where('status', 'in', [...OPEN_STATUSES])
      .groupBy(['level', 'status'])
      .execute();
  }
  async createdSince(db: Tx, since: number) {
    const r = await db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('created_at', '>=', since)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }
  async resolvedSince(db: Tx, since: number) {
    const r = await db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('created_at', '>=', since - 30 * 86_400_000)
      .where('resolved_at', '>=', since)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }
}
