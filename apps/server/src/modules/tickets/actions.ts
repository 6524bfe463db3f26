import { type TicketActionRequest, type TicketStatus } from '@weibao/schema';
import { LABELS } from '@weibao/schema/labels';
import type { Tx } from '../../db/dialect.js';
import type { RequestMeta } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { beijingDateTime } from '../../lib/time.js';
import { ACTION_HANDLERS, type ActionContext } from './action-handlers.js';
import { occurredAtOf } from './occurred.js';
import { REASON_REQUIRED } from './policy.js';
import type { TicketService } from './service.js';

/** The action as the web's buttons name it (audit text and refusals). */
const actionName = (a: TicketActionRequest['action']) => LABELS.ticketAction[a];

/**
 * Workflow actions (派单, 认领, 转派, 响应, 到场, 挂起/恢复, 催办, 解决, 确认, 重开, 取消, 改级).
 * One transaction each: the status change, clock change, timeline event, notifications and the
 * audit row commit together or not at all.
 */
export async function performAction(svc: TicketService, meta: RequestMeta, id: string, req: TicketActionRequest) {
  return svc.db.transaction().execute((tx) => performActionIn(tx, svc, meta, id, req));
}

/**
 * The same, inside a transaction the caller holds (e.g. an on-site check-in that is the arrival). The steps
 * every action shares run here; what differs per action is its handler (action-handlers.ts). The contract's
 * policy is read once and the clocks once before and once after the handler.
 */
export async function performActionIn(
  tx: Tx,
  svc: TicketService,
  meta: RequestMeta,
  id: string,
  req: TicketActionRequest,
) {
  const { actor } = meta;
  const now = svc.d.now();
  const a = req.action;
  if (REASON_REQUIRED.has(a) && !req.reason) throw new AppError('REASON_REQUIRED', { action: actionName(a) }, 'reason');
  const t = await svc.visible(tx, actor, id);
  const policy = await svc.policyOf(tx, t.contract_id);
  const before = await svc.detail(tx, actor, t, now, [], { policy });
  if (!before.allowedActions.includes(a)) throw new AppError('ACTION_NOT_ALLOWED', { action: actionName(a) }, 'action');
  // Respond, arrive and resolve may be logged after they happened: their clocks stop at `at`.
  const at = await occurredAtOf(tx, svc, actor, t, before.clocks, req, now);
  const from = t.status as TicketStatus;
  const c: ActionContext = {
    tx,
    svc,
    meta,
    req,
    ticket: t,
    policy,
    at,
    now,
    from,
    to: from,
    patch: {},
    data:
      at !== now ? { occurredAt: at, ...(req.occurredAtReason ? { occurredAtReason: req.occurredAtReason } : {}) } : {},
    isPublic: true,
  };
  await ACTION_HANDLERS[a](c);
  const { to, data } = c;
  await svc.refresh(tx, id, now, { ...c.patch, status: to }, policy);
  await svc.event(tx, id, actor.userId, a, { from, to, reason: req.reason ?? null, data, public: c.isPublic });
  const after = (await svc.repo.get(tx, id))!;
  await svc.d.audit.record(tx, meta, {
    action: `ticket.${a}`,
    targetType: 'ticket',
    targetId: id,
    summary: `${t.number} ${actionName(a)['zh-CN']}${from !== to ? `：${from} → ${to}` : ''}${req.reason ? `，原因：${req.reason}` : ''}${at !== now ? `，发生于 ${beijingDateTime(at)}（登记于 ${beijingDateTime(now)}）` : ''}`,
    detail: {
      before: { status: from, assigneeId: t.assignee_id, level: t.level },
      after: { status: to, assigneeId: after.assignee_id, level: after.level },
      ...data,
      ...(at !== now ? { loggedAt: now } : {}),
    },
  });
  return svc.detail(tx, actor, after, now, [], { policy });
}

/** Auto-close (R: customer confirms or it closes after N days): run by the worker, audited as the system. */
export async function autoClose(svc: TicketService, tx: Tx, id: string, now: number) {
  const t = await svc.repo.row(tx, id);
  // The conditional update is the claim: of two nodes racing here, only one changes the row.
  if (!t || !(await svc.repo.moveStatus(tx, id, 'resolved', 'closed'))) return false;
  await svc.refresh(tx, id, now, { status: 'closed', closed_at: now, auto_close_at: null });
  await svc.event(tx, id, null, 'auto_close', { from: 'resolved', to: 'closed' });
  await svc.d.audit.record(
    tx,
    { actor: null, ip: null, actorLabel: 'system' },
    { action: 'ticket.auto_close', targetType: 'ticket', targetId: id, summary: `${t.number} 超过确认期限自动关闭` },
  );
  return true;
}
