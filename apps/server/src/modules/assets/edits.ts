import type { AssetCreate, AssetUpdate } from '@weibao/schema';
import type { z } from 'zod';
import type { Tx } from '../../db/dialect.js';
import type { AssetsTable } from '../../db/types.js';
import type { RequestMeta } from '../../lib/actor.js';
import { AppError, invalid } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { reason } from '../../lib/messages/text.js';
import type { AssetLedger } from './ledger.js';
import { presentAsset } from './present.js';
import type { AssetRow } from './repository.js';
import { annualInspections, warrantyEnd } from './warranty.js';

/** The part that goes in when a ticket replaces one (R4); the repairs module decides its warranty end. */
export interface NewPart {
  serial: string;
  model: string;
  warrantyEnd: string | null;
  installedOn: string;
  by: string;
  now: number;
}

/** Changing the ledger: adding, editing and retiring items, and putting a replacement part in its position. */
export class AssetEdits {
  constructor(private readonly ledger: AssetLedger) {}
  private get d() {
    return this.ledger.d;
  }
  private get repo() {
    return this.ledger.repo;
  }

  async create(meta: RequestMeta, projectId: string, input: z.infer<typeof AssetCreate>) {
    return this.ledger.db.transaction().execute(async (tx) => {
      const p = await this.d.projects.visibleProject(tx, meta.actor, projectId);
      const acceptance = input.acceptanceId ? await this.ledger.acceptanceIn(tx, projectId, input.acceptanceId) : null;
      if (input.parentId) await this.ledger.parentIn(tx, projectId, input.parentId);
      if (await this.repo.bySerial(tx, projectId, input.serial))
        throw new AppError('DUPLICATE', { field: 'serial' }, 'serial');
      const months = input.warrantyMonths ?? (await this.ledger.terms(tx, projectId)).months;
      const row = await this.ledger.buildRow(
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
      return presentAsset((await this.repo.get(tx, row.id))!, this.ledger.today());
    });
  }

  async update(meta: RequestMeta, id: string, input: z.infer<typeof AssetUpdate>) {
    return this.ledger.db.transaction().execute(async (tx) => {
      const before = await this.ledger.visible(tx, meta.actor, id);
      if (before.state === 'replaced')
        throw new AppError('ACTION_NOT_ALLOWED', { action: reason('assets.editReplaced') }, 'state');
      if (
        input.serial &&
        input.serial !== before.serial &&
        (await this.repo.bySerial(tx, before.project_id, input.serial))
      )
        throw new AppError('DUPLICATE', { field: 'serial' }, 'serial');
      if (input.parentId) {
        if (input.parentId === id) throw invalid('parentId', 'assets.ownParent');
        await this.ledger.parentIn(tx, before.project_id, input.parentId);
      }
      if (input.state === 'retired' && !input.reason)
        throw new AppError('REASON_REQUIRED', { action: reason('assets.retire') }, 'reason');
      const acceptance = input.acceptanceId
        ? await this.ledger.acceptanceIn(tx, before.project_id, input.acceptanceId)
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
        if (before.replaces_id) throw invalid('acceptanceId', 'assets.replacementKeepsTerm');
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
          next_inspection_due: annualInspections(acc?.accepted_on ?? null, end, done, this.ledger.today()).nextDue,
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
      return presentAsset(after, this.ledger.today());
    });
  }

  /**
   * A replacement part takes `old`'s position (R4): a new row (same item, new serial and warranty end, inspections
   * from its installation), the old one kept as replaced history, and the old one's parts moved under the new one.
   */
  async replacePart(tx: Tx, old: AssetRow, part: NewPart): Promise<AssetsTable> {
    const fresh: AssetsTable = {
      ...stripJoins(old),
      id: newId(part.now),
      serial: part.serial,
      model: part.model,
      warranty_end: part.warrantyEnd,
      state: 'in_service',
      replaces_id: old.id,
      replaced_by_id: null,
      warranty_alerted: null,
      created_at: part.now,
      created_by: part.by,
      updated_at: part.now,
      // The new part's annual inspections run from its installation (the old part's record stays with the old part).
      installed_on: part.installedOn,
      next_inspection_due: annualInspections(part.installedOn, part.warrantyEnd, [], this.ledger.today()).nextDue,
    };
    await this.repo.insert(tx, [fresh]);
    await this.repo.update(tx, old.id, { state: 'replaced', replaced_by_id: fresh.id, updated_at: part.now });
    await this.repo.reparent(tx, old.id, fresh.id, part.now);
    return fresh;
  }
}

/** A ledger row without the joined display columns, to copy into a new row. */
function stripJoins(r: AssetRow): AssetsTable {
  const { project_name: _p, parent_name: _n, acceptance_batch: _b, ...row } = r;
  return row;
}
