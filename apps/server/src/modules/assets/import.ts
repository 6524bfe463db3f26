import { createHash } from 'node:crypto';
import type { RequestMeta } from '../../lib/actor.js';
import { label } from '@weibao/schema/labels';
import { AppError, invalid } from '../../lib/errors.js';
import type { Locale } from '../../http/messages.js';
import { reason, renderReason, type Reason, type Text } from '../../lib/messages/text.js';
import { newId } from '../../lib/ids.js';
import type { AcceptancesTable, AssetsTable } from '../../db/types.js';
import type { AssetService } from './service.js';
import { COLUMNS, type ColumnKey, readSheet, type SheetRow, streamXlsx } from './spreadsheet.js';
import { warrantyState } from './warranty.js';

const KIND: Record<string, 'hardware' | 'software'> = {
  硬件: 'hardware',
  hardware: 'hardware',
  软件: 'software',
  software: 'software',
};
/** Each column's header in both languages, as a row error names it. */
const COLUMN: Record<ColumnKey, Text> = Object.fromEntries(
  COLUMNS.map(([k, zh, en]) => [k, { 'zh-CN': zh, en }]),
) as Record<ColumnKey, Text>;
const MAX: Partial<Record<ColumnKey, number>> = {
  type: 60,
  name: 120,
  model: 120,
  serial: 120,
  tag: 60,
  location: 200,
  supplier: 120,
  batch: 80,
};
const DATE = /^\d{4}-\d\d-\d\d$/;
const isDate = (d: string) => {
  const t = new Date(`${d}T00:00:00Z`);
  return DATE.test(d) && !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
};
interface RowError {
  row: number;
  field: string;
  /** `assets.importRow`: the row, the column and what is wrong there. */
  message: Reason;
}

/** Excel import and export of the ledger (R1): all rows or none, unless the user asks for the valid ones. */
export class AssetImportService {
  constructor(private readonly assets: AssetService) {}

  async import(meta: RequestMeta, projectId: string, file: Buffer, mode: 'all' | 'valid', locale: Locale) {
    const sheet = await readSheet(file);
    if (!sheet) throw invalid('file', 'assets.notTemplate');
    if (!sheet.length) throw invalid('file', 'assets.noDataRows');
    if (sheet.length > 200_000) throw invalid('file', 'assets.tooManyRows');
    const db = this.assets.db;
    return db.transaction().execute(async (tx) => {
      const p = await this.assets.d.projects.visibleProject(tx, meta.actor, projectId);
      const terms = await this.assets.terms(tx, projectId);
      const today = this.assets.today();
      const errors: RowError[] = [];
      const fail = (row: number, key: ColumnKey, problem: Reason) =>
        errors.push({
          row,
          field: `rows[${row}].${key}`,
          message: reason('assets.importRow', { row, column: COLUMN[key], problem }),
        });

      // Serials already in the ledger, and batches that exist.
      const serials = sheet.map((r) => r.values.serial).filter((s): s is string => !!s);
      const parents = sheet.map((r) => r.values.parentSerial).filter((s): s is string => !!s);
      const known = await this.assets.repo.serialsIn(tx, projectId, [...new Set([...serials, ...parents])]);
      const batches = new Map(
        (await this.assets.repo.acceptances(tx, projectId)).map((a) => [
          a.batch,
          { id: a.id, accepted_on: a.accepted_on, fresh: false },
        ]),
      );
      const seen = new Map<string, number>();
      const parsed: { r: SheetRow; row: Omit<AssetsTable, 'id'>; batch: string | null; parentSerial: string | null }[] =
        [];

      for (const r of sheet) {
        const v = r.values;
        const before = errors.length;
        const kind = v.kind ? KIND[v.kind.toLowerCase()] : undefined;
        if (!v.kind) fail(r.row, 'kind', reason('common.required'));
        else if (!kind) fail(r.row, 'kind', reason('assets.importKind'));
        for (const key of ['type', 'name', 'model', 'serial'] as const)
          if (!v[key]) fail(r.row, key, reason('common.required'));
        for (const [key, max] of Object.entries(MAX) as [ColumnKey, number][])
          if ((v[key]?.length ?? 0) > max) fail(r.row, key, reason('assets.importTooLong', { max }));
        if (v.serial) {
          if (known.has(v.serial)) fail(r.row, 'serial', reason('assets.importSerialKnown'));
          else if (seen.has(v.serial))
            fail(r.row, 'serial', reason('assets.importDuplicateRow', { row: seen.get(v.serial)! }));
          else seen.set(v.serial, r.row);
        }
        if (v.parentSerial && v.parentSerial === v.serial)
          fail(r.row, 'parentSerial', reason('assets.importOwnParent'));
        let months = terms.months;
        if (v.warrantyMonths !== undefined) {
          months = Number(v.warrantyMonths);
          if (!Number.isInteger(months) || months < 0 || months > 240)
            fail(r.row, 'warrantyMonths', reason('assets.importMonths'));
        }
        if (v.acceptedOn !== undefined && !isDate(v.acceptedOn)) fail(r.row, 'acceptedOn', reason('assets.importDate'));
        else if (v.acceptedOn && v.acceptedOn > today) fail(r.row, 'acceptedOn', reason('assets.importFuture'));
        const batchName = v.batch ?? (v.acceptedOn ? `验收 ${v.acceptedOn}` : null);
        let acceptance: { id: string; accepted_on: string } | null = null;
        if (batchName && errors.length === before) {
          const b = batches.get(batchName);
          if (b && v.acceptedOn && v.acceptedOn !== b.accepted_on)
            fail(r.row, 'acceptedOn', reason('assets.importBatchDate', { batch: batchName, date: b.accepted_on }));
          else if (!b && !v.acceptedOn)
            fail(r.row, 'acceptedOn', reason('assets.importNewBatchDate', { batch: batchName }));
          else if (b) acceptance = b;
          else {
            const fresh = { id: newId(this.assets.d.now()), accepted_on: v.acceptedOn!, fresh: true };
            batches.set(batchName, fresh);
            acceptance = fresh;
          }
        }
        if (errors.length > before) continue;
        const base = await this.assets.buildRow(
          tx,
          projectId,
          p.customer_id,
          {
            kind: kind!,
            type: v.type!,
            name: v.name!,
            model: v.model!,
            serial: v.serial!,
            tag: v.tag ?? null,
            location: v.location ?? null,
            supplier: v.supplier ?? null,
          },
          acceptance,
          months,
          meta.actor.userId,
          this.assets.d.now(),
        );
        const { id: _id, ...row } = base;
        parsed.push({ r, row, batch: acceptance ? batchName : null, parentSerial: v.parentSerial ?? null });
      }

      // Parents: in the ledger, or a valid row of this file; rows under a bad parent row are bad too.
      const inFile = new Map(parsed.map((x) => [x.row.serial, x]));
      let changed = true;
      const bad = new Set<(typeof parsed)[number]>();
      while (changed) {
        changed = false;
        for (const x of parsed) {
          if (bad.has(x) || !x.parentSerial || known.has(x.parentSerial)) continue;
          const parent = inFile.get(x.parentSerial);
          if (!parent || bad.has(parent)) {
            fail(
              x.r.row,
              'parentSerial',
              reason(parent || seen.has(x.parentSerial) ? 'assets.importParentRowBad' : 'assets.importParentMissing'),
            );
            bad.add(x);
            changed = true;
          }
        }
      }
      const good = parsed.filter((x) => !bad.has(x));
      // Parent-child cycles inside the file cannot be ordered: refuse them.
      const depth = new Map<(typeof parsed)[number], number>();
      const depthOf = (x: (typeof parsed)[number], trail = new Set<(typeof parsed)[number]>()): number => {
        if (depth.has(x)) return depth.get(x)!;
        if (trail.has(x)) return -1;
        trail.add(x);
        const parent = x.parentSerial && !known.has(x.parentSerial) ? inFile.get(x.parentSerial) : undefined;
        const d = parent ? depthOf(parent, trail) : 0;
        const mine = d < 0 ? -1 : d + 1;
        depth.set(x, mine);
        return mine;
      };
      for (const x of good) if (depthOf(x) < 0) fail(x.r.row, 'parentSerial', reason('assets.importCycle'));
      errors.sort((a, b) => a.row - b.row);
      const valid = good.filter((x) => depthOf(x) >= 0);
      const localized = errors.map((e) => ({ ...e, message: renderReason(locale, e.message) }));
      if (errors.length && mode === 'all') {
        throw new AppError(
          'IMPORT_INVALID',
          { count: new Set(errors.map((e) => e.row)).size },
          errors[0]!.field,
          errors.slice(0, 1000).map(({ field, message }) => ({ field, message })),
        );
      }

      const now = this.assets.d.now();
      const usedBatches = new Set(valid.map((x) => x.batch).filter(Boolean));
      const freshBatches: AcceptancesTable[] = [...batches.entries()]
        .filter(([name, b]) => b.fresh && usedBatches.has(name))
        .map(([name, b]) => ({
          id: b.id,
          project_id: projectId,
          batch: name,
          accepted_on: b.accepted_on,
          note: null,
          doc_name: null,
          doc_size: null,
          doc_mime: null,
          doc_path: null,
          doc_sha256: null,
          created_at: now,
          created_by: meta.actor.userId,
        }));
      for (const b of freshBatches) await this.assets.repo.insertAcceptance(tx, b);
      const ids = new Map<string, string>(known);
      valid.sort((a, b) => depthOf(a) - depthOf(b));
      for (const x of valid) ids.set(x.row.serial, newId(now));
      const rows: AssetsTable[] = valid.map((x) => ({
        ...x.row,
        id: ids.get(x.row.serial)!,
        parent_id: x.parentSerial ? ids.get(x.parentSerial)! : null,
      }));
      await this.assets.repo.insert(tx, rows);
      const sha = createHash('sha256').update(file).digest('hex');
      const skipped = sheet.length - rows.length;
      await this.assets.d.audit.record(tx, meta, {
        action: 'asset.import',
        targetType: 'project',
        targetId: projectId,
        summary: `${p.name} 导入资产 ${rows.length} 项${skipped ? `，跳过有错误的 ${skipped} 行` : ''}，新建验收批次 ${freshBatches.length} 个`,
        detail: {
          mode,
          imported: rows.length,
          skipped,
          acceptancesCreated: freshBatches.map((b) => b.batch),
          fileSha256: sha,
          // The first problems as the auditor reads them, in both languages.
          errors: errors.slice(0, 50).map((e) => ({
            row: e.row,
            field: e.field,
            message: { 'zh-CN': renderReason('zh-CN', e.message), en: renderReason('en', e.message) },
          })),
        },
      });
      return {
        mode,
        imported: rows.length,
        skipped,
        acceptancesCreated: freshBatches.length,
        errors: localized.slice(0, 1000),
      };
    });
  }

  /** The project's ledger as Excel, every item including replaced ones, in the template's columns plus the computed warranty. */
  async export(meta: RequestMeta, projectId: string, locale: Locale) {
    const db = this.assets.db;
    const p = await this.assets.d.projects.visibleProject(db, meta.actor, projectId);
    const en = locale === 'en';
    const today = this.assets.today();
    const header = [
      ...COLUMNS.map(([, zh, eng]) => (en ? eng : zh)),
      ...(en
        ? ['Original warranty end', 'Warranty end', 'Warranty status', 'State', 'Next annual inspection']
        : ['原保修截止', '保修截止（含顺延）', '保修状态', '状态', '下次年度巡检']),
    ];
    const WS: Record<string, [string, string]> = {
      not_accepted: ['未验收', 'not accepted'],
      in_warranty: ['在保', 'in warranty'],
      expiring: ['即将到期', 'expiring'],
      expired: ['已过保', 'expired'],
    };
    const ST: Record<string, [string, string]> = {
      in_service: ['在用', 'in service'],
      replaced: ['已更换', 'replaced'],
      retired: ['已报废', 'retired'],
    };
    let count = 0;
    const body = await streamXlsx(
      en ? 'Assets' : '资产台账',
      header,
      [8, 14, 22, 22, 22, 14, 20, 18, 20, 14, 12, 10, 14, 16, 10, 10, 14],
      async (emit) => {
        const parentSerials = new Map<string, string>();
        let cursor: { sort: 'recent'; id: string } | null = null;
        for (;;) {
          const page = await this.assets.repo.page(db, { projectId }, 'recent', cursor, 1000);
          const missing = [
            ...new Set(page.map((a) => a.parent_id).filter((x): x is string => !!x && !parentSerials.has(x))),
          ];
          for (const a of await this.assets.repo.byIds(db, missing)) parentSerials.set(a.id, a.serial);
          for (const a of page.slice(0, 1000)) {
            const w = warrantyState(today, a.warranty_end).status;
            emit([
              // The English sheet keeps the template's own value (hardware / software), which imports back as is.
              en ? a.kind : label('assetKind', a.kind),
              a.type,
              a.name,
              a.model,
              a.serial,
              a.tag,
              a.location,
              a.supplier,
              a.parent_id ? (parentSerials.get(a.parent_id) ?? '') : '',
              a.acceptance_batch,
              a.accepted_on,
              a.warranty_months,
              a.original_end,
              a.warranty_end,
              WS[w]![en ? 1 : 0],
              ST[a.state]?.[en ? 1 : 0] ?? a.state,
              a.state === 'in_service' ? a.next_inspection_due : null,
            ]);
            count++;
          }
          if (page.length <= 1000) break;
          cursor = { sort: 'recent', id: page[999]!.id };
        }
      },
    );
    await this.assets.d.audit.recordAlone(meta, {
      action: 'asset.export',
      targetType: 'project',
      targetId: projectId,
      summary: `导出资产台账 ${p.name}（${count} 项）`,
      detail: { rows: count },
    });
    return { body, fileName: `${en ? 'assets' : '资产台账'}-${p.code}.xlsx` };
  }
}
