import { useCallback, useMemo, useState } from 'react';

/** A column the user may show or hide; `locked` ones (e.g. the name that links to the item) always show. */
export interface ColumnChoice {
  key: string;
  title: string;
  locked?: boolean;
  /** Hidden until the user turns it on. */
  hiddenByDefault?: boolean;
}

const storageKey = (table: string) => `weibao.columns.${table}`;

function load(table: string): string[] | null {
  try {
    const v = JSON.parse(localStorage.getItem(storageKey(table)) ?? 'null') as unknown;
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null;
  } catch {
    return null; // private mode or a damaged value: fall back to the defaults
  }
}

/**
 * Which columns of an admin table are shown, remembered per table in localStorage (the user's browser, not
 * the account: a phone and a desk PC want different columns). Returns the keys to show in column order.
 */
export function useColumnSettings(table: string, choices: ColumnChoice[]) {
  const defaults = useMemo(() => choices.filter((c) => !c.hiddenByDefault).map((c) => c.key), [choices]);
  const [hidden, setHidden] = useState<string[] | null>(() => load(table));
  const visible = useMemo(() => {
    const off = new Set(hidden ?? choices.filter((c) => c.hiddenByDefault).map((c) => c.key));
    return choices.filter((c) => c.locked || !off.has(c.key)).map((c) => c.key);
  }, [choices, hidden]);
  const save = (next: string[] | null) => {
    setHidden(next);
    try {
      if (next) localStorage.setItem(storageKey(table), JSON.stringify(next));
      else localStorage.removeItem(storageKey(table));
    } catch {
      /* not persisted; the choice still applies on this page */
    }
  };
  const setShown = useCallback(
    (key: string, shown: boolean) => {
      const off = new Set(hidden ?? choices.filter((c) => c.hiddenByDefault).map((c) => c.key));
      if (shown) off.delete(key);
      else off.add(key);
      save([...off]);
    },
    // `save` is rebuilt on every render but depends only on `table`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [hidden, choices, table],
  );
  return {
    visible,
    isDefault: hidden === null || visible.join() === defaults.join(),
    setShown,
    reset: () => save(null),
  };
}

/** Page sizes offered by admin tables (rows per "load more" for keyset lists). */
export const PAGE_SIZE_OPTIONS = [20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZE_OPTIONS)[number];

/** The page size of one table, remembered like its columns. */
export function usePageSize(table: string, fallback: PageSize = 50): [PageSize, (n: PageSize) => void] {
  const key = `weibao.pageSize.${table}`;
  const [size, setSize] = useState<PageSize>(() => {
    const n = Number(typeof localStorage === 'undefined' ? NaN : localStorage.getItem(key));
    return (PAGE_SIZE_OPTIONS as readonly number[]).includes(n) ? (n as PageSize) : fallback;
  });
  return [
    size,
    (n) => {
      setSize(n);
      try {
        localStorage.setItem(key, String(n));
      } catch {
        /* session only */
      }
    },
  ];
}
