import type { Asset, AssetKind, AssetState } from '@weibao/schema';
import type { AssetRow } from './repository.js';
import { warrantyState } from './warranty.js';

/** The API shape of a ledger row; warranty status and days left are as of `today` (Beijing). */
export function presentAsset(r: AssetRow, today: string): Asset {
  const w = warrantyState(today, r.warranty_end);
  return {
    id: r.id,
    projectId: r.project_id,
    projectName: r.project_name,
    customerId: r.customer_id,
    kind: r.kind as AssetKind,
    type: r.type,
    name: r.name,
    model: r.model,
    serial: r.serial,
    tag: r.tag,
    location: r.location,
    supplier: r.supplier,
    parentId: r.parent_id,
    parentName: r.parent_name,
    acceptanceId: r.acceptance_id,
    acceptanceBatch: r.acceptance_batch,
    acceptedOn: r.accepted_on,
    warrantyMonths: r.warranty_months,
    originalWarrantyEnd: r.original_end,
    warrantyEnd: r.warranty_end,
    warrantyStatus: w.status,
    daysLeft: w.daysLeft,
    state: r.state as AssetState,
    replacesId: r.replaces_id,
    replacedById: r.replaced_by_id,
    nextInspectionDue: r.state === 'in_service' ? r.next_inspection_due : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
