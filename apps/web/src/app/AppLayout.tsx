import { lazy, type ReactNode, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Outlet, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useMediaQuery } from '../components/useMediaQuery';
import { useCurrentUser } from '../features/auth/useMe';
import { useBadges } from '../features/start/api';
import { AntScope } from './AntScope';
import { FullPageSpin } from './guards';
import { menuItems, selectedKey } from './menu';
import { BADGE_ROLES, hasRole } from './roles';
import { SideMenu } from './SideMenu';

const HeaderTools = lazy(() => import('./HeaderTools'));

/**
 * The signed-in layout as plain markup and CSS (no antd): side menu (a drawer on phones), header, content.
 * It paints before antd's chunk arrives; the header's search, bell and user menu sit in an AntScope and
 * appear with antd, as do the pages built with antd (App.tsx's AntOutlet).
 */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const isMobile = useMediaQuery('(max-width: 991.98px)'); // below 992 px the side menu becomes a drawer
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  // Menu badges (待分派, 待签字, 待巡检) for the roles that have any; refreshed every minute.
  const badges = useBadges(hasRole(me, BADGE_ROLES));
  const items = useMemo(() => menuItems(me, t, badges.data), [me, t, badges.data]);
  const selected = selectedKey(location.pathname, items);

  return (
    <div className="app-layout">
      <a className="skip-link" href="#main-content">
        {t('nav.skipToContent')}
      </a>
      {!isMobile ? (
        <aside className={collapsed ? 'app-sider collapsed' : 'app-sider'}>
          <div className="app-sider-brand">
            <span className="app-brand">{collapsed ? t('app.short') : t('app.name')}</span>
          </div>
          <nav aria-label={t('nav.main')}>
            <SideMenu items={items} selected={selected} collapsed={collapsed} />
          </nav>
        </aside>
      ) : null}
      <div className="app-body">
        <header className="app-header">
          {isMobile ? (
            <button
              type="button"
              className="icon-button"
              aria-label={t('nav.openMenu')}
              aria-expanded={drawerOpen}
              onClick={() => setDrawerOpen(true)}
              data-testid="nav-open"
            >
              <MenuOutlined aria-hidden />
            </button>
          ) : (
            <button
              type="button"
              className="icon-button"
              aria-label={collapsed ? t('nav.expandMenu') : t('nav.collapseMenu')}
              onClick={() => setCollapsed((c) => !c)}
            >
              {collapsed ? <MenuUnfoldOutlined aria-hidden /> : <MenuFoldOutlined aria-hidden />}
            </button>
          )}
          {isMobile ? <span className="app-brand">{t('app.short')}</span> : null}
          <div className="spacer" />
          <AntScope bridge defer fallback={<LanguageSwitch />}>
            <HeaderTools languageSwitch={<LanguageSwitch />} />
          </AntScope>
        </header>
        <main className="app-main" id="main-content" tabIndex={-1}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
      {isMobile ? (
        <NavDrawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={t('app.name')}
          closeLabel={t('nav.closeMenu')}
        >
          <nav aria-label={t('nav.main')}>
            <SideMenu items={items} selected={selected} onNavigate={() => setDrawerOpen(false)} />
          </nav>
        </NavDrawer>
      ) : null}
    </div>
  );
}

/**
 * The phone menu: a native modal <dialog> (focus kept inside, Escape closes, the page behind inert),
 * closed also by a click on the backdrop.
 */
function NavDrawer({
  open,
  onClose,
  title,
  closeLabel,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  closeLabel: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="nav-drawer"
      aria-labelledby="nav-drawer-title"
      onClose={onClose}
      onClick={(e) => e.target === ref.current && onClose()}
    >
      {/* The panel fills the dialog, so a click whose target is the dialog itself is on the backdrop. */}
      <div className="nav-drawer-panel">
        <div className="nav-drawer-header">
          <span className="app-brand" id="nav-drawer-title">
            {title}
          </span>
          <button type="button" className="icon-button" aria-label={closeLabel} onClick={onClose}>
            <span aria-hidden>✕</span>
          </button>
        </div>
        {children}
      </div>
    </dialog>
  );
}
