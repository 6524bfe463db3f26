import { useMemo, useState } from 'react';
import { App, Button, Card, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useUsers } from '../../api/queries';
import type { User } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { ResponsiveList } from '../../components/ResponsiveList';
import { useCurrentUser } from '../auth/useMe';
import { RolesModal } from './RolesModal';
import { UserFormModal } from './UserFormModal';

/**
 * Users. sys_admin creates and edits accounts; security_admin assigns roles and unlocks accounts
 * (三员分立: neither can do the other's job, and neither reads the audit log).
 */
export default function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const isSys = me.roles.includes('sys_admin');
  const isSec = me.roles.includes('security_admin');
  const [orgId, setOrgId] = useState<string | undefined>();
  const { data = [], isPending } = useUsers();
  const [editing, setEditing] = useState<User | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [rolesFor, setRolesFor] = useState<User | null>(null);

  // Org filter options come from the users themselves: security_admin may not list organisations.
  const orgs = useMemo(() => [...new Map(data.map((u) => [u.orgId, u.orgName])).entries()], [data]);
  const rows = orgId ? data.filter((u) => u.orgId === orgId) : data;

  const unlock = useMutation({
    mutationFn: (u: User) => api<User>(`/users/${encodeURIComponent(u.id)}/unlock`, { method: 'POST' }),
    onSuccess: (u) => {
      void message.success(t('user.unlocked', { name: u.displayName }));
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
  });

  const locked = (u: User) => u.lockedUntil !== null && u.lockedUntil > Date.now();
  const status = (u: User) => (
    <Space size={4} wrap>
      {u.disabled ? <Tag color="#595959">{t('user.statusDisabled')}</Tag> : <Tag>{t('user.statusActive')}</Tag>}
      {locked(u) ? <Tag color="#a8071a">{t('user.lockedUntil', { time: formatDateTime(u.lockedUntil) })}</Tag> : null}
    </Space>
  );
  const roles = (u: User) => (
    <Space size={[4, 4]} wrap>
      {u.roles.map((r) => (
        <Tag key={r}>{t(`role.${r}`)}</Tag>
      ))}
    </Space>
  );
  const actions = (u: User) => (
    <Space size={4} wrap>
      {/* 三员: the server refuses these, so they are not offered (the security admin and auditor are out of the system admin's reach; nobody changes their own roles). */}
      {isSys && !u.roles.some((r) => r === 'security_admin' || r === 'auditor') ? (
        <Button
          size="small"
          onClick={() => {
            setEditing(u);
            setFormOpen(true);
          }}
          aria-label={t('admin.editNamed', { name: u.displayName })}
          data-testid="user-edit"
        >
          {t('common.edit')}
        </Button>
      ) : null}
      {isSec && u.id !== me.id ? (
        <Button
          size="small"
          onClick={() => setRolesFor(u)}
          aria-label={t('user.rolesFor', { name: u.displayName })}
          data-testid="user-roles-edit"
        >
          {t('user.assignRoles')}
        </Button>
      ) : null}
      {isSec && locked(u) ? (
        <Button
          size="small"
          onClick={() => unlock.mutate(u)}
          loading={unlock.isPending}
          aria-label={t('user.unlockNamed', { name: u.displayName })}
          data-testid="user-unlock"
        >
          {t('user.unlock')}
        </Button>
      ) : null}
    </Space>
  );

  const columns: ColumnsType<User> = [
    { title: t('user.username'), dataIndex: 'username', key: 'username' },
    { title: t('user.displayName'), dataIndex: 'displayName', key: 'displayName' },
    { title: t('user.org'), dataIndex: 'orgName', key: 'org' },
    { title: t('user.roles'), key: 'roles', render: (_, u) => roles(u) },
    { title: t('user.level'), dataIndex: 'level', key: 'level' },
    {
      title: t('user.contact'),
      key: 'contact',
      render: (_, u) => [u.email, u.phone].filter(Boolean).join(' / ') || '—',
    },
    { title: t('user.status'), key: 'status', render: (_, u) => status(u) },
    { title: t('user.lastLogin'), key: 'lastLogin', render: (_, u) => formatDateTime(u.lastLoginAt) },
    { title: t('common.actions'), key: 'actions', render: (_, u) => actions(u) },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        extra={
          isSys ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => {
                setEditing(null);
                setFormOpen(true);
              }}
              data-testid="user-create"
            >
              {t('user.new')}
            </Button>
          ) : undefined
        }
      />
      <div role="search" aria-label={t('filter.title')} style={{ marginBottom: 12 }}>
        <Select
          allowClear
          value={orgId}
          onChange={setOrgId}
          placeholder={t('user.filterOrg')}
          aria-label={t('user.filterOrg')}
          style={{ width: 'min(320px, 100%)' }}
          options={orgs.map(([id, name]) => ({ value: id, label: name }))}
          data-testid="user-filter-org"
        />
      </div>
      <ResponsiveList<User>
        label={t('nav.users')}
        items={rows}
        loading={isPending}
        columns={columns}
        rowKey={(u) => u.id}
        rowTestId="user-row"
        renderCard={(u) => (
          <Card size="small" className="full-width">
            <strong>{u.displayName}</strong> <span className="muted">{u.username}</span>
            <div className="muted">
              {u.orgName} · {t('user.levelN', { n: u.level })}
            </div>
            <div style={{ margin: '4px 0' }}>{roles(u)}</div>
            {status(u)}
            <div style={{ marginTop: 6 }}>{actions(u)}</div>
          </Card>
        )}
      />
      {isSys ? <UserFormModal user={editing} open={formOpen} onClose={() => setFormOpen(false)} /> : null}
      {isSec ? <RolesModal user={rolesFor} onClose={() => setRolesFor(null)} /> : null}
    </>
  );
}
