import type { Tx } from './db/dialect.js';
import type { RequestMeta } from './lib/actor.js';
import { DomainEvents } from './lib/events.js';
import type { TicketWithNames } from './modules/tickets/presenter.js';

/**
 * What modules announce to each other (lib/events.ts delivers). Each is emitted inside the transaction of the
 * command that caused it, so a reaction commits or rolls back with it.
 */
export type AppEvents = {
  /** A ticket was resolved: the satisfaction module asks the reporter for a rating (R29). */
  'ticket.resolved': [tx: Tx, ticket: TicketWithNames];
  /** A customer confirmed a ticket with a rating: the satisfaction module records the answer. */
  'ticket.rated': [tx: Tx, meta: RequestMeta, ticketId: string, score: number];
  /** A contract was created: the commitments module seeds the bid's commitments for it. */
  'contract.created': [
    tx: Tx,
    contract: { id: string; satisfaction_target_pct: number },
    at: number,
    by: string | null,
  ];
};

export type AppEventBus = DomainEvents<AppEvents>;
export const createEventBus = (): AppEventBus => new DomainEvents<AppEvents>();
