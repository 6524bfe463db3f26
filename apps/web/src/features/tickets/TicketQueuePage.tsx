import { DownloadOutlined, PhoneOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { type KeyboardEvent, lazy, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TicketSummary, TicketTab, TicketTotal } from '../../api/types';
import { AntScope, useMarkContentShown } from '../../app/AntScope';
import { PageHeader } from '../../components/PageHeader';
import { useMediaQuery } from '../../components/useMediaQuery';
import { useCurrentUser } from '../auth/useMe';
import { QueueTable } from './QueueTable';
import { exportUrl, useTicketPage } from './queueApi';
import { defaultQueueTab } from './queuePrefetch';
import { TABS, useTicketFilter } from './useTicketFilter';

const QueueTools = lazy(() => import('./QueueTools'));

/**
 * Provider ticket queue as an admin table: 我的待办 / 我创建的 / 全部 / 即将超时, filters, server-side
 * sorting and keyset pages (previous/next), bulk actions, export, saved filters, keyboard shortcuts.
 * Plain markup (the dispatcher's first paint, before antd); the filters, saved filters and bulk actions
 * arrive with antd in a reserved space (QueueTools).
 */
export default function TicketQueuePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = useMediaQuery('(max-width: 767.98px)');
  const { filter, update, reset, pageSize, setPageSize } = useTicketFilter(defaultQueueTab(useCurrentUser()));
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

  // The rows are on screen: antd (filters, header widgets) may load now.
  useMarkContentShown(!!page.data);

  return (
    <>
      <PageHeader
        title={t('nav.tickets')}
        extra={
          <>
            <button
              type="button"
              className="plain-button icon-only"
              title={t('queue.shortcuts.help')}
              aria-label={`${t('queue.shortcuts.label')}: ${t('queue.shortcuts.help')}`}
              data-testid="queue-shortcuts"
            >
              <QuestionCircleOutlined aria-hidden />
            </button>
            <a
              className="plain-button"
              href={exportUrl(filter)}
              title={t('queue.exportHelp')}
              data-testid="queue-export"
            >
              <DownloadOutlined aria-hidden /> {t('queue.export')}
            </a>
            <button
              type="button"
              className="plain-button primary"
              onClick={() => navigate('/intake')}
              data-testid="goto-intake"
            >
              <PhoneOutlined aria-hidden /> {t('nav.intake')}
            </button>
          </>
        }
      />
      <QueueTabs active={filter.tab ?? 'all'} onChange={(tab) => update({ tab })} />
      <div className="queue-tools">
        <AntScope defer fallback={null}>
          <QueueTools
            filter={filter}
            update={update}
            reset={reset}
            selected={selected}
            onBulkDone={() => setSelected([])}
          />
        </AntScope>
      </div>
      <p className="muted" style={{ margin: '0 0 8px' }} data-testid="queue-shortcuts-hint">
        {t('queue.shortcuts.help')}
      </p>
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

/** 我的待办 / 我创建的 / 全部 / 即将超时 as a tab list that switches the queue's filter (links would reload nothing). */
function QueueTabs({ active, onChange }: { active: TicketTab; onChange: (tab: TicketTab) => void }) {
  const { t } = useTranslation();
  // Arrow keys move between tabs (the ARIA tabs pattern); only the active tab is in the Tab order.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const next = TABS[(TABS.indexOf(active) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    onChange(next);
    e.currentTarget.querySelector<HTMLElement>(`[data-tab="${next}"]`)?.focus();
  };
  return (
    <div className="plain-tabs" role="tablist" aria-label={t('nav.tickets')} onKeyDown={onKeyDown}>
      {TABS.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          aria-selected={tab === active}
          tabIndex={tab === active ? 0 : -1}
          data-tab={tab}
          className={tab === active ? 'plain-tab active' : 'plain-tab'}
          onClick={() => onChange(tab)}
        >
          <span data-testid={`tab-${tab}`}>{t(`tab.${tab}`)}</span>
        </button>
      ))}
    </div>
  );
}
