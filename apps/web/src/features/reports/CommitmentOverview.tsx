import { Alert, Card, Spin } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { ResponsiveList } from '../../components/ResponsiveList';
import { type CommitmentOverview as Overview, useCommitmentOverview } from './api';
import { pctText } from './format';

type Row = Overview['items'][number];

/** Before a project is chosen: every project's 合同执行合格率 for the month; choosing one opens its register. */
export function CommitmentOverview({ month, onPick }: { month: string; onPick: (projectId: string) => void }) {
  const { t } = useTranslation();
  const q = useCommitmentOverview(month, true);
  if (q.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!q.data) return <Alert type="error" showIcon message={t('error.loadFailed')} />;
  const open = (r: Row) => (
    <a
      href={`?projectId=${encodeURIComponent(r.projectId)}&month=${month}`}
      onClick={(e) => {
        e.preventDefault();
        onPick(r.projectId);
      }}
      data-testid="overview-project"
    >
      {r.projectName}
    </a>
  );
  const pct = (r: Row) => (
    <strong data-testid="overview-pct" data-pct={r.executionPct ?? ''}>
      {pctText(t, r.executionPct)}
    </strong>
  );
  const counts = (r: Row) => t('reports.overview.counts', { met: r.met, missed: r.missed, noData: r.noData });
  const columns: ColumnsType<Row> = [
    { title: t('reports.overview.project'), key: 'project', render: (_, r) => open(r) },
    { title: t('reports.overview.customer'), dataIndex: 'customerName', key: 'customer' },
    {
      title: t('reports.overview.contract'),
      key: 'contract',
      render: (_, r) => r.contractCode ?? <span className="muted">{t('reports.commitments.noContract')}</span>,
    },
    { title: t('reports.commitments.executionPct'), key: 'pct', render: (_, r) => pct(r) },
    { title: t('reports.overview.results'), key: 'counts', render: (_, r) => counts(r) },
  ];
  return (
    <Card
      size="small"
      title={<h2 className="card-h2">{t('reports.overview.title', { month })}</h2>}
      data-testid="commitments-overview"
    >
      <ResponsiveList<Row>
        items={q.data.items}
        columns={columns}
        rowKey={(r) => r.projectId}
        rowTestId="overview-row"
        label={t('reports.overview.title', { month })}
        emptyText={t('reports.overview.empty')}
        renderCard={(r) => (
          <Card size="small" className="ticket-card full-width">
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <strong style={{ minWidth: 0 }}>{open(r)}</strong>
              {pct(r)}
            </div>
            <div className="muted" style={{ overflowWrap: 'anywhere' }}>
              {r.customerName} · {r.contractCode ?? t('reports.commitments.noContract')}
            </div>
            <div>{counts(r)}</div>
          </Card>
        )}
      />
    </Card>
  );
}
