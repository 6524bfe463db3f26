import { Button, Dropdown, Grid } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../../api/client';
import { meKey, useCurrentUser } from './useMe';

export function UserMenu() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();

  const logout = async () => {
    try {
      await api<void>('/auth/logout', { method: 'POST', silent: true });
    } finally {
      // Even if the call failed, forget everything locally so the next person starts clean.
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(meKey, null);
      navigate('/login', { replace: true });
    }
  };

  const roles = me.roles.map((r) => t(`role.${r}`)).join(', ');
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'who',
            disabled: true,
            label: <span className="muted">{`${me.displayName} · ${me.orgName} · ${roles}`}</span>,
          },
          { type: 'divider' },
          {
            key: 'password',
            icon: <KeyOutlined aria-hidden />,
            label: <span data-testid="menu-change-password">{t('auth.changePassword')}</span>,
          },
          {
            key: 'logout',
            icon: <LogoutOutlined aria-hidden />,
            label: <span data-testid="menu-logout">{t('auth.logout')}</span>,
          },
        ],
        onClick: ({ key }) => {
          if (key === 'password') navigate('/change-password');
          if (key === 'logout') void logout();
        },
      }}
    >
      <Button
        type="text"
        icon={<UserOutlined aria-hidden />}
        aria-label={t('header.userMenu', { name: me.displayName })}
        data-testid="user-menu"
      >
        {screens.sm ? (
          <>
            {me.displayName} <DownOutlined aria-hidden />
          </>
        ) : null}
      </Button>
    </Dropdown>
  );
}
