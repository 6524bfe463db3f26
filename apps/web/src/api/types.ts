// Response/request types inferred from the zod schemas (type-only: no zod code reaches the bundle from here).
import type { z } from 'zod';
import type * as S from '@weibao/schema';

export type { Me, Clock, Ticket, TicketSummary, TicketCreate, TicketActionRequest, SlaPolicy } from '@weibao/schema';
export type {
  Role,
  FaultLevel,
  Channel,
  TicketStatus,
  ClockKind,
  ClockStatus,
  FaultCause,
  SuspendReason,
  TicketAction,
  OrgKind,
} from '@weibao/schema';

export type Org = z.infer<typeof S.Org>;
export type OrgCreate = z.input<typeof S.OrgCreate>;
export type Project = z.infer<typeof S.Project>;
export type ProjectCreate = z.input<typeof S.ProjectCreate>;
export type ProjectUpdate = z.input<typeof S.ProjectUpdate>;
export type Contract = z.infer<typeof S.Contract>;
export type ContractCreate = z.input<typeof S.ContractCreate>;
export type LevelTargets = z.infer<typeof S.LevelTargets>;
export type CalendarSpec = z.infer<typeof S.CalendarSpecSchema>;
export type BusinessPeriod = z.infer<typeof S.BusinessPeriod>;
export type User = z.infer<typeof S.User>;
export type UserCreate = z.input<typeof S.UserCreate>;
export type UserUpdate = z.input<typeof S.UserUpdate>;
export type TicketPage = z.infer<typeof S.TicketPage>;
// Output types (coerced numbers), all optional: what the web sends as query parameters.
export type TicketListQuery = Partial<z.infer<typeof S.TicketListQuery>>;
export type TimelineEvent = z.infer<typeof S.TimelineEvent>;
export type Comment = z.infer<typeof S.Comment>;
export type CommentCreate = z.input<typeof S.CommentCreate>;
export type Attachment = z.infer<typeof S.Attachment>;
export type ClockHistory = z.infer<typeof S.ClockHistory>;
export type Notification = z.infer<typeof S.Notification>;
export type AuditEntry = z.infer<typeof S.AuditEntry>;
export type AuditQuery = Partial<z.infer<typeof S.AuditQuery>>;
export type Dashboard = z.infer<typeof S.Dashboard>;
export type Problem = z.infer<typeof S.Problem>;
export type AuditPage = { items: AuditEntry[]; nextCursor: string | null };
export type TicketTab = NonNullable<TicketListQuery['tab']>;
export type SecurityPolicy = z.infer<typeof S.SecurityPolicy>;
export type StaffMember = z.infer<typeof S.StaffMember>;

// Field service: check-in / check-out (出入记录) and O&M records (运维记录).
export type { SiteVisit, OmRecord, OmRecordStatus } from '@weibao/schema';
export type SiteVisitPage = z.infer<typeof S.SiteVisitPage>;
export type SiteVisitQuery = Partial<z.infer<typeof S.SiteVisitQuery>>;
export type CheckInRequest = z.input<typeof S.CheckInRequest>;
export type CheckOutRequest = z.input<typeof S.CheckOutRequest>;
export type GeoPosition = NonNullable<CheckInRequest['position']>;
export type OmRecordKind = z.infer<typeof S.OmRecordKind>;
export type OmRecordSummary = z.infer<typeof S.OmRecordSummary>;
export type OmRecordPage = z.infer<typeof S.OmRecordPage>;
export type OmRecordQuery = Partial<z.infer<typeof S.OmRecordQuery>>;
export type OmRecordCreate = z.input<typeof S.OmRecordCreate>;
export type OmRecordUpdate = z.input<typeof S.OmRecordUpdate>;
export type OmRecordAmend = z.input<typeof S.OmRecordAmend>;
export type OmRecordAction = z.infer<typeof S.OmRecord>['allowedActions'][number];

// Resident presence (驻场考勤, R14) and staffing plan (人员配置, R28).
export type ResidentPlan = z.infer<typeof S.ResidentPlan>;
export type ResidentPlanUpdate = z.input<typeof S.ResidentPlanUpdate>;
export type PresenceStatus = z.infer<typeof S.PresenceStatus>;
export type DailyPresence = z.infer<typeof S.DailyPresence>;
export type DailyPresenceEngineer = DailyPresence['engineers'][number];
export type MonthlyPresence = z.infer<typeof S.MonthlyPresence>;
export type MonthlyPresenceEngineer = MonthlyPresence['engineers'][number];
export type Discipline = z.infer<typeof S.Discipline>;
export type Certification = z.input<typeof S.Certification>;
export type EngineerProfile = z.infer<typeof S.EngineerProfile>;
export type EngineerProfileUpdate = z.input<typeof S.EngineerProfileUpdate>;
export type StaffingRequirement = z.infer<typeof S.StaffingRequirement>;
export type StaffingAssignment = z.infer<typeof S.StaffingAssignment>;
export type StaffingPlan = z.infer<typeof S.StaffingPlan>;
export type StaffingPlanUpdate = z.input<typeof S.StaffingPlanUpdate>;
export type StaffingCoverage = StaffingPlan['coverage'][number];
export type StaffingAssignmentView = StaffingPlan['assignments'][number];

// Assets (资产台账), acceptance (验收), warranty, repairs and costs (R1–R5, R21).
export type ContractPartExtension = Contract['partExtension'];
export type AssetKind = z.infer<typeof S.AssetKind>;
export type AssetState = z.infer<typeof S.AssetState>;
export type WarrantyStatus = z.infer<typeof S.WarrantyStatus>;
export type ExtensionPolicy = z.infer<typeof S.ExtensionPolicy>;
export type Asset = z.infer<typeof S.Asset>;
export type AssetCreate = z.input<typeof S.AssetCreate>;
export type AssetUpdate = z.input<typeof S.AssetUpdate>;
export type AssetPage = z.infer<typeof S.AssetPage>;
export type AssetListQuery = Partial<z.infer<typeof S.AssetListQuery>>;
export type AssetImportResult = z.infer<typeof S.AssetImportResult>;
export type AssetDetail = z.infer<typeof S.AssetDetail>;
export type Acceptance = z.infer<typeof S.Acceptance>;
export type AcceptanceCreate = z.input<typeof S.AcceptanceCreate>;
export type WarrantyStep = z.infer<typeof S.WarrantyStep>;
export type AnnualInspection = z.infer<typeof S.AnnualInspection>;
export type InspectionDone = z.infer<typeof S.InspectionDone>;
export type InspectionCreate = z.input<typeof S.InspectionCreate>;
export type InspectionDueQuery = Partial<z.infer<typeof S.InspectionDueQuery>>;
export type InspectionDueItem = z.infer<typeof S.InspectionDueItem>;
export type InspectionDuePage = z.infer<typeof S.InspectionDuePage>;
export type CostKind = z.infer<typeof S.CostKind>;
export type BillingReason = z.infer<typeof S.BillingReason>;
export type Replacement = z.infer<typeof S.Replacement>;
export type ReplacementCreate = z.input<typeof S.ReplacementCreate>;
export type CostItem = z.infer<typeof S.CostItem>;
export type CostItemCreate = z.input<typeof S.CostItemCreate>;
export type RepairPoint = z.infer<typeof S.RepairPoint>;
export type RepairPointInput = z.input<typeof S.RepairPointInput>;
export type TicketRepair = z.infer<typeof S.TicketRepair>;
export type RepairDecision = TicketRepair['decision'];
export type CostStatement = z.infer<typeof S.CostStatement>;
export type CostStatementLine = z.infer<typeof S.CostStatementLine>;
export type ArchiveKind = z.infer<typeof S.ArchiveKind>;
export type ArchiveEvent = z.infer<typeof S.ArchiveEvent>;
export type ArchivePage = z.infer<typeof S.ArchivePage>;
export type HolidayYear = z.infer<typeof S.HolidayYear>;
export type HolidayYears = z.infer<typeof S.HolidayYears>;
export type HolidayHorizonWarning = z.infer<typeof S.HolidayHorizonWarning>;
export type TicketTotal = z.infer<typeof S.TicketTotal>;
export type TicketBulkRequest = z.infer<typeof S.TicketBulkRequest>;
export type TicketBulkResult = z.infer<typeof S.TicketBulkResult>;
export type SavedFilter = z.infer<typeof S.SavedFilter>;
