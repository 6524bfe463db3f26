import type { TFunction } from 'i18next';
import { Alert, Descriptions, Space } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { PhoneLink } from '../../components/PhoneLink';
import { LevelTag, StatusTag } from '../../components/tags';
import { isProviderStaff } from '../../app/roles';
import { useCurrentUser } from '../auth/useMe';

export function TicketTitle({ ticket }: { ticket: Ticket }) {
  return (
    <Space wrap size={[8, 4]} align="center">
      <span data-testid="ticket-number">{ticket.number}</span>
      <span data-testid="ticket-title">{ticket.title}</span>
      <StatusTag status={ticket.status} />
      <LevelTag level={ticket.level} />
    </Space>
  );
}

/** The ticket's facts. Billing/fault cause details are provider-only. */
export function TicketInfo({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const staff = isProviderStaff(me);
  const items: DescriptionsProps['items'] = [
    { key: 'customer', label: t('ticket.customer'), children: ticket.customerName },
    { key: 'project', label: t('ticket.project'), children: ticket.projectName },
    {
      key: 'reporter',
      label: t('ticket.reporter'),
      children: (
        <>
          {ticket.reporterName} <PhoneLink phone={ticket.reporterPhone} testId="reporter-phone" />
        </>
      ),
    },
    { key: 'channel', label: t('ticket.channel'), children: t(`channel.${ticket.channel}`) },
    { key: 'reportedAt', label: t('ticket.reportedAt'), children: formatDateTime(ticket.reportedAt) },
    {
      key: 'createdAt',
      label: t('ticket.createdAt'),
      children: `${formatDateTime(ticket.createdAt)} · ${ticket.createdByName}`,
    },
    { key: 'assignee', label: t('ticket.assignee'), children: ticket.assigneeName ?? t('ticket.unassigned') },
    { key: 'location', label: t('ticket.location'), children: ticket.location ?? '—' },
  ];
  if (ticket.suspendReason)
    items.push({
      key: 'suspend',
      label: t('ticket.suspendReason'),
      children: t(`suspendReason.${ticket.suspendReason}`),
    });
  if (ticket.reopenCount) items.push({ key: 'reopen', label: t('ticket.reopenCount'), children: ticket.reopenCount });
  if (ticket.resolvedAt)
    items.push({ key: 'resolvedAt', label: t('ticket.resolvedAt'), children: formatDateTime(ticket.resolvedAt) });
  if (ticket.closedAt)
    items.push({ key: 'closedAt', label: t('ticket.closedAt'), children: formatDateTime(ticket.closedAt) });
  if (staff && ticket.faultCause)
    items.push({ key: 'cause', label: t('ticket.faultCause'), children: t(`faultCause.${ticket.faultCause}`) });
  if (staff && ticket.billable !== null)
    items.push({
      key: 'billable',
      label: t('ticket.billable'),
      children: ticket.billable ? t('common.yes') : t('common.no'),
    });
  items.push({
    key: 'description',
    label: t('ticket.description'),
    span: 'filled',
    children: <div className="pre-wrap">{ticket.description || '—'}</div>,
  });
  if (ticket.solution)
    items.push({
      key: 'solution',
      label: t('ticket.solution'),
      span: 'filled',
      children: <div className="pre-wrap">{ticket.solution}</div>,
    });

  return (
    <>
      {ticket.slaWarnings.map((w) => (
        <Alert
          key={w}
          type="warning"
          showIcon
          message={slaWarningText(t, w)}
          style={{ marginBottom: 8 }}
          data-testid="sla-warning"
        />
      ))}
      <Descriptions
        size="small"
        bordered
        styles={{ label: { whiteSpace: 'nowrap' } }}
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 }}
        items={items}
        data-testid="ticket-info"
      />
    </>
  );
}

/** Server warnings are codes (e.g. holiday_data_missing:2027); say them in the user's language. */
function slaWarningText(t: TFunction, code: string): string {
  const [kind, arg] = code.split(':');
  return kind === 'holiday_data_missing' ? String(t('sla.holidayDataMissing', { year: arg })) : code;
}
