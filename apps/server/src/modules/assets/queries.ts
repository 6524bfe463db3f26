import type { AssetListQuery, AssetSort } from '@weibao/schema';
import type { z } from 'zod';
import type { Tx } from '../../db/dialect.js';
import { type Actor, isCustomer } from '../../lib/actor.js';
import { addDays } from '../../lib/dates.js';
import { decodeCursor, keysetPage } from '../../lib/keyset.js';
import type { AssetLedger } from './ledger.js';
import { presentAsset } from './present.js';
import { type AssetCursor, type AssetRow, SORT_COLUMN, type SortDir } from './repository.js';
import { annualInspections, inspectionStart } from './warranty.js';

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

/** Reading the ledger: keyset pages by warranty window, and one asset with its parts and history (R1, R4, R5). */
export class AssetQueries {
  constructor(private readonly ledger: AssetLedger) {}
  private get d() {
    return this.ledger.d;
  }
  private get db() {
    return this.ledger.db;
  }

  async list(actor: Actor, q: z.infer<typeof AssetListQuery>) {
    if (q.projectId) await this.d.projects.visibleProject(this.db, actor, q.projectId);
    const today = this.ledger.today();
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
    const rows = await this.ledger.repo.page(this.db, scope, sort, parseCursor(q.cursor, sort, dir), q.limit, dir);
    const { items, nextCursor } = keysetPage(rows, q.limit, (r) => cursorKey(sort, dir, r));
    return { items: items.map((r) => presentAsset(r, today)), nextCursor };
  }

  async detail(actor: Actor, id: string, db: Tx = this.db) {
    const a = await this.ledger.visible(db, actor, id);
    const today = this.ledger.today();
    const [parts, done, steps] = await Promise.all([
      this.ledger.repo.children(db, id),
      this.ledger.repo.inspections(db, id),
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
    const reps = await this.d.replacements.into(db, await this.ledger.chain(db, a));
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
}
