import { useSyncExternalStore } from 'react';

/** Whether a CSS media query matches now, re-rendering when it changes (e.g. the phone layout below 992 px). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}
