import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { AdjustmentInput, ChecklistItem, FindingTicketInput, ResultInput } from '@weibao/schema';
import { label } from '@weibao/schema/labels';
import type { z } from 'zod';
import type { Tx } from '../../db/dialect.js';
import { type Actor, type RequestMeta, hasRole, isCustomer } from '../../lib/actor.js';
import { AppError, forbidden, invalid, notFound } from '../../lib/errors.js';
import { FileStore } from '../../lib/files.js';
import { newId } from '../../lib/ids.js';
import { reason } from '../../lib/messages/text.js';
import type { RecordDrafts } from '../fieldwork/drafts.js';
import type { RecordService } from '../fieldwork/records.js';
import type { TicketService } from '../tickets/service.js';
import type { InspectionService } from './service.js';

/** An item's outcome as the audit trail and the record write it (Chinese). */
const outcomeZh = (o: string) => label('inspectionOutcome', o);
/** An item in a refusal: by its title in Chinese, by its key in English (titles are written in Chinese). */
const named = (i: ChecklistItem) => ({ item: { 'zh-CN': i.title, en: i.key } });

/**
 * Running an inspection task on site (R16): each item pass / fail / not applicable with the measured
 * value, a note and a photo; parameter changes as before → after with a reason; a failed item opens
 * a ticket in one step. Results are saved one by one, so a run survives a lost connection and is
 * resumed where it stopped. Finishing writes an O&M record of kind `inspection`, which the
 * customer's project lead signs through the one signing path of the records.
 */
export class InspectionExecution {
  constructor(
    private readonly d: {
      inspections: InspectionService;
      tickets: TicketService;
      records: Pick<RecordService, 'recordRow'>;
      drafts: Pick<RecordDrafts, 'create'>;
      dataDir: string;
    },
  ) {}
  private get svc() {
    return this.d.inspections;
  }
  private get db() {
    return this.svc.db;
  }
  private get now() {
    return this.svc.d.now();
  }

  private async task(db: Tx, actor: Actor, id: string) {
    const t = await this.svc.repo.taskById(db, id);
    if (!t || (isCustomer(actor) && t.customer_id !== actor.orgId)) throw notFound('巡检任务');
    return t;
  }
  /** Only the assigned engineer or the service manager works on a task; it must not be finished or cancelled. */
  private async workable(db: Tx, actor: Actor, id: string) {
    const t = await this.task(db, actor, id);
    if (t.assignee_id !== actor.userId && !hasRole(actor, 'service_manager')) throw forbidden();
    if (t.status === 'done' || t.status === 'cancelled')
      throw new AppError(
        'ACTION_NOT_ALLOWED',
        { action: reason(t.status === 'done' ? 'inspections.changeFinished' : 'inspections.runCancelled') },
        'id',
      );
    return t;
  }
  private async items(db: Tx, versionId: string): Promise<ChecklistItem[]> {
    return JSON.parse((await this.svc.repo.template(db, versionId))!.items_json) as ChecklistItem[];
  }

  async detail(actor: Actor, id: string, db: Tx = this.db) {
    const t = await this.task(db, actor, id);
    const [tpl, results, adjustments, record] = await Promise.all([
      this.svc.template(t.template_version_id, db),
      this.svc.repo.results(db, id),
      this.svc.repo.adjustments(db, id),
      t.record_id ? this.d.records.recordRow(db, t.record_id) : undefined,
    ]);
    return {
      ...this.svc.presentTask(t, this.svc.today()),
      template: tpl,
      startedAt: t.started_at,
      results: results.map((r) => ({
        key: r.item_key,
        outcome: r.outcome as 'pass' | 'fail' | 'na',
        value: r.value === null ? null : Number(r.value),
        note: r.note,
        hasPhoto: !!r.photo_path,
        ticketId: r.ticket_id,
        ticketNumber: r.ticket_number,
        updatedAt: r.updated_at,
        byName: r.by_name ?? '',
      })),
      adjustments: adjustments.map((a) => ({
        id: a.id,
        parameter: a.parameter,
        before: a.before_value,
        after: a.after_value,
        reason: a.reason,
        at: a.at,
        byName: a.by_name ?? '',
      })),
      recordId: t.record_id,
      recordNumber: record?.number ?? null,
      recordStatus: record?.status ?? null,
    };
  }

  private async begin(tx: Tx, t: { id: string; status: string }) {
    if (t.status === 'open')
      await this.svc.repo.updateTask(tx, t.id, { status: 'in_progress', started_at: this.now, updated_at: this.now });
  }

  async saveResult(meta: RequestMeta, id: string, key: string, input: z.infer<typeof ResultInput>) {
    return this.db.transaction().execute(async (tx) => {
      const t = await this.workable(tx, meta.actor, id);
      const item = (await this.items(tx, t.template_version_id)).find((i) => i.key === key);
      if (!item) throw notFound('巡检项目');
      const v = input.value ?? null;
      const outOfRange = v !== null && ((item.min !== null && v < item.min) || (item.max !== null && v > item.max));
      if (outOfRange && input.outcome === 'pass')
        throw invalid('outcome', 'inspections.outOfRange', { value: `${v}${item.unit}` });
      await this.begin(tx, t);
      await this.svc.repo.saveResult(tx, {
        task_id: id,
        item_key: key,
        outcome: input.outcome,
        value: v === null ? null : String(v),
        note: input.note ?? null,
        updated_at: this.now,
        updated_by: meta.actor.userId,
      });
      await this.svc.d.audit.record(tx, meta, {
        action: 'inspection.result',
        targetType: 'inspection_task',
        targetId: id,
        summary: `巡检 ${t.plan_name} ${t.period}：${item.title} ${outcomeZh(input.outcome)}${v === null ? '' : `（${v}${item.unit}）`}`,
        detail: { key, ...input },
      });
      return this.detail(meta.actor, id, tx);
    });
  }

  async photo(meta: RequestMeta, id: string, key: string, file: { mime: string; data: Buffer }) {
    if (!/^image\/(png|jpeg|webp)$/.test(file.mime)) throw invalid('file', 'inspections.photoType');
    return new FileStore(this.d.dataDir).writing((put) =>
      this.db.transaction().execute(async (tx) => {
        // Ids and access first: nothing is stored for a task or item the caller may not work on.
        const t = await this.workable(tx, meta.actor, id);
        const r = (await this.svc.repo.results(tx, id)).find((x) => x.item_key === key);
        if (!r) throw invalid('key', 'inspections.resultFirst');
        const rel = put('inspections', file.data, this.now);
        const sha = createHash('sha256').update(file.data).digest('hex');
        await this.svc.repo.saveResult(tx, {
          task_id: id,
          item_key: key,
          outcome: r.outcome,
          value: r.value,
          note: r.note,
          photo_path: rel,
          photo_sha256: sha,
          updated_at: this.now,
          updated_by: meta.actor.userId,
        });
        await this.svc.d.audit.record(tx, meta, {
          action: 'inspection.photo',
          targetType: 'inspection_task',
          targetId: id,
          summary: `巡检 ${t.plan_name} ${t.period}：${key} 拍照（${file.data.length} 字节）`,
          detail: { key, sha256: sha },
        });
        return this.detail(meta.actor, id, tx);
      }),
    );
  }

  async photoFile(actor: Actor, id: string, key: string) {
    await this.task(this.db, actor, id);
    const r = (await this.svc.repo.results(this.db, id)).find((x) => x.item_key === key);
    if (!r?.photo_path) throw notFound('照片');
    const file = new FileStore(this.d.dataDir).resolve(r.photo_path);
    return { file, mime: imageType(fs.readFileSync(file).subarray(0, 12)) };
  }

  async adjust(meta: RequestMeta, id: string, input: z.infer<typeof AdjustmentInput>) {
    return this.db.transaction().execute(async (tx) => {
      const t = await this.workable(tx, meta.actor, id);
      await this.begin(tx, t);
      const row = {
        id: newId(this.now),
        task_id: id,
        parameter: input.parameter,
        before_value: input.before,
        after_value: input.after,
        reason: input.reason,
        at: this.now,
        by: meta.actor.userId,
      };
      await this.svc.repo.insertAdjustment(tx, row);
      await this.svc.d.audit.record(tx, meta, {
        action: 'inspection.adjust',
        targetType: 'inspection_task',
        targetId: id,
        summary: `巡检调整参数 ${input.parameter}：${input.before} → ${input.after}（${input.reason}）`,
        detail: { after: row },
      });
      return this.detail(meta.actor, id, tx);
    });
  }

  /** A failed item becomes a ticket with the level, the task's project and asset, and the finding, in one step. */
  async findingTicket(meta: RequestMeta, id: string, key: string, input: z.infer<typeof FindingTicketInput>) {
    return this.db.transaction().execute(async (tx) => {
      const t = await this.workable(tx, meta.actor, id);
      const item = (await this.items(tx, t.template_version_id)).find((i) => i.key === key);
      const r = (await this.svc.repo.results(tx, id)).find((x) => x.item_key === key);
      if (!item || !r) throw invalid('key', 'inspections.resultFirst');
      if (r.outcome !== 'fail')
        throw new AppError('ACTION_NOT_ALLOWED', { action: reason('inspections.ticketForPassed') }, 'key');
      if (r.ticket_id) throw new AppError('DUPLICATE', { field: 'key' }, 'key');
      const ticket = await this.d.tickets.create(
        meta,
        {
          projectId: t.project_id,
          title: input.title ?? `巡检发现：${item.title}${t.asset_name ? `（${t.asset_name}）` : ''}`,
          description: [
            `巡检任务 ${t.plan_name} ${t.period}，检查项「${item.title}」不合格。`,
            item.method && `检查方法：${item.method}`,
            (item.expected || item.max !== null || item.min !== null) &&
              `期望：${item.expected || `${item.min ?? ''}–${item.max ?? ''}${item.unit}`}`,
            r.value !== null && `实测：${r.value}${item.unit}`,
            r.note && `说明：${r.note}`,
          ]
            .filter(Boolean)
            .join('\n'),
          level: input.level,
          channel: 'onsite',
          reporterName: meta.actor.displayName,
          reporterPhone: '巡检发现',
          assigneeId: meta.actor.userId,
          ...(t.asset_id ? { assetId: t.asset_id } : {}),
        },
        tx,
      );
      await this.svc.repo.saveResult(tx, {
        task_id: id,
        item_key: key,
        outcome: r.outcome,
        value: r.value,
        note: r.note,
        photo_path: r.photo_path,
        photo_sha256: r.photo_sha256,
        ticket_id: ticket.id,
        updated_at: this.now,
        updated_by: meta.actor.userId,
      });
      await this.svc.d.audit.record(tx, meta, {
        action: 'inspection.ticket',
        targetType: 'inspection_task',
        targetId: id,
        summary: `巡检发现转工单 ${ticket.number}：${item.title}`,
        detail: { key, ticketId: ticket.id },
      });
      return this.detail(meta.actor, id, tx);
    });
  }

  /**
   * Finishing needs every item answered and every required photo; it writes the inspection record
   * (draft, for the engineer to submit for the lead's signature) and, for an annual task, the
   * asset's yearly inspection (R5).
   */
  async finish(meta: RequestMeta, id: string, summary: string | undefined) {
    return this.db.transaction().execute(async (tx) => {
      const t = await this.workable(tx, meta.actor, id);
      const items = await this.items(tx, t.template_version_id);
      const results = new Map((await this.svc.repo.results(tx, id)).map((r) => [r.item_key, r]));
      const missing = items.findIndex((i) => !results.has(i.key));
      if (missing >= 0)
        throw invalid(`results.${items[missing]!.key}`, 'inspections.notChecked', named(items[missing]!));
      const noPhoto = items.findIndex(
        (i) => i.photoRequired && results.get(i.key)!.outcome !== 'na' && !results.get(i.key)!.photo_path,
      );
      if (noPhoto >= 0)
        throw invalid(`results.${items[noPhoto]!.key}`, 'inspections.photoMissing', named(items[noPhoto]!));
      const adjustments = await this.svc.repo.adjustments(tx, id);
      const failed = items.filter((i) => results.get(i.key)!.outcome === 'fail');
      const count = (o: string) => items.filter((i) => results.get(i.key)!.outcome === o).length;
      const content = [
        `巡检任务：${t.plan_name}（${t.period}，应于 ${t.due_on} 前完成）${t.asset_name ? `，设备：${t.asset_name}` : ''}`,
        `检查 ${items.length} 项：合格 ${count('pass')}，不合格 ${count('fail')}，不适用 ${count('na')}。`,
        ...items.map((i, n) => {
          const r = results.get(i.key)!;
          return `${n + 1}. ${i.title}：${outcomeZh(r.outcome)}${r.value !== null ? `（${r.value}${i.unit}）` : ''}${r.note ? `，${r.note}` : ''}`;
        }),
        ...(adjustments.length
          ? [
              '参数调整：',
              ...adjustments.map((a) => `- ${a.parameter}：${a.before_value} → ${a.after_value}（${a.reason}）`),
            ]
          : []),
      ].join('\n');
      const ticketIds = [...results.values()].map((r) => r.ticket_id).filter((x): x is string => !!x);
      const result =
        summary ||
        (failed.length
          ? `发现 ${failed.length} 项问题：${failed.map((i) => i.title).join('、')}${ticketIds.length ? `，已转工单 ${ticketIds.length} 张` : ''}`
          : '全部检查项正常');
      const record = await this.d.drafts.create(
        meta,
        {
          projectId: t.project_id,
          kind: 'inspection',
          serviceStart: t.started_at ?? this.now,
          serviceEnd: this.now,
          location: t.asset_name ?? t.project_name,
          content,
          result,
          visitIds: [],
          ticketIds,
          extraStaff: [meta.actor.displayName],
        },
        undefined,
        tx,
      );
      const today = this.svc.today();
      await this.svc.repo.updateTask(tx, id, {
        status: 'done',
        done_on: today,
        record_id: record.id,
        started_at: t.started_at ?? this.now,
        updated_at: this.now,
      });
      if (t.asset_id)
        await this.svc.d.assets.recordInspection(
          meta,
          t.asset_id,
          { doneOn: today, note: `巡检任务 ${t.plan_name}：${result}`.slice(0, 1000) },
          tx,
        );
      await this.svc.d.audit.record(tx, meta, {
        action: 'inspection.finish',
        targetType: 'inspection_task',
        targetId: id,
        summary: `完成巡检 ${t.plan_name} ${t.period}：${result}，巡检记录 ${record.number}`,
        detail: { recordId: record.id, failed: failed.map((i) => i.key), adjustments: adjustments.length },
      });
      return this.detail(meta.actor, id, tx);
    });
  }
}

/** The stored photo's type from its first bytes (only PNG, JPEG and WebP are accepted on upload). */
function imageType(head: Buffer): string {
  if (head.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))) return 'image/png';
  if (head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image/jpeg';
  if (head.subarray(0, 4).toString() === 'RIFF' && head.subarray(8, 12).toString() === 'WEBP') return 'image/webp';
  return 'application/octet-stream';
}
