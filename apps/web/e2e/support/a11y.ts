// axe-core audit of the current page: fails on violations of impact "serious" or "critical".
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (!bad.length) return;
  const lines = bad.map((v) => {
    const nodes = v.nodes.slice(0, 5).map((n) => `      ${n.target.join(' ')}\n        ${n.failureSummary?.split('\n').join('\n        ') ?? ''}`);
    return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node(s)) ${v.helpUrl}\n${nodes.join('\n')}`;
  });
  throw new Error(`axe: ${bad.length} serious/critical violation(s) on ${label} (${page.url()}):\n${lines.join('\n')}`);
}
