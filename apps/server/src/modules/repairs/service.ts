import type { CostItemCreate, ReplacementCreate } from '@weibao/schema';
import { label } from '@weibao/schema/labels';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import type { Actor, RequestMeta } from '../../lib/actor.js';
import { AppError, invalid } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { reason } from '../../lib/messages/text.js';
import { beijingDay } from '../../lib/time.js';
import type { AssetService } from '../assets/service.js';
import { extendedEnd, inWarranty } from '../assets/warranty.js';
import type { AuditService } from '../audit/service.js';
import type { ProjectService } from '../projects/service.js';
import type { TicketService } from '../tickets/service.js';
import type { TicketWithNames } from '../tickets/presenter.js';
import { decide } from './billing.js';
import type { RepairPointService } from './points.js';
import { RepairRepository } from './repository.js';

const FINISHED = ['closed', 'cancelled'];

export interface RepairDeps {
  database: Database;
  audit: AuditService;
  projects: Pick<ProjectService, 'contract'>;
  now: () => number;
  tickets: Pick<TicketService, 'visible' | 'event' | 'setBillable'>;
  points: Pick<RepairPointService, 'forProject'>;
  /** The ledger: the repaired item, its contract terms, and the position a replacement part takes. */
  assets: Pick<AssetService, 'row' | 'serialTaken' | 'present' | 'replacePart' | 'terms' | 'today'>;
}

/** What a ticket repaired: the asset, replaced parts with their warranty extension, cost items, free or billable (R2–R4). */
export class RepairService {
  private readonly repo = new RepairRepository();
  constructor(private readonly d: RepairDeps) {}
  private get db() {
    return this.d.database.db;
  }
  private get now() {
    return this.d.now;
  }

  /** The replacements that installed any of `assetIds`, oldest first: a position's warranty history (assets module). */
  async replacementsInto(db: Tx, assetIds: string[]) {
    return this.repo.replacementsInto(db, assetIds);
  }

  /** Whether a resolved ticket is billable (the tickets module asks this when it resolves). */
  async billable(db: Tx, ticketId: string, cause: string | null): Promise<boolean> {
    return decide(cause, await this.repo.repair(db, ticketId)).decision === 'billable';
  }

  async view(actor: Actor, ticketId: string, db: Tx = this.db) {
    const t = await this.d.tickets.visible(db, actor, ticketId);
    return this.present(db, actor, t);
  }

  private async present(db: Tx, _actor: Actor, t: TicketWithNames) {
    const [repair, reps, costs, terms, points] = await Promise.all([
      this.repo.repair(db, t.id),
      this.repo.replacementsOf(db, t.id),
      this.repo.costItems(db, t.id),
      this.contractTerms(db, t),
      this.d.points.forProject(db, t.project_id),
    ]);
    const asset = repair ? await this.d.assets.row(db, repair.asset_id) : undefined;
    const { decision, reason } = decide(t.fault_cause, repair);
    const costItems = costs.map((c) => ({
      id: c.id,
      ticketId: c.ticket_id,
      kind: c.kind as 'part',
      description: c.description,
      quantity: Number(c.quantity_x100) / 100,
      unitCostCents: Number(c.unit_cost_cents),
      amountCents: Number(c.amount_cents),
      billable: decision === 'pending' ? null : decision === 'billable',
      reason,
      createdAt: c.created_at,
      byName: c.by_name ?? '',
    }));
    const sum = costItems.reduce((n, c) => n + c.amountCents, 0);
    return {
      ticketId: t.id,
      ticketNumber: t.number,
      asset: asset ? this.d.assets.present(asset) : null,
      faultOn: repair?.fault_on ?? beijingDay(t.reported_at),
      inWarranty: repair && repair.in_warranty !== null ? repair.in_warranty === 1 : null,
      warrantyEndAtFault: repair?.warranty_end_at_fault ?? null,
      faultCause: t.fault_cause as 'human' | null,
      decision,
      reason,
      extensionPolicy: terms.policy,
      labourRateCents: terms.labourRateCents,
      replacements: reps.map((r) => ({
        id: r.id,
        ticketId: r.ticket_id,
        ticketNumber: r.ticket_number,
        oldAssetId: r.old_asset_id,
        newAssetId: r.new_asset_id,
        oldSerial: r.old_serial,
        newSerial: r.new_serial,
        model: r.model,
        faultOn: r.fault_on,
        replacedOn: r.replaced_on,
        policy: r.policy as 'downtime',
        inWarranty: r.in_warranty === 1,
        previousEnd: r.previous_end,
        newEnd: r.new_end,
        extendedByDays: r.extended_by_days,
        createdAt: r.created_at,
        byName: r.by_name ?? '',
      })),
      costItems,
      totals: {
        billableCents: decision === 'billable' ? sum : 0,
        freeCents: decision === 'free' ? sum : 0,
        pendingCents: decision === 'pending' ? sum : 0,
      },
      repairPoints: points,
    };
  }

  /** The ticket's contract terms: extension policy and labour cost rate (R3, R4). */
  private async contractTerms(db: Tx, t: TicketWithNames) {
    const c = t.contract_id ? await this.d.projects.contract(db, t.contract_id) : undefined;
    if (!c) return this.d.assets.terms(db, t.project_id);
    return {
      months: c.warranty_months,
      policy: c.part_extension as 'downtime' | 'restart',
      labourRateCents: Number(c.labour_rate_cents),
    };
  }

  /** Records the repaired asset and, from the fault day, whether it was in warranty then. */
  async attach(tx: Tx, meta: RequestMeta, t: TicketWithNames, assetId: string) {
    const a = await this.d.assets.row(tx, assetId);
    if (!a || a.project_id !== t.project_id) throw invalid('assetId', 'repairs.assetOfOtherProject');
    if (a.state !== 'in_service') throw invalid('assetId', 'repairs.assetOutOfService');
    const faultOn = beijingDay(t.reported_at);
    const within =
      a.accepted_on && a.warranty_end ? (inWarranty(faultOn, a.accepted_on, a.warranty_end) ? 1 : 0) : null;
    await this.repo.saveRepair(tx, {
      ticket_id: t.id,
      asset_id: a.id,
      customer_id: t.customer_id,
      fault_on: faultOn,
      in_warranty: within,
      warranty_end_at_fault: a.warranty_end,
      updated_at: this.now(),
      updated_by: meta.actor.userId,
    });
    await this.d.tickets.event(tx, t.id, meta.actor.userId, 'repair.asset', {
      data: { assetId: a.id, name: a.name, serial: a.serial, inWarranty: within, warrantyEnd: a.warranty_end },
    });
    if (t.fault_cause) await this.d.tickets.setBillable(tx, t.id, await this.billable(tx, t.id, t.fault_cause));
    return { a, within };
  }

  async setAsset(meta: RequestMeta, ticketId: string, assetId: string) {
    return this.db.transaction().execute(async (tx) => {
      const t = await this.d.tickets.visible(tx, meta.actor, ticketId);
      if (t.status === 'cancelled')
        throw new AppError('ACTION_NOT_ALLOWED', { action: reason('repairs.cancelledTicket') }, 'assetId');
      const before = await this.repo.repair(tx, ticketId);
      if (before && before.asset_id !== assetId && (await this.repo.replacementsOf(tx, ticketId)).length)
        throw new AppError('ACTION_NOT_ALLOWED', { action: reason('repairs.changeAssetAfterReplacement') }, 'assetId');
      const { a, within } = await this.attach(tx, meta, t, assetId);
      await this.d.audit.record(tx, meta, {
        action: 'repair.asset',
        targetType: 'ticket',
        targetId: ticketId,
        summary: `${t.number} 维修资产 ${a.name}（${a.serial}），故障时${within === null ? '未验收' : within ? '在保' : '已过保'}`,
        detail: {
          before: before ? { assetId: before.asset_id } : null,
          after: { assetId: a.id, inWarranty: within, warrantyEnd: a.warranty_end },
        },
      });
      return this.present(tx, meta.actor, await this.d.tickets.visible(tx, meta.actor, ticketId));
    });
  }

  /** A replaced part (R4): the old one is kept as history, the new one gets the extended warranty. */
  async replace(meta: RequestMeta, ticketId: string, input: z.infer<typeof ReplacementCreate>) {
    return this.db.transaction().execute(async (tx) => {
      const t = await this.d.tickets.visible(tx, meta.actor, ticketId);
      if (FINISHED.includes(t.status))
        throw new AppError('ACTION_NOT_ALLOWED', { action: reason('repairs.finishedTicket') }, 'oldAssetId');
      const repair = await this.repo.repair(tx, ticketId);
      if (!repair) throw invalid('oldAssetId', 'repairs.assetFirst');
      const old = await this.d.assets.row(tx, input.oldAssetId);
      if (!old || (old.id !== repair.asset_id && old.parent_id !== repair.asset_id))
        throw invalid('oldAssetId', 'repairs.notRepairedAssetOrPart');
      if (old.state !== 'in_service')
        throw new AppError('ACTION_NOT_ALLOWED', { action: reason('repairs.alreadyReplaced') }, 'oldAssetId');
      if (input.replacedOn < repair.fault_on)
        throw invalid('replacedOn', 'repairs.beforeFaultDay', { day: repair.fault_on });
      if (input.replacedOn > this.d.assets.today()) throw invalid('replacedOn', 'repairs.inFuture');
      if (await this.d.assets.serialTaken(tx, old.project_id, input.newSerial))
        throw new AppError('DUPLICATE', { field: 'newSerial' }, 'newSerial');
      const terms = await this.contractTerms(tx, t);
      const within = !!(
        old.accepted_on &&
        old.warranty_end &&
        inWarranty(repair.fault_on, old.accepted_on, old.warranty_end)
      );
      const newEnd = within
        ? extendedEnd(old.warranty_end!, old.warranty_months, terms.policy, {
            faultOn: repair.fault_on,
            replacedOn: input.replacedOn,
          })
        : old.warranty_end;
      const extendedBy =
        within && newEnd && old.warranty_end
          ? Math.round((Date.parse(newEnd) - Date.parse(old.warranty_end)) / 86_400_000)
          : 0;
      const now = this.now();
      const fresh = await this.d.assets.replacePart(tx, old, {
        serial: input.newSerial,
        model: input.newModel ?? old.model,
        warrantyEnd: newEnd,
        installedOn: input.replacedOn,
        by: meta.actor.userId,
        now,
      });
      const rep = {
        id: newId(now),
        ticket_id: t.id,
        customer_id: t.customer_id,
        old_asset_id: old.id,
        new_asset_id: fresh.id,
        old_serial: old.serial,
        new_serial: fresh.serial,
        model: fresh.model,
        fault_on: repair.fault_on,
        replaced_on: input.replacedOn,
        policy: terms.policy,
        in_warranty: within ? 1 : 0,
        previous_end: old.warranty_end,
        new_end: newEnd,
        extended_by_days: extendedBy,
        note: input.note ?? null,
        created_at: now,
        created_by: meta.actor.userId,
      };
      await this.repo.insertReplacement(tx, rep);
      if (input.partCostCents !== undefined)
        await this.insertCost(
          tx,
          t,
          {
            kind: 'part',
            description: `更换 ${old.name} ${fresh.model}（${old.serial} → ${fresh.serial}）`,
            quantity: 1,
            unitCostCents: input.partCostCents,
          },
          meta.actor.userId,
          rep.id,
        );
      await this.d.tickets.event(tx, t.id, meta.actor.userId, 'repair.replace', {
        data: {
          oldSerial: old.serial,
          newSerial: fresh.serial,
          previousEnd: old.warranty_end,
          newEnd,
          policy: terms.policy,
          extendedByDays: extendedBy,
        },
      });
      await this.d.audit.record(tx, meta, {
        action: 'repair.replace',
        targetType: 'ticket',
        targetId: t.id,
        summary: `${t.number} 更换 ${old.name}：${old.serial} → ${fresh.serial}，${within ? `质保期顺延至 ${newEnd}（${terms.policy === 'downtime' ? '按停机天数' : '重新计算'}，+${extendedBy} 天）` : '故障时已过保，不顺延'}`,
        detail: { after: rep },
      });
      return this.present(tx, meta.actor, t);
    });
  }

  async addCost(meta: RequestMeta, ticketId: string, input: z.infer<typeof CostItemCreate>) {
    return this.db.transaction().execute(async (tx) => {
      const t = await this.d.tickets.visible(tx, meta.actor, ticketId);
      if (t.status === 'cancelled')
        throw new AppError('ACTION_NOT_ALLOWED', { action: reason('repairs.cancelledTicket') }, 'kind');
      const row = await this.insertCost(tx, t, input, meta.actor.userId, null);
      const { decision, reason: why } = decide(t.fault_cause, await this.repo.repair(tx, ticketId));
      const yuan = (row.amount_cents / 100).toFixed(2);
      await this.d.audit.record(tx, meta, {
        action: 'repair.cost',
        targetType: 'ticket',
        targetId: t.id,
        summary: `${t.number} 记录${label('repairCostKind', row.kind)}费用 ${yuan} 元（${decision === 'billable' ? '收费' : decision === 'free' ? '免费' : '待定'}）`,
        detail: { after: row, decision, reason: why },
      });
      return this.present(tx, meta.actor, t);
    });
  }

  private async insertCost(
    tx: Tx,
    t: TicketWithNames,
    input: z.infer<typeof CostItemCreate>,
    by: string,
    replacementId: string | null,
  ) {
    let unit = input.unitCostCents;
    if (input.kind === 'labour') {
      if (unit !== undefined) throw invalid('unitCostCents', 'repairs.labourRateFixed');
      unit = (await this.contractTerms(tx, t)).labourRateCents;
      if (!unit) throw invalid('kind', 'repairs.noLabourRate');
    } else if (unit === undefined) throw invalid('unitCostCents', 'repairs.unitCostRequired');
    const now = this.now();
    const row = {
      id: newId(now),
      ticket_id: t.id,
      customer_id: t.customer_id,
      kind: input.kind,
      description: input.description,
      quantity_x100: Math.round(input.quantity * 100),
      unit_cost_cents: unit,
      amount_cents: Math.round(input.quantity * unit),
      replacement_id: replacementId,
      day: beijingDay(now),
      created_at: now,
      created_by: by,
    };
    await this.repo.insertCost(tx, row);
    return row;
  }
}
