import { useCallback, useSyncExternalStore } from 'react';

/**
 * The project the user last chose, remembered across pages and reloads: one value per user in
 * localStorage (so two people sharing a desk do not inherit each other's choice), shared by every
 * page's project picker through one in-memory subscription.
 */
const listeners = new Set<() => void>();
const keyOf = (userId: string) => `weibao.project.${userId}`;

function read(userId: string): string | null {
  try {
    return localStorage.getItem(keyOf(userId));
  } catch {
    return null; // storage disabled (private mode): the choice lives only in the URL
  }
}

export function rememberProject(userId: string, projectId: string | undefined) {
  try {
    if (projectId) localStorage.setItem(keyOf(userId), projectId);
    else localStorage.removeItem(keyOf(userId));
  } catch {
    /* storage disabled: nothing to remember */
  }
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another tab choosing a project updates this one too.
  const onStorage = (e: StorageEvent) => {
    if (e.key?.startsWith('weibao.project.')) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** [remembered project id, remember(id)] for the signed-in user. */
export function useRememberedProject(userId: string): [string | null, (id: string | undefined) => void] {
  const value = useSyncExternalStore(subscribe, () => read(userId));
  const remember = useCallback((id: string | undefined) => rememberProject(userId, id), [userId]);
  return [value, remember];
}
