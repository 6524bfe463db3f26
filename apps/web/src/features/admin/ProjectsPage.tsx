import { useState } from 'react';
import { Button, Card, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useProjects } from '../../api/queries';
import type { Project } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { ResponsiveList } from '../../components/ResponsiveList';
import { isProviderStaff } from '../../app/roles';
import { useCurrentUser } from '../auth/useMe';
import { ProjectFormModal } from './ProjectFormModal';

export default function ProjectsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { data = [], isPending } = useProjects();
  const [editing, setEditing] = useState<Project | null>(null);
  const [open, setOpen] = useState(false);

  const edit = (p: Project | null) => {
    setEditing(p);
    setOpen(true);
  };
  const actions = (p: Project) => (
    <Space wrap size={4}>
      <Button
        size="small"
        onClick={() => edit(p)}
        aria-label={t('admin.editNamed', { name: p.name })}
        data-testid="project-edit"
      >
        {t('common.edit')}
      </Button>
      <Link to={`/admin/projects/${encodeURIComponent(p.id)}/contracts`} data-testid="project-contracts">
        {t('admin.contracts')}
      </Link>
      {isProviderStaff(me) ? (
        <>
          <Link to={`/staffing?projectId=${encodeURIComponent(p.id)}`} data-testid="project-staffing">
            {t('nav.staffing')}
          </Link>
          <Link to={`/presence?projectId=${encodeURIComponent(p.id)}`} data-testid="project-presence">
            {t('nav.presence')}
          </Link>
        </>
      ) : null}
    </Space>
  );
  const columns: ColumnsType<Project> = [
    { title: t('admin.projectCode'), dataIndex: 'code', key: 'code' },
    { title: t('admin.projectName'), dataIndex: 'name', key: 'name' },
    { title: t('admin.customer'), dataIndex: 'customerName', key: 'customer' },
    { title: t('admin.serviceManager'), key: 'manager', render: (_, p) => p.serviceManagerName ?? '—' },
    { title: t('admin.teamSize'), key: 'team', render: (_, p) => p.teamIds.length },
    { title: t('common.actions'), key: 'actions', render: (_, p) => actions(p) },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.projects')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => edit(null)}
            data-testid="project-create"
          >
            {t('admin.newProject')}
          </Button>
        }
      />
      <ResponsiveList<Project>
        label={t('nav.projects')}
        items={data}
        loading={isPending}
        columns={columns}
        rowKey={(p) => p.id}
        rowTestId="project-row"
        renderCard={(p) => (
          <Card size="small" className="full-width">
            <strong>{p.name}</strong> <span className="muted">{p.code}</span>
            <div className="muted">
              {p.customerName} · {p.serviceManagerName ?? '—'} · {t('admin.teamCount', { n: p.teamIds.length })}
            </div>
            <div style={{ marginTop: 6 }}>{actions(p)}</div>
          </Card>
        )}
      />
      <ProjectFormModal project={editing} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
