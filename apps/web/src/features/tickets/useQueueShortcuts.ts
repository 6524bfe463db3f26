import { type RefObject, useEffect } from 'react';

/** Typing in a field (or an open select) keeps its keys: shortcuts apply only to the page itself. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.getAttribute('role') === 'combobox';
}

/**
 * Queue keys: `/` focuses the search box, `j`/`k` move the focus to the next/previous ticket's link
 * (Enter on a focused link opens it, as any link does).
 */
export function useQueueShortcuts(table: RefObject<HTMLElement | null>, searchTestId: string) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (e.key === '/') {
        const box = document.querySelector<HTMLElement>(`[data-testid="${searchTestId}"]`);
        const input = box instanceof HTMLInputElement ? box : box?.querySelector('input');
        if (input) {
          e.preventDefault();
          input.focus();
          input.select();
        }
        return;
      }
      if (e.key !== 'j' && e.key !== 'k') return;
      const links = [...(table.current?.querySelectorAll<HTMLElement>('[data-testid="ticket-link"]') ?? [])];
      if (!links.length) return;
      e.preventDefault();
      const at = links.findIndex((l) => l === document.activeElement);
      const next = at < 0 ? 0 : Math.min(links.length - 1, Math.max(0, at + (e.key === 'j' ? 1 : -1)));
      links[next]!.focus();
      links[next]!.scrollIntoView({ block: 'nearest' });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [table, searchTestId]);
}
