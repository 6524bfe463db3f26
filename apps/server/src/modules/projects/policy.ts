import type { SlaPolicy } from '@weibao/schema';

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
