// Assets (资产台账), repairs and costs: API shapes for setting up and cross-checking, the Excel
// file a test imports (built with exceljs, in the template's column order), and download checks.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { apiCall } from './fieldwork';

export interface ApiAsset {
  id: string;
  projectId: string;
  name: string;
  serial: string;
  parentId: string | null;
  acceptedOn: string | null;
  originalWarrantyEnd: string | null;
  warrantyEnd: string | null;
  warrantyStatus: string;
  state: string;
  replacedById: string | null;
}
export interface ApiAssetDetail extends ApiAsset {
  parts: ApiAsset[];
  warrantyHistory: {
    on: string;
    kind: string;
    end: string;
    extendedByDays: number;
    oldSerial: string | null;
    newSerial: string | null;
  }[];
}
export interface ApiRepair {
  asset: ApiAsset | null;
  faultOn: string;
  inWarranty: boolean | null;
  decision: string;
  reason: string;
  labourRateCents: number;
  replacements: {
    oldSerial: string;
    newSerial: string;
    newAssetId: string;
    previousEnd: string | null;
    newEnd: string | null;
    extendedByDays: number;
  }[];
  costItems: { kind: string; amountCents: number; billable: boolean; reason: string }[];
  totals: { billableCents: number; freeCents: number };
}

const enc = encodeURIComponent;
export const assetsMatching = async (page: Page, projectId: string, q: string) =>
  (await apiCall<{ items: ApiAsset[] }>(page, 'GET', `/assets?projectId=${enc(projectId)}&q=${enc(q)}&limit=200`))
    .items;
export const assetDetail = (page: Page, id: string) => apiCall<ApiAssetDetail>(page, 'GET', `/assets/${enc(id)}`);
export const ticketRepair = (page: Page, ticketId: string) =>
  apiCall<ApiRepair>(page, 'GET', `/tickets/${enc(ticketId)}/repair`);

/** YYYY-MM-DD in Beijing, `months` months and `days` days before today. */
export function beijingDaysAgo({ months = 0, days = 0 }: { months?: number; days?: number }): string {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, Math.min(now.getUTCDate(), 28) - days));
  return d.toISOString().slice(0, 10);
}

/** One ledger row in template order. */
export interface SheetRow {
  kind: string;
  type: string;
  name: string;
  model: string;
  serial: string;
  tag?: string;
  location?: string;
  supplier?: string;
  parentSerial?: string;
  batch?: string;
  acceptedOn?: string;
  warrantyMonths?: number;
}
const HEADER = [
  '类型 Kind',
  '设备类型 Type',
  '名称 Name',
  '品牌型号 Model',
  '序列号/许可证号 Serial',
  '设备编号 Tag',
  '位置 Location',
  '供应商 Supplier',
  '上级设备序列号 Parent serial',
  '验收批次 Acceptance batch',
  '验收日期 Accepted on',
  '保修月数 Warranty months',
];

/** An .xlsx like the import template (header in row 1, one item per row). */
export async function ledgerXlsx(rows: SheetRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('资产 Assets');
  ws.addRow(HEADER);
  for (const r of rows) {
    ws.addRow([
      r.kind,
      r.type,
      r.name,
      r.model,
      r.serial,
      r.tag ?? '',
      r.location ?? '',
      r.supplier ?? '',
      r.parentSerial ?? '',
      r.batch ?? '',
      r.acceptedOn ?? '',
      r.warrantyMonths ?? '',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Clicks `trigger` and returns the downloaded file's name and bytes. */
export async function download(page: Page, trigger: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  const path = await d.path();
  expect(path, `download of ${d.suggestedFilename()}`).toBeTruthy();
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(path!) };
}

/** The repair panel on a ticket page has loaded (its data attributes are set). */
export async function repairPanel(page: Page): Promise<Locator> {
  const panel = page.getByTestId('repair-panel');
  await panel.waitFor();
  return panel;
}
