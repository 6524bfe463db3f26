import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import { api, type RequestOptions } from '../api/client';

interface Options {
  enabled?: boolean;
  /** Re-read every page this often (ms), e.g. for lists others change while one reads them. */
  refetchInterval?: number;
  /** The caller shows errors itself (no toast). */
  silent?: boolean;
  /** Retry failed pages (react-query's default) or not. */
  retry?: boolean;
}

/**
 * A keyset-paged list with "load more": GET `path` with `query`, each further page with the previous page's
 * `nextCursor` (the server's lists are keyset-paged, so a row inserted meanwhile neither repeats nor is skipped).
 */
export function useKeysetList<Page extends { nextCursor?: string | null }>(
  queryKey: QueryKey,
  path: string,
  query: RequestOptions['query'],
  { silent, ...options }: Options = {},
) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => api<Page>(path, { query: { ...query, cursor: pageParam }, signal, silent }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    ...options,
  });
}
