import { z } from 'zod';
import { inRange, MonthQuery } from './dates.js';
import { patchOf } from './patch.js';
import { Id, Millis } from './api.js';
import { IsoDate } from './assets.js';

// ---------- checklist templates (巡检模板), versioned ----------
export const ChecklistItem = z.object({
  /** Stable within a template family, so results compare across versions. */
  key: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{1,40}$/, 'schema.itemKeyChars'),
  title: z.string().trim().min(1).max(120),
  method: z.string().trim().max(500).default(''),
  /** What a pass looks like, in words ("指示灯绿色", "无告警"); a numeric range goes in min/max. */
  expected: z.string().trim().max(200).default(''),
  min: z.number().nullable().default(null),
  max: z.number().nullable().default(null),
  unit: z.string().trim().max(20).default(''),
  photoRequired: z.boolean().default(false),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;
export const ChecklistScope = z.enum(['system', 'asset_type']);
export const ChecklistTemplateInput = z.object({
  name: z.string().trim().min(1).max(120),
  scope: ChecklistScope,
  /** For scope asset_type: the ledger's device type (服务器, 交换机 …). */
  assetType: z.string().trim().max(60).nullable().default(null),
  items: z.array(ChecklistItem).min(1).max(300),
});
export const ChecklistTemplate = z.object({
  id: Id,
  familyId: Id,
  version: z.number().int(),
  current: z.boolean(),
  name: z.string(),
  scope: ChecklistScope,
  assetType: z.string().nullable(),
  items: z.array(
    ChecklistItem.extend({
      method: z.string(),
      expected: z.string(),
      min: z.number().nullable(),
      max: z.number().nullable(),
      unit: z.string(),
      photoRequired: z.boolean(),
    }),
  ),
  createdAt: Millis,
  createdByName: z.string(),
});

// ---------- plans (巡检计划) and tasks (巡检任务) ----------
export const PlanKind = z.enum(['monthly', 'annual', 'periodic']);
export type PlanKind = z.infer<typeof PlanKind>;
export const InspectionPlanInput = z.object({
  name: z.string().trim().min(1).max(120),
  kind: PlanKind,
  /** Any version of the template family; new tasks use the family's current version. */
  templateId: Id,
  /** monthly / periodic: due by this day of the month (the month's last day when shorter). */
  dueDay: z.number().int().min(1).max(31).default(25),
  /** periodic: months between checks (3 = quarterly). */
  intervalMonths: z.number().int().min(1).max(24).default(1),
  startsOn: IsoDate,
  /** Tasks are generated this many days before they fall due. */
  leadDays: z.number().int().min(0).max(92).default(31),
  assigneeIds: z.array(Id).min(1).max(50),
});
export const InspectionPlanUpdate = patchOf(
  InspectionPlanInput.pick({ name: true, templateId: true, leadDays: true, assigneeIds: true }),
);
export const PauseRequest = z.object({ reason: z.string().trim().min(1).max(500) });
export const InspectionPlan = z.object({
  id: Id,
  projectId: Id,
  projectName: z.string(),
  name: z.string(),
  kind: PlanKind,
  templateFamilyId: Id,
  templateName: z.string(),
  dueDay: z.number().int(),
  intervalMonths: z.number().int(),
  startsOn: z.string(),
  leadDays: z.number().int(),
  assigneeIds: z.array(Id),
  assigneeNames: z.array(z.string()),
  paused: z.boolean(),
  pauses: z.array(z.object({ from: z.string(), to: z.string().nullable(), reason: z.string() })),
  createdAt: Millis,
});
export const TaskState = z.enum(['open', 'overdue', 'done', 'late', 'cancelled']);
export const InspectionTask = z.object({
  id: Id,
  planId: Id,
  planName: z.string(),
  kind: PlanKind,
  projectId: Id,
  projectName: z.string(),
  period: z.string(),
  dueOn: z.string(),
  assetId: Id.nullable(),
  assetName: z.string().nullable(),
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  templateVersionId: Id,
  status: z.enum(['open', 'in_progress', 'done', 'cancelled']),
  state: TaskState,
  doneOn: z.string().nullable(),
  cancelReason: z.string().nullable(),
});
export const InspectionTaskQuery = inRange(
  z.object({
    projectId: Id.optional(),
    assigneeId: Id.optional(),
    from: IsoDate,
    to: IsoDate,
    state: TaskState.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  }),
);
export const InspectionTaskPage = z.object({ items: z.array(InspectionTask), nextCursor: z.string().nullable() });
/** month: YYYY-MM, this (Beijing) month when left out (the shared month query). */
export const CompletionQuery = MonthQuery;
const Counts = z.object({
  planned: z.number().int(),
  done: z.number().int(),
  late: z.number().int(),
  overdue: z.number().int(),
  open: z.number().int(),
  cancelled: z.number().int(),
});
export const InspectionCompletion = Counts.extend({
  projectId: Id,
  month: z.string(),
  byPlan: z.array(Counts.extend({ planId: Id, planName: z.string(), kind: PlanKind })),
});

// ---------- execution (巡检执行): results per item, parameter adjustments, findings as tickets ----------
export const ItemOutcome = z.enum(['pass', 'fail', 'na']);
export const InspectionResult = z.object({
  key: z.string(),
  outcome: ItemOutcome,
  value: z.number().nullable(),
  note: z.string().nullable(),
  hasPhoto: z.boolean(),
  ticketId: Id.nullable(),
  ticketNumber: z.string().nullable(),
  updatedAt: Millis,
  byName: z.string(),
});
export const ResultInput = z.object({
  outcome: ItemOutcome,
  /** The measured value, for items with a range or a unit. */
  value: z.number().finite().nullable().optional(),
  note: z.string().trim().max(1000).optional(),
});
export const Adjustment = z.object({
  id: Id,
  parameter: z.string(),
  before: z.string(),
  after: z.string(),
  reason: z.string(),
  at: Millis,
  byName: z.string(),
});
export const AdjustmentInput = z.object({
  parameter: z.string().trim().min(1).max(120),
  before: z.string().trim().min(1).max(200),
  after: z.string().trim().min(1).max(200),
  reason: z.string().trim().min(1).max(500),
});
export const FindingTicketInput = z.object({
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  title: z.string().trim().min(1).max(200).optional(),
});
export const FinishRequest = z.object({ summary: z.string().trim().max(5000).optional() });
export const InspectionTaskDetail = InspectionTask.extend({
  template: ChecklistTemplate,
  results: z.array(InspectionResult),
  adjustments: z.array(Adjustment),
  startedAt: Millis.nullable(),
  recordId: Id.nullable(),
  recordNumber: z.string().nullable(),
  recordStatus: z.string().nullable(),
});
