import { useMemo, useState } from 'react';
import { Button, Empty, Select, Space, Spin, Tag, Timeline } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ARCHIVE_KINDS } from '../../api/enums';
import type { ArchiveEvent, ArchiveKind } from '../../api/types';
import { ticketPath } from '../../app/roles';
import { formatDateTime } from '../../components/format';
import { useCurrentUser } from '../auth/useMe';
import { archiveXlsxUrl, assetPath, useArchive, type ArchiveFilter, type ArchiveScope } from './api';
import { DateField } from '../../components/DateField';

const KIND_COLOR: Record<ArchiveKind, string> = {
  acceptance: 'gray',
  ticket: 'blue',
  replacement: 'purple',
  inspection: 'green',
  cost: 'red',
};

/**
 * 维修档案 (R21): acceptance, tickets, replacements, inspections and costs of an asset or of a
 * customer, newest first, filtered by kind and period; keyset "load more" and an Excel export.
 */
export function ArchiveTimeline({ scope, showAsset = false }: { scope: ArchiveScope; showAsset?: boolean }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [kinds, setKinds] = useState<ArchiveKind[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filter = useMemo<ArchiveFilter>(
    () => ({ kinds, from: from || undefined, to: to || undefined }),
    [kinds, from, to],
  );
  const q = useArchive(scope, filter);
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const idBase = `archive-${scope.kind}`;

  const event = (e: ArchiveEvent) => (
    <div
      data-testid="archive-event"
      data-kind={e.kind}
      data-amount={e.amountCents ?? undefined}
      style={{ overflowWrap: 'anywhere' }}
    >
      <Space wrap size={[6, 2]}>
        <span className="muted">{formatDateTime(e.at)}</span>
        <Tag style={{ marginInlineEnd: 0 }}>{t(`archive.kind.${e.kind}`)}</Tag>
        <strong>{e.title}</strong>
      </Space>
      {e.detail ? <div className="pre-wrap">{e.detail}</div> : null}
      <Space wrap size={[8, 2]} className="muted">
        {showAsset && e.assetId ? (
          <Link to={assetPath(e.assetId)}>
            {e.assetName ?? e.assetId}
            {e.serial ? ` (${e.serial})` : ''}
          </Link>
        ) : null}
        {e.ticketId ? <Link to={ticketPath(me, e.ticketId)}>{e.ticketNumber ?? e.ticketId}</Link> : null}
      </Space>
    </div>
  );

  return (
    <div className="stack" data-testid="archive">
      <div role="search" aria-label={t('archive.filter')} className="filter-wrap">
        <Select<ArchiveKind[]>
          mode="multiple"
          allowClear
          style={{ flex: '1 1 220px', minWidth: 0 }}
          aria-label={t('archive.kinds')}
          placeholder={t('archive.allKinds')}
          value={kinds}
          onChange={(v) => setKinds(v)}
          options={ARCHIVE_KINDS.map((k) => ({ value: k, label: t(`archive.kind.${k}`) }))}
          data-testid="archive-kinds"
        />
        <div className="filter-date">
          <label htmlFor={`${idBase}-from`} className="muted">
            {t('archive.from')}
          </label>
          <DateField id={`${idBase}-from`} value={from} onChange={(v) => setFrom(v ?? '')} data-testid="archive-from" />
        </div>
        <div className="filter-date">
          <label htmlFor={`${idBase}-to`} className="muted">
            {t('archive.to')}
          </label>
          <DateField id={`${idBase}-to`} value={to} onChange={(v) => setTo(v ?? '')} data-testid="archive-to" />
        </div>
        <Button
          href={archiveXlsxUrl(scope, filter)}
          download
          icon={<FileExcelOutlined aria-hidden />}
          data-testid="archive-export"
        >
          {t('archive.export')}
        </Button>
      </div>
      {q.isPending ? (
        <Spin style={{ display: 'block', margin: 24 }} />
      ) : items.length === 0 ? (
        <Empty description={<span className="muted">{t('archive.empty')}</span>} />
      ) : (
        <section aria-label={t('archive.title')}>
          <Timeline items={items.map((e) => ({ key: e.id, color: KIND_COLOR[e.kind], children: event(e) }))} />
        </section>
      )}
      {q.hasNextPage ? (
        <div style={{ textAlign: 'center' }}>
          <Button onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage} data-testid="load-more">
            {t('common.loadMore')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
