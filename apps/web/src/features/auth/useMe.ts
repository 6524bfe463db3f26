import { createContext, useContext } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { AuthSession } from '@weibao/schema';
import { api, setCsrfToken } from '../../api/client';
import type { Me } from '../../api/types';
import { hasStoredLanguage, setLanguage } from '../../i18n';

export const meKey = ['me'] as const;

/** Adopt a freshly loaded session: CSRF token in memory, and the user's language unless one was picked here. */
export function adoptMe(me: Me): Me {
  setCsrfToken(me.csrfToken);
  if (!hasStoredLanguage()) setLanguage(me.locale, false);
  return me;
}

/** The page-load probe: `/auth/session` answers 200 with `user: null` when signed out, so no 401 shows in the console. */
async function fetchMe(): Promise<Me | null> {
  const { user } = await api<AuthSession>('/auth/session', { silent: true });
  if (!user) {
    setCsrfToken(null);
    return null; // not signed in: a normal state, not an error
  }
  return adoptMe(user);
}

/** The session query; Root starts it as the page loads, before the router or antd are ready. */
export const meQuery = { queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false } as const;

export function useMe() {
  return useQuery(meQuery);
}

export const MeContext = createContext<Me | null>(null);

/** The signed-in user; only valid below <RequireAuth>. */
export function useCurrentUser(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useCurrentUser outside RequireAuth');
  return me;
}
