/**
 * The exact SQL the app runs, captured by executing its own repository / worker code against a
 * Kysely instance whose driver only records queries. The baseline server prepares these texts, and
 * EXPLAIN runs on them, so neither drifts from the app when the repository changes.
 */
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { Dialect } from '../apps/server/src/db/database.js';
import type { DB } from '../apps/server/src/db/types.js';
import { SlaRepository } from '../apps/server/src/modules/sla/repository.js';
import type { QueueSort } from '../apps/server/src/modules/tickets/ordering.js';
import { TicketRepository } from '../apps/server/src/modules/tickets/repository.js';

export interface Captured {
  sql: string;
  parameters: unknown[];
}

async function capture(dialect: Dialect, fn: (db: Kysely<DB>) => Promise<unknown>): Promise<Captured[]> {
  const out: Captured[] = [];
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => (dialect === 'postgres' ? new PostgresAdapter() : new SqliteAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => (dialect === 'postgres' ? new PostgresIntrospector(k) : new SqliteIntrospector(k)),
      createQueryCompiler: () => (dialect === 'postgres' ? new PostgresQueryCompiler() : new SqliteQueryCompiler()),
    },
    log: (e) => {
      if (e.level === 'query') out.push({ sql: e.query.sql, parameters: [...e.query.parameters] });
    },
  });
  await fn(db);
  await db.destroy();
  return out;
}

/** Markers that stand for the run-time values in captured parameter lists. */
export const CUSTOMER = '\u0000customer';
export const AFTER_SORT = -777_777_777;
/** The same for a text sort key (the status order). */
export const AFTER_TEXT = '\u0000after-key';
export const AFTER_ID = '\u0000after-id';

/**
 * A queue-page query as TicketRepository.list builds it for `tab=all` (staff, or a customer's org),
 * in one of the queue orders (default: due, ascending).
 */
export async function listQuery(
  dialect: Dialect,
  opts: { customer: boolean; after: boolean; limit: number; sort?: QueueSort; dir?: 'asc' | 'desc' },
): Promise<Captured> {
  const repo = new TicketRepository(dialect);
  const key = opts.sort === 'status' ? AFTER_TEXT : AFTER_SORT;
  const [q] = await capture(dialect, (db) =>
    repo.list(db, {
      limit: opts.limit,
      sort: opts.sort,
      dir: opts.dir,
      ...(opts.customer ? { customerId: CUSTOMER } : {}),
      ...(opts.after ? { after: { key, id: AFTER_ID } } : {}),
    }),
  );
  return q!;
}

/** Binds the markers of a captured list query (`sort`: the cursor's sort key). */
export function bindList(q: Captured, v: { customerId?: string; sort?: number | string; id?: string }): unknown[] {
  return q.parameters.map((p) =>
    p === CUSTOMER ? v.customerId : p === AFTER_SORT || p === AFTER_TEXT ? v.sort : p === AFTER_ID ? v.id : p,
  );
}

/** The alert worker's poll (SlaRepository.claimDueAlerts, first statement of Worker.raiseDueAlerts), for `now`. */
export async function pollQuery(dialect: Dialect, now: number, limit = 100): Promise<Captured> {
  const [q] = await capture(dialect, (db) => new SlaRepository().claimDueAlerts(db, dialect, now, limit));
  return q!;
}
