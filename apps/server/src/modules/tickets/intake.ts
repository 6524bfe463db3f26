import type { SlaPolicy, TicketCreate, TicketStatus } from '@weibao/schema';
import type { z } from 'zod';
import { nextCounter } from '../../db/counters.js';
import type { Tx } from '../../db/dialect.js';
import { type RequestMeta, isCustomer } from '../../lib/actor.js';
import { AppError, invalid, notFoundAs } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { reason } from '../../lib/messages/text.js';
import { beijingDay, beijingYear } from '../../lib/time.js';
import { dueSort } from './ordering.js';
import { presentSummary, type TicketWithNames } from './presenter.js';
import type { TicketService } from './service.js';
import { dispatchedText, urgentTicketText } from './texts.js';

/**
 * Intake: a new ticket with its clocks planned, the dispatch when an assignee is named at once, the urgent-fault
 * notice for levels 1 and 2, and the audit row, in one transaction. `outer`: run inside the caller's transaction
 * (an inspection finding opens its ticket with the link).
 */
export async function createTicket(
  svc: TicketService,
  meta: RequestMeta,
  input: z.infer<typeof TicketCreate>,
  outer?: Tx,
) {
  const now = svc.d.now();
  const actor = meta.actor;
  const reportedAt = input.reportedAt ?? now;
  if (reportedAt > now + 60_000) throw new AppError('REPORTED_AT_FUTURE', {}, 'reportedAt');
  if (now - reportedAt > svc.d.backdateReasonMinutes * 60_000 && !input.reportedAtReason) {
    throw new AppError('REASON_REQUIRED', { action: reason('tickets.backdatedReport') }, 'reportedAtReason');
  }
  if (isCustomer(actor) && (input.assigneeId || input.reportedAt !== undefined))
    throw invalid(input.assigneeId ? 'assigneeId' : 'reportedAt', 'tickets.notSettableByCustomers');
  const run = async (tx: Tx) => {
    const day = beijingDay(reportedAt);
    // Only "no such project" is the caller's bad input; any other failure is ours (a 500).
    const project = await svc.d.projects
      .intakeTarget(tx, actor, input.projectId, day)
      .catch(notFoundAs('projectId', 'common.unknownProject'));
    if (!project.contract_id || !project.policy_json) throw new AppError('NO_CONTRACT', {}, 'projectId');
    const contract = { id: project.contract_id };
    const policy = JSON.parse(project.policy_json) as SlaPolicy;
    const assignee = input.assigneeId ? await svc.checkAssignee(tx, input.assigneeId) : null;
    const seq = await nextCounter(tx, `ticket-${beijingYear(reportedAt)}`);
    const id = newId(now);
    const status: TicketStatus = input.assigneeId ? 'assigned' : 'new';
    // Clocks are computed first so the ticket row carries its queue position from the start.
    const plan = svc.d.sla.plan({ id, projectId: project.id }, policy, input.level, reportedAt, now);
    const nextDueAt = Number.isFinite(plan.nextDueAt) ? plan.nextDueAt : null;
    const breached = plan.clocks.some((c) => c.due_at !== null && now > c.due_at);
    const row = {
      id,
      number: `GD-${beijingYear(reportedAt)}-${String(seq).padStart(6, '0')}`,
      project_id: project.id,
      customer_id: project.customer_id,
      contract_id: contract.id,
      title: input.title,
      description: input.description,
      level: input.level,
      channel: isCustomer(actor) ? 'web' : input.channel,
      status,
      reporter_name: input.reporterName,
      reporter_phone: input.reporterPhone,
      location: input.location ?? null,
      reported_at: reportedAt,
      reported_at_reason: input.reportedAtReason ?? null,
      created_at: now,
      created_by: actor.userId,
      assignee_id: input.assigneeId ?? null,
      fault_cause: null,
      solution: null,
      billable: null,
      resolved_at: null,
      closed_at: null,
      auto_close_at: null,
      reopen_count: 0,
      suspend_reason: null,
      next_due_at: nextDueAt,
      due_sort: dueSort(status, nextDueAt, reportedAt, now),
      breached: breached ? 1 : 0,
      last_urged_at: null,
      rating: null,
      updated_at: now,
    };
    await svc.repo.insert(tx, row);
    await svc.d.sla.insertPlan(tx, plan);
    await svc.event(tx, id, actor.userId, 'created', {
      to: status,
      data: { channel: input.channel, level: input.level, reportedAt, enteredAt: now },
    });
    if (input.assigneeId) {
      await svc.event(tx, id, actor.userId, 'dispatch', {
        from: 'new',
        to: 'assigned',
        data: { assigneeId: input.assigneeId },
      });
      await svc.d.notifications.notify(tx, [input.assigneeId], {
        kind: 'ticket.dispatched',
        text: (locale) => dispatchedText(locale, input),
        ticketId: id,
        sourceKey: `dispatch:${id}:${now}`,
      });
    }
    // A level-1 or level-2 fault is news for the dispatchers and the service manager at once, whoever reported it.
    if (input.level <= 2) {
      const who = (await svc.d.projects.alertRecipients(tx, [project.id])).get(project.id) ?? [];
      const facts = {
        level: input.level,
        number: row.number,
        title: input.title,
        customer: project.customer_name,
        project: project.name,
        reporter: `${input.reporterName} ${input.reporterPhone}`,
        reportedAt,
      };
      await svc.d.notifications.notifyMany(tx, [
        {
          userIds: who,
          kind: 'ticket.urgent',
          ticketId: id,
          sourceKey: `urgent:${id}`,
          text: (locale) => urgentTicketText(locale, facts),
        },
      ]);
    }
    // Everything the detail view shows is at hand: no need to read the new ticket back.
    const t: TicketWithNames = {
      ...row,
      customer_name: project.customer_name,
      project_name: project.name,
      assignee_name: assignee?.display_name ?? null,
      creator_name: actor.displayName,
    };
    if (input.assetId) {
      if (!svc.d.repairs) throw invalid('assetId', 'tickets.assetsUnavailable');
      await svc.d.repairs.attach(tx, meta, t, input.assetId);
    }
    await svc.d.audit.record(tx, meta, {
      action: 'ticket.create',
      targetType: 'ticket',
      targetId: id,
      summary: `新建工单 ${t.number}（${input.level} 级，${input.channel}）`,
      detail: { after: presentSummary(t), ...(input.assetId ? { assetId: input.assetId } : {}) },
    });
    const missing = svc.d.sla.missingHolidayYears(policy, reportedAt, reportedAt + 30 * 86_400_000);
    return svc.detail(tx, actor, t, now, missing, { policy, clocks: plan.clocks });
  };
  return outer ? run(outer) : svc.db.transaction().execute(run);
}
