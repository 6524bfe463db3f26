// Sign in and out through the UI, as a person would; or, for tests about other pages, through the API.
import type { Cookie, Page } from 'playwright-core';
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

/** Session cookies by username: one sign-in per user per test file (each file runs in its own process). */
const sessions = new Map<string, Cookie[]>();

async function currentUser(page: Page): Promise<Me | null> {
  const r = await page.request.get('/api/v1/auth/me');
  return r.status() === 200 ? ((await r.json()) as Me) : null;
}

/**
 * Signs the page's context in as `username` without the login page: POST /auth/login once per user per
 * file, and the same session cookie for that user's later contexts (checked with /auth/me, signed in again
 * if it has ended). Leaves the page where it is (about:blank for a new one): navigate next. For tests
 * of other pages; tests of signing in itself use login().
 */
export async function apiLogin(page: Page, username: string, password = DEMO_PASSWORD): Promise<Me> {
  const context = page.context();
  const kept = sessions.get(username);
  if (kept) {
    await context.addCookies(kept);
    const me = await currentUser(page);
    if (me?.username === username) return me;
    await context.clearCookies();
  }
  const r = await page.request.post('/api/v1/auth/login', { data: { username, password } });
  expect(r.status(), `POST /auth/login as ${username}: ${(await r.text()).slice(0, 200)}`).toBe(200);
  sessions.set(username, await context.cookies());
  const me = await currentUser(page);
  expect(me?.username, `GET /auth/me after signing in as ${username}`).toBe(username);
  return me!;
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

/**
 * Logs out through the user menu in the header and waits for the login page. Waits on the page's state, not on
 * a time: a click on 退出登录 that the menu did not act on (seen in 1 of 3 full runs on 2 cores: the menu stayed
 * open and no navigation came) is made again, from the menu as it is then, until the sign-in page is there.
 */
export async function logout(page: Page): Promise<void> {
  const item = page.getByTestId('menu-logout');
  const onLogin = () => new URL(page.url()).pathname.startsWith('/login');
  // A loop, not expect.poll: logout also runs in beforeAll hooks, where expect.poll cannot.
  const deadline = Date.now() + 45_000;
  for (let attempt = 1; !onLogin(); attempt++) {
    if (Date.now() > deadline)
      throw new Error(`logout: still on ${page.url()} after ${attempt - 1} clicks on 退出登录`);
    if (attempt > 1) console.warn(`[e2e] logout: the click on 退出登录 did not take (attempt ${attempt}); again`);
    if (!(await item.isVisible())) await page.getByTestId('user-menu').click();
    await item.click({ timeout: 5000 }).catch(() => undefined);
    await page.waitForURL((u) => u.pathname.startsWith('/login'), { timeout: 5000 }).catch(() => undefined);
  }
  await page.getByTestId('login-submit').waitFor();
  const r = await page.request.get('/api/v1/auth/me');
  expect(r.status(), 'GET /auth/me after logging out').toBe(401);
}
