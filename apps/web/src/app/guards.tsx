import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../api/types';
import { MeContext, useCurrentUser, useMe } from '../features/auth/useMe';
import { usePageTitle } from '../components/usePageTitle';
import { hasRole, homePath } from './roles';

/** Loading state; `asMain` when it stands alone (outside the layout, which has its own <main>). */
export function FullPageSpin({ asMain = false }: { asMain?: boolean }) {
  const { t } = useTranslation();
  const Tag = asMain ? 'main' : 'div';
  return (
    <Tag style={{ minHeight: '60vh', display: 'grid', placeItems: 'center' }} aria-busy="true">
      <Spin size="large" tip={t('common.loading')}>
        <div style={{ width: 80, height: 80 }} />
      </Spin>
    </Tag>
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
        <Result status="error" title={t('error.serverUnreachable')} extra={<Button onClick={() => void refetch()}>{t('common.retry')}</Button>} />
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
  return <Result status="403" title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('error.forbiddenTitle')}</h1>} subTitle={t('error.forbidden')} />;
}

export function NotFound() {
  const { t } = useTranslation();
  usePageTitle(t('error.notFoundTitle'));
  return <Result status="404" title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('error.notFoundTitle')}</h1>} subTitle={t('error.notFound')} />;
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
