import { App, Button, Card, Space, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatDateTime } from '../../components/format';
import { ResponsiveList } from '../../components/ResponsiveList';
import { type ArchivedReport, archivedFileUrl, useArchivedReports } from './api';

const short = (sha: string) => `${sha.slice(0, 12)}…`;

function ShaCell({ r }: { r: ArchivedReport }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(r.sha256);
      void message.success(t('reports.archive.copied'));
    } catch {
      void message.error(t('reports.archive.copyFailed'));
    }
  };
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <Tooltip title={r.sha256}>
        <code className="sha-text" data-testid="archive-sha" data-sha={r.sha256}>
          {short(r.sha256)}
        </code>
      </Tooltip>
      <Button
        size="small"
        type="text"
        icon={<CopyOutlined aria-hidden />}
        aria-label={t('reports.archive.copySha', { name: r.fileName })}
        onClick={() => void copy()}
        data-testid="archive-copy"
      />
    </span>
  );
}

/** 报告归档: every generated report with its SHA-256, so a copy the purchaser holds can be checked. */
export function ArchiveCard({ projectId, month }: { projectId: string; month: string }) {
  const { t } = useTranslation();
  const q = useArchivedReports(projectId, month);
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const who = (r: ArchivedReport) =>
    r.trigger === 'schedule' ? t('reports.archive.bySchedule') : (r.generatedByName ?? '—');
  const mailed = (r: ArchivedReport) => (r.emailedTo.length ? r.emailedTo.join(', ') : '—');
  const fileLink = (r: ArchivedReport) => (
    <a
      href={archivedFileUrl(r.id)}
      download={r.fileName}
      style={{ overflowWrap: 'anywhere' }}
      data-testid="archive-download"
    >
      <DownloadOutlined aria-hidden /> {r.fileName}
    </a>
  );
  const columns: ColumnsType<ArchivedReport> = [
    {
      title: t('reports.archive.at'),
      key: 'at',
      width: 140,
      render: (_, r) => <span data-testid="archive-at">{formatDateTime(r.generatedAt)}</span>,
    },
    {
      title: t('reports.archive.format'),
      key: 'format',
      width: 70,
      render: (_, r) => (
        <Tag data-testid="archive-format" data-format={r.format}>
          {t(`reports.format.${r.format}`)}
        </Tag>
      ),
    },
    { title: t('reports.archive.file'), key: 'file', render: (_, r) => fileLink(r) },
    { title: t('reports.archive.size'), key: 'size', width: 80, render: (_, r) => formatBytes(r.size) },
    { title: 'SHA-256', key: 'sha', width: 170, render: (_, r) => <ShaCell r={r} /> },
    { title: t('reports.archive.by'), key: 'by', width: 110, render: (_, r) => who(r) },
    {
      title: t('reports.archive.emailedTo'),
      key: 'mail',
      render: (_, r) => <span style={{ overflowWrap: 'anywhere' }}>{mailed(r)}</span>,
    },
  ];
  return (
    <Card
      size="small"
      title={<h2 className="card-h2">{t('reports.archive.title')}</h2>}
      style={{ marginTop: 12 }}
      data-testid="archive-card"
      data-count={items.length}
    >
      {q.error ? (
        <div className="muted">{t('reports.archive.unavailable')}</div>
      ) : (
        <ResponsiveList<ArchivedReport>
          items={items}
          columns={columns}
          rowKey={(r) => r.id}
          rowTestId="archive-row"
          label={t('reports.archive.title')}
          emptyText={t('reports.archive.empty')}
          loading={q.isPending}
          hasMore={q.hasNextPage}
          loadingMore={q.isFetchingNextPage}
          onLoadMore={() => void q.fetchNextPage()}
          renderCard={(r) => (
            <Card size="small" className="ticket-card full-width">
              <Space wrap size={6}>
                <Tag data-testid="archive-format" data-format={r.format}>
                  {t(`reports.format.${r.format}`)}
                </Tag>
                <span data-testid="archive-at">{formatDateTime(r.generatedAt)}</span>
                <span className="muted">{formatBytes(r.size)}</span>
              </Space>
              <div>{fileLink(r)}</div>
              <div>
                SHA-256 <ShaCell r={r} />
              </div>
              <div className="muted" style={{ overflowWrap: 'anywhere' }}>
                {who(r)} · {t('reports.archive.emailedTo')}: {mailed(r)}
              </div>
            </Card>
          )}
        />
      )}
    </Card>
  );
}
