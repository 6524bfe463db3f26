import { lazy, type ReactNode, Suspense, useEffect, useSyncExternalStore } from 'react';
import { FullPageSpin } from './guards';

/** antd's chunk (with the theme, locale and message API around it). */
export const loadAntProviders = () => import('./Providers');
const AntProviders = lazy(loadAntProviders);

// "The page has shown its content": plain pages (the queue) say so once their first rows are on screen,
// and only then do the deferred scopes (header widgets, the queue's filters) start antd's 230 KB chunk,
// so it does not compete with the page's own scripts and data on a slow link. Pages built with antd
// (AntOutlet) need antd at once and say so when they mount.
let contentShown = false;
const listeners = new Set<() => void>();
export function markContentShown(): void {
  if (contentShown) return;
  contentShown = true;
  listeners.forEach((l) => l());
}
const subscribe = (l: () => void) => {
  listeners.add(l);
  // Never later than this, whatever the page does.
  const timer = setTimeout(markContentShown, 3000);
  return () => {
    listeners.delete(l);
    clearTimeout(timer);
  };
};
const useContentShown = () => useSyncExternalStore(subscribe, () => contentShown);

/**
 * Calls markContentShown once `shown` is true, after the browser has painted that render and is idle:
 * an effect alone can run before the frame is painted, and antd's chunk would then hold the paint back.
 */
export function useMarkContentShown(shown: boolean): void {
  useEffect(() => {
    if (!shown || contentShown) return;
    let idle = 0;
    let timer = 0;
    // rAF runs before the next paint; a task queued from it runs after that paint.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => {
        if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(markContentShown, { timeout: 500 });
        else markContentShown();
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      if (idle) cancelIdleCallback(idle);
    };
  }, [shown]);
}

/**
 * antd's theme, locale and message API around a part of the page, loaded with antd's chunk. The layout
 * is plain markup and paints first. `bridge`: this scope shows the API client's error toasts. `defer`:
 * wait until the page has shown its content (the fallback stays until then).
 */
export function AntScope({
  children,
  bridge = false,
  defer = false,
  fallback,
}: {
  children: ReactNode;
  bridge?: boolean;
  defer?: boolean;
  fallback?: ReactNode;
}) {
  const shown = useContentShown();
  const placeholder = fallback === undefined ? <FullPageSpin /> : fallback;
  if (defer && !shown) return <>{placeholder}</>;
  return (
    <Suspense fallback={placeholder}>
      <AntProviders bridge={bridge}>{children}</AntProviders>
    </Suspense>
  );
}
