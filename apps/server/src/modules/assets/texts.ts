import type { Locale } from '../../http/messages.js';

/** Warranty reminders (站内信 and their e-mails) in the reader's language: the first 20 assets, soonest first. */
export function warrantyReminderText(
  locale: Locale,
  projectName: string,
  days: number,
  items: { name: string; serial: string; warranty_end: string | null }[],
) {
  const en = locale === 'en';
  const lines = items
    .slice(0, 20)
    .map((a) =>
      en
        ? `${a.name} (${a.serial}) under warranty until ${a.warranty_end}`
        : `${a.name}（${a.serial}）保修至 ${a.warranty_end}`,
    );
  const more = items.length > 20 ? (en ? `\n… ${items.length} in all` : `\n……共 ${items.length} 项`) : '';
  return {
    title: en
      ? `Warranty ending soon: ${projectName}, ${items.length} asset${items.length === 1 ? '' : 's'} (within ${days} days)`
      : `保修即将到期：${projectName} ${items.length} 项资产（${days} 天内）`,
    body: lines.join('\n') + more,
  };
}
