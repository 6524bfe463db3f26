import type { OmRecordStatus } from '@weibao/schema';
import { type Actor, hasRole, isCustomer } from '../../lib/actor.js';
import type { FieldworkRepository } from './repository.js';

export type RecordRow = NonNullable<Awaited<ReturnType<FieldworkRepository['record']>>>;
export type RecordAction = 'edit' | 'submit' | 'review' | 'sign' | 'reject' | 'amend';

/** Who may do what with a record now (the UI shows exactly these buttons; the service re-checks). */
export function recordActions(actor: Actor, r: RecordRow, hasOpenAmendment: boolean): RecordAction[] {
  const out: RecordAction[] = [];
  const status = r.status as OmRecordStatus;
  if (!isCustomer(actor)) {
    if (r.author_id === actor.userId && (status === 'draft' || status === 'rejected')) out.push('edit', 'submit');
    if (hasRole(actor, 'service_manager') && status === 'submitted' && r.reviewed_at === null) out.push('review');
    if (hasRole(actor, 'engineer', 'service_manager') && status === 'signed' && !hasOpenAmendment) out.push('amend');
  } else if (hasRole(actor, 'customer_lead') && r.customer_id === actor.orgId && status === 'submitted') {
    out.push('sign', 'reject');
  }
  return out;
}

const list = (json: string) => JSON.parse(json) as string[];

export function presentRecordSummary(r: RecordRow) {
  return {
    id: r.id,
    number: r.number,
    version: r.version,
    projectId: r.project_id,
    projectName: r.project_name,
    customerId: r.customer_id,
    kind: r.kind as 'daily',
    status: r.status as OmRecordStatus,
    serviceStart: r.service_start,
    serviceEnd: r.service_end,
    location: r.location,
    staffNames: list(r.staff_names_json),
    headcount: r.headcount,
    authorName: r.author_name,
    submittedAt: r.submitted_at,
    reviewedAt: r.reviewed_at,
    signedAt: r.signed_at,
    signerName: r.signer_name ?? null,
    updatedAt: r.updated_at,
  };
}

/** Plain-text summary for the audit log's before/after. */
export function recordFacts(
  r: Pick<RecordRow, 'status' | 'service_start' | 'service_end' | 'location' | 'headcount' | 'content' | 'result'>,
) {
  return {
    status: r.status,
    serviceStart: r.service_start,
    serviceEnd: r.service_end,
    location: r.location,
    headcount: r.headcount,
    content: r.content.slice(0, 200),
    result: r.result.slice(0, 200),
  };
}

export { list as parseList };
