import { Card, Checkbox, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { OmRecordSummary } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { ResponsiveList } from '../../components/ResponsiveList';
import { RecordStatusTag } from './RecordTags';

interface Props {
  items: OmRecordSummary[];
  label: string;
  loading?: boolean;
  hasMore?: boolean;
  loadingMore?: boolean;
  onLoadMore?: () => void;
  /** With a selection, rows that can be signed get a checkbox. */
  selection?: {
    selected: ReadonlySet<string>;
    toggle: (id: string, on: boolean) => void;
    selectable: (r: OmRecordSummary) => boolean;
  };
}

export const recordPath = (id: string) => `/records/${encodeURIComponent(id)}`;

/** Service window: the end shows only its time when it falls on the day of the start. */
export function serviceWindow(start: number, end: number): string {
  const s = formatDateTime(start);
  const e = formatDateTime(end);
  return `${s} – ${e.slice(0, 10) === s.slice(0, 10) ? e.slice(11) : e}`;
}

/** O&M record rows (data-testid="record-row", containing the number) as a table or phone cards. */
export function RecordList({ items, selection, ...rest }: Props) {
  const { t } = useTranslation();
  const link = (r: OmRecordSummary) => (
    <Link to={recordPath(r.id)} data-testid="record-link">
      {r.number}
    </Link>
  );
  const check = (r: OmRecordSummary) =>
    selection && selection.selectable(r) ? (
      <Checkbox
        checked={selection.selected.has(r.id)}
        onChange={(e) => selection.toggle(r.id, e.target.checked)}
        aria-label={t('record.selectOne', { number: r.number })}
        data-testid="record-select"
      />
    ) : null;
  const staff = (r: OmRecordSummary) =>
    `${r.staffNames.join(t('record.listSep')) || '—'} · ${t('record.headcountN', { n: r.headcount })}`;

  const columns: ColumnsType<OmRecordSummary> = [
    ...(selection
      ? [
          {
            title: <span className="visually-hidden">{t('record.select')}</span>,
            key: 'select',
            width: 48,
            render: (_: unknown, r: OmRecordSummary) => check(r),
          },
        ]
      : []),
    { title: t('record.number'), key: 'number', render: (_, r) => link(r), width: 170 },
    { title: t('record.kindLabel'), key: 'kind', render: (_, r) => t(`record.kind.${r.kind}`), width: 100 },
    { title: t('record.project'), key: 'project', dataIndex: 'projectName', ellipsis: true },
    {
      title: t('record.serviceTime'),
      key: 'time',
      render: (_, r) => serviceWindow(r.serviceStart, r.serviceEnd),
      width: 210,
    },
    { title: t('record.staff'), key: 'staff', render: (_, r) => staff(r), ellipsis: true },
    {
      title: t('record.statusLabel'),
      key: 'status',
      render: (_, r) => <RecordStatusTag status={r.status} />,
      width: 100,
    },
    { title: t('record.author'), key: 'author', dataIndex: 'authorName', width: 100 },
  ];

  const card = (r: OmRecordSummary) => (
    <Card size="small" className="ticket-card full-width">
      <Space wrap size={6} style={{ marginBottom: 4 }}>
        {check(r)}
        {link(r)}
        <RecordStatusTag status={r.status} />
        <span>{t(`record.kind.${r.kind}`)}</span>
      </Space>
      <Typography.Paragraph style={{ margin: '2px 0', overflowWrap: 'anywhere' }}>{r.projectName}</Typography.Paragraph>
      <div className="muted">{serviceWindow(r.serviceStart, r.serviceEnd)}</div>
      <div className="muted" style={{ overflowWrap: 'anywhere' }}>
        {staff(r)}
      </div>
    </Card>
  );

  return (
    <ResponsiveList<OmRecordSummary>
      items={items}
      columns={columns}
      rowKey={(r) => r.id}
      renderCard={card}
      rowTestId="record-row"
      emptyText={t('record.empty')}
      {...rest}
    />
  );
}
