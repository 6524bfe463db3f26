import { Descriptions, Space, Tag } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { OmRecord } from '../../api/types';
import { formatDateTime, formatDuration } from '../../components/format';
import { ResponsiveList } from '../../components/ResponsiveList';
import { ticketPath } from '../../app/roles';
import { useCurrentUser } from '../auth/useMe';
import { VisitStatusTag } from '../fieldwork/VisitTags';

type Visit = OmRecord['visits'][number];

/** The R15 facts of a record: who, when, where, what was done and with what result. */
export function RecordInfo({ record }: { record: OmRecord }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const overridden = record.headcountReason !== null;
  const items: DescriptionsProps['items'] = [
    { key: 'project', label: t('record.project'), children: record.projectName },
    { key: 'kind', label: t('record.kindLabel'), children: t(`record.kind.${record.kind}`) },
    {
      key: 'start',
      label: t('record.serviceStart'),
      children: <span data-testid="record-service-start">{formatDateTime(record.serviceStart)}</span>,
    },
    {
      key: 'end',
      label: t('record.serviceEnd'),
      children: <span data-testid="record-service-end">{formatDateTime(record.serviceEnd)}</span>,
    },
    { key: 'location', label: t('record.location'), children: <span className="pre-wrap">{record.location}</span> },
    { key: 'author', label: t('record.author'), children: record.authorName },
    {
      key: 'staff',
      label: t('record.staff'),
      children: <span data-testid="record-staff">{record.staffNames.join(t('record.listSep')) || '—'}</span>,
    },
    {
      key: 'headcount',
      label: t('record.headcount'),
      children: (
        <div data-testid="record-headcount">
          <span>{record.headcount}</span>
          {overridden ? (
            <div className="muted pre-wrap">
              {t('record.headcountOverridden', { derived: record.headcountDerived, reason: record.headcountReason })}
            </div>
          ) : null}
        </div>
      ),
    },
  ];
  if (record.extraStaff.length)
    items.push({ key: 'extra', label: t('record.extraStaff'), children: record.extraStaff.join(t('record.listSep')) });
  items.push({
    key: 'tickets',
    label: t('record.tickets'),
    children: record.tickets.length ? (
      <Space wrap size={[8, 4]} data-testid="record-tickets">
        {record.tickets.map((tk) => (
          <Link key={tk.id} to={ticketPath(me, tk.id)} style={{ overflowWrap: 'anywhere' }}>
            {tk.number} {tk.title}
          </Link>
        ))}
      </Space>
    ) : (
      '—'
    ),
  });
  items.push({
    key: 'content',
    label: t('record.content'),
    span: 'filled',
    children: (
      <div className="pre-wrap" data-testid="record-content">
        {record.content}
      </div>
    ),
  });
  items.push({
    key: 'result',
    label: t('record.result'),
    span: 'filled',
    children: (
      <div className="pre-wrap" data-testid="record-result">
        {record.result}
      </div>
    ),
  });
  if (record.contentHash)
    items.push({
      key: 'hash',
      label: t('record.contentHash'),
      span: 'filled',
      children: (
        <code style={{ overflowWrap: 'anywhere', wordBreak: 'break-all' }} data-testid="record-hash">
          {record.contentHash}
        </code>
      ),
    });
  return (
    <Descriptions
      size="small"
      bordered
      styles={{ label: { whiteSpace: 'nowrap' } }}
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 }}
      items={items}
      data-testid="record-info"
    />
  );
}

/** 出入记录: the check-ins this record covers. */
export function RecordVisits({ record }: { record: OmRecord }) {
  const { t } = useTranslation();
  const duration = (v: Visit) => (v.checkedOutAt === null ? '—' : formatDuration(v.checkedOutAt - v.checkedInAt));
  const columns: ColumnsType<Visit> = [
    { title: t('field.engineer'), key: 'engineer', dataIndex: 'engineerName', width: 110 },
    { title: t('field.checkedInAt'), key: 'in', render: (_, v) => formatDateTime(v.checkedInAt), width: 150 },
    { title: t('field.checkedOutAt'), key: 'out', render: (_, v) => formatDateTime(v.checkedOutAt), width: 150 },
    { title: t('field.durationShort'), key: 'duration', render: (_, v) => duration(v), width: 110 },
    { title: t('field.location'), key: 'location', dataIndex: 'location', ellipsis: true },
    {
      title: t('field.status'),
      key: 'status',
      render: (_, v) => <VisitStatusTag checkedOutAt={v.checkedOutAt} forgotten={v.forgotten} />,
      width: 120,
    },
  ];
  const card = (v: Visit) => (
    <div className="full-width" style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 6 }}>
      <Space wrap size={4}>
        <strong>{v.engineerName}</strong>
        <VisitStatusTag checkedOutAt={v.checkedOutAt} forgotten={v.forgotten} />
      </Space>
      <div className="muted">
        {t('field.checkedInAt')}: {formatDateTime(v.checkedInAt)}
      </div>
      <div className="muted">
        {t('field.checkedOutAt')}: {formatDateTime(v.checkedOutAt)} · {duration(v)}
      </div>
      <div className="muted" style={{ overflowWrap: 'anywhere' }}>
        {v.location}
      </div>
    </div>
  );
  return (
    <ResponsiveList<Visit>
      items={record.visits}
      columns={columns}
      rowKey={(v) => v.id}
      renderCard={card}
      rowTestId="record-visit"
      label={t('record.visits')}
      emptyText={t('record.noVisits')}
    />
  );
}

export function VersionTag({ version }: { version: number }) {
  const { t } = useTranslation();
  return <Tag style={{ marginInlineEnd: 4 }}>{t('record.versionN', { n: version })}</Tag>;
}
