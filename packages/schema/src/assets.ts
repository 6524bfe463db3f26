import { z } from 'zod';
import {
  ARCHIVE_KINDS,
  ASSET_KINDS,
  ASSET_STATES,
  BILLING_REASONS,
  COST_KINDS,
  EXTENSION_POLICIES,
  REPAIR_DECISIONS,
  WARRANTY_STATUSES,
} from './enum-values.js';
import { CalendarDate, inRange } from './dates.js';
import { patchOf } from './patch.js';
import { Id, Millis } from './api.js';
import { FaultCause } from './enums.js';
import { Discipline } from './fieldwork.js';

/** A calendar date (YYYY-MM-DD) that exists: 2026-02-30 is refused. */
export const IsoDate = CalendarDate;

// ---------- contract terms for assets (R1, R3, R4) ----------
/** R4: how a replaced part's warranty is extended — by the repair downtime, or a full term from the replacement. */
export const ExtensionPolicy = z.enum(EXTENSION_POLICIES);
export type ExtensionPolicy = z.infer<typeof ExtensionPolicy>;

// ---------- acceptance (验收) and the asset ledger (资产台账) ----------
export const AssetKind = z.enum(ASSET_KINDS);
export type AssetKind = z.infer<typeof AssetKind>;
/** in_service: in use; replaced: swapped out by a repair (history kept); retired: taken out of use. */
export const AssetState = z.enum(ASSET_STATES);
export type AssetState = z.infer<typeof AssetState>;
/** expiring: ends within 90 days. not_accepted: no acceptance yet, so no warranty has started (R1). */
export const WarrantyStatus = z.enum(WARRANTY_STATUSES);
export type WarrantyStatus = z.infer<typeof WarrantyStatus>;

export const Acceptance = z.object({
  id: Id,
  projectId: Id,
  batch: z.string(),
  acceptedOn: z.string(),
  note: z.string().nullable(),
  documentName: z.string().nullable(),
  documentSize: z.number().nullable(),
  assetCount: z.number().int(),
  createdAt: Millis,
  createdByName: z.string(),
});
export const AcceptanceCreate = z.object({
  batch: z.string().trim().min(1).max(80),
  acceptedOn: IsoDate,
  note: z.string().trim().max(1000).optional(),
});

export const Asset = z.object({
  id: Id,
  projectId: Id,
  projectName: z.string(),
  customerId: Id,
  kind: AssetKind,
  type: z.string(),
  name: z.string(),
  model: z.string(),
  serial: z.string(),
  tag: z.string().nullable(),
  location: z.string().nullable(),
  supplier: z.string().nullable(),
  parentId: Id.nullable(),
  parentName: z.string().nullable(),
  acceptanceId: Id.nullable(),
  acceptanceBatch: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  warrantyMonths: z.number().int(),
  /** The end the item had at acceptance; differs from warrantyEnd after a replacement extended it (R4). */
  originalWarrantyEnd: z.string().nullable(),
  warrantyEnd: z.string().nullable(),
  warrantyStatus: WarrantyStatus,
  daysLeft: z.number().int().nullable(),
  state: AssetState,
  replacesId: Id.nullable(),
  replacedById: Id.nullable(),
  /** Next free annual inspection (R5), due on each anniversary of acceptance within the warranty. */
  nextInspectionDue: z.string().nullable(),
  createdAt: Millis,
  updatedAt: Millis,
});
export type Asset = z.infer<typeof Asset>;
const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).nullable().optional();
export const AssetCreate = z.object({
  kind: AssetKind,
  type: text(60),
  name: text(120),
  model: text(120),
  serial: text(120),
  tag: optText(60),
  location: optText(200),
  supplier: optText(120),
  parentId: Id.nullable().optional(),
  acceptanceId: Id.nullable().optional(),
  /** Leave out to use the project contract's term (36 months by default, R1). */
  warrantyMonths: z.number().int().min(0).max(240).optional(),
});
export const AssetUpdate = patchOf(AssetCreate).extend({
  state: z.literal('retired').optional(),
  reason: z.string().trim().max(500).optional(),
});
export const ASSET_SORTS = ['recent', 'warranty_end', 'name', 'type', 'serial'] as const;
export type AssetSort = (typeof ASSET_SORTS)[number];
export const AssetListQuery = z.object({
  projectId: Id.optional(),
  customerId: Id.optional(),
  kind: AssetKind.optional(),
  state: AssetState.optional(),
  warranty: WarrantyStatus.optional(),
  q: z.string().trim().max(100).optional(),
  /**
   * recent: newest first. warranty_end: soonest end first (the reminder list). name, type, serial: the ledger's
   * sortable columns. Each is served by a (scope, column, id) index and paged by keyset.
   */
  sort: z.enum(ASSET_SORTS).default('recent'),
  /** Defaults: newest first for `recent`, ascending for the others. */
  order: z.enum(['asc', 'desc']).optional(),
  endingWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const AssetPage = z.object({ items: z.array(Asset), nextCursor: z.string().nullable() });
export const AssetImportQuery = z.object({ mode: z.enum(['all', 'valid']).default('all') });
export const AssetImportResult = z.object({
  mode: z.enum(['all', 'valid']),
  imported: z.number().int(),
  skipped: z.number().int(),
  acceptancesCreated: z.number().int(),
  /** field: rows[N].column with N the spreadsheet's row number (the header is row 1). */
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
});

// ---------- warranty history, replacements, annual inspections ----------
export const WarrantyStep = z.object({
  on: z.string(),
  kind: z.enum(['acceptance', 'downtime', 'restart']),
  end: z.string(),
  extendedByDays: z.number().int(),
  ticketId: Id.nullable(),
  ticketNumber: z.string().nullable(),
  oldSerial: z.string().nullable(),
  newSerial: z.string().nullable(),
});
export const AnnualInspection = z.object({
  year: z.number().int(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  status: z.enum(['done', 'upcoming', 'due', 'overdue']),
});
export const InspectionDone = z.object({
  id: Id,
  assetId: Id,
  doneOn: z.string(),
  note: z.string().nullable(),
  byName: z.string(),
  ticketId: Id.nullable(),
  createdAt: Millis,
});
export const InspectionCreate = z.object({
  doneOn: IsoDate,
  note: z.string().trim().max(1000).optional(),
  ticketId: Id.optional(),
});
export const AssetDetail = Asset.extend({
  parts: z.array(Asset),
  warrantyHistory: z.array(WarrantyStep),
  annualInspections: z.array(AnnualInspection),
  inspections: z.array(InspectionDone),
});
export const InspectionDueQuery = z.object({
  projectId: Id.optional(),
  status: z.enum(['overdue', 'due_within']).default('overdue'),
  days: z.coerce.number().int().min(0).max(366).default(30),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const InspectionDueItem = z.object({
  asset: Asset,
  dueOn: z.string(),
  year: z.number().int(),
  daysOverdue: z.number().int(),
});
export const InspectionDuePage = z.object({ items: z.array(InspectionDueItem), nextCursor: z.string().nullable() });

// ---------- repairs: asset, replaced parts, free or billable (R2–R4) ----------
export const CostKind = z.enum(COST_KINDS);
export type CostKind = z.infer<typeof CostKind>;
/** Why a repair is free or billable; shown on every cost line. */
export const BillingReason = z.enum(BILLING_REASONS);
export type BillingReason = z.infer<typeof BillingReason>;
export const Replacement = z.object({
  id: Id,
  ticketId: Id,
  ticketNumber: z.string(),
  oldAssetId: Id,
  newAssetId: Id,
  oldSerial: z.string(),
  newSerial: z.string(),
  model: z.string(),
  faultOn: z.string(),
  replacedOn: z.string(),
  policy: ExtensionPolicy,
  inWarranty: z.boolean(),
  previousEnd: z.string().nullable(),
  newEnd: z.string().nullable(),
  extendedByDays: z.number().int(),
  createdAt: Millis,
  byName: z.string(),
});
export const ReplacementCreate = z.object({
  /** The repaired asset itself or one of its parts. */
  oldAssetId: Id,
  newSerial: text(120),
  newModel: optText(120),
  replacedOn: IsoDate,
  note: optText(500),
  /** Cost price of the new part (fen); recorded as a part cost line. */
  partCostCents: z.number().int().min(0).max(1_000_000_000).optional(),
});
export const CostItem = z.object({
  id: Id,
  ticketId: Id,
  kind: CostKind,
  description: z.string(),
  quantity: z.number(),
  unitCostCents: z.number().int(),
  amountCents: z.number().int(),
  /** null while the decision is pending (fault cause not known yet, item in warranty). */
  billable: z.boolean().nullable(),
  reason: BillingReason,
  createdAt: Millis,
  byName: z.string(),
});
export const CostItemCreate = z.object({
  kind: CostKind,
  description: text(200),
  /** Hours for labour (at the contract's cost rate), pieces for parts, 1 for travel and other. */
  quantity: z.number().positive().max(100_000).multipleOf(0.01),
  /** Cost price per unit in fen; labour uses the contract's rate and must leave this out. */
  unitCostCents: z.number().int().min(0).max(1_000_000_000).optional(),
});
export const RepairPoint = z.object({
  id: Id,
  name: z.string(),
  address: z.string(),
  personInCharge: z.string(),
  contact: z.string().nullable(),
  phone: z.string(),
  capabilities: z.array(z.string()),
  staff: z.array(z.object({ discipline: Discipline, count: z.number().int() })),
  projects: z.array(z.object({ id: Id, name: z.string() })),
  updatedAt: Millis,
});
export const RepairPointInput = z.object({
  name: text(120),
  address: text(300),
  personInCharge: text(60),
  contact: optText(120),
  phone: z.string().trim().min(3).max(32),
  capabilities: z.array(text(60)).max(50),
  staff: z.array(z.object({ discipline: Discipline, count: z.number().int().min(0).max(10_000) })).max(4),
  projectIds: z.array(Id).max(500),
});
export const TicketRepair = z.object({
  ticketId: Id,
  ticketNumber: z.string(),
  asset: Asset.nullable(),
  faultOn: z.string(),
  /** null until an asset is recorded or while it is not accepted. */
  inWarranty: z.boolean().nullable(),
  warrantyEndAtFault: z.string().nullable(),
  faultCause: FaultCause.nullable(),
  decision: z.enum(REPAIR_DECISIONS),
  reason: BillingReason,
  extensionPolicy: ExtensionPolicy,
  labourRateCents: z.number().int(),
  replacements: z.array(Replacement),
  costItems: z.array(CostItem),
  totals: z.object({ billableCents: z.number().int(), freeCents: z.number().int(), pendingCents: z.number().int() }),
  repairPoints: z.array(RepairPoint),
});
export const RepairAssetSet = z.object({ assetId: Id });

// ---------- cost statement (R3) ----------
export const CostStatementQuery = inRange(z.object({ customerId: Id, from: IsoDate, to: IsoDate }));
export const CostStatementLine = z.object({
  day: z.string(),
  ticketId: Id,
  ticketNumber: z.string(),
  ticketTitle: z.string(),
  projectName: z.string(),
  assetName: z.string().nullable(),
  serial: z.string().nullable(),
  kind: CostKind,
  description: z.string(),
  quantity: z.number(),
  unitCostCents: z.number().int(),
  amountCents: z.number().int(),
  reason: BillingReason,
  reasonText: z.string(),
});
export const CostStatement = z.object({
  customerId: Id,
  customerName: z.string(),
  from: z.string(),
  to: z.string(),
  lines: z.array(CostStatementLine),
  totalCents: z.number().int(),
  byKind: z.array(z.object({ kind: CostKind, amountCents: z.number().int() })),
  generatedAt: Millis,
});

// ---------- maintenance archive (用户维修档案, R21) ----------
export const ArchiveKind = z.enum(ARCHIVE_KINDS);
export const ArchiveEvent = z.object({
  id: z.string(),
  at: Millis,
  kind: ArchiveKind,
  assetId: Id.nullable(),
  assetName: z.string().nullable(),
  serial: z.string().nullable(),
  ticketId: Id.nullable(),
  ticketNumber: z.string().nullable(),
  title: z.string(),
  detail: z.string(),
  amountCents: z.number().int().nullable(),
  billable: z.boolean().nullable(),
});
export const ArchiveQuery = inRange(
  z.object({
    kinds: z
      .array(ArchiveKind)
      .or(ArchiveKind.transform((k) => [k]))
      .optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
);
export const ArchivePage = z.object({ items: z.array(ArchiveEvent), nextCursor: z.string().nullable() });
