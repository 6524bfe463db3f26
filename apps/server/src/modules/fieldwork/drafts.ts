import type { OmRecordAmend, OmRecordCreate, OmRecordUpdate } from '@weibao/schema';
import { label } from '@weibao/schema/labels';
import type { z } from 'zod';
import { nextCounter } from '../../db/counters.js';
import type { Tx } from '../../db/dialect.js';
import type { OmRecordsTable } from '../../db/types.js';
import type { RequestMeta } from '../../lib/actor.js';
import { AppError, invalid } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { reason } from '../../lib/messages/text.js';
import { beijingYear } from '../../lib/time.js';
import type { FieldworkDeps } from './deps.js';
import { type RecordRow, parseList, recordFacts } from './record-view.js';
import type { RecordService } from './records.js';

type Fields = z.infer<typeof OmRecordUpdate>;

/**
 * Writing O&M records (R15): a draft with its check-ins, tickets and headcount, edits while it is a
 * draft or returned, and a correction of a signed record as a new version with a reason.
 */
export class RecordDrafts {
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

  /** Validates links and derives staff names and headcount from the check-ins the record covers. */
  private async derive(
    tx: Tx,
    projectId: string,
    f: Required<Pick<Fields, 'visitIds' | 'ticketIds' | 'extraStaff'>> & Fields,
  ) {
    const visits = await this.repo.visitsByIds(tx, [...new Set(f.visitIds)]);
    if (visits.length !== new Set(f.visitIds).size || visits.some((v) => v.project_id !== projectId))
      throw invalid('visitIds', 'fieldwork.visitsOutsideProject');
    const tickets = await this.repo.ticketsByIds(tx, [...new Set(f.ticketIds)]);
    if (tickets.length !== new Set(f.ticketIds).size || tickets.some((t) => t.project_id !== projectId))
      throw invalid('ticketIds', 'fieldwork.ticketsOutsideProject');
    const engineers = [...new Map(visits.map((v) => [v.engineer_id, v.engineer_name])).values()];
    const staff = [...new Set([...engineers, ...f.extraStaff])];
    const derived = staff.length;
    const headcount = f.headcount ?? derived;
    if (headcount !== derived && !f.headcountReason)
      throw new AppError('REASON_REQUIRED', { action: reason('fieldwork.changeHeadcount') }, 'headcountReason');
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
    if (end < start) throw invalid('serviceEnd', 'fieldwork.serviceEndBeforeStart');
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
      if (!project) throw invalid('projectId', 'common.unknownProject');
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
          : `新建运维记录 ${number}（${label('recordKind', input.kind)}，${project.name}）`,
        detail: {
          ...(amend ? { before: recordFacts(amend.from), supersedes: amend.from.id } : {}),
          after: recordFacts(row),
        },
      });
      return this.records.detail(tx, meta.actor, (await this.repo.record(tx, row.id))!);
    };
    return amend ? run(amend.tx) : outer ? run(outer) : this.db.transaction().execute(run);
  }

  async update(meta: RequestMeta, id: string, input: Fields) {
    const now = this.d.now();
    return this.db.transaction().execute(async (tx) => {
      const r = await this.records.visible(tx, meta.actor, id);
      await this.records.must(tx, meta.actor, r, 'edit', reason('fieldwork.stepEdit'));
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
      return this.records.detail(tx, meta.actor, after);
    });
  }

  /** A correction of a signed record: a new draft version with the reason; the signed one stays until it is signed. */
  async amend(meta: RequestMeta, id: string, input: z.infer<typeof OmRecordAmend>) {
    return this.db.transaction().execute(async (tx) => {
      const r = await this.records.visible(tx, meta.actor, id);
      await this.records.must(tx, meta.actor, r, 'amend', reason('fieldwork.stepAmend'));
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
}
