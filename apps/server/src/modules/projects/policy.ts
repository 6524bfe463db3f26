import type { SlaPolicy } from '@weibao/schema';
import { reason, renderReason } from '../../lib/messages/text.js';

/** The bid's promises (R6–R10): 30 min response, 30 min on site, 2 h resolution for every level, 24x7. */
export function defaultPolicy(): SlaPolicy {
  return {
    targets: ([1, 2, 3, 4] as const).map((level) => ({ level, responseMin: 30, arrivalMin: 30, resolutionMin: 120 })),
    calendar: { kind: '24x7' },
    pauseReasons: ['waiting_customer', 'waiting_third_party'],
    autoCloseDays: 3,
  };
}

export function mergePolicy(base: SlaPolicy, patch: Partial<SlaPolicy> | undefined): SlaPolicy {
  return { ...base, ...(patch ?? {}) };
}

/** Why a contract calendar is refused: the calendar validator explains in English only, Chinese readers get a summary. */
export const calendarReason = (detail: string) => ({
  'zh-CN': renderReason('zh-CN', reason('admin.badCalendar')),
  en: detail,
});
