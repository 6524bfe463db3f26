/** A notification row as the centre reads it (see NotificationRepository.page). */
export interface CentreRow {
  id: string;
  at: number;
  kind: string;
  title: string;
  body: string;
  ticket_id: string | null;
  read_at: number | null;
  ticket_number: string | null;
}

/**
 * Groups a page of notifications (newest first) by ticket and kind, at read time: the group sits
 * where its newest member is and counts the others of the page. Grouping happens when reading, not
 * on insert, because every notification stays its own row — the per-user idempotency key, the
 * e-mail outbox and the SLA alert trail (sla_alerts) refer to single notifications, and marking one
 * read must not hide the rest. A group can therefore continue on the next page; the page stays
 * keyset-paged over rows, so no row is skipped or shown twice.
 */
export function groupByTicketAndKind(rows: CentreRow[]) {
  const groups = new Map<
    string,
    {
      id: string;
      at: number;
      kind: string;
      title: string;
      body: string;
      ticketId: string | null;
      readAt: number | null;
      ticketNumber: string | null;
      count: number;
      unreadCount: number;
      ids: string[];
      firstAt: number;
    }
  >();
  for (const r of rows) {
    const key = r.ticket_id ? `${r.ticket_id}|${r.kind}` : `one|${r.id}`;
    const g = groups.get(key);
    if (g) {
      g.count += 1;
      g.ids.push(r.id);
      g.firstAt = r.at;
      if (r.read_at === null) g.unreadCount += 1;
      // The group reads as unread while any member is: the newest unread member's read_at is null.
      if (r.read_at === null) g.readAt = null;
      continue;
    }
    groups.set(key, {
      id: r.id,
      at: r.at,
      kind: r.kind,
      title: r.title,
      body: r.body,
      ticketId: r.ticket_id,
      readAt: r.read_at,
      ticketNumber: r.ticket_number,
      count: 1,
      unreadCount: r.read_at === null ? 1 : 0,
      ids: [r.id],
      firstAt: r.at,
    });
  }
  return [...groups.values()];
}
