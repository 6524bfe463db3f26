import type {
  AcceptanceCreate,
  AssetCreate,
  AssetListQuery,
  AssetUpdate,
  InspectionCreate,
  InspectionDueQuery,
} from '@weibao/schema';
import type { z } from 'zod';
import type { Tx } from '../../db/dialect.js';
import type { Actor, RequestMeta } from '../../lib/actor.js';
import { AssetAcceptances } from './acceptances.js';
import { AnnualInspections } from './annual.js';
import { AssetEdits, type NewPart } from './edits.js';
import { AssetLedger } from './ledger.js';
import { presentAsset } from './present.js';
import { AssetQueries } from './queries.js';
import { WarrantyReminders } from './reminders.js';
import type { AssetRow } from './repository.js';

export { type AssetDeps, DEFAULT_WARRANTY_MONTHS, type ReplacementStep } from './ledger.js';
export { REMINDER_DAYS } from './reminders.js';

/**
 * The asset ledger (资产台账): items, acceptances, warranty ends, annual inspections and reminders (R1, R5). The
 * module's one face to routes and other modules; each use case lives in its own file and shares the ledger core.
 */
export class AssetService extends AssetLedger {
  private readonly queries = new AssetQueries(this);
  private readonly edits = new AssetEdits(this);
  private readonly acceptanceBook = new AssetAcceptances(this);
  private readonly annual = new AnnualInspections(this);
  private readonly reminders = new WarrantyReminders(this);

  // ---------- the ledger ----------
  list(actor: Actor, q: z.infer<typeof AssetListQuery>) {
    return this.queries.list(actor, q);
  }
  detail(actor: Actor, id: string, db: Tx = this.db) {
    return this.queries.detail(actor, id, db);
  }
  create(meta: RequestMeta, projectId: string, input: z.infer<typeof AssetCreate>) {
    return this.edits.create(meta, projectId, input);
  }
  update(meta: RequestMeta, id: string, input: z.infer<typeof AssetUpdate>) {
    return this.edits.update(meta, id, input);
  }

  // ---------- for the repairs and archive modules ----------
  /** A ledger row, whoever asks (the caller checks it belongs to its ticket's project). */
  row(db: Tx, id: string): Promise<AssetRow | undefined> {
    return this.repo.get(db, id);
  }
  /** Whether `serial` is already in the project's ledger. */
  async serialTaken(db: Tx, projectId: string, serial: string): Promise<boolean> {
    return !!(await this.repo.bySerial(db, projectId, serial));
  }
  /** A row in the API's shape, as of today. */
  present(row: AssetRow) {
    return presentAsset(row, this.today());
  }
  /** A replacement part takes `old`'s position (R4); returns the new row. */
  replacePart(tx: Tx, old: AssetRow, part: NewPart) {
    return this.edits.replacePart(tx, old, part);
  }
  /** An asset the actor may see, with the ids of its position: itself, what it replaced, and its current parts. */
  async position(db: Tx, actor: Actor, id: string) {
    const asset = await this.visible(db, actor, id);
    const ids = await this.chain(db, asset);
    ids.push(...(await this.repo.children(db, asset.id)).map((c) => c.id));
    return { asset, ids };
  }

  // ---------- acceptances (验收) ----------
  acceptances(actor: Actor, projectId: string) {
    return this.acceptanceBook.list(actor, projectId);
  }
  createAcceptance(meta: RequestMeta, projectId: string, input: z.infer<typeof AcceptanceCreate>) {
    return this.acceptanceBook.create(meta, projectId, input);
  }
  attachDocument(meta: RequestMeta, id: string, file: { fileName: string; mime: string; data: Buffer }) {
    return this.acceptanceBook.attachDocument(meta, id, file);
  }
  documentFile(actor: Actor, id: string) {
    return this.acceptanceBook.documentFile(actor, id);
  }

  // ---------- annual inspections (R5) ----------
  /** A project's assets in service, for the annual inspection plan (inspections/service.ts). */
  inServiceOf(db: Tx, projectId: string) {
    return this.annual.inServiceOf(db, projectId);
  }
  /** `outer`: run inside the caller's transaction (an annual inspection task finishing records it). */
  recordInspection(meta: RequestMeta, id: string, input: z.infer<typeof InspectionCreate>, outer?: Tx) {
    return this.annual.record(meta, id, input, outer);
  }
  /** Annual inspections of a project's assets due in [from, to] (commitments register). */
  annualDues(projectId: string, from: string, to: string) {
    return this.annual.dues(projectId, from, to);
  }
  inspectionsDue(actor: Actor, q: z.infer<typeof InspectionDueQuery>) {
    return this.annual.due(actor, q);
  }

  // ---------- warranty reminders (worker) ----------
  remindWarranty(limit = 500): Promise<number> {
    return this.reminders.remind(limit);
  }
}
