import { useRef } from 'react';
import { SettingOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TicketSummary, TicketTotal } from '../../api/types';
import { Countdown } from '../../components/Countdown';
import { formatDateTime } from '../../components/format';
import { type PlainColumn, PlainTable } from '../../components/PlainTable';
import { PopoverButton } from '../../components/PopoverButton';
import { LevelTag, StatusTag } from '../../components/tags';
import { ticketPath } from '../../app/roles';
import { useCurrentUser } from '../auth/useMe';
import { useColumnSettings } from './useColumnSettings';
import { useQueueShortcuts } from './useQueueShortcuts';
import { PAGE_SIZES, type QueueSortKey } from './useTicketFilter';

/** Column keys: the sortable ones are the server's sort names. */
const COLUMNS = ['number', 'title', 'level', 'status', 'project', 'assignee', 'reportedAt', 'created', 'due'] as const;
/** On a desk screen: everything but the report time (the created time sorts); on a phone the essentials. */
const DESK_DEFAULT = ['number', 'title', 'level', 'status', 'project', 'assignee', 'created', 'due'];
const PHONE_DEFAULT = ['number', 'title', 'level', 'status', 'due'];

interface Props {
  items: TicketSummary[];
  loading: boolean;
  total: TicketTotal | null | undefined;
  sort: QueueSortKey;
  dir: 'asc' | 'desc';
  onSort: (sort: QueueSortKey | undefined, dir: 'asc' | 'desc' | undefined) => void;
  pageSize: number;
  onPageSize: (n: number) => void;
  page: number;
  hasPrev: boolean;
  hasNext: boolean;
  onPrev: () => void;
  onNext: () => void;
  selected: string[];
  onSelect: (rows: TicketSummary[]) => void;
  phone: boolean;
}

/** The staff queue as an admin table: server-side sorters, keyset pages, column settings, row selection. */
export function QueueTable(p: Props) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const region = useRef<HTMLDivElement>(null);
  const settings = useColumnSettings(me.id, [...COLUMNS], p.phone ? PHONE_DEFAULT : DESK_DEFAULT);
  useQueueShortcuts(region, 'filter-q');
  const names: Record<(typeof COLUMNS)[number], string> = {
    number: t('ticket.number'),
    title: t('ticket.title'),
    level: t('ticket.level'),
    status: t('ticket.status'),
    project: t('ticket.customerProject'),
    assignee: t('ticket.assignee'),
    reportedAt: t('ticket.reportedAt'),
    created: t('queue.col.created'),
    due: t('ticket.nextDue'),
  };

  const all: PlainColumn<TicketSummary>[] = [
    {
      key: 'number',
      title: names.number,
      width: 150,
      render: (r) => (
        <Link to={ticketPath(me, r.id)} data-testid="ticket-link">
          {r.number}
        </Link>
      ),
    },
    // Wide enough for a sentence at 1280 px; the rest is in the browser's tooltip (a native title).
    {
      key: 'title',
      title: names.title,
      width: p.phone ? 200 : 300,
      ellipsis: true,
      render: (r) => (
        <span title={r.title} data-testid="ticket-title">
          {r.title}
        </span>
      ),
    },
    { key: 'level', title: names.level, width: 90, sortable: true, render: (r) => <LevelTag level={r.level} /> },
    { key: 'status', title: names.status, width: 100, sortable: true, render: (r) => <StatusTag status={r.status} /> },
    {
      key: 'project',
      title: names.project,
      width: 190,
      render: (r) => (
        <div title={`${r.customerName} · ${r.projectName}`}>
          <div className="ellipsis">{r.customerName}</div>
          <div className="muted ellipsis">{r.projectName}</div>
        </div>
      ),
    },
    {
      key: 'assignee',
      title: names.assignee,
      width: 100,
      ellipsis: true,
      render: (r) => r.assigneeName ?? t('ticket.unassigned'),
    },
    { key: 'reportedAt', title: names.reportedAt, width: 150, render: (r) => formatDateTime(r.reportedAt) },
    { key: 'created', title: names.created, width: 150, sortable: true, render: (r) => formatDateTime(r.createdAt) },
    {
      key: 'due',
      title: names.due,
      width: 140,
      sortable: true,
      render: (r) => <Countdown dueAt={r.nextDueAt} breached={r.breached} />,
    },
  ];
  const columns = all.filter((c) => c.key === 'number' || settings.visible.includes(c.key));

  const fmt = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en' : 'zh-CN');
  const total = p.total
    ? t(
        p.total.kind === 'exact'
          ? 'queue.total.exact'
          : p.total.kind === 'at_least'
            ? 'queue.total.atLeast'
            : 'queue.total.estimate',
        { count: fmt(p.total.value) as never },
      )
    : null;

  const columnSettings = (
    <PopoverButton
      icon={<SettingOutlined aria-hidden />}
      label={t('queue.col.settings')}
      title={t('queue.col.settingsTitle')}
      testId="column-settings"
    >
      <div className="check-list" data-testid="column-settings-list">
        {COLUMNS.filter((k) => k !== 'number').map((k) => (
          <label key={k}>
            <input
              type="checkbox"
              checked={settings.visible.includes(k)}
              onChange={(e) =>
                settings.setVisible(
                  e.target.checked ? [...settings.visible, k] : settings.visible.filter((v) => v !== k),
                )
              }
            />{' '}
            {names[k]}
          </label>
        ))}
      </div>
    </PopoverButton>
  );

  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>{columnSettings}</div>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('queue.table')} ref={region}>
        <PlainTable<TicketSummary>
          columns={columns}
          rows={p.items}
          rowKey={(r) => r.id}
          loading={p.loading}
          emptyText={<span className="muted">{t('ticket.empty')}</span>}
          sort={{ key: p.sort, dir: p.dir }}
          onSort={(key, dir) => p.onSort(key as QueueSortKey | undefined, dir)}
          selection={{
            selected: p.selected,
            onChange: (keys) => p.onSelect(p.items.filter((r) => keys.includes(r.id))),
            rowLabel: (r) => r.number,
            allLabel: t('queue.selectAll'),
          }}
          rowTestId="ticket-row"
        />
      </div>
      <div
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 8,
          marginTop: 12,
        }}
      >
        <span data-testid="queue-total">{total}</span>
        <div className="pager">
          <select
            className="plain-select"
            value={p.pageSize}
            onChange={(e) => p.onPageSize(Number(e.target.value))}
            aria-label={t('queue.pageSize')}
            data-testid="page-size"
          >
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {t('queue.pageSizeOption', { size: n })}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="plain-button"
            onClick={p.onPrev}
            disabled={!p.hasPrev}
            data-testid="page-prev"
          >
            {t('queue.prev')}
          </button>
          <span data-testid="page-number">{t('queue.page', { page: p.page })}</span>
          <button
            type="button"
            className="plain-button"
            onClick={p.onNext}
            disabled={!p.hasNext}
            data-testid="page-next"
          >
            {t('queue.next')}
          </button>
        </div>
      </div>
    </div>
  );
}
