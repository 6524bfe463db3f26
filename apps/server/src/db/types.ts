/**
 * Row types of every table. Times are UTC epoch milliseconds (bigint in PostgreSQL, parsed to
 * number by the pg type parser in database.ts); booleans are 0/1 integers so one migration set
 * serves both dialects.
 */
export interface OrgsTable {
  id: string;
  name: string;
  kind: string;
  created_at: number;
}
export interface UsersTable {
  id: string;
  org_id: string;
  username: string;
  display_name: string;
  email: string | null;
  phone: string | null;
  level: number;
  password_hash: string;
  password_changed_at: number;
  must_change_password: number;
  disabled: number;
  failed_logins: number;
  locked_until: number | null;
  last_login_at: number | null;
  last_login_ip: string | null;
  locale: string;
  created_at: number;
}
export interface UserRolesTable {
  user_id: string;
  role: string;
}
export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  ip: string | null;
  user_agent: string | null;
}
export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
  revoked_at: number | null;
}
export interface ProjectsTable {
  id: string;
  customer_id: string;
  code: string;
  name: string;
  service_manager_id: string | null;
  created_at: number;
}
export interface ProjectMembersTable {
  project_id: string;
  user_id: string;
}
export interface ContractsTable {
  id: string;
  project_id: string;
  code: string;
  name: string;
  starts_on: string;
  ends_on: string;
  warranty_months: number;
  policy_json: string;
  created_at: number;
  updated_at: number;
  part_extension: string;
  labour_rate_cents: number;
  satisfaction_target_pct: number;
}
export interface CountersTable {
  name: string;
  value: number;
}
export interface TicketsTable {
  id: string;
  number: string;
  project_id: string;
  customer_id: string;
  contract_id: string | null;
  title: string;
  description: string;
  level: number;
  channel: string;
  status: string;
  reporter_name: string;
  reporter_phone: string;
  location: string | null;
  reported_at: number;
  reported_at_reason: string | null;
  created_at: number;
  created_by: string;
  assignee_id: string | null;
  fault_cause: string | null;
  solution: string | null;
  billable: number | null;
  resolved_at: number | null;
  closed_at: number | null;
  auto_close_at: number | null;
  reopen_count: number;
  suspend_reason: string | null;
  next_due_at: number | null;
  due_sort: number;
  breached: number;
  last_urged_at: number | null;
  rating: number | null;
  updated_at: number;
}
export interface TicketEventsTable {
  id: string;
  ticket_id: string;
  at: number;
  actor_id: string | null;
  type: string;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  data_json: string;
  public: number;
}
export interface TicketCommentsTable {
  id: string;
  ticket_id: string;
  at: number;
  author_id: string;
  body: string;
  internal: number;
}
export interface AttachmentsTable {
  id: string;
  ticket_id: string;
  at: number;
  uploader_id: string;
  file_name: string;
  size: number;
  mime: string;
  storage_path: string;
  sha256: string;
}
export interface SlaClocksTable {
  id: string;
  ticket_id: string;
  kind: string;
  cycle: number;
  target_ms: number;
  started_at: number;
  stopped_at: number | null;
  cancelled: number;
  not_needed_reason: string | null;
  pauses_json: string;
  paused_since: number | null;
  due_at: number | null;
  updated_at: number;
  /** Denormalised for reporting: the ticket's project and (current) fault level. */
  project_id: string | null;
  level: number | null;
  /** Set when the clock stops: met | breached | not_needed | cancelled; elapsed working time and lateness then. */
  outcome: string | null;
  elapsed_ms: number | null;
  late_ms: number | null;
}
/** state: pending | paused | fired | cancelled | superseded (a warning not sent: its clock's breach was due too). */
export interface SlaAlertsTable {
  id: string;
  clock_id: string;
  ticket_id: string;
  kind: string;
  fire_at: number | null;
  state: string;
  fired_at: number | null;
  fired_by: string | null;
}
export interface NotificationsTable {
  id: string;
  user_id: string;
  at: number;
  kind: string;
  title: string;
  body: string;
  ticket_id: string | null;
  source_key: string | null;
  read_at: number | null;
}
export interface MailOutboxTable {
  id: string;
  to_addr: string;
  subject: string;
  body: string;
  state: string;
  attempts: number;
  next_attempt_at: number;
  sent_at: number | null;
  error: string | null;
  source_key: string;
  created_at: number;
  /** JSON [{fileName, path (relative to the data dir), mime}] or null. */
  attachments_json?: string | null;
}
export interface CommitmentsTable {
  id: string;
  contract_id: string;
  kind: string;
  level: number;
  target: number;
  enabled: number;
  note: string;
  updated_at: number;
  updated_by: string | null;
}
export interface ReportNotesTable {
  project_id: string;
  month: string;
  next_month_plan: string;
  updated_at: number;
  updated_by: string | null;
}
export interface MonthlyReportsTable {
  id: string;
  project_id: string;
  month: string;
  format: string;
  file_name: string;
  size: number;
  sha256: string;
  storage_path: string;
  generated_at: number;
  generated_by: string | null;
  trigger: string;
  emailed_to_json: string;
}
/** The purchaser's first fetch of a finished month's report (it counts as delivered). */
export interface ReportReceiptsTable {
  project_id: string;
  month: string;
  fetched_at: number;
  fetched_by: string;
}
export interface ReportSchedulesTable {
  project_id: string;
  enabled: number;
  day_of_month: number;
  formats_json: string;
  recipients_json: string;
  next_run_at: number | null;
  last_run_at: number | null;
  updated_at: number;
  updated_by: string | null;
}
export interface AuditLogTable {
  seq: number;
  id: string;
  at: number;
  actor_id: string | null;
  actor_name: string | null;
  actor_roles: string;
  ip: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  summary: string;
  detail_json: string;
  result: string;
  prev_hash: string;
  hash: string;
}
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}
export interface SettingsTable {
  key: string;
  value_json: string;
  updated_at: number;
  updated_by: string | null;
}
export interface SiteVisitsTable {
  id: string;
  project_id: string;
  engineer_id: string;
  ticket_id: string | null;
  checked_in_at: number;
  check_in_location: string;
  check_in_position: string | null;
  checked_out_at: number | null;
  check_out_location: string | null;
  check_out_position: string | null;
  note: string | null;
  photo_path: string | null;
  photo_mime: string | null;
  forgotten_flagged_at: number | null;
}
export interface OmRecordsTable {
  id: string;
  number: string;
  version: number;
  supersedes_id: string | null;
  amend_reason: string | null;
  project_id: string;
  customer_id: string;
  kind: string;
  status: string;
  service_start: number;
  service_end: number;
  location: string;
  content: string;
  result: string;
  visit_ids_json: string;
  ticket_ids_json: string;
  staff_names_json: string;
  extra_staff_json: string;
  headcount: number;
  headcount_derived: number;
  headcount_reason: string | null;
  author_id: string;
  created_at: number;
  updated_at: number;
  submitted_at: number | null;
  reviewed_at: number | null;
  reviewer_id: string | null;
  review_note: string | null;
  rejected_at: number | null;
  rejector_id: string | null;
  reject_reason: string | null;
  signed_at: number | null;
  signer_id: string | null;
  signer_ip: string | null;
  signature_path: string | null;
  signature_sha256: string | null;
  chain_seq: number | null;
  prev_hash: string | null;
  content_hash: string | null;
}
export interface RecordChainHeadTable {
  id: number;
  seq: number;
  hash: string;
}
export interface ResidentPlansTable {
  project_id: string;
  headcount: number;
  weekdays_json: string;
  china_calendar: number;
  start_time: string;
  end_time: string;
  late_grace_min: number;
  engineer_ids_json: string;
  updated_at: number;
  updated_by: string | null;
  min_onsite_min: number;
}
export interface EngineerProfilesTable {
  user_id: string;
  disciplines_json: string;
  skill_level: number;
  certifications_json: string;
  updated_at: number;
  updated_by: string | null;
}
export interface StaffingPlansTable {
  project_id: string;
  requirements_json: string;
  assignments_json: string;
  updated_at: number;
  updated_by: string | null;
}

export interface AcceptancesTable {
  id: string;
  project_id: string;
  batch: string;
  accepted_on: string;
  note: string | null;
  doc_name: string | null;
  doc_size: number | null;
  doc_mime: string | null;
  doc_path: string | null;
  doc_sha256: string | null;
  created_at: number;
  created_by: string | null;
}
export interface AssetsTable {
  id: string;
  project_id: string;
  customer_id: string;
  kind: string;
  type: string;
  name: string;
  model: string;
  serial: string;
  tag: string | null;
  location: string | null;
  supplier: string | null;
  parent_id: string | null;
  acceptance_id: string | null;
  accepted_on: string | null;
  warranty_months: number;
  original_end: string | null;
  warranty_end: string | null;
  state: string;
  replaces_id: string | null;
  replaced_by_id: string | null;
  next_inspection_due: string | null;
  warranty_alerted: number | null;
  created_at: number;
  created_by: string | null;
  updated_at: number;
  /** A replacement part's installation day: its annual inspections run from it (null: from accepted_on). */
  installed_on: string | null;
}
export interface TicketRepairsTable {
  ticket_id: string;
  asset_id: string;
  customer_id: string;
  fault_on: string;
  in_warranty: number | null;
  warranty_end_at_fault: string | null;
  updated_at: number;
  updated_by: string | null;
}
export interface AssetReplacementsTable {
  id: string;
  ticket_id: string;
  customer_id: string;
  old_asset_id: string;
  new_asset_id: string;
  old_serial: string;
  new_serial: string;
  model: string;
  fault_on: string;
  replaced_on: string;
  policy: string;
  in_warranty: number;
  previous_end: string | null;
  new_end: string | null;
  extended_by_days: number;
  note: string | null;
  created_at: number;
  created_by: string;
}
export interface CostItemsTable {
  id: string;
  ticket_id: string;
  customer_id: string;
  kind: string;
  description: string;
  quantity_x100: number;
  unit_cost_cents: number;
  amount_cents: number;
  replacement_id: string | null;
  day: string;
  created_at: number;
  created_by: string;
}
export interface AssetInspectionsTable {
  id: string;
  asset_id: string;
  customer_id: string;
  done_on: string;
  note: string | null;
  ticket_id: string | null;
  created_at: number;
  created_by: string;
}
export interface RepairPointsTable {
  id: string;
  name: string;
  address: string;
  person_in_charge: string;
  contact: string | null;
  phone: string;
  capabilities_json: string;
  staff_json: string;
  created_at: number;
  updated_at: number;
  updated_by: string | null;
}
export interface RepairPointProjectsTable {
  point_id: string;
  project_id: string;
}

export interface ChecklistTemplatesTable {
  id: string;
  family_id: string;
  version: number;
  current: number;
  name: string;
  scope: string;
  asset_type: string | null;
  items_json: string;
  created_at: number;
  created_by: string | null;
}
export interface InspectionPlansTable {
  id: string;
  project_id: string;
  name: string;
  kind: string;
  template_family_id: string;
  due_day: number;
  interval_months: number;
  starts_on: string;
  lead_days: number;
  assignee_ids_json: string;
  pauses_json: string;
  paused: number;
  generated_through: string | null;
  created_at: number;
  created_by: string | null;
  updated_at: number;
}
export interface InspectionTasksTable {
  id: string;
  plan_id: string;
  project_id: string;
  customer_id: string;
  period: string;
  asset_key: string;
  asset_id: string | null;
  due_on: string;
  assignee_id: string | null;
  template_version_id: string;
  status: string;
  done_on: string | null;
  cancel_reason: string | null;
  overdue_notified_at: number | null;
  started_at: number | null;
  record_id: string | null;
  created_at: number;
  updated_at: number;
}
export interface InspectionResultsTable {
  task_id: string;
  item_key: string;
  outcome: string;
  value: string | null;
  note: string | null;
  photo_path: string | null;
  photo_sha256: string | null;
  ticket_id: string | null;
  updated_at: number;
  updated_by: string;
}
export interface InspectionAdjustmentsTable {
  id: string;
  task_id: string;
  parameter: string;
  before_value: string;
  after_value: string;
  reason: string;
  at: number;
  by: string;
}

export interface TrainingPlansTable {
  id: string;
  project_id: string;
  name: string;
  description: string;
  completed_at: number | null;
  created_at: number;
  created_by: string | null;
  updated_at: number;
}
export interface TrainingCoursesTable {
  id: string;
  plan_id: string;
  title: string;
  objective: string;
  position: number;
  created_at: number;
}
export interface TrainingMaterialsTable {
  id: string;
  course_id: string;
  family_id: string;
  version: number;
  current: number;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  path: string;
  note: string;
  uploaded_at: number;
  uploaded_by: string | null;
}
export interface TrainingBatchesTable {
  id: string;
  plan_id: string;
  name: string;
  position: number;
  created_at: number;
}
export interface TrainingTraineesTable {
  id: string;
  plan_id: string;
  user_id: string | null;
  name: string;
  unit: string;
  phone: string;
  course_ids_json: string | null;
  created_at: number;
}
export interface TrainingEnrolmentsTable {
  batch_id: string;
  trainee_id: string;
  reason: string;
  created_at: number;
}
export interface TrainingSessionsTable {
  id: string;
  batch_id: string;
  course_id: string;
  starts_at: number;
  ends_at: number;
  mode: string;
  place: string;
  trainer_id: string | null;
  trainer_name: string;
  cancelled: number;
  created_at: number;
}
export interface TrainingAttendanceTable {
  session_id: string;
  trainee_id: string;
  status: string;
  note: string;
  recorded_at: number;
  recorded_by: string;
}
export interface TrainingAssessmentsTable {
  id: string;
  plan_id: string;
  trainee_id: string;
  course_id: string;
  batch_id: string;
  independent: number;
  assessed_on: string;
  assessor_id: string;
  assessor_name: string;
  note: string;
  created_at: number;
}

export interface SatisfactionSurveysTable {
  id: string;
  project_id: string;
  title: string;
  closes_on: string;
  created_at: number;
  created_by: string | null;
  schedule_id: string | null;
}
export interface SurveySchedulesTable {
  id: string;
  project_id: string;
  title: string;
  every_months: number;
  open_days: number;
  next_on: string;
  active: number;
  last_sent_on: string | null;
  created_at: number;
  created_by: string | null;
}
export interface RatingRequestsTable {
  id: string;
  ticket_id: string | null;
  survey_id: string | null;
  project_id: string;
  customer_id: string;
  user_id: string | null;
  token_hash: string | null;
  expires_at: number;
  state: string;
  score: number | null;
  comment: string | null;
  channel: string | null;
  rated_at: number | null;
  rated_by: string | null;
  created_at: number;
}
export interface FeedbackTable {
  id: string;
  project_id: string;
  customer_id: string;
  author_id: string;
  category: string;
  title: string;
  body: string;
  status: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: number | null;
  closed_at: number | null;
  closed_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface KbCategoriesTable {
  id: string;
  name: string;
  position: number;
  created_at: number;
}
export interface KbArticlesTable {
  id: string;
  seq: number;
  number: string;
  title: string;
  body: string;
  category_id: string | null;
  tags_json: string;
  visibility: string;
  project_id: string | null;
  status: string;
  version: number;
  source_ticket_id: string | null;
  created_at: number;
  created_by: string | null;
  updated_at: number;
  updated_by: string | null;
}
export interface KbArticleVersionsTable {
  article_id: string;
  version: number;
  title: string;
  body: string;
  meta_json: string;
  note: string;
  edited_at: number;
  edited_by: string | null;
}
export interface KbAttachmentsTable {
  id: string;
  article_id: string;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  path: string;
  uploaded_at: number;
  uploaded_by: string | null;
}
export interface KbTicketLinksTable {
  article_id: string;
  ticket_id: string;
  kind: string;
  created_at: number;
  created_by: string | null;
}
/** The full-text index (db/search/kb.ts): FTS5 on SQLite, tsvector on PostgreSQL; only search code touches it. */
export interface KbFtsTable {
  rowid: number;
  terms: string;
}

/** A year of the national holiday arrangement entered by the system admin (0016); overrides the package's data for that year. */
export interface HolidayYearsTable {
  year: number;
  holidays_json: string;
  workdays_json: string;
  revision: number;
  updated_at: number;
  updated_by: string | null;
}

/** Named queue filters per user (0019); `query_json` is the page's filter object. */
export interface SavedFiltersTable {
  id: string;
  user_id: string;
  scope: string;
  name: string;
  query_json: string;
  created_at: number;
}

export interface DB {
  orgs: OrgsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  projects: ProjectsTable;
  project_members: ProjectMembersTable;
  contracts: ContractsTable;
  counters: CountersTable;
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  ticket_comments: TicketCommentsTable;
  attachments: AttachmentsTable;
  commitments: CommitmentsTable;
  report_notes: ReportNotesTable;
  monthly_reports: MonthlyReportsTable;
  report_schedules: ReportSchedulesTable;
  report_receipts: ReportReceiptsTable;
  sla_clocks: SlaClocksTable;
  sla_alerts: SlaAlertsTable;
  notifications: NotificationsTable;
  mail_outbox: MailOutboxTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  settings: SettingsTable;
  site_visits: SiteVisitsTable;
  om_records: OmRecordsTable;
  record_chain_head: RecordChainHeadTable;
  resident_plans: ResidentPlansTable;
  engineer_profiles: EngineerProfilesTable;
  staffing_plans: StaffingPlansTable;
  acceptances: AcceptancesTable;
  assets: AssetsTable;
  ticket_repairs: TicketRepairsTable;
  asset_replacements: AssetReplacementsTable;
  cost_items: CostItemsTable;
  asset_inspections: AssetInspectionsTable;
  repair_points: RepairPointsTable;
  repair_point_projects: RepairPointProjectsTable;
  checklist_templates: ChecklistTemplatesTable;
  inspection_plans: InspectionPlansTable;
  inspection_tasks: InspectionTasksTable;
  inspection_results: InspectionResultsTable;
  inspection_adjustments: InspectionAdjustmentsTable;
  training_plans: TrainingPlansTable;
  training_courses: TrainingCoursesTable;
  training_materials: TrainingMaterialsTable;
  training_batches: TrainingBatchesTable;
  training_trainees: TrainingTraineesTable;
  training_enrolments: TrainingEnrolmentsTable;
  training_sessions: TrainingSessionsTable;
  training_attendance: TrainingAttendanceTable;
  training_assessments: TrainingAssessmentsTable;
  satisfaction_surveys: SatisfactionSurveysTable;
  rating_requests: RatingRequestsTable;
  feedback: FeedbackTable;
  kb_categories: KbCategoriesTable;
  kb_articles: KbArticlesTable;
  kb_article_versions: KbArticleVersionsTable;
  kb_attachments: KbAttachmentsTable;
  kb_ticket_links: KbTicketLinksTable;
  kb_fts: KbFtsTable;
  survey_schedules: SurveySchedulesTable;
  holiday_years: HolidayYearsTable;
  saved_filters: SavedFiltersTable;
}
