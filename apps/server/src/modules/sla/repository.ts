import type { Tx } from '../../db/dialect.js';
import type { SlaAlertsTable, SlaClocksTable } from '../../db/types.js';

export class SlaRepository {
  async insertClock(db: Tx, row: SlaClocksTable) {
    await db.insertInto('sla_clocks').values(row).execute();
  }
  async insertAlerts(db: Tx, rows: SlaAlertsTable[]) {
    if (rows.length) await db.insertInto('sla_alerts').values(rows).execute();
  }
  async clocksOf(db: Tx, ticketId: string) {
    return db.selectFrom('sla_clocks').selectAll().where('ticket_id', '=', ticketId).orderBy('kind').orderBy('cycle').execute();
  }
  async updateClock(db: Tx, id: string, patch: Partial<SlaClocksTable>) {
    await db.updateTable('sla_clocks').set(patch).where('id', '=', id).execute();
  }
  /** Alerts not yet raised: 'pending' (scheduled) or 'paused' (no time while the clock is paused). */
  async openAlerts(db: Tx, clockId: string) {
    return db.selectFrom('sla_alerts').selectAll().where('clock_id', '=', clockId).where('state', 'in', ['pending', 'paused']).execute();
  }
  async setAlert(db: Tx, id: string, patch: Partial<SlaAlertsTable>) {
    await db.updateTable('sla_alerts').set(patch).where('id', '=', id).execute();
  }
}
