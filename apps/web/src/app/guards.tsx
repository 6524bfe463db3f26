import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Role } from '../api/types';
import { MeContext, useCurrentUser, useMe } from '../features/auth/useMe';
import { PageLoading } from '../components/PageLoading';
import { usePageTitle } from '../components/usePageTitle';
import { hasRole, homePath } from './roles';

// No antd here: the router (App.tsx, built from routes.tsx) imports these, and a page load starts its page's
// chunks from that table while antd's chunk is still downloading.

/** Loading state; `asMain` when it stands alone (outside the layout, which has its own <main>). */
export function FullPageSpin({ asMain = false }: { asMain?: boolean }) {
  return <PageLoading asMain={asMain} />;
}

/** A page-sized message (403, 404, server unreachable): its title is the page's <h1>. */
function PageStatus({
  code,
  title,
  text,
  children,
}: {
  code: string;
  title: string;
  text?: string;
  children?: ReactNode;
}) {
  return (
    <div className="page-status" data-status={code}>
      <p className="page-status-code" aria-hidden>
        {code}
      </p>
      <h1>{title}</h1>
      {text ? <p className="muted">{text}</p> : null}
      {children}
    </div>
  );
}

/**
 * Gate for signed-in routes. A user who must change the password is held on /change-password
 * (等保: a built-in or reset account changes its password at first login).
 */
export function RequireAuth({ passwordPage = false }: { passwordPage?: boolean }) {
  const { data: me, isPending, isError, refetch } = useMe();
  const location = useLocation();
  const { t } = useTranslation();
  if (isPending) return <FullPageSpin asMain />;
  if (isError)
    return (
      <main>
        <PageStatus code="!" title={t('error.serverUnreachable')}>
          <button type="button" className="plain-button" onClick={() => void refetch()}>
            {t('common.retry')}
          </button>
        </PageStatus>
      </main>
    );
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  if (me.mustChangePassword && !passwordPage) return <Navigate to="/change-password" replace />;
  return (
    <MeContext.Provider value={me}>
      <Outlet />
    </MeContext.Provider>
  );
}

export function Forbidden() {
  const { t } = useTranslation();
  usePageTitle(t('error.forbiddenTitle'));
  return <PageStatus code="403" title={t('error.forbiddenTitle')} text={t('error.forbidden')} />;
}

export function NotFound() {
  const { t } = useTranslation();
  usePageTitle(t('error.notFoundTitle'));
  return <PageStatus code="404" title={t('error.notFoundTitle')} text={t('error.notFound')} />;
}

/** Hides a page from roles the menu does not offer it to (the server enforces the real rule). */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const me = useCurrentUser();
  return hasRole(me, roles) ? <>{children}</> : <Forbidden />;
}

export function HomeRedirect() {
  const me = useCurrentUser();
  const to = homePath(me);
  return to === '/forbidden' ? <Forbidden /> : <Navigate to={to} replace />;
}
