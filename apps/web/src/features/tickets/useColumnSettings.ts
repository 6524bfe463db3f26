import { useState } from 'react';

/**
 * Which queue columns a user shows, kept per user in localStorage (a shared desk PC keeps each
 * dispatcher's choice). Unknown stored keys are dropped; the number column cannot be hidden.
 */
export function useColumnSettings(userId: string | undefined, all: string[], defaults: string[]) {
  const storageKey = `weibao.queue.columns.${userId ?? 'anonymous'}`;
  const read = (): string[] => {
    try {
      const stored = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as unknown;
      if (Array.isArray(stored)) return stored.filter((k): k is string => typeof k === 'string' && all.includes(k));
    } catch {
      /* unreadable: defaults */
    }
    return defaults;
  };
  const [visible, setVisibleState] = useState<string[]>(read);
  const setVisible = (keys: string[]) => {
    setVisibleState(keys);
    localStorage.setItem(storageKey, JSON.stringify(keys));
  };
  return { visible, setVisible };
}
