import { Card, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../api/types';
import { Countdown } from '../../components/Countdown';
import { formatDateTime } from '../../components/format';
import { ResponsiveList } from '../../components/ResponsiveList';
import { LevelTag, StatusTag } from '../../components/tags';
import { ticketPath } from '../../app/roles';
import { useCurrentUser } from '../auth/useMe';

interface Props {
  items: TicketSummary[];
  loading?: boolean;
  hasMore?: boolean;
  loadingMore?: boolean;
  onLoadMore?: () => void;
  label: string;
  /** Customers get no assignee column; they do see the SLA countdown, since the promises are theirs to check. */
  compact?: boolean;
}

/** Ticket rows (data-testid="ticket-row", containing the ticket number) as a table or phone cards. */
export function TicketList({ items, compact = false, ...rest }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const link = (r: TicketSummary) => (
    <Link to={ticketPath(me, r.id)} data-testid="ticket-link">
      {r.number}
    </Link>
  );

  const columns: ColumnsType<TicketSummary> = [
    { title: t('ticket.number'), key: 'number', render: (_, r) => link(r), width: 150 },
    { title: t('ticket.title'), dataIndex: 'title', key: 'title', ellipsis: true },
    { title: t('ticket.level'), key: 'level', render: (_, r) => <LevelTag level={r.level} />, width: 80 },
    { title: t('ticket.status'), key: 'status', render: (_, r) => <StatusTag status={r.status} />, width: 100 },
    {
      title: t('ticket.customerProject'),
      key: 'project',
      width: 230,
      render: (_, r) => (
        <>
          <div>{r.customerName}</div>
          <div className="muted">{r.projectName}</div>
        </>
      ),
    },
    ...(compact
      ? []
      : [
          {
            title: t('ticket.assignee'),
            key: 'assignee',
            render: (_: unknown, r: TicketSummary) => r.assigneeName ?? t('ticket.unassigned'),
          },
        ]),
    { title: t('ticket.reportedAt'), key: 'reportedAt', render: (_, r) => formatDateTime(r.reportedAt), width: 150 },
    {
      title: t('ticket.nextDue'),
      key: 'due',
      render: (_, r) => <Countdown dueAt={r.nextDueAt} breached={r.breached} />,
      width: 140,
    },
  ];

  const card = (r: TicketSummary) => (
    <Card size="small" className="ticket-card full-width">
      <Space wrap size={4} style={{ marginBottom: 4 }}>
        {link(r)}
        <LevelTag level={r.level} />
        <StatusTag status={r.status} />
      </Space>
      <Typography.Paragraph strong style={{ margin: '2px 0' }} ellipsis={{ rows: 2 }}>
        {r.title}
      </Typography.Paragraph>
      <div className="muted">
        {r.customerName} · {r.projectName}
      </div>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
        <span className="muted">
          {compact ? '' : `${r.assigneeName ?? t('ticket.unassigned')} · `}
          {formatDateTime(r.reportedAt)}
        </span>
        <span>
          <span className="visually-hidden">{t('ticket.nextDue')}: </span>
          <Countdown dueAt={r.nextDueAt} breached={r.breached} />
        </span>
      </div>
    </Card>
  );

  return (
    <ResponsiveList<TicketSummary>
      items={items}
      columns={columns}
      rowKey={(r) => r.id}
      renderCard={card}
      rowTestId="ticket-row"
      emptyText={t('ticket.empty')}
      {...rest}
    />
  );
}
