// Satisfaction (满意度, R29) and feedback (意见反馈, R21): a ticket taken to resolved through the API,
// and the one-time rating link read from the e2e server's mail outbox (its SQLite database, read-only).
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { apiCall, projectIdByName } from './fieldwork';
import { PROJECT_A } from './tickets';

export interface ApiTicket {
  id: string;
  number: string;
  status: string;
}
export interface ApiRatingRequest {
  id: string;
  state: string;
  userId: string | null;
  score: number | null;
  comment: string | null;
  channel: string | null;
}
export interface ApiSatisfaction {
  ratePct: number | null;
  rated: number;
  met: boolean | null;
  targetPct: number;
  low: { comment: string | null; ticketId: string | null }[];
}

/** 定期满意度调查 as GET /projects/:id/survey-schedules lists it. */
export interface ApiSurveySchedule {
  id: string;
  projectId: string;
  title: string;
  everyMonths: number;
  openDays: number;
  nextOn: string;
  active: boolean;
  lastSentOn: string | null;
}

/** Today in Beijing (UTC+8), as the server counts days: YYYY-MM-DD. */
export function beijingToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** YYYY-MM-DD in Beijing `days` days from today. */
export function beijingInDays(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

async function userId(page: Page): Promise<string> {
  const r = await page.request.get('/api/v1/auth/me');
  return ((await r.json()) as { id: string }).id;
}

/**
 * A ticket on project A reported by the user of `reporter`, dispatched by `dispatcher` to the engineer of
 * `engineer`, who needs no visit and resolves it (non-human cause): the server then asks for a rating.
 */
export async function resolvedTicket(
  reporter: Page,
  dispatcher: Page,
  engineer: Page,
  title: string,
): Promise<ApiTicket> {
  const projectId = await projectIdByName(reporter, PROJECT_A);
  const tk = await apiCall<ApiTicket>(reporter, 'POST', '/tickets', {
    projectId,
    title,
    description: '满意度测试',
    level: 3,
    channel: 'phone',
    reporterName: '陈科员',
    reporterPhone: '13800000000',
  });
  const engineerId = await userId(engineer);
  await apiCall(dispatcher, 'POST', `/tickets/${tk.id}/actions`, { action: 'dispatch', assigneeId: engineerId });
  await apiCall(engineer, 'POST', `/tickets/${tk.id}/actions`, { action: 'arrival_not_needed', reason: '远程处理' });
  const done = await apiCall<ApiTicket>(engineer, 'POST', `/tickets/${tk.id}/actions`, {
    action: 'resolve',
    solution: '已远程恢复',
    faultCause: 'non_human',
  });
  expect(done.status).toBe('resolved');
  return done;
}

/** The newest mail whose subject starts with `subjectPrefix`, read from the server's database (read-only). */
export function readMail(subjectPrefix: string): { to: string; body: string } | undefined {
  const file = path.join(inject('dataDir'), 'weibao.sqlite');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        'SELECT to_addr AS "to", body FROM mail_outbox WHERE subject LIKE ? ESCAPE \'\\\' ORDER BY rowid DESC LIMIT 1',
      )
      .get(`${subjectPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) as { to: string; body: string } | undefined;
  } finally {
    db.close();
  }
}

/** The rating e-mail of a resolved ticket ("请评价：<number>…") and the path of its one-time link. */
export async function ratingLink(
  ticketNumber: string,
): Promise<{ to: string; url: string; path: string; token: string }> {
  // A plain loop, not expect.poll: this also runs in beforeAll hooks.
  let mail: { to: string; body: string } | undefined;
  for (const until = Date.now() + 15_000; !(mail = readMail(`请评价：${ticketNumber}`)) && Date.now() < until;)
    await new Promise((r) => setTimeout(r, 200));
  if (!mail) throw new Error(`no rating e-mail for ${ticketNumber} in the mail outbox within 15 s`);
  const m = /(https?:\/\/[^\s"'<>]+)\/rate\/([A-Za-z0-9_-]{43})/.exec(mail!.body);
  if (!m) throw new Error(`no /rate/<token> link in the e-mail for ${ticketNumber}:\n${mail!.body}`);
  return { to: mail!.to, url: m[0], path: `/rate/${m[2]}`, token: m[2]! };
}
