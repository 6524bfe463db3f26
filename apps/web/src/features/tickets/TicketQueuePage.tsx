import { Button, Tabs } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TicketTab } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { useTicketList } from './api';
import { TicketFilters } from './TicketFilters';
import { TicketList } from './TicketList';
import { TABS, useTicketFilter } from './useTicketFilter';

/** Provider ticket queue: 我的待办 / 我创建的 / 全部 / 即将超时, filters, keyset "load more". */
export default function TicketQueuePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { filter, update, reset } = useTicketFilter('mine');
  const list = useTicketList(filter);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('nav.tickets')}
        extra={
          <Button type="primary" icon={<PhoneOutlined aria-hidden />} onClick={() => navigate('/intake')} data-testid="goto-intake">
            {t('nav.intake')}
          </Button>
        }
      />
      <Tabs
        activeKey={filter.tab}
        onChange={(tab) => update({ tab: tab as TicketTab })}
        items={TABS.map((tab) => ({ key: tab, label: <span data-testid={`tab-${tab}`}>{t(`tab.${tab}`)}</span> }))}
      />
      <TicketFilters filter={filter} update={update} reset={reset} />
      <TicketList
        label={t(`tab.${filter.tab ?? 'mine'}`)}
        items={items}
        loading={list.isPending}
        hasMore={list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
      />
    </>
  );
}
