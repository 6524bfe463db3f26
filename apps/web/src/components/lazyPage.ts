import { type ComponentType, lazy, type LazyExoticComponent } from 'react';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- page components take any props
export type LazyPage = LazyExoticComponent<ComponentType<any>> & { preload: () => Promise<unknown> };

/** React.lazy plus `preload()`, so a page load can fetch its page's chunk before the router reaches it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyPage(load: () => Promise<{ default: ComponentType<any> }>): LazyPage {
  return Object.assign(lazy(load), { preload: load });
}
