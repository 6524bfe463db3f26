/**
 * In-process domain events. A module announces what happened ("ticket.resolved") inside the transaction that
 * made it happen, and the modules that care react in that same transaction: the announcing module does not know
 * who listens, so neither needs the other at construction (no cycles closed by assigning fields afterwards).
 * The event map is the app's (events.ts); this hub only delivers.
 */
export class DomainEvents<Events extends { [name: string]: unknown[] }> {
  private readonly handlers: { [K in keyof Events]?: ((...args: Events[K]) => Promise<unknown>)[] } = {};

  on<K extends keyof Events>(name: K, handler: (...args: Events[K]) => Promise<unknown>): void {
    (this.handlers[name] ??= []).push(handler);
  }

  /** Runs the handlers one after another; one that throws fails the command, whose transaction rolls back. */
  async emit<K extends keyof Events>(name: K, ...args: Events[K]): Promise<void> {
    for (const handler of this.handlers[name] ?? []) await handler(...args);
  }
}
