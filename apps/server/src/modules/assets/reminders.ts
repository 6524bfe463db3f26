import { addDays } from '../../lib/dates.js';
import type { AssetLedger } from './ledger.js';
import type { AssetRow } from './repository.js';
import { warrantyReminderText } from './texts.js';

/** Reminder thresholds in days before the warranty ends, nearest first (claimed in this order). */
export const REMINDER_DAYS = [7, 30, 90] as const;

/** Warranty reminders (worker job). */
export class WarrantyReminders {
  constructor(private readonly ledger: AssetLedger) {}

  /**
   * Warranty ending within 90, 30 and 7 days notifies each project's service manager once per
   * threshold (in-app and e-mail), one message per project and threshold per batch.
   */
  async remind(limit = 500): Promise<number> {
    const { d, repo } = this.ledger;
    const today = this.ledger.today();
    let sent = 0;
    for (const days of REMINDER_DAYS) {
      sent += await this.ledger.db.transaction().execute(async (tx) => {
        const claimed = await repo.claimWarrantyReminders(tx, today, addDays(today, days), days, limit);
        const byProject = new Map<string, AssetRow[]>();
        for (const a of claimed) byProject.set(a.project_id, [...(byProject.get(a.project_id) ?? []), a]);
        const managers = await d.projects.serviceManagersOf(tx, [...byProject.keys()]);
        for (const [projectId, items] of byProject) {
          items.sort((a, b) => (a.warranty_end! < b.warranty_end! ? -1 : 1));
          await d.notifications.notify(tx, [managers.get(projectId)], {
            kind: 'asset.warranty',
            text: (locale) => warrantyReminderText(locale, items[0]!.project_name, days, items),
            ticketId: null,
            sourceKey: `warranty:${projectId}:${days}:${today}:${items[0]!.id}`,
          });
        }
        return claimed.length;
      });
    }
    return sent;
  }
}
