// axe-core audit of the current page: fails on violations of impact "serious" or "critical".
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * Waits until no finite CSS animation or transition is running (antd fades and zooms dialogs,
 * drawers and menus in); mid-animation colours are blended and would fail colour contrast.
 */
export async function settle(page: Page, timeout = 5000): Promise<void> {
  await page.waitForFunction(
    () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
    undefined,
    { timeout, polling: 100 },
  );
}

export async function expectAccessible(page: Page, label: string): Promise<void> {
  await settle(page);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (!bad.length) return;
  const lines = bad.map((v) => {
    const nodes = v.nodes.slice(0, 5).map((n) => `      ${n.target.join(' ')}\n        ${n.failureSummary?.split('\n').join('\n        ') ?? ''}`);
    return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node(s)) ${v.helpUrl}\n${nodes.join('\n')}`;
  });
  throw new Error(`axe: ${bad.length} serious/critical violation(s) on ${label} (${page.url()}):\n${lines.join('\n')}`);
}
