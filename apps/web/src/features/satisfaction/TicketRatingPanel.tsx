import { useEffect } from 'react';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { useCurrentUser } from '../auth/useMe';
import { useRate, useTicketRating } from './api';
import { RatingForm, RatingResult, StateTag } from './RatingForm';

const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;
const DESK = ['service_manager', 'dispatcher'];

/**
 * 满意度评价 on the ticket page, when the ticket has a rating request: the recipient rates it here;
 * for a phone report (no account to ask) the desk records the callback (回访录入); once rated it
 * shows the score, comment, channel and time.
 */
export function TicketRatingPanel({ ticketId, status }: { ticketId: string; status: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { data: r, refetch } = useTicketRating(ticketId);
  // Resolving (or reopening) the ticket creates (or supersedes) a request.
  useEffect(() => {
    void refetch();
  }, [status, refetch]);
  const rate = useRate();
  if (!r) return null;
  const recipient = r.state === 'pending' && r.userId === me.id;
  const callback = r.state === 'pending' && r.userId === null && me.roles.some((x) => DESK.includes(x));
  let content;
  if (r.state === 'rated') content = <RatingResult r={r} />;
  else if (recipient)
    content = (
      <RatingForm
        onSubmit={(v) => rate.mutateAsync({ id: r.id, ...v })}
        submitting={rate.isPending}
        testId="ticket-rating-form"
      />
    );
  else if (callback)
    content = (
      <>
        <Typography.Paragraph className="muted">{t('satisfaction.callback.help')}</Typography.Paragraph>
        <RatingForm
          onSubmit={(v) => rate.mutateAsync({ id: r.id, ...v })}
          submitting={rate.isPending}
          submitText={t('satisfaction.callback.submit')}
          commentLabel={t('satisfaction.callback.comment')}
          testId="ticket-callback-form"
        />
      </>
    );
  else
    content = (
      <Typography.Paragraph className="muted" style={{ margin: 0 }}>
        {r.state === 'pending'
          ? r.userName
            ? t('satisfaction.waitingFor', { name: r.userName, at: formatDateTime(r.expiresAt) })
            : t('satisfaction.waitingCallback')
          : t(`satisfaction.stateHelp.${r.state}`)}
      </Typography.Paragraph>
    );
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={h2(callback ? t('satisfaction.callback.title') : t('satisfaction.ticketPanel'))}
      extra={<StateTag state={r.state} />}
      data-testid="ticket-rating"
      data-state={r.state}
    >
      {content}
    </Card>
  );
}
