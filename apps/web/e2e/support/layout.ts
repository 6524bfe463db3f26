// Phone layout rule: at 390 px nothing may make the page scroll sideways.
import type { Page } from 'playwright-core';

export interface WidthReport {
  scrollWidth: number;
  innerWidth: number;
  offenders: string[];
}

/** Measures document width and lists the outermost elements that stick out to the right. */
export function measureWidth(page: Page): Promise<WidthReport> {
  return page.evaluate(() => {
    const w = window.innerWidth;
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 3).join('.')}` : '';
      const tid = el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : '';
      return `${el.tagName.toLowerCase()}${id}${cls}${tid} right=${Math.round(el.getBoundingClientRect().right)}`;
    };
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const ox = getComputedStyle(a).overflowX;
        if (ox !== 'visible' && a.getBoundingClientRect().right <= w + 1) return true;
      }
      return false;
    };
    const sticking = [...document.body.querySelectorAll('*')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.right > w + 1 && getComputedStyle(el).position !== 'fixed' && !clipped(el);
    });
    const outermost = sticking.filter((el) => !sticking.some((o) => o !== el && o.contains(el)));
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: w, offenders: outermost.slice(0, 8).map(describe) };
  });
}

export async function expectNoHorizontalScroll(page: Page, label: string): Promise<void> {
  const r = await measureWidth(page);
  if (r.scrollWidth > r.innerWidth) {
    throw new Error(`${label} (${page.url()}) scrolls sideways at ${r.innerWidth} px: document.documentElement.scrollWidth = ${r.scrollWidth}.\n` +
      `Elements sticking out: ${r.offenders.join('; ') || '(none found)'}`);
  }
}
