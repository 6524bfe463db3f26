import { Suspense, useMemo, useState } from 'react';
import { Button, Drawer, Grid, Layout, Menu } from 'antd';
import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { UserMenu } from '../features/auth/UserMenu';
import { useCurrentUser } from '../features/auth/useMe';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { GlobalSearch } from '../features/search/GlobalSearch';
import { FullPageSpin } from './guards';
import { useBadges } from '../features/start/api';
import { menuItems, selectedKey } from './menu';
import { BADGE_ROLES, hasRole } from './roles';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const screens = Grid.useBreakpoint();
  const isMobile = !screens.lg; // below 992 px the side menu becomes a drawer behind a hamburger
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  // Menu badges (待分派, 待签字, 待巡检) for the roles that have any; refreshed every minute.
  const badges = useBadges(hasRole(me, BADGE_ROLES));
  const items = useMemo(() => menuItems(me, t, badges.data), [me, t, badges.data]);
  const selected = selectedKey(location.pathname, items);

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
      data-testid="main-menu"
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main-content">
        {t('nav.skipToContent')}
      </a>
      {!isMobile ? (
        <Sider width={220} collapsedWidth={64} collapsed={collapsed} trigger={null} style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
          <div className="app-sider-brand">
            <span className="app-brand">{collapsed ? t('app.short') : t('app.name')}</span>
          </div>
          <nav aria-label={t('nav.main')}>{menu}</nav>
        </Sider>
      ) : null}
      <Layout style={{ minWidth: 0 }}>
        <Header className="app-header">
          {isMobile ? (
            <Button type="text" icon={<MenuOutlined aria-hidden />} aria-label={t('nav.openMenu')} aria-expanded={drawerOpen} onClick={() => setDrawerOpen(true)} data-testid="nav-open" />
          ) : (
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined aria-hidden /> : <MenuFoldOutlined aria-hidden />}
              aria-label={collapsed ? t('nav.expandMenu') : t('nav.collapseMenu')}
              onClick={() => setCollapsed((c) => !c)}
            />
          )}
          {isMobile ? <span className="app-brand">{t('app.short')}</span> : null}
          <div className="spacer" />
          <GlobalSearch />
          <LanguageSwitch />
          <NotificationBell />
          <UserMenu />
        </Header>
        <Content className="app-main" id="main-content" tabIndex={-1}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
      {isMobile ? (
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} width={260} title={t('app.name')} styles={{ body: { padding: 0 } }}>
          <nav aria-label={t('nav.main')}>{menu}</nav>
        </Drawer>
      ) : null}
    </Layout>
  );
}
