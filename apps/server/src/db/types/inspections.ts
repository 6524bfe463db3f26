/** Row types: Checklist templates, inspection plans, tasks and results. Conventions in ../types.ts. */
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
