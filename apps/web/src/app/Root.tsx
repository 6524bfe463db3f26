import { lazy, Suspense, useState } from 'react';
import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { ApiError } from '../api/client';
import { PageLoading } from '../components/PageLoading';
import LoginPage from '../features/auth/LoginPage';
import { meQuery } from '../features/auth/useMe';

// The first paint carries no antd: the sign-in page is plain React and CSS, and everything else (antd,
// the layout, the pages) is one lazily loaded part. A signed-in page load starts that part, the session
// probe and its page's chunk at once instead of one after another.
const loadSignedInApp = () => import('./SignedInApp');
const SignedInApp = lazy(loadSignedInApp);

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: true,
        // 4xx answers will not change on retry (and were already shown to the user once).
        retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      },
    },
    mutationCache: new MutationCache(),
  });
}

function startLoading(client: QueryClient): QueryClient {
  void client.prefetchQuery(meQuery);
  if (window.location.pathname !== '/login') {
    // The route table has no antd: the page's chunks (and antd's, for the pages built with it) start at once.
    void loadSignedInApp();
    const { pathname, search } = window.location;
    void import('./App').then((m) => {
      m.preloadRoute(pathname);
      void m.prefetchRouteData(client, pathname, search);
    });
  }
  return client;
}

export function Root() {
  const [client] = useState(() => startLoading(makeQueryClient()));
  return (
    <QueryClientProvider client={client}>
      <BrowserRouter>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route
            path="*"
            element={
              <Suspense fallback={<PageLoading />}>
                <SignedInApp />
              </Suspense>
            }
          />
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
