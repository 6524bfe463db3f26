import { createHash } from 'node:crypto';
import type { Tx } from '../../db/dialect.js';
import type { OmRecordsTable } from '../../db/types.js';
import type { RequestMeta } from '../../lib/actor.js';
import { AppError, invalid } from '../../lib/errors.js';
import { FileStore } from '../../lib/files.js';
import { type Reason, reason, renderReason } from '../../lib/messages/text.js';
import { recordDigest } from './chain.js';
import type { FieldworkDeps } from './deps.js';
import type { RecordAction, RecordRow } from './record-view.js';
import type { RecordService } from './records.js';
import { recordRejectedText, recordSignedText, recordSubmittedText } from './texts.js';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * An O&M record's way to its signature (R15): the engineer submits, the service manager may review,
 * the customer's project lead rejects with a reason or signs (one or a batch), which freezes the
 * record into the hash chain.
 */
export class RecordSignoff {
  constructor(
    private readonly d: FieldworkDeps,
    private readonly records: RecordService,
  ) {}
  private get db() {
    return this.d.database.db;
  }
  private get repo() {
    return this.records.repo;
  }

  /** A status step: permission, a conditional move (a concurrent step cannot also win), audit, notification. */
  private async step(
    meta: RequestMeta,
    id: string,
    action: RecordAction,
    label: Reason,
    from: string[],
    patch: (now: number) => Partial<OmRecordsTable>,
    notify?: (tx: Tx, r: RecordRow) => Promise<unknown>,
  ) {
    const now = this.d.now();
    return this.db.transaction().execute(async (tx) => {
      const r = await this.records.visible(tx, meta.actor, id);
      await this.records.must(tx, meta.actor, r, action, label);
      if (!(await this.repo.moveRecord(tx, id, from, { ...patch(now), updated_at: now })))
        throw new AppError('ACTION_NOT_ALLOWED', { action: label });
      const after = (await this.repo.record(tx, id))!;
      await notify?.(tx, after);
      await this.d.audit.record(tx, meta, {
        action: `om_record.${action}`,
        targetType: 'om_record',
        targetId: id,
        summary: `${renderReason('zh-CN', label)}运维记录 ${r.number} v${r.version}：${r.status} → ${after.status}${after.reject_reason && action === 'reject' ? `，原因：${after.reject_reason}` : ''}`,
        detail: { before: { status: r.status }, after: { status: after.status } },
      });
      return this.records.detail(tx, meta.actor, after);
    });
  }

  async submit(meta: RequestMeta, id: string) {
    return this.step(
      meta,
      id,
      'submit',
      reason('fieldwork.stepSubmit'),
      ['draft', 'rejected'],
      (now) => ({ status: 'submitted', submitted_at: now, reviewed_at: null, reviewer_id: null, review_note: null }),
      async (tx, r) => {
        const leads = (await this.d.users.list(tx, { orgId: r.customer_id }))
          .filter((u) => u.roles.includes('customer_lead'))
          .map((u) => u.id);
        const sm = await this.d.projects.serviceManagerOf(tx, r.project_id);
        await this.d.notifications.notify(tx, [...leads, sm], {
          kind: 'om_record.submitted',
          text: (locale) => recordSubmittedText(locale, r),
          ticketId: null,
          sourceKey: `om_submit:${r.id}:${r.submitted_at}`,
        });
      },
    );
  }

  async review(meta: RequestMeta, id: string, note: string | undefined) {
    return this.step(meta, id, 'review', reason('fieldwork.stepReview'), ['submitted'], (now) => ({
      reviewed_at: now,
      reviewer_id: meta.actor.userId,
      review_note: note ?? null,
    }));
  }

  async reject(meta: RequestMeta, id: string, why: string) {
    return this.step(
      meta,
      id,
      'reject',
      reason('fieldwork.stepReject'),
      ['submitted'],
      (now) => ({ status: 'rejected', rejected_at: now, rejector_id: meta.actor.userId, reject_reason: why }),
      (tx, r) =>
        this.d.notifications.notify(tx, [r.author_id], {
          kind: 'om_record.rejected',
          text: (locale) => recordRejectedText(locale, r, why),
          ticketId: null,
          sourceKey: `om_reject:${r.id}:${r.rejected_at}`,
        }),
    );
  }

  /**
   * The project lead signs one record or a batch with one drawn signature. Each record is frozen and
   * appended to the chain; a signed correction marks the version it corrects as superseded.
   */
  async sign(meta: RequestMeta, recordIds: string[], signatureDataUrl: string) {
    const png = Buffer.from(signatureDataUrl.slice(signatureDataUrl.indexOf(',') + 1), 'base64');
    if (png.length < 100 || !png.subarray(0, 8).equals(PNG_MAGIC)) throw invalid('signature', 'fieldwork.badSignature');
    const now = this.d.now();
    const ids = [...new Set(recordIds)];
    const sha = createHash('sha256').update(png).digest('hex');
    // The image is stored once the first record is known and may be signed (a later refusal removes it again).
    let rel: string | null = null;
    return new FileStore(this.d.dataDir).writing((put) =>
      this.db.transaction().execute(async (tx) => {
        const out = [];
        for (const id of ids) {
          const r = await this.records.visible(tx, meta.actor, id).catch(() => {
            throw invalid('recordIds', 'fieldwork.unknownRecord', { id });
          });
          const label = reason('fieldwork.stepSign', { number: r.number });
          await this.records.must(tx, meta.actor, r, 'sign', label);
          rel ??= put('signatures', png, now, '.png');
          const head = await this.repo.chainHead(tx);
          const seq = Number(head.seq) + 1;
          const signed: OmRecordsTable = {
            ...stripNames(r),
            status: 'signed',
            signed_at: now,
            signer_id: meta.actor.userId,
            signer_ip: meta.ip,
            signature_path: rel,
            signature_sha256: sha,
            chain_seq: seq,
            prev_hash: head.hash,
            updated_at: now,
          };
          signed.content_hash = recordDigest(head.hash, signed);
          if (
            !(await this.repo.moveRecord(tx, id, ['submitted'], {
              status: 'signed',
              signed_at: now,
              signer_id: meta.actor.userId,
              signer_ip: meta.ip,
              signature_path: rel,
              signature_sha256: sha,
              chain_seq: seq,
              prev_hash: head.hash,
              content_hash: signed.content_hash,
              updated_at: now,
            }))
          )
            throw new AppError('ACTION_NOT_ALLOWED', { action: label });
          await this.repo.moveChainHead(tx, seq, signed.content_hash);
          if (r.supersedes_id)
            await this.repo.moveRecord(tx, r.supersedes_id, ['signed'], { status: 'superseded', updated_at: now });
          await this.d.notifications.notify(tx, [r.author_id], {
            kind: 'om_record.signed',
            text: (locale) => recordSignedText(locale, r, meta.actor.displayName),
            ticketId: null,
            sourceKey: `om_sign:${r.id}`,
          });
          await this.d.audit.record(tx, meta, {
            action: 'om_record.sign',
            targetType: 'om_record',
            targetId: id,
            summary: `签字确认运维记录 ${r.number} v${r.version}${ids.length > 1 ? `（批量 ${ids.length} 条）` : ''}`,
            detail: {
              before: { status: r.status },
              after: { status: 'signed', chainSeq: seq, contentHash: signed.content_hash, signatureSha256: sha },
            },
          });
          out.push(await this.records.detail(tx, meta.actor, (await this.repo.record(tx, id))!));
        }
        return { items: out };
      }),
    );
  }
}

/** The table row without the joined names. */
function stripNames(r: RecordRow): OmRecordsTable {
  const { project_name: _p, author_name: _a, signer_name: _s, reviewer_name: _r, rejector_name: _j, ...row } = r;
  return row;
}
