import type { Dayjs } from 'dayjs';
import type { TicketAction } from '../../api/types';

export type ActionField =
  'assignee' | 'reason' | 'suspendReason' | 'solution' | 'faultCause' | 'rating' | 'level' | 'note' | 'occurredAt';

/**
 * What each action asks for. Reasons are mandatory for 转派, 挂起, 取消, 重开, 无需到场 and 改级
 * (Chinese ITSM convention: every action that overrides the normal flow says why).
 */
export const ACTION_FIELDS: Record<TicketAction, ActionField[]> = {
  dispatch: ['assignee'],
  claim: [],
  transfer: ['assignee', 'reason'],
  respond: ['note', 'occurredAt'],
  arrive: ['occurredAt'],
  arrival_not_needed: ['reason'],
  suspend: ['suspendReason', 'reason'],
  resume: [],
  urge: [],
  resolve: ['solution', 'faultCause', 'occurredAt'],
  confirm: ['rating'],
  reopen: ['reason'],
  cancel: ['reason'],
  change_level: ['level', 'reason'],
};

/** Actions drawn as the primary (positive) button; cancel is drawn as danger. */
export const PRIMARY_ACTIONS = new Set<string>(['dispatch', 'claim', 'respond', 'arrive', 'resolve', 'confirm']);
export const DANGER_ACTIONS = new Set<string>(['cancel']);

export function isKnownAction(a: string): a is TicketAction {
  return a in ACTION_FIELDS;
}

/**
 * The happened-at time to send: only when the user moved the picker off the time it was shown with
 * (an untouched picker means "now", and the server then uses its own clock).
 */
export function backdatedAt(occurredAt: Dayjs | undefined, shownAt: number): number | undefined {
  return occurredAt && Math.abs(occurredAt.valueOf() - shownAt) >= 60_000 ? occurredAt.valueOf() : undefined;
}

export interface ActionValues {
  assigneeId?: string;
  reason?: string;
  suspendReason?: string;
  solution?: string;
  faultCause?: string;
  rating?: number;
  level?: number;
  note?: string;
  /** 发生时间: when it happened, if logged afterwards (respond, arrive, resolve). */
  occurredAt?: Dayjs;
  occurredAtReason?: string;
}
