import type { OmRecordQuery } from '@weibao/schema';
import type { z } from 'zod';
import type { Tx } from '../../db/dialect.js';
import { type Actor, hasRole, isCustomer } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { FileStore } from '../../lib/files.js';
import { decodeAtId, keysetPage } from '../../lib/keyset.js';
import type { Reason } from '../../lib/messages/text.js';
import { type ChainProblem, checkLink } from './chain.js';
import type { FieldworkDeps } from './deps.js';
import { type RecordAction, type RecordRow, parseList, presentRecordSummary, recordActions } from './record-view.js';
import { FieldworkRepository } from './repository.js';
import { isForgotten } from './time.js';

/**
 * O&M records (运维记录, R15): engineers draft and submit, the service manager may review, the
 * customer's project lead signs (one or a batch) or rejects with a reason. Signing freezes a record
 * into a hash chain; a correction is a new version with a reason that must be signed again.
 *
 * This is the reading side (access, detail, lists, the signature image, the chain check) that
 * drafts.ts (writing) and signoff.ts (submit, review, reject, sign) build on; exports.ts prints.
 */
export class RecordService {
  readonly repo: FieldworkRepository;
  /** A record's row by id, unchecked: for the inspection run that produced it (its access is the task's). */
  async recordRow(db: Tx, id: string) {
    return this.repo.record(db, id);
  }
  constructor(private readonly d: FieldworkDeps) {
    this.repo = new FieldworkRepository(d.database.dialect);
  }
  private get db() {
    return this.d.database.db;
  }

  /** Customers see their organisation's records once submitted; drafts stay with the provider. */
  async visible(db: Tx, actor: Actor, id: string) {
    const r = await this.repo.record(db, id);
    if (!r || (isCustomer(actor) && (r.customer_id !== actor.orgId || r.status === 'draft')))
      throw notFound('运维记录');
    return r;
  }

  /** Refuses unless `action` is among the record's allowed actions for `actor`; `label` names it in the refusal. */
  async must(db: Tx, actor: Actor, r: RecordRow, action: RecordAction, label: Reason) {
    if (!recordActions(actor, r, await this.hasOpenAmendment(db, r)).includes(action))
      throw new AppError('ACTION_NOT_ALLOWED', { action: label });
  }
  private async hasOpenAmendment(db: Tx, r: RecordRow) {
    return (await this.repo.versions(db, r.number)).some(
      (v) => v.version > r.version && v.status !== 'signed' && v.status !== 'superseded',
    );
  }

  async detail(db: Tx, actor: Actor, r: RecordRow) {
    const now = this.d.now();
    const visits = await this.repo.visitsByIds(db, parseList(r.visit_ids_json));
    const tickets = await this.repo.ticketsByIds(db, parseList(r.ticket_ids_json));
    const versions = await this.repo.versions(db, r.number);
    const open = versions.some((v) => v.version > r.version && v.status !== 'signed' && v.status !== 'superseded');
    return {
      ...presentRecordSummary(r),
      content: r.content,
      result: r.result,
      headcountDerived: r.headcount_derived,
      headcountReason: r.headcount_reason,
      extraStaff: parseList(r.extra_staff_json),
      authorId: r.author_id,
      reviewerName: r.reviewer_name ?? null,
      reviewNote: r.review_note,
      visits: visits.map((v) => ({
        id: v.id,
        engineerName: v.engineer_name,
        checkedInAt: v.checked_in_at,
        checkedOutAt: v.checked_out_at,
        location: v.check_in_location,
        forgotten: isForgotten(v.checked_in_at, v.checked_out_at, now),
      })),
      tickets: tickets.map((t) => ({ id: t.id, number: t.number, title: t.title })),
      rejectReason: r.reject_reason,
      rejectedAt: r.rejected_at,
      rejectorName: r.rejector_name ?? null,
      signerIp: r.signer_ip,
      hasSignature: r.signature_path !== null,
      contentHash: r.content_hash,
      supersedesId: r.supersedes_id,
      amendReason: r.amend_reason,
      versions: versions.map((v) => ({
        id: v.id,
        version: v.version,
        status: v.status as 'draft',
        signedAt: v.signed_at,
        amendReason: v.amend_reason,
      })),
      allowedActions: recordActions(actor, r, open),
    };
  }

  async get(actor: Actor, id: string) {
    return this.detail(this.db, actor, await this.visible(this.db, actor, id));
  }

  async list(actor: Actor, q: z.infer<typeof OmRecordQuery>) {
    const after = decodeAtId(q.cursor);
    const customer = isCustomer(actor);
    let statuses: string[] | undefined = q.status ? [q.status] : undefined;
    let authorId: string | undefined;
    if (q.todo) {
      if (customer) statuses = hasRole(actor, 'customer_lead') ? ['submitted'] : [];
      else if (hasRole(actor, 'service_manager')) statuses = ['submitted'];
      else {
        authorId = actor.userId;
        statuses = ['draft', 'rejected'];
      }
    }
    if (customer)
      statuses = (statuses ?? ['submitted', 'rejected', 'signed', 'superseded']).filter((s) => s !== 'draft');
    const rows = await this.repo.listRecords(this.db, {
      projectId: q.projectId,
      customerId: customer ? actor.orgId : undefined,
      authorId,
      statuses,
      after: after ?? undefined,
      limit: q.limit,
    });
    const { items, nextCursor } = keysetPage(rows, q.limit, (r) => [r.updated_at, r.id]);
    return { items: items.map(presentRecordSummary), nextCursor };
  }

  /** 待签字 badge: the lead's organisation's records awaiting signature; null for roles that do not sign. */
  async awaitingSignatureCount(actor: Actor, cap: number): Promise<number | null> {
    if (!isCustomer(actor) || !hasRole(actor, 'customer_lead')) return null;
    return this.repo.countRecords(this.db, { customerId: actor.orgId, status: 'submitted' }, cap);
  }

  async signature(actor: Actor, id: string) {
    const r = await this.visible(this.db, actor, id);
    if (!r.signature_path) throw notFound('签名');
    return new FileStore(this.d.dataDir).resolve(r.signature_path);
  }

  /** `weibao records verify`: walks the chain in order and checks every link, the head and the images. */
  async verify(onProgress?: (n: number) => void): Promise<{ checked: number; problems: ChainProblem[] }> {
    const problems: ChainProblem[] = [];
    let prev = '0'.repeat(64);
    let expected = 1;
    let checked = 0;
    for (;;) {
      const page = await this.repo.chainPage(this.db, expected - 1, 500);
      if (!page.length) break;
      for (const r of page) {
        problems.push(...checkLink(r, expected, prev, this.d.dataDir));
        prev = r.content_hash ?? '';
        expected = Number(r.chain_seq) + 1;
        checked++;
      }
      onProgress?.(checked);
    }
    const head = await this.repo.headRow(this.db);
    if (Number(head.seq) !== expected - 1 || head.hash !== prev)
      problems.push({
        recordId: '-',
        number: '-',
        problem: `chain head #${head.seq} does not match the last link #${expected - 1} (signed records were removed from the end)`,
      });
    for (const r of await this.repo.signedOutsideChain(this.db))
      problems.push({
        recordId: r.id,
        number: `${r.number} v${r.version}`,
        problem: 'marked signed but not in the chain',
      });
    return { checked, problems };
  }
}
