// Sign in and out through the UI, as a person would.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Every seeded demo account (apps/server/src/modules/seed/demo.ts) has this password. */
export const DEMO_PASSWORD = 'Weibao@2026';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  roles: string[];
}

/** Fills the login form and waits until the app has left /login; returns the signed-in user. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<Me> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.getByTestId('user-menu').waitFor(); // the signed-in layout is up
  // The context's cookie jar is shared with page.request: this is the same session.
  const r = await page.request.get('/api/v1/auth/me');
  expect(r.status(), `GET /auth/me after logging in as ${username}`).toBe(200);
  const me = (await r.json()) as Me;
  expect(me.username).toBe(username);
  return me;
}

/** A login that must fail: returns the message shown in the form. */
export async function failedLogin(page: Page, username: string, password: string): Promise<string> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  const error = page.getByTestId('login-error');
  await error.waitFor();
  return (await error.textContent()) ?? '';
}

/** Logs out through the user menu in the header and waits for the login page. */
export async function logout(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-logout').click();
  await page.waitForURL((u) => u.pathname.startsWith('/login'));
  await page.getByTestId('login-submit').waitFor();
  const r = await page.request.get('/api/v1/auth/me');
  expect(r.status(), 'GET /auth/me after logging out').toBe(401);
}
