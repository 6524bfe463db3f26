import { type TicketActionRequest, type TicketStatus } from '@weibao/schema';
import type { Tx } from '../../db/dialect.js';
import { type RequestMeta, isCustomer } from '../../http/actor.js';
import { AppError, invalid } from '../../http/errors.js';
import type { Locale } from '../../http/messages.js';
import { beijingDateTime } from '../../lib/time.js';
import { occurredAtOf } from './occurred.js';
import { REASON_REQUIRED } from './policy.js';
import type { TicketService } from './service.js';
import { assignedText, reopenedText, resolvedText, urgedText } from './texts.js';

const URGE_INTERVAL_MS = 10 * 60_000;
const ACTION_ZH: Record<string, string> = {
  dispatch: '派单',
  claim: '认领',
  transfer: '转派',
  respond: '响应',
  arrive: '到场签到',
  arrival_not_needed: '无需到场',
  suspend: '挂起',
  resume: '恢复',
  urge: '催办',
  resolve: '解决',
  confirm: '确认',
  reopen: '重开',
  cancel: '取消',
  change_level: '调整故障等级',
};

/**
 * Workflow actions (派单, 认领, 转派, 响应, 到场, 挂起/恢复, 催办, 解决, 确认, 重开, 取消, 改级).
 * One transaction each: the status change, clock change, timeline event, notifications and the
 * audit row commit together or not at all.
 */
export async function performAction(svc: TicketService, meta: RequestMeta, id: string, req: TicketActionRequest) {
  return svc.db.transaction().execute((tx) => performActionIn(tx, svc, meta, id, req));
}

/** The same, inside a transaction the caller holds (e.g. an on-site check-in that is the arrival). */
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
  if (REASON_REQUIRED.has(a) && !req.reason)
    throw new AppError('REASON_REQUIRED', { action: `${ACTION_ZH[a] ?? a} / ${a}` }, 'reason');
  const t = await svc.visible(tx, actor, id);
  const before = await svc.detail(tx, actor, t, now);
  if (!before.allowedActions.includes(a))
    throw new AppError('ACTION_NOT_ALLOWED', { action: `${ACTION_ZH[a] ?? a} / ${a}` }, 'action');
  // Respond, arrive and resolve may be logged after they happened: their clocks stop at `at`.
  const at = await occurredAtOf(tx, svc, actor, t, before.clocks, req, now);
  const policy = await svc.policyOf(tx, t.contract_id);
  const from = t.status as TicketStatus;
  let to: TicketStatus = from;
  const patch: Record<string, unknown> = {};
  const data: Record<string, unknown> =
    at !== now ? { occurredAt: at, ...(req.occurredAtReason ? { occurredAtReason: req.occurredAtReason } : {}) } : {};
  let isPublic = true;
  const notifyAssignee = async (userId: string | null, text: (locale: Locale) => { title: string; body: string }) =>
    svc.d.notifications.notify(tx, [userId], {
      kind: `ticket.${a}`,
      text,
      ticketId: id,
      sourceKey: `${a}:${id}:${now}`,
    });

  switch (a) {
    case 'dispatch':
    case 'transfer': {
      if (!req.assigneeId) throw invalid('assigneeId', '请选择处理人 / choose an assignee');
      const u = await svc.checkAssignee(tx, req.assigneeId);
      if (a === 'transfer' && u.id === t.assignee_id)
        throw invalid('assigneeId', '不能转派给当前处理人 / already the assignee');
      patch.assignee_id = u.id;
      if (from === 'new') to = 'assigned';
      data.fromAssignee = t.assignee_id;
      data.toAssignee = u.id;
      data.toAssigneeName = u.display_name;
      isPublic = a === 'dispatch';
      await notifyAssignee(u.id, (locale) => assignedText(locale, a === 'transfer', t, req.reason));
      break;
    }
    case 'claim':
      patch.assignee_id = actor.userId;
      to = 'assigned';
      break;
    case 'respond':
      await svc.d.sla.stop(tx, id, 'response', at, policy, now);
      if (from === 'new' || from === 'assigned') to = 'in_progress';
      if (req.note) data.note = req.note;
      break;
    case 'arrive':
      await svc.d.sla.stop(tx, id, 'arrival', at, policy, now);
      // Arriving on site is also contact with the reporter.
      await svc.d.sla.stop(tx, id, 'response', at, policy, now);
      to = 'in_progress';
      break;
    case 'arrival_not_needed':
      await svc.d.sla.notNeeded(tx, id, req.reason!, now, policy);
      break;
    case 'suspend': {
      if (!req.suspendReason) throw invalid('suspendReason', '请选择挂起原因 / choose a suspend reason');
      to = 'suspended';
      patch.suspend_reason = req.suspendReason;
      const pauses = policy.pauseReasons.includes(req.suspendReason);
      if (pauses) await svc.d.sla.pause(tx, id, now, policy);
      data.suspendReason = req.suspendReason;
      data.clocksPaused = pauses;
      break;
    }
    case 'resume':
      await svc.d.sla.resume(tx, id, now, policy);
      to = 'in_progress';
      patch.suspend_reason = null;
      break;
    case 'urge': {
      if (t.last_urged_at && now - t.last_urged_at < URGE_INTERVAL_MS)
        throw new AppError('URGE_TOO_SOON', {}, 'action');
      patch.last_urged_at = now;
      const sm = await svc.d.projects.repo.serviceManagerOf(tx, t.project_id);
      await svc.d.notifications.notify(tx, [t.assignee_id, sm], {
        kind: 'ticket.urge',
        text: (locale) => urgedText(locale, t, req.reason, actor.displayName),
        ticketId: id,
        sourceKey: `urge:${id}:${now}`,
      });
      break;
    }
    case 'resolve': {
      if (!req.solution) throw invalid('solution', '请填写解决方案 / describe the solution');
      if (!req.faultCause) throw invalid('faultCause', '请选择故障原因（人为/非人为） / choose the fault cause');
      if (await svc.d.sla.isRunning(tx, id, 'arrival')) throw new AppError('ARRIVAL_OPEN', {}, 'action');
      await svc.d.sla.stop(tx, id, 'response', at, policy, now);
      await svc.d.sla.stop(tx, id, 'resolution', at, policy, now);
      to = 'resolved';
      Object.assign(patch, {
        // The customer's confirmation period runs from when they can see the resolution (now), not from `at`.
        solution: req.solution,
        fault_cause: req.faultCause,
        resolved_at: at,
        suspend_reason: null,
        // R2, R3: free in warranty unless human-caused; out of warranty billed at cost (assets/billing.ts).
        billable: (svc.repairs ? await svc.repairs.billable(tx, id, req.faultCause) : req.faultCause === 'human')
          ? 1
          : 0,
        auto_close_at: now + policy.autoCloseDays * 86_400_000,
      });
      await svc.d.notifications.notify(tx, [t.created_by], {
        kind: 'ticket.resolved',
        text: (locale) => resolvedText(locale, t, req.solution!),
        ticketId: id,
        sourceKey: `resolve:${id}:${now}`,
      });
      await svc.satisfaction?.onResolved(tx, t);
      break;
    }
    case 'confirm':
      to = 'closed';
      Object.assign(patch, { closed_at: now, auto_close_at: null, ...(req.rating ? { rating: req.rating } : {}) });
      if (req.rating) data.rating = req.rating;
      if (req.rating) await svc.satisfaction?.onConfirmed(tx, meta, id, req.rating);
      data.by = isCustomer(actor) ? 'customer' : 'provider_on_behalf';
      break;
    case 'reopen':
      await svc.d.sla.newResolutionCycle(tx, id, t.level, now, policy);
      to = 'in_progress';
      Object.assign(patch, {
        reopen_count: t.reopen_count + 1,
        resolved_at: null,
        closed_at: null,
        auto_close_at: null,
      });
      await notifyAssignee(t.assignee_id, (locale) => reopenedText(locale, t, req.reason!));
      break;
    case 'cancel':
      await svc.d.sla.cancelAll(tx, id, now, policy);
      to = 'cancelled';
      patch.closed_at = now;
      break;
    case 'change_level':
      if (!req.level) throw invalid('level', '请选择新的故障等级 / choose the new level');
      if (req.level === t.level) throw invalid('level', '与当前等级相同 / same as the current level');
      await svc.d.sla.retarget(tx, id, req.level, now, policy);
      patch.level = req.level;
      data.fromLevel = t.level;
      data.toLevel = req.level;
      break;
  }
  await svc.refresh(tx, id, now, { ...patch, status: to });
  await svc.event(tx, id, actor.userId, a, { from, to, reason: req.reason ?? null, data, public: isPublic });
  const after = (await svc.repo.get(tx, id))!;
  await svc.d.audit.record(tx, meta, {
    action: `ticket.${a}`,
    targetType: 'ticket',
    targetId: id,
    summary: `${t.number} ${ACTION_ZH[a]}${from !== to ? `：${from} → ${to}` : ''}${req.reason ? `，原因：${req.reason}` : ''}${at !== now ? `，发生于 ${beijingDateTime(at)}（登记于 ${beijingDateTime(now)}）` : ''}`,
    detail: {
      before: { status: from, assigneeId: t.assignee_id, level: t.level },
      after: { status: to, assigneeId: after.assignee_id, level: after.level },
      ...data,
      ...(at !== now ? { loggedAt: now } : {}),
    },
  });
  return svc.detail(tx, actor, after, now);
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
