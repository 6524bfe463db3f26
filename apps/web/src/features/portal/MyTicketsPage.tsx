import { Button, Tabs } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TicketTab } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { useTicketList } from '../tickets/api';
import { TicketFilters } from '../tickets/TicketFilters';
import { TicketList } from '../tickets/TicketList';
import { useTicketFilter } from '../tickets/useTicketFilter';

const PORTAL_TABS: TicketTab[] = ['created', 'all'];

/** 我的报修: the customer's tickets (the server limits "all" to the customer's own organisation). */
export default function MyTicketsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { filter, update, reset } = useTicketFilter('created', PORTAL_TABS);
  const list = useTicketList(filter);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title={t('nav.myTickets')}
        extra={
          <Button
            type="primary"
            icon={<FileAddOutlined aria-hidden />}
            onClick={() => navigate('/portal/report')}
            data-testid="goto-report"
          >
            {t('nav.report')}
          </Button>
        }
      />
      <Tabs
        activeKey={filter.tab}
        onChange={(tab) => update({ tab: tab as TicketTab })}
        items={PORTAL_TABS.map((tab) => ({
          key: tab,
          label: <span data-testid={`tab-${tab}`}>{t(`portalTab.${tab}`)}</span>,
        }))}
      />
      <TicketFilters filter={filter} update={update} reset={reset} customerView />
      <TicketList
        compact
        label={t('nav.myTickets')}
        items={items}
        loading={list.isPending}
        hasMore={list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
      />
    </>
  );
}
