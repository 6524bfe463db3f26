import type { FaultLevel, TicketStatus } from '@weibao/schema';
import type { TicketRepository } from './repository.js';

export type TicketWithNames = NonNullable<Awaited<ReturnType<TicketRepository['get']>>>;
/** The lean row of a queue page (TicketRepository.list); a full row has every field too. */
export type QueueRow = Awaited<ReturnType<TicketRepository['list']>>[number];

/** Whitelisted list fields: nothing leaves the server that the schema does not name. */
export function presentSummary(t: Omit<QueueRow, 'due_sort'>) {
  return {
    id: t.id,
    number: t.number,
    title: t.title,
    status: t.status as TicketStatus,
    level: t.level as FaultLevel,
    channel: t.channel as 'phone',
    customerId: t.customer_id,
    customerName: t.customer_name,
    projectId: t.project_id,
    projectName: t.project_name,
    assigneeId: t.assignee_id,
    assigneeName: t.assignee_name ?? null,
    reportedAt: t.reported_at,
    nextDueAt: t.next_due_at,
    breached: t.breached === 1,
    updatedAt: t.updated_at,
    createdAt: t.created_at,
  };
}
