import type { AssetCreate } from '@weibao/schema';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import type { AssetReplacementsTable, AssetsTable } from '../../db/types.js';
import { type Actor, isCustomer } from '../../lib/actor.js';
import { invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { beijingDay } from '../../lib/time.js';
import type { AuditService } from '../audit/service.js';
import type { NotificationService } from '../notifications/service.js';
import type { ProjectService } from '../projects/service.js';
import { AssetRepository, type AssetRow } from './repository.js';
import { annualInspections, warrantyEnd } from './warranty.js';

/** A replacement that installed a part of a position, as its warranty history shows it (the repairs module records these). */
export type ReplacementStep = Pick<
  AssetReplacementsTable,
  'replaced_on' | 'policy' | 'new_end' | 'extended_by_days' | 'ticket_id' | 'old_serial' | 'new_serial'
> & { ticket_number: string };

export interface AssetDeps {
  database: Database;
  audit: AuditService;
  projects: ProjectService;
  notifications: NotificationService;
  now: () => number;
  dataDir: string;
  /** The replacements that installed any of `assetIds`, oldest first (repairs module; a port, wired in services.ts). */
  replacements: { into(db: Tx, assetIds: string[]): Promise<ReplacementStep[]> };
}
export const DEFAULT_WARRANTY_MONTHS = 36;

/** What every use case of the ledger shares: its rows, visibility, contract terms and how a new row is built. */
export class AssetLedger {
  readonly repo: AssetRepository;
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

  /** The ids of an asset's position: the asset, the parts it replaced (oldest last), then its current parts. */
  async chain(db: Tx, a: AssetRow): Promise<string[]> {
    const ids = [a.id];
    for (let cur = a.replaces_id; cur && ids.length < 100;) {
      ids.push(cur);
      cur = (await this.repo.get(db, cur))?.replaces_id ?? null;
    }
    return ids;
  }

  async acceptanceIn(db: Tx, projectId: string, id: string) {
    const a = await this.repo.acceptance(db, id);
    if (!a || a.project_id !== projectId) throw invalid('acceptanceId', 'assets.acceptanceOfOtherProject');
    return a;
  }
  async parentIn(db: Tx, projectId: string, id: string) {
    const p = await this.repo.get(db, id);
    if (!p || p.project_id !== projectId) throw invalid('parentId', 'assets.parentOfOtherProject');
    return p;
  }

  /** A new ledger row for `projectId`, with its warranty end and first annual inspection computed. */
  async buildRow(
    _db: Tx,
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
}
