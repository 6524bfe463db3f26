import { Card, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { SiteVisit } from '../../api/types';
import { formatDateTime, formatDuration } from '../../components/format';
import { ResponsiveList } from '../../components/ResponsiveList';
import { VisitStatusTag } from './VisitTags';

interface Props {
  visits: SiteVisit[];
  label: string;
  loading?: boolean;
  /** Show who checked in (lists of several people). */
  showEngineer?: boolean;
  emptyText?: string;
}

/** Check-out time: only the clock time when it is on the check-in day. */
function outTime(v: SiteVisit): string {
  const out = formatDateTime(v.checkedOutAt);
  return out.slice(0, 10) === formatDateTime(v.checkedInAt).slice(0, 10) ? out.slice(11) : out;
}

/** Entry/exit records (data-testid="visit-row") as a table, or cards on phones. */
export function VisitList({ visits, label, loading, showEngineer = false, emptyText }: Props) {
  const { t } = useTranslation();
  const duration = (v: SiteVisit) => (v.checkedOutAt === null ? '—' : formatDuration(v.checkedOutAt - v.checkedInAt));
  const status = (v: SiteVisit) => <VisitStatusTag checkedOutAt={v.checkedOutAt} forgotten={v.forgotten} />;

  const columns: ColumnsType<SiteVisit> = [
    ...(showEngineer
      ? [{ title: t('field.engineer'), key: 'engineer', render: (_: unknown, v: SiteVisit) => v.engineerName }]
      : []),
    { title: t('field.project'), key: 'project', dataIndex: 'projectName', ellipsis: true },
    { title: t('field.checkedInAt'), key: 'in', render: (_, v) => formatDateTime(v.checkedInAt), width: 150 },
    { title: t('field.checkedOutAt'), key: 'out', render: (_, v) => formatDateTime(v.checkedOutAt), width: 150 },
    { title: t('field.durationShort'), key: 'duration', render: (_, v) => duration(v), width: 110 },
    { title: t('field.location'), key: 'location', dataIndex: 'checkInLocation', ellipsis: true },
    { title: t('field.ticket'), key: 'ticket', render: (_, v) => v.ticketNumber ?? '—', width: 150 },
    { title: t('field.status'), key: 'status', render: (_, v) => status(v), width: 120 },
  ];

  const card = (v: SiteVisit) => (
    <Card size="small" className="ticket-card full-width">
      <Space wrap size={4} style={{ marginBottom: 4 }}>
        {status(v)}
        {showEngineer ? <strong>{v.engineerName}</strong> : null}
        {v.ticketNumber ? <span className="muted">{v.ticketNumber}</span> : null}
      </Space>
      <div style={{ overflowWrap: 'anywhere' }}>{v.projectName}</div>
      <div className="muted" style={{ overflowWrap: 'anywhere' }}>
        {formatDateTime(v.checkedInAt)} – {outTime(v)} · {duration(v)}
      </div>
      <div className="muted" style={{ overflowWrap: 'anywhere' }}>
        {v.checkInLocation}
      </div>
    </Card>
  );

  return (
    <ResponsiveList<SiteVisit>
      items={visits}
      columns={columns}
      rowKey={(v) => v.id}
      renderCard={card}
      rowTestId="visit-row"
      label={label}
      loading={loading}
      emptyText={emptyText ?? t('field.noVisits')}
    />
  );
}
