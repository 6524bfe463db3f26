import { createHash } from 'node:crypto';
import {
  type OmRecordAmend,
  type OmRecordCreate,
  type OmRecordQuery,
  type OmRecordUpdate,
  labelMap,
} from '@weibao/schema';
import type { z } from 'zod';
import { nextCounter } from '../../db/counters.js';
import type { Tx } from '../../db/dialect.js';
import type { OmRecordsTable } from '../../db/types.js';
import { type Actor, type RequestMeta, hasRole, isCustomer } from '../../lib/actor.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { FileStore } from '../../lib/files.js';
import { newId } from '../../lib/ids.js';
import { decodeAtId, keysetPage } from '../../lib/keyset.js';
import { beijingYear } from '../../lib/time.js';
import { type ChainProblem, checkLink, recordDigest } from './chain.js';
import type { FieldworkDeps } from './deps.js';
import {
  type RecordAction,
  type RecordRow,
  parseList,
  presentRecordSummary,
  recordActions,
  recordFacts,
} from './record-view.js';
import { FieldworkRepository } from './repository.js';
import { recordRejectedText, recordSignedText, recordSubmittedText } from './texts.js';
import { isForgotten } from './time.js';

type Fields = z.infer<typeof OmRecordUpdate>;
const KIND_ZH: Record<string, string> = labelMap('recordKind');
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * O&M records (运维记录, R15): engineers draft and submit, the service manager may review, the
 * customer's project lead signs (one or a batch) or rejects with a reason. Signing freezes a record
 * into a hash chain; a correction is a new version with a reason that must be signed again.
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

  private async must(db: Tx, actor: Actor, r: RecordRow, action: RecordAction, label: string) {
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
    const after = decodeAtId(q.cursor, '无效的分页游标 / bad cursor');
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

  /** Validates links and derives staff names and headcount from the check-ins the record covers. */
  private async derive(
    tx: Tx,
    projectId: string,
    f: Required<Pick<Fields, 'visitIds' | 'ticketIds' | 'extraStaff'>> & Fields,
  ) {
    const visits = await this.repo.visitsByIds(tx, [...new Set(f.visitIds)]);
    if (visits.length !== new Set(f.visitIds).size || visits.some((v) => v.project_id !== projectId))
      throw invalid('visitIds', '签到记录不属于该项目 / check-ins must belong to the project');
    const tickets = await this.repo.ticketsByIds(tx, [...new Set(f.ticketIds)]);
    if (tickets.length !== new Set(f.ticketIds).size || tickets.some((t) => t.project_id !== projectId))
      throw invalid('ticketIds', '工单不属于该项目 / tickets must belong to the project');
    const engineers = [...new Map(visits.map((v) => [v.engineer_id, v.engineer_name])).values()];
    const staff = [...new Set([...engineers, ...f.extraStaff])];
    const derived = staff.length;
    const headcount = f.headcount ?? derived;
    if (headcount !== derived && !f.headcountReason)
      throw new AppError('REASON_REQUIRED', { action: '修改人数 / change the headcount' }, 'headcountReason');
    return {
      visit_ids_json: JSON.stringify(visits.map((v) => v.id)),
      ticket_ids_json: JSON.stringify(f.ticketIds),
      staff_names_json: JSON.stringify(staff),
      extra_staff_json: JSON.stringify(f.extraStaff),
      headcount,
      headcount_derived: derived,
      headcount_reason: headcount !== derived ? f.headcountReason! : null,
    };
  }

  private checkTimes(start: number, end: number) {
    if (end < start) throw invalid('serviceEnd', '服务结束时间早于开始时间 / service end is before its start');
  }

  /** `outer`: run inside the caller's transaction (an inspection task finishing writes its record). */
  async create(
    meta: RequestMeta,
    input: z.infer<typeof OmRecordCreate>,
    amend?: { from: RecordRow; reason: string; tx: Tx },
    outer?: Tx,
  ) {
    const now = this.d.now();
    this.checkTimes(input.serviceStart, input.serviceEnd);
    const run = async (tx: Tx) => {
      const project = await this.d.projects.project(tx, input.projectId);
      if (!project) throw invalid('projectId', '项目不存在 / unknown project');
      const derived = await this.derive(tx, project.id, input);
      const year = beijingYear(input.serviceStart);
      const number = amend
        ? amend.from.number
        : `YW-${year}-${String(await nextCounter(tx, `omrecord-${year}`)).padStart(6, '0')}`;
      const row: OmRecordsTable = {
        id: newId(now),
        number,
        version: amend ? amend.from.version + 1 : 1,
        supersedes_id: amend?.from.id ?? null,
        amend_reason: amend?.reason ?? null,
        project_id: project.id,
        customer_id: project.customer_id,
        kind: input.kind,
        status: 'draft',
        service_start: input.serviceStart,
        service_end: input.serviceEnd,
        location: input.location,
        content: input.content,
        result: input.result,
        ...derived,
        author_id: meta.actor.userId,
        created_at: now,
        updated_at: now,
        submitted_at: null,
        reviewed_at: null,
        reviewer_id: null,
        review_note: null,
        rejected_at: null,
        rejector_id: null,
        reject_reason: null,
        signed_at: null,
        signer_id: null,
        signer_ip: null,
        signature_path: null,
        signature_sha256: null,
        chain_seq: null,
        prev_hash: null,
        content_hash: null,
      };
      await this.repo.insertRecord(tx, row);
      await this.d.audit.record(tx, meta, {
        action: amend ? 'om_record.amend' : 'om_record.create',
        targetType: 'om_record',
        targetId: row.id,
        summary: amend
          ? `更正运维记录 ${number}：v${amend.from.version} → v${row.version}，原因：${amend.reason}`
          : `新建运维记录 ${number}（${KIND_ZH[input.kind]}，${project.name}）`,
        detail: {
          ...(amend ? { before: recordFacts(amend.from), supersedes: amend.from.id } : {}),
          after: recordFacts(row),
        },
      });
      return this.detail(tx, meta.actor, (await this.repo.record(tx, row.id))!);
    };
    return amend ? run(amend.tx) : outer ? run(outer) : this.db.transaction().execute(run);
  }

  async update(meta: RequestMeta, id: string, input: Fields) {
    const now = this.d.now();
    return this.db.transaction().execute(async (tx) => {
      const r = await this.visible(tx, meta.actor, id);
      await this.must(tx, meta.actor, r, 'edit', '修改 / edit');
      const merged = {
        kind: input.kind ?? (r.kind as 'daily'),
        serviceStart: input.serviceStart ?? r.service_start,
        serviceEnd: input.serviceEnd ?? r.service_end,
        location: input.location ?? r.location,
        content: input.content ?? r.content,
        result: input.result ?? r.result,
        visitIds: input.visitIds ?? parseList(r.visit_ids_json),
        ticketIds: input.ticketIds ?? parseList(r.ticket_ids_json),
        extraStaff: input.extraStaff ?? parseList(r.extra_staff_json),
        headcount: input.headcount ?? (r.headcount_reason ? r.headcount : undefined),
        headcountReason: input.headcountReason ?? r.headcount_reason ?? undefined,
      };
      this.checkTimes(merged.serviceStart, merged.serviceEnd);
      const derived = await this.derive(tx, r.project_id, merged);
      await this.repo.updateRecord(tx, id, {
        kind: merged.kind,
        service_start: merged.serviceStart,
        service_end: merged.serviceEnd,
        location: merged.location,
        content: merged.content,
        result: merged.result,
        ...derived,
        updated_at: now,
      });
      const after = (await this.repo.record(tx, id))!;
      await this.d.audit.record(tx, meta, {
        action: 'om_record.update',
        targetType: 'om_record',
        targetId: id,
        summary: `修改运维记录 ${r.number} v${r.version}`,
        detail: { before: recordFacts(r), after: recordFacts(after) },
      });
      return this.detail(tx, meta.actor, after);
    });
  }

  /** A status step: permission, a conditional move (a concurrent step cannot also win), audit, notification. */
  private async step(
    meta: RequestMeta,
    id: string,
    action: RecordAction,
    label: string,
    from: string[],
    patch: (now: number) => Partial<OmRecordsTable>,
    notify?: (tx: Tx, r: RecordRow) => Promise<unknown>,
  ) {
    const now = this.d.now();
    return this.db.transaction().execute(async (tx) => {
      const r = await this.visible(tx, meta.actor, id);
      await this.must(tx, meta.actor, r, action, label);
      if (!(await this.repo.moveRecord(tx, id, from, { ...patch(now), updated_at: now })))
        throw new AppError('ACTION_NOT_ALLOWED', { action: label });
      const after = (await this.repo.record(tx, id))!;
      await notify?.(tx, after);
      await this.d.audit.record(tx, meta, {
        action: `om_record.${action}`,
        targetType: 'om_record',
        targetId: id,
        summary: `${label.split(' / ')[0]}运维记录 ${r.number} v${r.version}：${r.status} → ${after.status}${after.reject_reason && action === 'reject' ? `，原因：${after.reject_reason}` : ''}`,
        detail: { before: { status: r.status }, after: { status: after.status } },
      });
      return this.detail(tx, meta.actor, after);
    });
  }

  async submit(meta: RequestMeta, id: string) {
    return this.step(
      meta,
      id,
      'submit',
      '提交 / submit',
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
    return this.step(meta, id, 'review', '审核 / review', ['submitted'], (now) => ({
      reviewed_at: now,
      reviewer_id: meta.actor.userId,
      review_note: note ?? null,
    }));
  }

  async reject(meta: RequestMeta, id: string, reason: string) {
    return this.step(
      meta,
      id,
      'reject',
      '退回 / reject',
      ['submitted'],
      (now) => ({ status: 'rejected', rejected_at: now, rejector_id: meta.actor.userId, reject_reason: reason }),
      (tx, r) =>
        this.d.notifications.notify(tx, [r.author_id], {
          kind: 'om_record.rejected',
          text: (locale) => recordRejectedText(locale, r, reason),
          ticketId: null,
          sourceKey: `om_reject:${r.id}:${r.rejected_at}`,
        }),
    );
  }

  /** A correction of a signed record: a new draft version with the reason; the signed one stays until it is signed. */
  async amend(meta: RequestMeta, id: string, input: z.infer<typeof OmRecordAmend>) {
    return this.db.transaction().execute(async (tx) => {
      const r = await this.visible(tx, meta.actor, id);
      await this.must(tx, meta.actor, r, 'amend', '更正 / amend');
      const { amendReason, ...fields } = input;
      return this.create(
        meta,
        {
          projectId: r.project_id,
          kind: fields.kind ?? (r.kind as 'daily'),
          serviceStart: fields.serviceStart ?? r.service_start,
          serviceEnd: fields.serviceEnd ?? r.service_end,
          location: fields.location ?? r.location,
          content: fields.content ?? r.content,
          result: fields.result ?? r.result,
          visitIds: fields.visitIds ?? parseList(r.visit_ids_json),
          ticketIds: fields.ticketIds ?? parseList(r.ticket_ids_json),
          extraStaff: fields.extraStaff ?? parseList(r.extra_staff_json),
          headcount: fields.headcount ?? (r.headcount_reason ? r.headcount : undefined),
          headcountReason: fields.headcountReason ?? r.headcount_reason ?? undefined,
        },
        { from: r, reason: amendReason, tx },
      );
    });
  }

  /**
   * The project lead signs one record or a batch with one drawn signature. Each record is frozen and
   * appended to the chain; a signed correction marks the version it corrects as superseded.
   */
  async sign(meta: RequestMeta, recordIds: string[], signatureDataUrl: string) {
    const png = Buffer.from(signatureDataUrl.slice(signatureDataUrl.indexOf(',') + 1), 'base64');
    if (png.length < 100 || !png.subarray(0, 8).equals(PNG_MAGIC))
      throw invalid('signature', '签名图片无效 / the signature is not a PNG image');
    const now = this.d.now();
    const ids = [...new Set(recordIds)];
    const sha = createHash('sha256').update(png).digest('hex');
    // The image is stored once the first record is known and may be signed (a later refusal removes it again).
    let rel: string | null = null;
    return new FileStore(this.d.dataDir).writing((put) =>
      this.db.transaction().execute(async (tx) => {
        const out = [];
        for (const id of ids) {
          const r = await this.visible(tx, meta.actor, id).catch(() => {
            throw invalid('recordIds', `记录不存在 / unknown record ${id}`);
          });
          await this.must(tx, meta.actor, r, 'sign', `签字确认 ${r.number} / sign ${r.number}`);
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
            throw new AppError('ACTION_NOT_ALLOWED', { action: `签字确认 ${r.number} / sign ${r.number}` });
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
          out.push(await this.detail(tx, meta.actor, (await this.repo.record(tx, id))!));
        }
        return { items: out };
      }),
    );
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

/** The table row without the joined names. */
function stripNames(r: RecordRow): OmRecordsTable {
  const { project_name: _p, author_name: _a, signer_name: _s, reviewer_name: _r, rejector_name: _j, ...row } = r;
  return row;
}
