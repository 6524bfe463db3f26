/**
 * Row types of every table. Times are UTC epoch milliseconds (bigint in PostgreSQL, parsed to
 * number by the pg type parser in database.ts); booleans are 0/1 integers so one migration set
 * serves both dialects.
 *
 * One file per area under types/; this file re-exports them all and names every table in `DB`.
 */
import type * as Core from './types/core.js';
import type * as Tickets from './types/tickets.js';
import type * as Reports from './types/reports.js';
import type * as Fieldwork from './types/fieldwork.js';
import type * as Assets from './types/assets.js';
import type * as Inspections from './types/inspections.js';
import type * as Training from './types/training.js';
import type * as Knowledge from './types/knowledge.js';
export type * from './types/core.js';
export type * from './types/tickets.js';
export type * from './types/reports.js';
export type * from './types/fieldwork.js';
export type * from './types/assets.js';
export type * from './types/inspections.js';
export type * from './types/training.js';
export type * from './types/knowledge.js';

export interface DB {
  orgs: Core.OrgsTable;
  users: Core.UsersTable;
  user_roles: Core.UserRolesTable;
  sessions: Core.SessionsTable;
  api_tokens: Core.ApiTokensTable;
  projects: Core.ProjectsTable;
  project_members: Core.ProjectMembersTable;
  contracts: Core.ContractsTable;
  counters: Core.CountersTable;
  tickets: Tickets.TicketsTable;
  ticket_events: Tickets.TicketEventsTable;
  ticket_comments: Tickets.TicketCommentsTable;
  attachments: Tickets.AttachmentsTable;
  commitments: Reports.CommitmentsTable;
  report_notes: Reports.ReportNotesTable;
  monthly_reports: Reports.MonthlyReportsTable;
  report_schedules: Reports.ReportSchedulesTable;
  report_receipts: Reports.ReportReceiptsTable;
  sla_clocks: Tickets.SlaClocksTable;
  sla_alerts: Tickets.SlaAlertsTable;
  notifications: Tickets.NotificationsTable;
  mail_outbox: Tickets.MailOutboxTable;
  audit_log: Core.AuditLogTable;
  audit_head: Core.AuditHeadTable;
  settings: Core.SettingsTable;
  site_visits: Fieldwork.SiteVisitsTable;
  om_records: Fieldwork.OmRecordsTable;
  record_chain_head: Fieldwork.RecordChainHeadTable;
  resident_plans: Fieldwork.ResidentPlansTable;
  engineer_profiles: Fieldwork.EngineerProfilesTable;
  staffing_plans: Fieldwork.StaffingPlansTable;
  acceptances: Assets.AcceptancesTable;
  assets: Assets.AssetsTable;
  ticket_repairs: Assets.TicketRepairsTable;
  asset_replacements: Assets.AssetReplacementsTable;
  cost_items: Assets.CostItemsTable;
  asset_inspections: Assets.AssetInspectionsTable;
  repair_points: Assets.RepairPointsTable;
  repair_point_projects: Assets.RepairPointProjectsTable;
  checklist_templates: Inspections.ChecklistTemplatesTable;
  inspection_plans: Inspections.InspectionPlansTable;
  inspection_tasks: Inspections.InspectionTasksTable;
  inspection_results: Inspections.InspectionResultsTable;
  inspection_adjustments: Inspections.InspectionAdjustmentsTable;
  training_plans: Training.TrainingPlansTable;
  training_courses: Training.TrainingCoursesTable;
  training_materials: Training.TrainingMaterialsTable;
  training_batches: Training.TrainingBatchesTable;
  training_trainees: Training.TrainingTraineesTable;
  training_enrolments: Training.TrainingEnrolmentsTable;
  training_sessions: Training.TrainingSessionsTable;
  training_attendance: Training.TrainingAttendanceTable;
  training_assessments: Training.TrainingAssessmentsTable;
  satisfaction_surveys: Reports.SatisfactionSurveysTable;
  rating_requests: Reports.RatingRequestsTable;
  feedback: Reports.FeedbackTable;
  kb_categories: Knowledge.KbCategoriesTable;
  kb_articles: Knowledge.KbArticlesTable;
  kb_article_versions: Knowledge.KbArticleVersionsTable;
  kb_attachments: Knowledge.KbAttachmentsTable;
  kb_ticket_links: Knowledge.KbTicketLinksTable;
  kb_fts: Knowledge.KbFtsTable;
  survey_schedules: Reports.SurveySchedulesTable;
  holiday_years: Core.HolidayYearsTable;
  saved_filters: Tickets.SavedFiltersTable;
}
