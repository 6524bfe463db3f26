/** Row types: Acceptances, the asset ledger, repairs and their costs, repair points. Conventions in ../types.ts. */
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
