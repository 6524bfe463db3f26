import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../api/types';
import { PhoneLink } from '../../components/PhoneLink';

/**
 * Who called and where to go, at the top of the phone ticket page (before the action buttons): an
 * engineer on the way rings the reporter with one tap and sees the organisation and the place.
 */
export function CallerCard({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="caller-card">
      <h2 className="visually-hidden">{t('start.caller.title')}</h2>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'name',
            label: t('start.caller.title'),
            children: <span data-testid="caller-name">{ticket.reporterName}</span>,
          },
          {
            key: 'phone',
            label: t('start.caller.phone'),
            children: <PhoneLink phone={ticket.reporterPhone} testId="caller-phone" />,
          },
          {
            key: 'org',
            label: t('start.caller.organisation'),
            children: `${ticket.customerName} · ${ticket.projectName}`,
          },
          { key: 'location', label: t('start.caller.location'), children: ticket.location ?? '—' },
        ]}
      />
    </Card>
  );
}
