/** Row types: Site visits, O&M records, resident presence plans and staffing. Conventions in ../types.ts. */
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
