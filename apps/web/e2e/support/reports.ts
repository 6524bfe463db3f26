// Analytics, commitments and the monthly O&M report: API shapes, a ticket whose response clock is
// breached (reported 60 minutes ago, responded now), and reading a generated .docx.
import crypto from 'node:crypto';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { apiCall } from './fieldwork';

export interface ApiBreachedTicket {
  id: string;
  number: string;
  level: number;
}
export interface ApiCommitmentItem {
  id: string;
  kind: string;
  level: number | null;
  status: 'met' | 'missed' | 'no_data';
  actual: number | null;
  target: number;
  link: { page: string; clock?: string; from?: number; to?: number };
}
export interface ApiCommitmentReport {
  month: string;
  items: ApiCommitmentItem[];
  met: number;
  missed: number;
  noData: number;
  executionPct: number | null;
}
export interface ApiAnalytics {
  from: string;
  to: string;
  projectIds: string[];
  onTime: { kind: string; level: number | null; met: number; breached: number; pct: number | null }[];
  received: number;
  mttrMin: number | null;
}
export interface ApiArchivedReport {
  id: string;
  format: string;
  fileName: string;
  sha256: string;
}

/** This month in Beijing (UTC+8): YYYY-MM. */
export const beijingMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

async function userId(page: Page): Promise<string> {
  const r = await page.request.get('/api/v1/auth/me');
  return ((await r.json()) as { id: string }).id;
}

/**
 * A level-1 ticket on `projectId` that the dispatcher records as reported 60 minutes ago (a back-dated
 * phone report, with its reason) and assigns to the engineer, who responds now: the 30-minute response
 * clock ends breached.
 */
export async function breachedResponseTicket(
  dispatcher: Page,
  engineer: Page,
  projectId: string,
  title: string,
): Promise<ApiBreachedTicket> {
  const tk = await apiCall<ApiBreachedTicket>(dispatcher, 'POST', '/tickets', {
    projectId,
    title,
    description: '承诺登记测试：响应超时',
    level: 1,
    channel: 'phone',
    reporterName: '陈科员',
    reporterPhone: '13800000000',
    reportedAt: Date.now() - 60 * 60_000,
    reportedAtReason: '值班电话记录补录',
  });
  await apiCall(dispatcher, 'POST', `/tickets/${tk.id}/actions`, {
    action: 'dispatch',
    assigneeId: await userId(engineer),
  });
  await apiCall(engineer, 'POST', `/tickets/${tk.id}/actions`, { action: 'respond', note: '已电话联系报修人' });
  const clocks = await apiCall<{ clocks?: { kind: string; status: string }[] }>(engineer, 'GET', `/tickets/${tk.id}`);
  const response = clocks.clocks?.find((c) => c.kind === 'response');
  if (response) expect(response.status, 'the response clock of a ticket reported 60 minutes ago').toBe('breached');
  return tk;
}

/** The paragraphs of a .docx's word/document.xml as text (runs joined, entities decoded). */
export async function docxText(data: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file('word/document.xml')?.async('string');
  expect(xml, 'word/document.xml in the .docx').toBeTruthy();
  return xml!
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
