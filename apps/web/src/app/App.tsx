import { Children, isValidElement, Suspense, type ReactNode } from 'react';
import { createRoutesFromChildren, matchRoutes, Outlet, Route, Routes } from 'react-router-dom';
import type { QueryClient } from '@tanstack/react-query';
import type { LazyPage } from '../components/lazyPage';
import { meQuery } from '../features/auth/useMe';
import { prefetchQueue } from '../features/tickets/queuePrefetch';
import { AntScope, loadAntProviders, useMarkContentShown } from './AntScope';
import { AppLayout } from './AppLayout';
import { FullPageSpin, HomeRedirect, NotFound, RequireAuth, RequireRole } from './guards';
import { hasRole } from './roles';
import { type PageRoute, routeAt, ROUTES, type Shell } from './routes';

// The router, built from the route table (routes.tsx). The signed-in layout is plain markup and part of this
// table's chunk. The sign-in page is not here: Root serves it without antd.

/** The antd scope of the pages built with antd (all but the plain ones); preloaded with the route's page. */
function AntOutlet() {
  // These pages need antd now: the deferred scopes (header widgets) need not wait either.
  useMarkContentShown(true);
  return (
    <AntScope>
      <Outlet />
    </AntScope>
  );
}

AntOutlet.preload = loadAntProviders;

const routesIn = (shell: Shell) => ROUTES.filter((r) => (r.shell ?? 'ant') === shell);

/** One route of the table: the page, behind its role check, under a path relative to the layout's. */
function pageRoute({ path, page: Page, roles, pageKey, shell }: PageRoute, relative = true) {
  const page = <Page key={pageKey} />;
  // Pages outside the layout bring their own antd (the layout's pages get it from AntOutlet or their scopes).
  const scoped = shell === 'public' || shell === 'password' ? <AntScope bridge>{page}</AntScope> : page;
  return (
    <Route
      key={path}
      path={relative ? path.slice(1) : path}
      element={roles ? <RequireRole roles={roles}>{scoped}</RequireRole> : scoped}
    />
  );
}

const routeTree = (
  <>
    {/* Pages without the layout: no sign-in (links from e-mails, the certificate check). */}
    {routesIn('public').map((r) => pageRoute(r, false))}
    <Route element={<RequireAuth passwordPage />}>{routesIn('password').map((r) => pageRoute(r, false))}</Route>
    <Route element={<RequireAuth />}>
      <Route element={<AppLayout />}>
        {/* Plain pages: they paint before antd's chunk arrives and bring their antd parts in their own scopes. */}
        {routesIn('plain').map((r) => pageRoute(r))}
        {/* Every other page: inside one antd scope, kept while moving between them. */}
        <Route element={<AntOutlet />}>
          <Route index element={<HomeRedirect />} />
          {routesIn('ant').map((r) => pageRoute(r))}
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Route>
  </>
);

/** Starts loading the chunks (layout and page) of the route at `pathname`, e.g. while the session probe runs. */
export function preloadRoute(pathname: string): void {
  const preload = (node: ReactNode): void => {
    if (!isValidElement<{ children?: ReactNode }>(node)) return;
    void (node.type as Partial<LazyPage>).preload?.();
    Children.forEach(node.props.children, preload);
  };
  for (const match of matchRoutes(createRoutesFromChildren(routeTree), pathname) ?? []) preload(match.route.element);
}

/**
 * Starts the data of the page at `pathname` as soon as the session is known, for the page whose first
 * paint waits on one query (the queue): its rows arrive with its code instead of after it.
 */
export async function prefetchRouteData(client: QueryClient, pathname: string, search: string): Promise<void> {
  if (pathname !== '/tickets') return;
  const me = await client.fetchQuery(meQuery).catch(() => null);
  const roles = routeAt('/tickets').roles ?? [];
  if (me && !me.mustChangePassword && hasRole(me, roles)) prefetchQueue(client, me, search);
}

export function App() {
  return (
    <Suspense fallback={<FullPageSpin asMain />}>
      <Routes>{routeTree}</Routes>
    </Suspense>
  );
}
