// axe-core audit of the current page: fails on violations of impact "serious" or "critical".
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { apiLogin, login } from './auth';
import { type BrowserSession, PHONE } from './browser';
import type { Lang } from './i18n';
import { expectNoHorizontalScroll } from './layout';

/**
 * Waits until no finite CSS animation or transition is running (antd fades and zooms dialogs,
 * drawers and menus in); mid-animation colours are blended and would fail colour contrast.
 * Not waited for: antd's click wave (`.ant-wave`), an empty, transparent, click-through overlay whose
 * outline fades for 2 s after every button click; it colours no text and no background.
 */
export async function settle(page: Page, timeout = 5000): Promise<void> {
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every(
          (a) =>
            a.playState !== 'running' ||
            a.effect?.getComputedTiming().iterations === Infinity ||
            ((a.effect as KeyframeEffect | null)?.target as Element | null)?.classList.contains('ant-wave'),
        ),
    undefined,
    { timeout, polling: 100 },
  );
}

/**
 * An axe run over the page: the same axe-core, rules and options as AxeBuilder's default, run with axe.run()
 * in the page (legacy mode) rather than runPartial() plus finishRun() in a second, blank page opened for every
 * audit. The app has no iframes, where the two could differ; the blank page made each audit ~0.5–1 s slower.
 */
export const axe = (page: Page) => new AxeBuilder({ page }).setLegacyMode();

export async function expectAccessible(page: Page, label: string): Promise<void> {
  await settle(page);
  const results = await axe(page).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (!bad.length) return;
  const lines = bad.map((v) => {
    const nodes = v.nodes
      .slice(0, 5)
      .map((n) => `      ${n.target.join(' ')}\n        ${n.failureSummary?.split('\n').join('\n        ') ?? ''}`);
    return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node(s)) ${v.helpUrl}\n${nodes.join('\n')}`;
  });
  throw new Error(`axe: ${bad.length} serious/critical violation(s) on ${label} (${page.url()}):\n${lines.join('\n')}`);
}

/**
 * What every page audit does: `open` a page as a user (or signed out) in a language and size;
 * `check` waits for the spinners, runs axe, fails on sideways scrolling and keeps a screenshot.
 * `open` signs in through the API and leaves the page blank (navigate next); with `signIn: 'ui'` it
 * signs in through the login page and leaves the page where the app lands (for tests of that landing).
 */
export function pageAudit(session: BrowserSession, prefix: string, { signIn = 'api' }: { signIn?: 'api' | 'ui' } = {}) {
  return {
    async open(user: string | null, lang: Lang, size: BrowserContextOptions = PHONE): Promise<Page> {
      const page = await session.newPage(`${user ?? 'anonymous'}-${lang}`, size);
      if (lang === 'en') await page.context().addInitScript(() => localStorage.setItem('weibao.lang', 'en'));
      if (user) await (signIn === 'ui' ? login(page, user) : apiLogin(page, user));
      return page;
    },
    async check(page: Page, label: string): Promise<void> {
      await expect
        .poll(() => page.locator('main .ant-spin-spinning, main.page-loading').count(), { timeout: 15_000 })
        .toBe(0);
      const full = `${label} (${await page.evaluate(() => document.documentElement.lang)})`;
      await expectAccessible(page, full);
      await expectNoHorizontalScroll(page, full);
      await session.screenshot(page, `${prefix}-${full}`, { fullPage: true });
    },
  };
}
