import { useState } from 'react';
import { Alert, Button, Card, Space, Spin, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LEVEL_COLOR, STATUS_COLOR } from '../../app/theme';
import { PageHeader } from '../../components/PageHeader';
import { useProjectParam } from '../../components/ProjectPicker';
import { ResponsiveList } from '../../components/ResponsiveList';
import { localized } from '../../components/format';
import { useUrlState } from '../../components/useUrlState';
import { useCurrentUser } from '../auth/useMe';
import {
  beijingMonth,
  type CommitmentReport,
  type CommitmentResult,
  type CommitmentStatus,
  isMonth,
  useCommitments,
} from './api';
import { CommitmentEditModal } from './CommitmentEditModal';
import { ProjectMonthFilters } from './ProjectMonthFilters';
import { CommitmentOverview } from './CommitmentOverview';
import { actualText, pctText, promiseText, targetText } from './format';
import { commitmentLinkPath } from './links';
import './reports.css';

const STATUS_TAG_COLOR: Record<CommitmentStatus, string> = {
  met: STATUS_COLOR.resolved ?? '#237804',
  missed: LEVEL_COLOR[1] ?? '#cf1322',
  no_data: '#595959',
};

/** 达成 / 未达成 / 无数据: no data is grey and never counts as met. */
export function CommitmentStatusTag({ status }: { status: CommitmentStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_TAG_COLOR[status]} data-testid="commitment-status" data-status={status}>
      {t(`reports.status.${status}`)}
    </Tag>
  );
}

function Headline({ r }: { r: CommitmentReport }) {
  const { t } = useTranslation();
  const counts: { key: 'met' | 'missed' | 'noData'; status: CommitmentStatus; n: number }[] = [
    { key: 'met', status: 'met', n: r.met },
    { key: 'missed', status: 'missed', n: r.missed },
    { key: 'noData', status: 'no_data', n: r.noData },
  ];
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="commitments-headline">
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 24 }}>
        <div>
          <div className="muted">{t('reports.commitments.executionPct')}</div>
          <div
            style={{ fontSize: 36, fontWeight: 600, lineHeight: 1.2 }}
            data-testid="commitments-execution"
            data-pct={r.executionPct ?? ''}
          >
            {pctText(t, r.executionPct)}
          </div>
        </div>
        <Space wrap size={[16, 8]}>
          {counts.map((c) => (
            <span key={c.key} data-testid={`commitments-${c.key}`} data-count={c.n}>
              <CommitmentStatusTag status={c.status} /> <strong>{c.n}</strong>
            </span>
          ))}
        </Space>
      </div>
      <div className="muted" style={{ marginTop: 8, overflowWrap: 'anywhere' }}>
        {r.contractCode
          ? t('reports.commitments.contract', { code: r.contractCode, month: r.month })
          : t('reports.commitments.noContract')}
      </div>
    </Card>
  );
}

/** 服务承诺: every measured promise of the contract with its result for the month, and the records behind it. */
export default function CommitmentsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const manager = me.roles.includes('service_manager');
  const { projectId, projects, loading, setProjectId } = useProjectParam();
  const [params, set] = useUrlState();
  const m = params.get('month');
  const month = isMonth(m) ? m : beijingMonth();
  const q = useCommitments(projectId, month);
  const [editing, setEditing] = useState<CommitmentResult | null>(null);
  const r = q.data;

  const rowAttrs = (c: CommitmentResult) => ({
    'data-kind': c.kind,
    'data-level': c.level ?? '',
    'data-status': c.status,
    'data-id': c.id,
  });
  const link = (c: CommitmentResult) => (
    <Link
      to={commitmentLinkPath(me, c.link)}
      data-testid="commitment-link"
      aria-label={`${t('reports.commitments.viewRecords')}: ${promiseText(t, c)}`}
    >
      {t('reports.commitments.viewRecords')}
    </Link>
  );
  const edit = (c: CommitmentResult) =>
    manager ? (
      <Tooltip title={t('reports.commitments.edit')}>
        <Button
          size="small"
          icon={<EditOutlined aria-hidden />}
          aria-label={`${t('reports.commitments.edit')}: ${promiseText(t, c)}`}
          onClick={() => setEditing(c)}
          data-testid="commitment-edit"
        />
      </Tooltip>
    ) : null;
  const promise = (c: CommitmentResult) => (
    <span data-testid="commitment-promise" {...rowAttrs(c)} style={{ overflowWrap: 'anywhere' }}>
      {promiseText(t, c)}
      {!c.enabled ? <Tag style={{ marginInlineStart: 6 }}>{t('reports.commitments.disabled')}</Tag> : null}
      {c.note ? (
        <div className="muted" style={{ fontSize: 12 }}>
          {c.note}
        </div>
      ) : null}
    </span>
  );
  const columns: ColumnsType<CommitmentResult> = [
    { title: t('reports.commitments.promise'), key: 'promise', render: (_, c) => promise(c) },
    {
      title: t('reports.commitments.target'),
      key: 'target',
      width: 110,
      render: (_, c) => <span data-testid="commitment-target-text">{targetText(t, c)}</span>,
    },
    {
      title: t('reports.commitments.actual'),
      key: 'actual',
      width: 100,
      render: (_, c) => (
        <strong data-testid="commitment-actual" data-actual={c.actual ?? ''}>
          {actualText(t, c)}
        </strong>
      ),
    },
    {
      title: t('reports.commitments.status'),
      key: 'status',
      width: 90,
      render: (_, c) => <CommitmentStatusTag status={c.status} />,
    },
    {
      title: t('reports.commitments.detail'),
      key: 'detail',
      render: (_, c) => (
        <span className="muted" style={{ overflowWrap: 'anywhere' }}>
          {localized(c.detail)}
        </span>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, c) => (
        <Space size={4} wrap>
          {link(c)}
          {edit(c)}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('reports.commitments.title')} />
      <ProjectMonthFilters
        id="commitments"
        projectId={projectId}
        setProjectId={setProjectId}
        projects={projects}
        loading={loading}
        month={month}
        setMonth={(m) => set({ month: m })}
      />
      {!projectId ? (
        <CommitmentOverview month={month} onPick={setProjectId} />
      ) : q.isPending ? (
        <Spin style={{ display: 'block', margin: 48 }} />
      ) : !r ? (
        q.error ? (
          <Alert type="error" showIcon message={t('error.loadFailed')} />
        ) : null
      ) : (
        <div data-testid="commitments" data-month={r.month} data-project={r.projectId}>
          <Headline r={r} />
          <Card size="small" title={<h2 className="card-h2">{t('reports.commitments.listTitle')}</h2>}>
            <ResponsiveList<CommitmentResult>
              items={r.items}
              columns={columns}
              rowKey={(c) => c.id}
              rowTestId="commitment-row"
              label={t('reports.commitments.listTitle')}
              emptyText={t('reports.commitments.empty')}
              renderCard={(c) => (
                <Card size="small" className="ticket-card full-width">
                  <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'flex-start' }}>
                    <strong style={{ minWidth: 0 }}>{promise(c)}</strong>
                    <CommitmentStatusTag status={c.status} />
                  </div>
                  <div>
                    {t('reports.commitments.target')}:{' '}
                    <span data-testid="commitment-target-text">{targetText(t, c)}</span> ·{' '}
                    {t('reports.commitments.actual')}:{' '}
                    <strong data-testid="commitment-actual" data-actual={c.actual ?? ''}>
                      {actualText(t, c)}
                    </strong>
                  </div>
                  {c.detail ? (
                    <div className="muted" style={{ overflowWrap: 'anywhere' }}>
                      {localized(c.detail)}
                    </div>
                  ) : null}
                  <Space size={8} wrap style={{ marginTop: 4 }}>
                    {link(c)}
                    {edit(c)}
                  </Space>
                </Card>
              )}
            />
          </Card>
        </div>
      )}
      {editing ? <CommitmentEditModal item={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
