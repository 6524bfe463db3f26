// Resident presence (驻场考勤, /presence) and staffing (人员配置, /staffing): API shapes used for
// setting up and cross-checking, and helpers for their selects, rows and dialogs.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { StaffingGap, StaffingProblem } from '../../../../packages/schema/src/fieldwork';
import { apiCall } from './fieldwork';

export interface ApiPlan {
  projectId: string;
  headcount: number;
  weekdays: number[];
  chinaCalendar: boolean;
  start: string;
  end: string;
  lateGraceMin: number;
  engineerIds: string[];
  engineers: { id: string; name: string }[];
}
export interface ApiDaily {
  day: string;
  workday: boolean;
  required: number;
  present: number;
  belowHeadcount: boolean;
  engineers: { userId: string; name: string; rostered: boolean; status: string; firstIn: number | null }[];
}
export interface ApiStaffing {
  projectId: string;
  requirements: { discipline: string; count: number; resident: boolean; builtProject: boolean }[];
  assignments: {
    userId: string;
    name: string;
    discipline: string;
    resident: boolean;
    builtProject: boolean;
    qualified: boolean;
    problems: StaffingProblem[];
  }[];
  coverage: { discipline: string; count: number; filled: number; missing: number }[];
  gaps: StaffingGap[];
}
export interface ApiProfile {
  userId: string;
  name: string;
  disciplines: string[];
  certifications: { name: string; expiresOn: string | null; expired: boolean; expiresSoon: boolean }[];
}

/** Today in Beijing (UTC+8), as the server counts days: YYYY-MM-DD. */
export const beijingToday = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

const enc = encodeURIComponent;
export const dailyPresence = (page: Page, projectId: string, day: string) =>
  apiCall<ApiDaily>(page, 'GET', `/projects/${enc(projectId)}/presence/daily?day=${day}`);
export const staffingPlan = (page: Page, projectId: string) =>
  apiCall<ApiStaffing>(page, 'GET', `/projects/${enc(projectId)}/staffing`);

/** The antd Select box around its combobox input (the selected tags are drawn over the input). */
const selectBox = (combobox: Locator) =>
  combobox.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');

/** Makes a multiple Select hold exactly `names`: removes what it held, then types and picks each one. */
export async function chooseMany(page: Page, combobox: Locator, names: string[]): Promise<void> {
  const select = selectBox(combobox);
  const removers = select.locator('.ant-select-selection-item-remove');
  while ((await removers.count()) > 0) await removers.first().click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await select.click();
  for (const name of names) {
    await combobox.fill(name);
    await dropdown.locator('.ant-select-item-option', { hasText: name }).first().click();
  }
  await page.keyboard.press('Escape');
  await expect.poll(() => select.locator('.ant-select-selection-item-content').allInnerTexts()).toEqual(names);
}

/** The row (table row or phone card) of `name` in the list with data-testid `rowTestId`. */
export function rowOf(page: Page, rowTestId: string, name: string): Locator {
  return page.getByTestId(rowTestId).filter({ hasText: name });
}

/** Waits until the board has loaded for `day` and returns each engineer's status code by name. */
export async function boardStatuses(page: Page, day: string): Promise<Record<string, string>> {
  const board = page.getByTestId('presence-daily');
  await expect.poll(() => board.getAttribute('data-day'), { timeout: 15_000 }).toBe(day);
  await page.getByTestId('presence-summary').waitFor();
  await expect.poll(() => page.locator('main .ant-spin-spinning').count(), { timeout: 15_000 }).toBe(0);
  const out: Record<string, string> = {};
  for (const row of await page.getByTestId('presence-row').all()) {
    const name = (await row.getByTestId('presence-name').innerText()).trim();
    out[name] = (await row.getByTestId('presence-status').getAttribute('data-status')) ?? '?';
  }
  return out;
}
