/** Row types: Tickets with their events, comments, attachments and SLA clocks; notifications and mail; saved queue filters. Conventions in ../types.ts. */
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
/** Named queue filters per user (0019); `query_json` is the page's filter object. */
export interface SavedFiltersTable {
  id: string;
  user_id: string;
  scope: string;
  name: string;
  query_json: string;
  created_at: number;
}
