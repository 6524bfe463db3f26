import { Button, Card, Empty, List, Radio, Select, Space, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useUrlState } from '../../components/useUrlState';
import { kindKey, useMarkAllRead, useNotificationPages, useNotificationSummary, type CentreFilter } from './api';
import { NotificationItem } from './NotificationItem';

/** 通知中心: every notification of the user, filtered (unread/all, kind, ticket) in the URL, keyset-paged. */
export default function NotificationCentrePage() {
  const { t } = useTranslation();
  const [params, setParams] = useUrlState();
  const filter: CentreFilter = {
    state: params.get('state') === 'unread' ? 'unread' : 'all',
    kind: params.get('kind') ?? undefined,
    ticketId: params.get('ticket') ?? undefined,
  };
  const summary = useNotificationSummary();
  const pages = useNotificationPages(filter);
  const markAll = useMarkAllRead();
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = summary.data?.unread ?? 0;
  const ticketNumber = filter.ticketId ? items.find((n) => n.ticketId === filter.ticketId)?.ticketNumber : undefined;
  const kindOptions = (summary.data?.kinds ?? []).map((k) => ({ value: k, label: t(kindKey(k), { defaultValue: k }) }));

  return (
    <div>
      <PageHeader
        title={t('notify.title')}
        extra={
          <Button
            onClick={() => markAll.mutate({})}
            disabled={unread === 0}
            loading={markAll.isPending}
            data-testid="centre-read-all"
          >
            {t('notify.readAll', { n: unread })}
          </Button>
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Radio.Group
            optionType="button"
            value={filter.state}
            onChange={(e) => setParams({ state: e.target.value === 'unread' ? 'unread' : undefined })}
            options={[
              { value: 'all', label: t('notify.all') },
              { value: 'unread', label: t('notify.unread') },
            ]}
            aria-label={t('notify.stateFilter')}
          />
          <Select
            allowClear
            placeholder={t('notify.kindAll')}
            aria-label={t('notify.kindFilter')}
            style={{ minWidth: 200 }}
            value={filter.kind}
            options={kindOptions}
            onChange={(v?: string) => setParams({ kind: v })}
            data-testid="centre-kind"
            // Not virtual: the visible options then carry role="option", so their aria-selected is valid (axe).
            virtual={false}
          />
          {filter.ticketId ? (
            <Tag
              closable
              onClose={() => setParams({ ticket: undefined })}
              data-testid="centre-ticket-filter"
              closeIcon={<span aria-label={t('notify.clearTicket')}>×</span>}
            >
              {t('notify.ticketOnly', { ticket: ticketNumber ?? filter.ticketId })}
            </Tag>
          ) : null}
        </Space>
        {pages.isPending ? (
          <Spin />
        ) : !items.length ? (
          <Empty description={<span className="muted">{t('notifications.empty')}</span>} />
        ) : (
          <List
            dataSource={items}
            rowKey="id"
            renderItem={(n) => (
              <NotificationItem
                n={n}
                extraActions={
                  n.ticketId && !filter.ticketId
                    ? [
                        <Button
                          key="ticket"
                          size="small"
                          type="link"
                          onClick={() => setParams({ ticket: n.ticketId! })}
                          aria-label={t('notify.onlyThisTicketOf', { ticket: n.ticketNumber ?? n.ticketId })}
                        >
                          {t('notify.onlyThisTicket')}
                        </Button>,
                      ]
                    : []
                }
              />
            )}
          />
        )}
        {pages.hasNextPage ? (
          <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage} data-testid="load-more">
            {t('common.loadMore')}
          </Button>
        ) : null}
      </Card>
    </div>
  );
}
