import { useEffect, useState } from 'react';
import { Button, Grid, Space, Tabs, Tooltip } from 'antd';
import { DownloadOutlined, PhoneOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TicketSummary, TicketTab, TicketTotal } from '../../api/types';
import { hasRole } from '../../app/roles';
import { PageHeader } from '../../components/PageHeader';
import { useCurrentUser } from '../auth/useMe';
import { BulkActions } from './BulkActions';
import { QueueTable } from './QueueTable';
import { SavedFilters } from './SavedFilters';
import { exportUrl, useTicketPage } from './queueApi';
import { TicketFilters } from './TicketFilters';
import { TABS, useTicketFilter } from './useTicketFilter';

/**
 * Provider ticket queue as an admin table: 我的待办 / 我创建的 / 全部 / 即将超时, filters, server-side
 * sorting and keyset pages (previous/next), bulk actions, export, saved filters, keyboard shortcuts.
 */
export default function TicketQueuePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md === false;
  // An engineer's queue opens on 我的待办; a dispatcher or manager (rarely the assignee) on 全部, whose
  // default order (due first) puts unassigned and at-risk tickets at the top instead of an empty tab.
  const engineer = hasRole(useCurrentUser(), ['engineer']);
  const { filter, update, reset, pageSize, setPageSize } = useTicketFilter(engineer ? 'mine' : 'all');
  // Keyset pages: the cursors of the pages visited, so "previous" goes back without OFFSET.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [selected, setSelected] = useState<TicketSummary[]>([]);
  const [total, setTotal] = useState<TicketTotal | null>(null);
  const filterKey = JSON.stringify([filter, pageSize]);
  useEffect(() => {
    setCursors([undefined]);
    setSelected([]);
  }, [filterKey]);
  const page = useTicketPage(filter, pageSize, cursors[cursors.length - 1]);
  // The first page carries the total; later pages keep showing it.
  useEffect(() => {
    if (page.data?.total !== undefined && page.data.total !== null) setTotal(page.data.total);
    else if (page.data && cursors.length === 1) setTotal(null);
  }, [page.data, cursors.length]);

  return (
    <>
      <PageHeader
        title={t('nav.tickets')}
        extra={
          <Space wrap>
            <Tooltip title={t('queue.shortcuts.help')}>
              <Button icon={<QuestionCircleOutlined aria-hidden />} aria-label={`${t('queue.shortcuts.label')}: ${t('queue.shortcuts.help')}`} data-testid="queue-shortcuts" />
            </Tooltip>
            <Tooltip title={t('queue.exportHelp')}>
              <Button icon={<DownloadOutlined aria-hidden />} href={exportUrl(filter)} data-testid="queue-export">{t('queue.export')}</Button>
            </Tooltip>
            <Button type="primary" icon={<PhoneOutlined aria-hidden />} onClick={() => navigate('/intake')} data-testid="goto-intake">
              {t('nav.intake')}
            </Button>
          </Space>
        }
      />
      <Tabs
        activeKey={filter.tab}
        onChange={(tab) => update({ tab: tab as TicketTab })}
        items={TABS.map((tab) => ({ key: tab, label: <span data-testid={`tab-${tab}`}>{t(`tab.${tab}`)}</span> }))}
      />
      <TicketFilters filter={filter} update={update} reset={reset} />
      <SavedFilters />
      <p className="muted" style={{ margin: '0 0 8px' }} data-testid="queue-shortcuts-hint">{t('queue.shortcuts.help')}</p>
      <BulkActions selected={selected} onDone={() => setSelected([])} />
      <QueueTable
        items={page.data?.items ?? []}
        loading={page.isPending}
        total={total}
        sort={filter.sort ?? 'due'}
        dir={filter.dir ?? 'asc'}
        onSort={(sort, dir) => update({ sort, dir: sort && dir === 'desc' ? 'desc' : undefined })}
        pageSize={pageSize}
        onPageSize={setPageSize}
        page={cursors.length}
        hasPrev={cursors.length > 1}
        hasNext={!!page.data?.nextCursor}
        onPrev={() => setCursors((c) => c.slice(0, -1))}
        onNext={() => page.data?.nextCursor && setCursors((c) => [...c, page.data!.nextCursor!])}
        selected={selected.map((r) => r.id)}
        onSelect={setSelected}
        phone={phone}
      />
    </>
  );
}
