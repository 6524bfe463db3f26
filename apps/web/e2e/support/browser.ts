// One Chromium per test file (the system's, never a downloaded one), a fresh BrowserContext per
// role, and on failure a screenshot of every open page in the artifacts directory.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 900 } };
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

export function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-wqy-microhei, or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

interface Tracked {
  name: string;
  page: Page;
  context: BrowserContext;
  errors: string[];
}

export interface BrowserSession {
  readonly baseUrl: string;
  /** A new isolated context (own cookies and storage) with one page; closed after the file. */
  newPage(name: string, options?: BrowserContextOptions): Promise<Page>;
  /**
   * With WEIBAO_E2E_SCREENSHOTS=1, save a screenshot (the viewport, or the full page) into the artifacts dir (to look at
   * layouts and fonts by eye) and return its path; otherwise do nothing and return null.
   */
  screenshot(page: Page, name: string, options?: { fullPage?: boolean }): Promise<string | null>;
}

const safe = (s: string) => s.replace(/[^\w.-]+/g, '_').slice(0, 80);

/** Server errors (pino level >= 50) logged since `since`, one line each, for a failing test's output. */
function serverErrorsSince(logFile: string, since: number): string[] {
  let text: string;
  try {
    text = fs.readFileSync(logFile, 'utf8');
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const e = JSON.parse(line) as {
        level?: number;
        time?: number;
        msg?: string;
        err?: { message?: string; method?: string; url?: string };
        req?: { method?: string; url?: string };
      };
      if ((e.level ?? 0) < 50 || (e.time ?? 0) < since) continue;
      const where = [e.req?.method ?? e.err?.method, e.req?.url ?? e.err?.url].filter(Boolean).join(' ');
      out.push(
        `${where ? `${where}: ` : ''}${e.msg ?? ''}${e.err?.message ? ` — ${e.err.message.split('\n')[0]}` : ''}`,
      );
    } catch {
      /* not a JSON log line */
    }
  }
  return out;
}

/**
 * Registers beforeAll/afterEach/afterAll for the calling describe block. afterEach fails the test
 * on any uncaught page error and, when the test failed, saves a full-page screenshot of every open
 * page. `closeAfterEach` closes the pages a test opened when it ends (independent tests); without
 * it pages live until the block ends (a flow whose steps share a page).
 */
export function useBrowser({ closeAfterEach = false } = {}): BrowserSession {
  const baseUrl = inject('baseUrl');
  const artifactsDir = inject('artifactsDir');
  const serverLog = inject('serverLog');
  let browser: Browser | undefined;
  let testStarted = Date.now();
  const contexts: BrowserContext[] = [];
  const pages: Tracked[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  beforeEach(() => {
    testStarted = Date.now();
  });

  afterEach(async (ctx) => {
    const failed = ctx.task.result?.state === 'fail';
    const open = pages.filter((p) => !p.page.isClosed());
    if (failed) {
      const serverErrors = serverErrorsSince(serverLog, testStarted - 1000);
      if (serverErrors.length) {
        const shown = [...new Set(serverErrors)].slice(0, 10);
        console.error(
          `[e2e] the server logged ${serverErrors.length} error(s) during this test (full log: ${serverLog}):\n  ${shown.join('\n  ')}`,
        );
      }
      for (const p of open) {
        const file = path.join(
          artifactsDir,
          `fail-${safe(p.name)}-${safe(ctx.task.name).slice(0, 60)}-${Date.now()}.png`,
        );
        try {
          await p.page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
          console.error(`[e2e] failure screenshot (${p.name}, ${p.page.url()}): ${file}`);
        } catch (e) {
          console.error(`[e2e] could not screenshot ${p.name}: ${String(e)}`);
        }
      }
    }
    const errors = open.flatMap((p) => p.errors.splice(0).map((e) => `${p.name}: ${e}`));
    if (closeAfterEach) {
      for (const p of pages.splice(0)) await p.context.close().catch(() => undefined);
    }
    if (errors.length) throw new Error(`Uncaught errors in the page:\n${errors.join('\n')}`);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
  });

  return {
    baseUrl,
    async newPage(name, options = DESKTOP) {
      if (!browser) throw new Error('newPage() before beforeAll: call it inside a test or hook');
      // Reduced motion (which the app honours: antd then skips its zoom and fade): a click can otherwise land on a
      // dialog's button in the frame before its zoom starts, and the release lands elsewhere (a lost click).
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        reducedMotion: 'reduce',
        ...options,
      });
      context.setDefaultTimeout(20_000);
      context.setDefaultNavigationTimeout(30_000);
      contexts.push(context);
      const page = await context.newPage();
      const tracked: Tracked = { name, page, context, errors: [] };
      page.on('pageerror', (e) => tracked.errors.push(e.stack ?? e.message));
      pages.push(tracked);
      return page;
    },
    async screenshot(page, name, { fullPage = false } = {}) {
      if (process.env.WEIBAO_E2E_SCREENSHOTS !== '1') return null;
      const file = path.join(artifactsDir, `view-${safe(name)}.png`);
      await page.screenshot({ path: file, fullPage });
      console.log(`[e2e] screenshot ${name}: ${file}`);
      return file;
    },
  };
}
