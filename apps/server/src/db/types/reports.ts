/** Row types: Service commitments, monthly reports, satisfaction surveys and customer feedback. Conventions in ../types.ts. */
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
