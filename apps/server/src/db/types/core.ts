/** Row types: Organisations, people, sign-in, projects and contracts, settings, the audit log, holiday years. Conventions in ../types.ts. */
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
export interface SettingsTable {
  key: string;
  value_json: string;
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
/** A year of the national holiday arrangement entered by the system admin (0016); overrides the package's data for that year. */
export interface HolidayYearsTable {
  year: number;
  holidays_json: string;
  workdays_json: string;
  revision: number;
  updated_at: number;
  updated_by: string | null;
}
