import type { z } from 'zod';
import type * as S from '@weibao/schema';

// Types of the auditor's extra endpoints, inferred from the zod schemas (type-only).
export type AuditActor = z.infer<typeof S.AuditActor>;
export type AuditVerifyResult = z.infer<typeof S.AuditVerifyResult>;

/** The i18n key for the server's chain problem text (the server's wording is stable: repository.ts verify()). */
export function problemKey(problem: string | undefined): string {
  if (!problem) return 'audit.problem.modified';
  if (/deleted from the end/.test(problem)) return 'audit.problem.truncated';
  if (/is missing/.test(problem)) return 'audit.problem.missing';
  if (/does not link/.test(problem)) return 'audit.problem.unlinked';
  return 'audit.problem.modified';
}
