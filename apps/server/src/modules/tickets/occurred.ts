import type { ClockKind, TicketActionRequest } from '@weibao/schema';
import type { Tx } from '../../db/dialect.js';
import { type Actor, isCustomer } from '../../lib/actor.js';
import { AppError, invalid } from '../../lib/errors.js';
import { type Reason, reason } from '../../lib/messages/text.js';
import { beijingDateTime } from '../../lib/time.js';
import type { TicketWithNames } from './presenter.js';
import type { TicketService } from './service.js';

/** Phones and servers disagree by a few seconds; a minute ahead is still "now" (same as reportedAt). */
const CLOCK_SKEW_MS = 60_000;
/** The clocks each action stops, i.e. the ones whose stop may be logged after the fact. */
const STOPS: Partial<Record<TicketActionRequest['action'], ClockKind[]>> = {
  respond: ['response'],
  arrive: ['arrival', 'response'],
  resolve: ['response', 'resolution'],
};
/** The earlier steps of the chain response → arrival → resolution that must already have happened. */
const AFTER: Partial<Record<TicketActionRequest['action'], ClockKind[]>> = {
  arrive: ['response'],
  resolve: ['response', 'arrival'],
};
const KIND = {
  response: reason('tickets.clockResponse'),
  arrival: reason('tickets.clockArrival'),
  resolution: reason('tickets.clockResolution'),
} as const;

type ClockView = { kind: ClockKind; cycle: number; stoppedAt: number | null; notNeededReason: string | null };

/**
 * When a respond, arrive or resolve happened (R: work logged after the fact). Without `occurredAt`
 * it is now. With it: staff only, not in the future, not before the report, the start or last
 * pause/resume of a clock it stops, an earlier step of the chain, or (arrival) the engineer's
 * assignment; older than the configured minutes only with `occurredAtReason`.
 */
export async function occurredAtOf(
  tx: Tx,
  svc: TicketService,
  actor: Actor,
  t: TicketWithNames,
  clocks: ClockView[],
  req: TicketActionRequest,
  now: number,
): Promise<number> {
  if (req.occurredAt === undefined) return now;
  if (isCustomer(actor)) throw invalid('occurredAt', 'tickets.customerBackdate');
  const stops = STOPS[req.action];
  if (!stops) throw invalid('occurredAt', 'tickets.backdateWhichActions');
  const at = req.occurredAt;
  if (at > now + CLOCK_SKEW_MS) throw invalid('occurredAt', 'tickets.occurredInFuture');
  const tooEarly = (bound: number, what: Reason) => {
    if (at < bound) throw invalid('occurredAt', 'tickets.occurredTooEarly', { what, at: beijingDateTime(bound) });
  };
  tooEarly(t.reported_at, reason('tickets.boundReported'));
  for (const kind of stops) {
    const bound = await svc.d.sla.earliestStop(tx, t.id, kind);
    if (bound !== null) tooEarly(bound, reason('tickets.boundClockStart', { clock: KIND[kind] }));
  }
  for (const kind of AFTER[req.action] ?? []) {
    const c = clocks.filter((x) => x.kind === kind).sort((a, b) => b.cycle - a.cycle)[0];
    // A "not needed" arrival is a decision, not a step that happened at its time.
    if (c?.stoppedAt != null && c.notNeededReason === null)
      tooEarly(c.stoppedAt, reason('tickets.boundPreviousStep', { clock: KIND[kind] }));
  }
  if (req.action === 'arrive') {
    // The arrival is the assigned engineer's: not before they were assigned. An assignee named at
    // intake counts from the report: intake often logs a call (and the dispatch made on it) later.
    const assigned = await Promise.all(
      ['dispatch', 'claim', 'transfer'].map((type) => svc.repo.lastEventOfType(tx, t.id, type)),
    );
    // (The intake's dispatch event names `assigneeId`; the dispatch action's names `toAssignee`.)
    const atIntake = (e: { type: string; data_json: string }) =>
      e.type === 'dispatch' && !('toAssignee' in JSON.parse(e.data_json));
    const since = Math.max(...assigned.map((e) => (e && !atIntake(e) ? e.at : 0)));
    if (since > 0) tooEarly(since, reason('tickets.boundAssignment'));
  }
  if (now - at > svc.d.backdateActionReasonMinutes * 60_000 && !req.occurredAtReason) {
    throw new AppError(
      'REASON_REQUIRED',
      { action: reason('tickets.backdatedAction', { minutes: svc.d.backdateActionReasonMinutes }) },
      'occurredAtReason',
    );
  }
  return Math.min(at, now);
}
