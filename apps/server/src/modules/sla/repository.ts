import type { Dialect } from '../../db/database.js';
import { claimLease, forUpdateSkipLocked, type Tx } from '../../db/dialect.js';
import { insertRows } from '../../db/insert.js';
import type { SlaAlertsTable, SlaClocksTable } from '../../db/types.js';

export class SlaRepository {
  async insertClocks(db: Tx, rows: SlaClocksTable[]) {
    await insertRows(db, 'sla_clocks', rows);
  }
  async insertAlerts(db: Tx, rows: SlaAlertsTable[]) {
    await insertRows(db, 'sla_alerts', rows);
  }
  async clocksOf(db: Tx, ticketId: string) {
    return db
      .selectFrom('sla_clocks')
      .selectAll()
      .where('ticket_id', '=', ticketId)
      .orderBy('kind')
      .orderBy('cycle')
      .execute();
  }
  async updateClock(db: Tx, id: string, patch: Partial<SlaClocksTable>) {
    await db.updateTable('sla_clocks').set(patch).where('id', '=', id).execute();
  }
  /** Alerts not yet raised: 'pending' (scheduled) or 'paused' (no time while the clock is paused). */
  async openAlerts(db: Tx, clockId: string) {
    return db
      .selectFrom('sla_alerts')
      .selectAll()
      .where('clock_id', '=', clockId)
      .where('state', 'in', ['pending', 'paused'])
      .execute();
  }
  /** Every alert of a clock, raised or not: a fired breach is a fact later changes must keep. */
  async alertsOf(db: Tx, clockId: string) {
    return db.selectFrom('sla_alerts').selectAll().where('clock_id', '=', clockId).execute();
  }
  /** Clocks of a ticket whose breach alert has been raised. */
  async firedBreaches(db: Tx, ticketId: string) {
    return (
      await db
        .selectFrom('sla_alerts')
        .select('clock_id')
        .where('ticket_id', '=', ticketId)
        .where('kind', '=', 'breach')
        .where('state', '=', 'fired')
        .execute()
    ).map((r) => r.clock_id);
  }
  /**
   * Due alerts, locked for this transaction; rows another node holds are skipped (exactly-once).
   * Breaches first: a back-dated burst makes several warnings per clock due at once, and they must
   * not queue ahead of the breaches the one-second promise is about.
   */
  async claimDueAlerts(db: Tx, dialect: Dialect, now: number, limit: number, leaseMs = 500) {
    await claimLease(dialect, db, leaseMs);
    return forUpdateSkipLocked(
      dialect,
      db
        .selectFrom('sla_alerts')
        .selectAll()
        // A total order (ties broken by id) makes concurrent claimers lock rows in the same order: no deadlock.
        .where('state', '=', 'pending')
        .where('fire_at', '<=', now)
        .orderBy((eb) => eb.case().when('kind', '=', 'breach').then(0).else(1).end())
        .orderBy('fire_at')
        .orderBy('id')
        .limit(limit),
    ).execute();
  }
  /** Of these clocks, the ones whose breach is due or already raised: their warnings are stale. */
  async breachDueOrFired(db: Tx, clockIds: string[], now: number): Promise<Set<string>> {
    if (!clockIds.length) return new Set();
    const rows = await db
      .selectFrom('sla_alerts')
      .select('clock_id')
      .where('clock_id', 'in', clockIds)
      .where('kind', '=', 'breach')
      .where((eb) =>
        eb.or([eb('state', '=', 'fired'), eb.and([eb('state', '=', 'pending'), eb('fire_at', '<=', now)])]),
      )
      .execute();
    return new Set(rows.map((r) => r.clock_id));
  }
  async markFired(db: Tx, ids: string[], at: number, node: string) {
    if (ids.length)
      await db
        .updateTable('sla_alerts')
        .set({ state: 'fired', fired_at: at, fired_by: node })
        .where('id', 'in', ids)
        .execute();
  }
  /** Warnings not sent because their clock's breach was due too (settled at `at` by `node`). */
  async markSuperseded(db: Tx, ids: string[], at: number, node: string) {
    if (ids.length)
      await db
        .updateTable('sla_alerts')
        .set({ state: 'superseded', fired_at: at, fired_by: node })
        .where('id', 'in', ids)
        .execute();
  }
  async clocksByIds(db: Tx, ids: string[]) {
    return ids.length
      ? db.selectFrom('sla_clocks').select(['id', 'kind', 'cycle', 'due_at']).where('id', 'in', ids).execute()
      : [];
  }
  async stoppedWithoutOutcome(db: Tx, limit: number) {
    return db
      .selectFrom('sla_clocks')
      .innerJoin('tickets', 'tickets.id', 'sla_clocks.ticket_id')
      .selectAll('sla_clocks')
      .select('tickets.contract_id')
      .where('sla_clocks.outcome', 'is', null)
      .where('sla_clocks.stopped_at', 'is not', null)
      .limit(limit)
      .execute();
  }
  async setAlert(db: Tx, id: string, patch: Partial<SlaAlertsTable>) {
    await db.updateTable('sla_alerts').set(patch).where('id', '=', id).execute();
  }
}
