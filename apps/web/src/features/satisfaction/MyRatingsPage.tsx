import { useState } from 'react';
import { Button, Card, Empty, List, Spin, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../components/format';
import { ticketPath } from '../../app/roles';
import { useCurrentUser } from '../auth/useMe';
import type { RatingRequest } from './api';
import { subjectOf, useRatingRequests } from './api';
import { RateModal } from './RateModal';
import { ScoreTag } from './RatingForm';

const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/** 我的评价: the customer's open rating requests (tickets and surveys) to rate, and what they rated. */
export default function MyRatingsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const pending = useRatingRequests({ mine: '1', state: 'pending' });
  const rated = useRatingRequests({ mine: '1', state: 'rated' });
  const [rating, setRating] = useState<RatingRequest | null>(null);
  const pendingItems = pending.data?.pages.flatMap((p) => p.items) ?? [];
  const ratedItems = rated.data?.pages.flatMap((p) => p.items) ?? [];

  const subject = (r: RatingRequest) =>
    r.kind === 'ticket' && r.ticketId ? (
      <Link to={ticketPath(me, r.ticketId)}>{subjectOf(r)}</Link>
    ) : (
      <span>{subjectOf(r)}</span>
    );
  const kind = (r: RatingRequest) => (
    <span className="muted">
      {t(`satisfaction.kind.${r.kind}`)} · {r.projectName}
    </span>
  );

  return (
    <div>
      <PageHeader title={t('satisfaction.mine.title')} />
      <Card size="small" title={h2(t('satisfaction.mine.pending'))} style={{ marginBottom: 16 }}>
        {pending.isPending ? (
          <Spin />
        ) : !pendingItems.length ? (
          <Empty description={<span className="muted">{t('satisfaction.mine.nonePending')}</span>} />
        ) : (
          <List
            dataSource={pendingItems}
            rowKey="id"
            renderItem={(r) => (
              <List.Item
                data-testid="rating-pending-row"
                data-request-id={r.id}
                actions={[
                  <Button
                    key="rate"
                    type="primary"
                    onClick={() => setRating(r)}
                    data-testid="rating-open"
                    aria-label={t('satisfaction.rateOne', { subject: subjectOf(r) })}
                  >
                    {t('satisfaction.rate')}
                  </Button>,
                ]}
              >
                <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  <div>
                    <strong>{subject(r)}</strong>
                  </div>
                  <div>{kind(r)}</div>
                  <Typography.Text type="secondary">
                    {t('satisfaction.expiresOn', { at: formatDateTime(r.expiresAt) })}
                  </Typography.Text>
                </div>
              </List.Item>
            )}
          />
        )}
        {pending.hasNextPage ? (
          <Button
            onClick={() => void pending.fetchNextPage()}
            loading={pending.isFetchingNextPage}
            data-testid="load-more-pending"
          >
            {t('common.loadMore')}
          </Button>
        ) : null}
      </Card>
      <Card size="small" title={h2(t('satisfaction.mine.history'))}>
        {rated.isPending ? (
          <Spin />
        ) : !ratedItems.length ? (
          <Empty description={<span className="muted">{t('satisfaction.mine.noneRated')}</span>} />
        ) : (
          <List
            dataSource={ratedItems}
            rowKey="id"
            renderItem={(r) => (
              <List.Item data-testid="rating-history-row" data-request-id={r.id}>
                <div style={{ minWidth: 0, overflowWrap: 'anywhere', width: '100%' }}>
                  <div>
                    <strong>{subject(r)}</strong> {r.score ? <ScoreTag score={r.score} /> : null}
                  </div>
                  <div>{kind(r)}</div>
                  {r.comment ? <div className="pre-wrap">{r.comment}</div> : null}
                  <Typography.Text type="secondary">
                    {r.channel ? t(`satisfaction.channel.${r.channel}`) : ''} · {formatDateTime(r.ratedAt)}
                  </Typography.Text>
                </div>
              </List.Item>
            )}
          />
        )}
        {rated.hasNextPage ? (
          <Button onClick={() => void rated.fetchNextPage()} loading={rated.isFetchingNextPage} data-testid="load-more">
            {t('common.loadMore')}
          </Button>
        ) : null}
      </Card>
      {rating ? <RateModal request={rating} onClose={() => setRating(null)} /> : null}
    </div>
  );
}
