import { useState } from 'react';
import { Alert, Button, Card, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Contract, Project } from '../../api/types';
import { formatMoney } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { ResponsiveList } from '../../components/ResponsiveList';
import { ContractDrawer } from './ContractDrawer';

/** Contracts of one project; each carries the SLA policy its tickets are measured against. */
export default function ContractsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const enc = encodeURIComponent(id);
  const { data: project } = useQuery({ queryKey: ['projects', id], queryFn: () => api<Project>(`/projects/${enc}`) });
  const { data = [], isPending } = useQuery({
    queryKey: ['projects', id, 'contracts'],
    queryFn: () => api<Contract[]>(`/projects/${enc}/contracts`),
  });
  const [editing, setEditing] = useState<Contract | null>(null);
  const [open, setOpen] = useState(false);
  const edit = (c: Contract | null) => {
    setEditing(c);
    setOpen(true);
  };

  const targets = (c: Contract) =>
    c.policy.targets
      .map((x) =>
        t('contract.targetSummary', { level: x.level, r: x.responseMin, a: x.arrivalMin, s: x.resolutionMin }),
      )
      .join('; ');
  const calendar = (c: Contract) => <Tag>{t(`calendar.${c.policy.calendar.kind}`)}</Tag>;
  // Years without holiday data, from 60 days before the first one starts (issue 13, item 2).
  const horizon = (c: Contract) =>
    c.holidayHorizon.active ? (
      <Alert
        type="warning"
        showIcon
        style={{ marginTop: 6 }}
        data-testid="contract-holiday-warning"
        message={t('holidays.contractWarning', { years: c.holidayHorizon.missingYears.join('、') })}
      />
    ) : null;
  const editBtn = (c: Contract) => (
    <Button
      size="small"
      onClick={() => edit(c)}
      aria-label={t('admin.editNamed', { name: c.name })}
      data-testid="contract-edit"
    >
      {t('common.edit')}
    </Button>
  );
  const columns: ColumnsType<Contract> = [
    { title: t('contract.code'), dataIndex: 'code', key: 'code' },
    { title: t('contract.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('contract.period'),
      key: 'period',
      render: (_, c) => (
        <>
          {`${c.startsOn} ~ ${c.endsOn}`}
          {horizon(c)}
        </>
      ),
    },
    { title: t('contract.warrantyMonths'), dataIndex: 'warrantyMonths', key: 'warranty' },
    { title: t('contract.partExtension'), key: 'extension', render: (_, c) => t(`warranty.policy.${c.partExtension}`) },
    { title: t('contract.labourRate'), key: 'labour', render: (_, c) => formatMoney(c.labourRateCents) },
    {
      title: t('satisfaction.contractTarget'),
      key: 'satisfactionTarget',
      render: (_, c) => `${c.satisfactionTargetPct}%`,
    },
    { title: t('calendar.kind'), key: 'calendar', render: (_, c) => calendar(c) },
    {
      title: t('contract.targets'),
      key: 'targets',
      render: (_, c) => <span style={{ fontSize: 12 }}>{targets(c)}</span>,
    },
    { title: t('common.actions'), key: 'actions', render: (_, c) => editBtn(c) },
  ];

  const title = project ? t('contract.pageTitle', { project: project.name }) : t('admin.contracts');
  return (
    <>
      <PageHeader
        title={title}
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate('/admin/projects')}>
              {t('nav.projects')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => edit(null)}
              data-testid="contract-create"
            >
              {t('contract.new')}
            </Button>
          </Space>
        }
      />
      {project ? (
        <p className="muted">{t('contract.projectLine', { customer: project.customerName, code: project.code })}</p>
      ) : null}
      <ResponsiveList<Contract>
        label={title}
        items={data}
        loading={isPending}
        columns={columns}
        rowKey={(c) => c.id}
        rowTestId="contract-row"
        renderCard={(c) => (
          <Card size="small" className="full-width">
            <strong>{c.name}</strong> <span className="muted">{c.code}</span> {calendar(c)}
            <div className="muted">
              {c.startsOn} ~ {c.endsOn} · {t('contract.warrantyN', { n: c.warrantyMonths })}
            </div>
            {horizon(c)}
            <div className="muted">
              {t(`warranty.policy.${c.partExtension}`)} ·{' '}
              {t('repair.ratePerHour', { amount: formatMoney(c.labourRateCents) })} ·{' '}
              {`${t('satisfaction.contractTarget')} ${c.satisfactionTargetPct}%`}
            </div>
            <div style={{ fontSize: 12 }}>{targets(c)}</div>
            <div style={{ marginTop: 6 }}>{editBtn(c)}</div>
          </Card>
        )}
      />
      <ContractDrawer projectId={id} contract={editing} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
