// Phone layout rule: at 390 px nothing may make the page scroll sideways.
//
// Note on mobile emulation (isMobile: true): like a real phone, Chromium zooms the page out when
// its content is wider than the device, and window.innerWidth then grows with the content (a
// 600 px element gives innerWidth = scrollWidth = 600). So the check compares against the device
// width (the context's viewport) as well as against window.innerWidth.
import type { Page } from 'playwright-core';
import { settle } from './a11y';

export interface WidthReport {
  scrollWidth: number;
  innerWidth: number;
  offenders: string[];
}

/** Measures document width and lists the outermost elements that stick out beyond `deviceWidth`. */
export function measureWidth(page: Page, deviceWidth: number): Promise<WidthReport> {
  return page.evaluate((w) => {
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls =
        typeof el.className === 'string' && el.className
          ? `.${el.className.trim().split(/\s+/).slice(0, 3).join('.')}`
          : '';
      const tid = el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : '';
      const r = el.getBoundingClientRect();
      return `${el.tagName.toLowerCase()}${id}${cls}${tid} (width ${Math.round(r.width)}, right ${Math.round(r.right + window.scrollX)})`;
    };
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const ox = getComputedStyle(a).overflowX;
        if (ox !== 'visible' && a.getBoundingClientRect().right + window.scrollX <= w + 1) return true;
      }
      return false;
    };
    const sticking = [...document.body.querySelectorAll('*')].filter((el) => {
      const r = el.getBoundingClientRect();
      return (
        r.width > 0 &&
        r.height > 0 &&
        r.right + window.scrollX > w + 1 &&
        getComputedStyle(el).position !== 'fixed' &&
        !clipped(el)
      );
    });
    const outermost = sticking.filter((el) => !sticking.some((o) => o !== el && o.contains(el)));
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      offenders: outermost.slice(0, 8).map(describe),
    };
  }, deviceWidth);
}

/** document.documentElement.scrollWidth <= window.innerWidth, and both stay at the device width. */
export async function expectNoHorizontalScroll(page: Page, label: string): Promise<void> {
  await settle(page); // a drawer or dialog sliding in is not the layout
  const device = page.viewportSize()?.width;
  if (!device) throw new Error('expectNoHorizontalScroll needs a context with a fixed viewport');
  const r = await measureWidth(page, device);
  if (r.scrollWidth > r.innerWidth || r.scrollWidth > device || r.innerWidth !== device) {
    throw new Error(
      `${label} (${page.url()}) does not fit a ${device} px screen: document.documentElement.scrollWidth = ${r.scrollWidth}, ` +
        `window.innerWidth = ${r.innerWidth}.\nElements sticking out: ${r.offenders.join('; ') || '(none found)'}`,
    );
  }
}
