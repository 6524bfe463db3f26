import { createHash } from 'node:crypto';
import path from 'node:path';
import type {
  AcceptanceCreate,
  AssetCreate,
  AssetListQuery,
  AssetSort,
  AssetUpdate,
  InspectionCreate,
  InspectionDueQuery,
} from '@weibao/schema';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import type { AssetsTable } from '../../db/types.js';
import { type Actor, type RequestMeta, isCustomer } from '../../lib/actor.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { addDays } from '../../lib/dates.js';
import { FileStore } from '../../lib/files.js';
import { newId } from '../../lib/ids.js';
import { decodeCursor, keysetPage } from '../../lib/keyset.js';
import { beijingDay } from '../../lib/time.js';
import type { AuditService } from '../audit/service.js';
import type { NotificationService } from '../notifications/service.js';
import type { ProjectService } from '../projects/service.js';
import { presentAsset } from './present.js';
import { type AssetCursor, AssetRepository, type AssetRow, SORT_COLUMN, type SortDir } from './repository.js';
import { RepairRepository } from './repair-repository.js';
import { warrantyReminderText } from './texts.js';
import { annualInspections, inspectionStart, warrantyEnd } from './warranty.js';

export interface AssetDeps {
  database: Database;
  audit: AuditService;
  projects: ProjectService;
  notifications: NotificationService;
  now: () => number;
  dataDir: string;
}
export const DEFAULT_WARRANTY_MONTHS = 36;
/** Reminder thresholds in days before the warranty ends, nearest first (claimed in this order). */
export const REMINDER_DAYS = [7, 30, 90] as const;

/** Keyset cursor values: the sort, its direction, the last row's sort value and id. */
const cursorKey = (sort: AssetSort, dir: SortDir, r: AssetRow) => [
  sort,
  dir,
  sort === 'recent' ? null : (r[SORT_COLUMN[sort].slice(7) as keyof AssetRow] as string | null),
  r.id,
];
/** A cursor only continues the order it was made for; anything else is a 400 naming `cursor`. */
function parseCursor(c: string | undefined, sort: AssetSort, dir: SortDir): AssetCursor | null {
  const v = decodeCursor(c, [{ is: sort }, { is: dir }, sort === 'recent' ? 'null' : 'string', 'id']);
  if (!v) return null;
  return sort === 'recent' ? { sort, id: v[3] } : { sort, value: v[2]!, id: v[3] };
}

/** The asset ledger (资产台账): items, acceptances, warranty ends, annual inspections and reminders (R1, R5). */
export class AssetService {
  readonly repo: AssetRepository;
  readonly repairs = new RepairRepository();
  /** A project's assets in service, for the annual inspection plan (inspections/service.ts). */
  async inServiceOf(db: Tx, projectId: string) {
    return this.repo.page(db, { projectId, state: 'in_service' }, 'recent', null, 1_000_000);
  }
  constructor(readonly d: AssetDeps) {
    this.repo = new AssetRepository(d.database.dialect);
  }
  get db() {
    return this.d.database.db;
  }
  today() {
    return beijingDay(this.d.now());
  }

  /** The asset if the actor may see it: provider staff see all, customers their own organisation's. */
  async visible(db: Tx, actor: Actor, id: string): Promise<AssetRow> {
    const a = await this.repo.get(db, id);
    if (!a || (isCustomer(actor) && a.customer_id !== actor.orgId)) throw notFound('资产');
    return a;
  }

  /** Warranty term and replacement policy of the project's current contract (R1, R4). */
  async terms(db: Tx, projectId: string) {
    const c = (await this.d.projects.contracts(db, projectId))[0];
    return {
      months: c?.warranty_months ?? DEFAULT_WARRANTY_MONTHS,
      policy: (c?.part_extension ?? 'downtime') as 'downtime' | 'restart',
      labourRateCents: Number(c?.labour_rate_cents ?? 0),
    };
  }

  async list(actor: Actor, q: z.infer<typeof AssetListQuery>) {
    if (q.projectId) await this.d.projects.visibleProject(this.db, actor, q.projectId);
    const today = this.today();
    const endFrom =
      q.warranty === 'expired'
        ? undefined
        : q.warranty === 'in_warranty'
          ? addDays(today, 91)
          : q.warranty || q.endingWithinDays !== undefined
            ? today
            : undefined;
    const endTo =
      q.warranty === 'expired'
        ? addDays(today, -1)
        : q.warranty === 'expiring'
          ? addDays(today, 90)
          : q.endingWithinDays !== undefined
            ? addDays(today, q.endingWithinDays)
            : undefined;
    // Warranty questions are about items in use: replaced and retired ones only when asked for.
    const state =
      q.state ??
      (q.warranty || q.endingWithinDays !== undefined || q.sort === 'warranty_end' ? 'in_service' : undefined);
    const filter = {
      projectId: q.projectId,
      customerId: isCustomer(actor) ? actor.orgId : q.customerId,
      kind: q.kind,
      state,
      q: q.q,
      endFrom,
      endTo,
    };
    // Not accepted: no warranty end, so a warranty-end order has nothing to sort by; a date window implies that order.
    const notAccepted = q.warranty === 'not_accepted';
    const sort: AssetSort = notAccepted
      ? q.sort === 'warranty_end'
        ? 'recent'
        : q.sort
      : endFrom || endTo
        ? 'warranty_end'
        : q.sort;
    const dir: SortDir = q.order ?? (sort === 'recent' ? 'desc' : 'asc');
    const scope = notAccepted ? { ...filter, endFrom: undefined, endTo: undefined, notAccepted: true } : filter;
    const rows = await this.repo.page(this.db, scope, sort, parseCursor(q.cursor, sort, dir), q.limit, dir);
    return this.pageOf(rows, q.limit, sort, dir, today);
  }
  private pageOf(rows: AssetRow[], limit: number, sort: AssetSort, dir: SortDir, today: string) {
    const { items, nextCursor } = keysetPage(rows, limit, (r) => cursorKey(sort, dir, r));
    return { items: items.map((r) => presentAsset(r, today)), nextCursor };
  }

  async detail(actor: Actor, id: string, db: Tx = this.db) {
    const a = await this.visible(db, actor, id);
    const today = this.today();
    const [parts, done, steps] = await Promise.all([
      this.repo.children(db, id),
      this.repo.inspections(db, id),
      this.warrantyHistory(db, a),
    ]);
    const annual = annualInspections(
      inspectionStart(a),
      a.warranty_end,
      done.map((i) => i.done_on),
      today,
    );
    return {
      ...presentAsset(a, today),
      parts: parts.map((p) => presentAsset(p, today)),
      warrantyHistory: steps,
      annualInspections: annual.years,
      inspections: done.map((i) => ({
        id: i.id,
        assetId: i.asset_id,
        doneOn: i.done_on,
        note: i.note,
        byName: i.by_name ?? '',
        ticketId: i.ticket_id,
        createdAt: i.created_at,
      })),
    };
  }

  /** Acceptance, then every replacement of this position (R4): the original end and each extended one. */
  async warrantyHistory(db: Tx, a: AssetRow) {
    const chain = [a.id];
    for (let cur = a.replaces_id; cur && chain.length < 100;) {
      chain.push(cur);
      cur = (await this.repo.get(db, cur))?.replaces_id ?? null;
    }
    const reps = await this.repairs.replacementsInto(db, chain);
    const first = {
      on: a.accepted_on,
      kind: 'acceptance' as const,
      end: a.original_end,
      extendedByDays: 0,
      ticketId: null,
      ticketNumber: null,
      oldSerial: null,
      newSerial: null,
    };
    return [
      ...(first.on && first.end ? [{ ...first, on: first.on, end: first.end }] : []),
      ...reps
        .map((r) => ({
          on: r.replaced_on,
          kind: r.policy as 'downtime' | 'restart',
          end: r.new_end ?? '',
          extendedByDays: r.extended_by_days,
          ticketId: r.ticket_id,
          ticketNumber: r.ticket_number,
          oldSerial: r.old_serial,
          newSerial: r.new_serial,
        }))
        .filter((s) => s.end),
    ];
  }

  /** A new ledger row for `projectId`, with its warranty end and first annual inspection computed. */
  async buildRow(
    db: Tx,
    projectId: string,
    customerId: string,
    input: z.infer<typeof AssetCreate>,
    acceptance: { id: string; accepted_on: string } | null,
    months: number,
    by: string,
    now: number,
  ): Promise<AssetsTable> {
    const end = acceptance ? warrantyEnd(acceptance.accepted_on, months) : null;
    return {
      id: newId(now),
      project_id: projectId,
      customer_id: customerId,
      kind: input.kind,
      type: input.type,
      name: input.name,
      model: input.model,
      serial: input.serial,
      tag: input.tag ?? null,
      location: input.location ?? null,
      supplier: input.supplier ?? null,
      parent_id: input.parentId ?? null,
      acceptance_id: acceptance?.id ?? null,
      accepted_on: acceptance?.accepted_on ?? null,
      warranty_months: months,
      original_end: end,
      warranty_end: end,
      state: 'in_service',
      replaces_id: null,
      replaced_by_id: null,
      installed_on: null,
      next_inspection_due: annualInspections(acceptance?.accepted_on ?? null, end, [], this.today()).nextDue,
      warranty_alerted: null,
      created_at: now,
      created_by: by,
      updated_at: now,
    };
  }

  async create(meta: RequestMeta, projectId: string, input: z.infer<typeof AssetCreate>) {
    return this.db.transaction().execute(async (tx) => {
      const p = await this.d.projects.visibleProject(tx, meta.actor, projectId);
      const acceptance = input.acceptanceId ? await this.acceptanceIn(tx, projectId, input.acceptanceId) : null;
      if (input.parentId) await this.parentIn(tx, projectId, input.parentId);
      if (await this.repo.bySerial(tx, projectId, input.serial))
        throw new AppError('DUPLICATE', { field: 'serial' }, 'serial');
      const months = input.warrantyMonths ?? (await this.terms(tx, projectId)).months;
      const row = await this.buildRow(
        tx,
        projectId,
        p.customer_id,
        input,
        acceptance,
        months,
        meta.actor.userId,
        this.d.now(),
      );
      await this.repo.insert(tx, [row]);
      await this.d.audit.record(tx, meta, {
        action: 'asset.create',
        targetType: 'asset',
        targetId: row.id,
        summary: `登记资产 ${row.name}（${row.serial}），保修至 ${row.warranty_end ?? '未验收'}`,
        detail: { after: row },
      });
      return presentAsset((await this.repo.get(tx, row.id))!, this.today());
    });
  }

  async update(meta: RequestMeta, id: string, input: z.infer<typeof AssetUpdate>) {
    return this.db.transaction().execute(async (tx) => {
      const before = await this.visible(tx, meta.actor, id);
      if (before.state === 'replaced')
        throw new AppError('ACTION_NOT_ALLOWED', { action: '修改已被更换的资产 / edit a replaced asset' }, 'state');
      if (
        input.serial &&
        input.serial !== before.serial &&
        (await this.repo.bySerial(tx, before.project_id, input.serial))
      )
        throw new AppError('DUPLICATE', { field: 'serial' }, 'serial');
      if (input.parentId) {
        if (input.parentId === id)
          throw invalid('parentId', '不能以自身为上级设备 / an asset cannot be its own parent');
        await this.parentIn(tx, before.project_id, input.parentId);
      }
      if (input.state === 'retired' && !input.reason)
        throw new AppError('REASON_REQUIRED', { action: '报废 / retire' }, 'reason');
      const acceptance = input.acceptanceId
        ? await this.acceptanceIn(tx, before.project_id, input.acceptanceId)
        : input.acceptanceId === null
          ? null
          : undefined;
      const patch: Partial<AssetsTable> = { updated_at: this.d.now() };
      for (const [k, col] of [
        ['kind', 'kind'],
        ['type', 'type'],
        ['name', 'name'],
        ['model', 'model'],
        ['serial', 'serial'],
        ['tag', 'tag'],
        ['location', 'location'],
        ['supplier', 'supplier'],
        ['parentId', 'parent_id'],
      ] as const) {
        if (input[k] !== undefined) (patch as Record<string, unknown>)[col] = input[k];
      }
      if (input.state) patch.state = input.state;
      // Acceptance or term changes recompute the original end; an extension a replacement earned is kept.
      if (acceptance !== undefined || input.warrantyMonths !== undefined) {
        if (before.replaces_id)
          throw invalid(
            'acceptanceId',
            "更换件的验收与保修期随原部件 / a replacement part keeps its position's acceptance and term",
          );
        const acc =
          acceptance === undefined
            ? before.accepted_on
              ? { id: before.acceptance_id!, accepted_on: before.accepted_on }
              : null
            : acceptance;
        const months = input.warrantyMonths ?? before.warranty_months;
        const end = acc ? warrantyEnd(acc.accepted_on, months) : null;
        const done = (await this.repo.inspections(tx, id)).map((i) => i.done_on);
        Object.assign(patch, {
          acceptance_id: acc?.id ?? null,
          accepted_on: acc?.accepted_on ?? null,
          warranty_months: months,
          original_end: end,
          warranty_end: end,
          warranty_alerted: null,
          next_inspection_due: annualInspections(acc?.accepted_on ?? null, end, done, this.today()).nextDue,
        });
      }
      await this.repo.update(tx, id, patch);
      const after = (await this.repo.get(tx, id))!;
      const changed = Object.keys(patch).filter((k) => k !== 'updated_at');
      await this.d.audit.record(tx, meta, {
        action: input.state === 'retired' ? 'asset.retire' : 'asset.update',
        targetType: 'asset',
        targetId: id,
        summary: `${input.state === 'retired' ? '报废' : '修改'}资产 ${after.name}（${after.serial}）${input.reason ? `：${input.reason}` : ''}`,
        detail: {
          before: Object.fromEntries(changed.map((k) => [k, (before as unknown as Record<string, unknown>)[k]])),
          after: Object.fromEntries(changed.map((k) => [k, (after as unknown as Record<string, unknown>)[k]])),
          reason: input.reason ?? null,
        },
      });
      return presentAsset(after, this.today());
    });
  }

  async acceptanceIn(db: Tx, projectId: string, id: string) {
    const a = await this.repo.acceptance(db, id);
    if (!a || a.project_id !== projectId)
      throw invalid('acceptanceId', '验收记录不属于本项目 / acceptance of another project');
    return a;
  }
  private async parentIn(db: Tx, projectId: string, id: string) {
    const p = await this.repo.get(db, id);
    if (!p || p.project_id !== projectId)
      throw invalid('parentId', '上级设备不属于本项目 / parent asset of another project');
    return p;
  }

  // ---------- acceptances (验收) ----------
  async acceptances(actor: Actor, projectId: string) {
    await this.d.projects.visibleProject(this.db, actor, projectId);
    return (await this.repo.acceptances(this.db, projectId)).map((a) => ({
      id: a.id,
      projectId: a.project_id,
      batch: a.batch,
      acceptedOn: a.accepted_on,
      note: a.note,
      documentName: a.doc_name,
      documentSize: a.doc_size === null ? null : Number(a.doc_size),
      assetCount: Number(a.asset_count ?? 0),
      createdAt: a.created_at,
      createdByName: a.created_by_name ?? '',
    }));
  }

  async createAcceptance(meta: RequestMeta, projectId: string, input: z.infer<typeof AcceptanceCreate>) {
    const id = await this.db.transaction().execute(async (tx) => {
      const p = await this.d.projects.visibleProject(tx, meta.actor, projectId);
      if (input.acceptedOn > this.today())
        throw invalid('acceptedOn', '验收日期不能晚于今天 / acceptance cannot be in the future');
      if (await this.repo.acceptanceByBatch(tx, projectId, input.batch))
        throw new AppError('DUPLICATE', { field: 'batch' }, 'batch');
      const row = {
        id: newId(this.d.now()),
        project_id: projectId,
        batch: input.batch,
        accepted_on: input.acceptedOn,
        note: input.note ?? null,
        doc_name: null,
        doc_size: null,
        doc_mime: null,
        doc_path: null,
        doc_sha256: null,
        created_at: this.d.now(),
        created_by: meta.actor.userId,
      };
      await this.repo.insertAcceptance(tx, row);
      await this.d.audit.record(tx, meta, {
        action: 'acceptance.create',
        targetType: 'project',
        targetId: projectId,
        summary: `${p.name} 验收批次 ${row.batch}，验收日期 ${row.accepted_on}`,
        detail: { after: row },
      });
      return row.id;
    });
    return (await this.acceptances(meta.actor, projectId)).find((a) => a.id === id)!;
  }

  /** The signed acceptance report (验收报告) as a file: stored under <dataDir>/acceptances, hashed, audited. */
  async attachDocument(meta: RequestMeta, id: string, file: { fileName: string; mime: string; data: Buffer }) {
    const acc = await this.repo.acceptance(this.db, id);
    if (!acc) throw notFound('验收记录');
    await this.d.projects.visibleProject(this.db, meta.actor, acc.project_id);
    if (!file.data.length) throw invalid('file', '文件为空 / empty file');
    const files = new FileStore(this.d.dataDir);
    const rel = files.put('acceptances', file.data, this.d.now());
    try {
      await this.db.transaction().execute(async (tx) => {
        const sha = createHash('sha256').update(file.data).digest('hex');
        const name = path.basename(file.fileName).slice(0, 200) || 'document';
        await this.repo.updateAcceptance(tx, id, {
          doc_name: name,
          doc_size: file.data.length,
          doc_mime: file.mime.slice(0, 100),
          doc_path: rel,
          doc_sha256: sha,
        });
        await this.d.audit.record(tx, meta, {
          action: 'acceptance.document',
          targetType: 'project',
          targetId: acc.project_id,
          summary: `验收批次 ${acc.batch} 上传验收文件 ${name}（${file.data.length} 字节）`,
          detail: { acceptanceId: id, sha256: sha, replaced: acc.doc_sha256 },
        });
      });
    } catch (e) {
      files.remove(rel);
      throw e;
    }
    return (await this.acceptances(meta.actor, acc.project_id)).find((a) => a.id === id)!;
  }

  async documentFile(actor: Actor, id: string) {
    const acc = await this.repo.acceptance(this.db, id);
    if (!acc) throw notFound('验收记录');
    await this.d.projects.visibleProject(this.db, actor, acc.project_id);
    if (!acc.doc_path) throw notFound('验收文件');
    return {
      path: new FileStore(this.d.dataDir).resolve(acc.doc_path),
      fileName: acc.doc_name ?? 'document',
      mime: acc.doc_mime ?? 'application/octet-stream',
    };
  }

  // ---------- annual inspections (R5) ----------
  /** `outer`: run inside the caller's transaction (an annual inspection task finishing records it). */
  async recordInspection(meta: RequestMeta, id: string, input: z.infer<typeof InspectionCreate>, outer?: Tx) {
    const run = async (tx: Tx) => {
      const a = await this.visible(tx, meta.actor, id);
      if (a.state !== 'in_service')
        throw new AppError(
          'ACTION_NOT_ALLOWED',
          { action: '巡检已停用的资产 / inspect an asset out of service' },
          'doneOn',
        );
      if (!a.accepted_on)
        throw invalid('doneOn', '资产尚未验收，没有年度巡检 / not accepted yet: no annual inspection');
      if (input.doneOn > this.today()) throw invalid('doneOn', '巡检日期不能晚于今天 / cannot be in the future');
      if (input.doneOn <= inspectionStart(a)!)
        throw invalid(
          'doneOn',
          a.installed_on
            ? '巡检日期须晚于安装日期 / must be after the installation date'
            : '巡检日期须晚于验收日期 / must be after the acceptance date',
        );
      const now = this.d.now();
      const row = {
        id: newId(now),
        asset_id: id,
        customer_id: a.customer_id,
        done_on: input.doneOn,
        note: input.note ?? null,
        ticket_id: input.ticketId ?? null,
        created_at: now,
        created_by: meta.actor.userId,
      };
      await this.repo.insertInspection(tx, row);
      const done = (await this.repo.inspections(tx, id)).map((i) => i.done_on);
      const next = annualInspections(inspectionStart(a), a.warranty_end, done, this.today()).nextDue;
      await this.repo.update(tx, id, { next_inspection_due: next, updated_at: now });
      await this.d.audit.record(tx, meta, {
        action: 'asset.inspection',
        targetType: 'asset',
        targetId: id,
        summary: `年度巡检 ${a.name}（${a.serial}）于 ${input.doneOn}，下次应检 ${next ?? '无'}`,
        detail: { after: row, nextDue: next },
      });
      return {
        id: row.id,
        assetId: id,
        doneOn: row.done_on,
        note: row.note,
        byName: meta.actor.displayName,
        ticketId: row.ticket_id,
        createdAt: now,
      };
    };
    return outer ? run(outer) : this.db.transaction().execute(run);
  }

  /**
   * The ledger's annual inspections (R5) of a project's assets falling due in [from, to], with their status
   * today; the commitments register measures these, whether or not an inspection plan schedules them. A part
   * replaced keeps the years due before its successor went in (a miss stays a miss); a retired asset leaves.
   * The caller checked visibility.
   */
  async annualDues(projectId: string, from: string, to: string) {
    const today = this.today();
    const assets = (await this.repo.page(this.db, { projectId }, 'recent', null, 1_000_000)).filter(
      (a) => a.state !== 'retired',
    );
    const byId = new Map(assets.map((a) => [a.id, a]));
    const done = await this.repo.inspectionDays(
      this.db,
      assets.map((a) => a.id),
    );
    return assets.flatMap((a) => {
      const until = a.replaced_by_id ? (byId.get(a.replaced_by_id)?.installed_on ?? today) : null;
      return annualInspections(inspectionStart(a), a.warranty_end, done.get(a.id) ?? [], today)
        .years.filter((y) => y.dueOn >= from && y.dueOn <= to && (until === null || y.dueOn < until))
        .map((y) => ({ assetId: a.id, assetName: a.name, ...y }));
    });
  }

  async inspectionsDue(actor: Actor, q: z.infer<typeof InspectionDueQuery>) {
    if (q.projectId) await this.d.projects.visibleProject(this.db, actor, q.projectId);
    const today = this.today();
    const dueBy = q.status === 'overdue' ? addDays(today, -1) : addDays(today, q.days);
    // Keyset on (due day, id).
    const after = decodeCursor(q.cursor, ['day', 'id']);
    const afterDue = after ? { due: after[0], id: after[1] } : null;
    const rows = await this.repo.inspectionsDue(
      this.db,
      { projectId: q.projectId, customerId: isCustomer(actor) ? actor.orgId : undefined },
      q.status === 'overdue' ? null : today,
      dueBy,
      afterDue,
      q.limit,
    );
    const { items, nextCursor } = keysetPage(rows, q.limit, (r) => [r.next_inspection_due, r.id]);
    return {
      items: items.map((r) => {
        const due = r.next_inspection_due!;
        const year =
          annualInspections(inspectionStart(r), r.warranty_end, [], today).years.find((y) => y.dueOn === due)?.year ??
          0;
        return {
          asset: presentAsset(r, today),
          dueOn: due,
          year,
          daysOverdue: Math.max(0, Math.round((Date.parse(today) - Date.parse(due)) / 86_400_000)),
        };
      }),
      nextCursor,
    };
  }

  // ---------- warranty reminders (worker) ----------
  /**
   * Warranty ending within 90, 30 and 7 days notifies each project's service manager once per
   * threshold (in-app and e-mail), one message per project and threshold per batch.
   */
  async remindWarranty(limit = 500): Promise<number> {
    const today = this.today();
    let sent = 0;
    for (const days of REMINDER_DAYS) {
      sent += await this.db.transaction().execute(async (tx) => {
        const claimed = await this.repo.claimWarrantyReminders(tx, today, addDays(today, days), days, limit);
        const byProject = new Map<string, AssetRow[]>();
        for (const a of claimed) byProject.set(a.project_id, [...(byProject.get(a.project_id) ?? []), a]);
        const managers = await this.d.projects.serviceManagersOf(tx, [...byProject.keys()]);
        for (const [projectId, items] of byProject) {
          items.sort((a, b) => (a.warranty_end! < b.warranty_end! ? -1 : 1));
          await this.d.notifications.notify(tx, [managers.get(projectId)], {
            kind: 'asset.warranty',
            text: (locale) => warrantyReminderText(locale, items[0]!.project_name, days, items),
            ticketId: null,
            sourceKey: `warranty:${projectId}:${days}:${today}:${items[0]!.id}`,
          });
        }
        return claimed.length;
      });
    }
    return sent;
  }
}
