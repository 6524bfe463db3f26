import type { SlaPolicy, TicketAction, TicketActionRequest, TicketStatus } from '@weibao/schema';
import type { Tx } from '../../db/dialect.js';
import type { Locale } from '../../http/messages.js';
import { type RequestMeta, isCustomer } from '../../lib/actor.js';
import { AppError, invalid } from '../../lib/errors.js';
import type { TicketWithNames } from './presenter.js';
import type { TicketService } from './service.js';
import { assignedText, reopenedText, resolvedText, urgedText } from './texts.js';

const URGE_INTERVAL_MS = 10 * 60_000;

/**
 * One action on one ticket, as its handler sees it: what was read once before (the ticket, its contract's
 * policy, when the action happened) and what the handler decides (the next status, the row patch, the
 * timeline data). The shared steps before and after the handler live in actions.ts.
 */
export interface ActionContext {
  tx: Tx;
  svc: TicketService;
  meta: RequestMeta;
  req: TicketActionRequest;
  ticket: TicketWithNames;
  policy: SlaPolicy;
  /** When it happened: `now`, or earlier for a respond, arrive or resolve logged afterwards. */
  at: number;
  now: number;
  from: TicketStatus;
  to: TicketStatus;
  patch: Record<string, unknown>;
  data: Record<string, unknown>;
  /** Whether the timeline event is shown to the customer. */
  isPublic: boolean;
}

type ActionHandler = (c: ActionContext) => Promise<void>;

/** A notification to one person about this action (the assignee, usually). */
function notifyOne(c: ActionContext, userId: string | null, text: (locale: Locale) => { title: string; body: string }) {
  const { action } = c.req;
  return c.svc.d.notifications.notify(c.tx, [userId], {
    kind: `ticket.${action}`,
    text,
    ticketId: c.ticket.id,
    sourceKey: `${action}:${c.ticket.id}:${c.now}`,
  });
}

/** 派单 / 转派: a named engineer takes the ticket; a transfer must name someone else. */
const assign: ActionHandler = async (c) => {
  const { req, ticket: t } = c;
  if (!req.assigneeId) throw invalid('assigneeId', 'tickets.chooseAssignee');
  const u = await c.svc.checkAssignee(c.tx, req.assigneeId);
  const transfer = req.action === 'transfer';
  if (transfer && u.id === t.assignee_id) throw invalid('assigneeId', 'tickets.alreadyAssignee');
  c.patch.assignee_id = u.id;
  if (c.from === 'new') c.to = 'assigned';
  Object.assign(c.data, { fromAssignee: t.assignee_id, toAssignee: u.id, toAssigneeName: u.display_name });
  c.isPublic = !transfer;
  await notifyOne(c, u.id, (locale) => assignedText(locale, transfer, t, req.reason));
};

/** 挂起: the clocks pause only for the reasons the contract allows. */
const suspend: ActionHandler = async (c) => {
  const reason = c.req.suspendReason;
  if (!reason) throw invalid('suspendReason', 'tickets.chooseSuspendReason');
  c.to = 'suspended';
  c.patch.suspend_reason = reason;
  const pauses = c.policy.pauseReasons.includes(reason);
  if (pauses) await c.svc.d.sla.pause(c.tx, c.ticket.id, c.now, c.policy);
  Object.assign(c.data, { suspendReason: reason, clocksPaused: pauses });
};

/** 催办: at most once per 10 minutes; the assignee and the service manager hear of it. */
const urge: ActionHandler = async (c) => {
  const t = c.ticket;
  if (t.last_urged_at && c.now - t.last_urged_at < URGE_INTERVAL_MS) throw new AppError('URGE_TOO_SOON', {}, 'action');
  c.patch.last_urged_at = c.now;
  const manager = await c.svc.d.projects.serviceManagerOf(c.tx, t.project_id);
  await c.svc.d.notifications.notify(c.tx, [t.assignee_id, manager], {
    kind: 'ticket.urge',
    text: (locale) => urgedText(locale, t, c.req.reason, c.meta.actor.displayName),
    ticketId: t.id,
    sourceKey: `urge:${t.id}:${c.now}`,
  });
};

/** 解决: stops response and resolution at `at`; the reporter is asked to confirm (and rate, R29). */
const resolve: ActionHandler = async (c) => {
  const { tx, svc, req, ticket: t, policy, at, now } = c;
  if (!req.solution) throw invalid('solution', 'tickets.describeSolution');
  if (!req.faultCause) throw invalid('faultCause', 'tickets.chooseFaultCause');
  if (await svc.d.sla.isRunning(tx, t.id, 'arrival')) throw new AppError('ARRIVAL_OPEN', {}, 'action');
  await svc.d.sla.stop(tx, t.id, 'response', at, policy, now);
  await svc.d.sla.stop(tx, t.id, 'resolution', at, policy, now);
  c.to = 'resolved';
  // R2, R3: free in warranty unless human-caused; out of warranty billed at cost (assets/billing.ts).
  const billable = svc.d.repairs ? await svc.d.repairs.billable(tx, t.id, req.faultCause) : req.faultCause === 'human';
  Object.assign(c.patch, {
    solution: req.solution,
    fault_cause: req.faultCause,
    resolved_at: at,
    suspend_reason: null,
    billable: billable ? 1 : 0,
    // The customer's confirmation period runs from when they can see the resolution (now), not from `at`.
    auto_close_at: now + policy.autoCloseDays * 86_400_000,
  });
  await svc.d.notifications.notify(tx, [t.created_by], {
    kind: 'ticket.resolved',
    text: (locale) => resolvedText(locale, t, req.solution!),
    ticketId: t.id,
    sourceKey: `resolve:${t.id}:${now}`,
  });
  await svc.d.events.emit('ticket.resolved', tx, t);
};

/** 确认: the customer (or the provider on their behalf) closes the ticket, optionally with a rating. */
const confirm: ActionHandler = async (c) => {
  const { rating } = c.req;
  c.to = 'closed';
  Object.assign(c.patch, { closed_at: c.now, auto_close_at: null, ...(rating ? { rating } : {}) });
  if (rating) {
    c.data.rating = rating;
    await c.svc.d.events.emit('ticket.rated', c.tx, c.meta, c.ticket.id, rating);
  }
  c.data.by = isCustomer(c.meta.actor) ? 'customer' : 'provider_on_behalf';
};

/** 重开: a new resolution cycle; the earlier cycle's outcome stays as it was. */
const reopen: ActionHandler = async (c) => {
  const t = c.ticket;
  await c.svc.d.sla.newResolutionCycle(c.tx, t.id, t.level, c.now, c.policy);
  c.to = 'in_progress';
  Object.assign(c.patch, { reopen_count: t.reopen_count + 1, resolved_at: null, closed_at: null, auto_close_at: null });
  await notifyOne(c, t.assignee_id, (locale) => reopenedText(locale, t, c.req.reason!));
};

/** 改级: the running clocks take the new level's targets (sla/service.ts retarget). */
const changeLevel: ActionHandler = async (c) => {
  const { level } = c.req;
  if (!level) throw invalid('level', 'tickets.chooseLevel');
  if (level === c.ticket.level) throw invalid('level', 'tickets.sameLevel');
  await c.svc.d.sla.retarget(c.tx, c.ticket.id, level, c.now, c.policy);
  c.patch.level = level;
  Object.assign(c.data, { fromLevel: c.ticket.level, toLevel: level });
};

/** What each action does between the shared steps; every action of the workflow has exactly one entry. */
export const ACTION_HANDLERS: Record<TicketAction, ActionHandler> = {
  dispatch: assign,
  transfer: assign,
  claim: async (c) => {
    c.patch.assignee_id = c.meta.actor.userId;
    c.to = 'assigned';
  },
  respond: async (c) => {
    await c.svc.d.sla.stop(c.tx, c.ticket.id, 'response', c.at, c.policy, c.now);
    if (c.from === 'new' || c.from === 'assigned') c.to = 'in_progress';
    if (c.req.note) c.data.note = c.req.note;
  },
  arrive: async (c) => {
    await c.svc.d.sla.stop(c.tx, c.ticket.id, 'arrival', c.at, c.policy, c.now);
    // Arriving on site is also contact with the reporter.
    await c.svc.d.sla.stop(c.tx, c.ticket.id, 'response', c.at, c.policy, c.now);
    c.to = 'in_progress';
  },
  arrival_not_needed: async (c) => {
    await c.svc.d.sla.notNeeded(c.tx, c.ticket.id, c.req.reason!, c.now, c.policy);
  },
  suspend,
  resume: async (c) => {
    await c.svc.d.sla.resume(c.tx, c.ticket.id, c.now, c.policy);
    c.to = 'in_progress';
    c.patch.suspend_reason = null;
  },
  urge,
  resolve,
  confirm,
  reopen,
  cancel: async (c) => {
    await c.svc.d.sla.cancelAll(c.tx, c.ticket.id, c.now, c.policy);
    c.to = 'cancelled';
    c.patch.closed_at = c.now;
  },
  change_level: changeLevel,
};
