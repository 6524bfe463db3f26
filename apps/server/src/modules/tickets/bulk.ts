import type { TicketBulkRequest, TicketBulkResult } from '@weibao/schema';
import { LABELS } from '@weibao/schema/labels';
import type { RequestMeta } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { type Locale, message } from '../../http/messages.js';
import { performAction } from './actions.js';
import type { TicketService } from './service.js';

/**
 * A queue bulk action: the single-ticket command (performAction) for each selected ticket, each in
 * its own transaction and audited as that action; one ticket's refusal (not allowed in its status,
 * urged too recently, not visible) does not undo the others. A summary row audits the request itself.
 */
export async function performBulk(
  svc: TicketService,
  meta: RequestMeta,
  req: TicketBulkRequest,
  locale: Locale,
): Promise<TicketBulkResult> {
  const ids = [...new Set(req.ids)];
  const results: TicketBulkResult['results'] = [];
  for (const id of ids) {
    try {
      const t = await performAction(svc, meta, id, {
        action: req.action,
        assigneeId: req.assigneeId,
        reason: req.reason,
      });
      results.push({ id, number: t.number, ok: true, code: null, message: null });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      results.push({
        id,
        number: await visibleNumber(svc, meta, id),
        ok: false,
        code: e.code,
        message: message(locale, e.code, e.params),
      });
    }
  }
  const okCount = results.filter((r) => r.ok).length;
  const refusedCount = results.length - okCount;
  await svc.d.audit.recordAlone(meta, {
    action: 'ticket.bulk',
    targetType: 'ticket',
    targetId: null,
    summary: `批量${LABELS.ticketAction[req.action]['zh-CN']} ${results.length} 张工单：成功 ${okCount}，未执行 ${refusedCount}${req.reason ? `，原因：${req.reason}` : ''}`,
    detail: {
      action: req.action,
      assigneeId: req.assigneeId ?? null,
      results: results.map((r) => ({ id: r.id, ok: r.ok, code: r.code })),
    },
  });
  return { results, okCount, refusedCount };
}

/** The number of a refused ticket, if the actor may see it (a foreign id stays anonymous). */
async function visibleNumber(svc: TicketService, meta: RequestMeta, id: string): Promise<string | null> {
  try {
    return (await svc.visible(svc.db, meta.actor, id)).number;
  } catch {
    return null;
  }
}
