import type { InspectionCreate, InspectionDueQuery } from '@weibao/schema';
import type { z } from 'zod';
import type { Tx } from '../../db/dialect.js';
import { type Actor, type RequestMeta, isCustomer } from '../../lib/actor.js';
import { addDays } from '../../lib/dates.js';
import { AppError, invalid } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { decodeCursor, keysetPage } from '../../lib/keyset.js';
import { reason } from '../../lib/messages/text.js';
import type { AssetLedger } from './ledger.js';
import { presentAsset } from './present.js';
import { annualInspections, inspectionStart } from './warranty.js';

/** The free annual inspection of each item in warranty (R5): recording one, what falls due, what is overdue. */
export class AnnualInspections {
  constructor(private readonly ledger: AssetLedger) {}
  private get d() {
    return this.ledger.d;
  }
  private get db() {
    return this.ledger.db;
  }
  private get repo() {
    return this.ledger.repo;
  }

  /** A project's assets in service, for the annual inspection plan (inspections/service.ts). */
  async inServiceOf(db: Tx, projectId: string) {
    return this.repo.page(db, { projectId, state: 'in_service' }, 'recent', null, 1_000_000);
  }

  /** `outer`: run inside the caller's transaction (an annual inspection task finishing records it). */
  async record(meta: RequestMeta, id: string, input: z.infer<typeof InspectionCreate>, outer?: Tx) {
    const run = async (tx: Tx) => {
      const a = await this.ledger.visible(tx, meta.actor, id);
      if (a.state !== 'in_service')
        throw new AppError('ACTION_NOT_ALLOWED', { action: reason('assets.inspectOutOfService') }, 'doneOn');
      if (!a.accepted_on) throw invalid('doneOn', 'assets.notAcceptedNoInspection');
      if (input.doneOn > this.ledger.today()) throw invalid('doneOn', 'assets.inspectionInFuture');
      if (input.doneOn <= inspectionStart(a)!)
        throw invalid(
          'doneOn',
          a.installed_on ? 'assets.inspectionBeforeInstall' : 'assets.inspectionBeforeAcceptance',
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
      const next = annualInspections(inspectionStart(a), a.warranty_end, done, this.ledger.today()).nextDue;
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
  async dues(projectId: string, from: string, to: string) {
    const today = this.ledger.today();
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

  async due(actor: Actor, q: z.infer<typeof InspectionDueQuery>) {
    if (q.projectId) await this.d.projects.visibleProject(this.db, actor, q.projectId);
    const today = this.ledger.today();
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
}
