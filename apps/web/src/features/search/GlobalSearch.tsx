import { useState } from 'react';
import { AutoComplete, Button, Grid, Input, Modal, Spin } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { SearchResults } from './types';
import { hasRole, ticketPath } from '../../app/roles';
import { useCurrentUser } from '../auth/useMe';
import { useDebounced } from '../../components/useDebounced';
import { CUSTOMER_ROLES, PROVIDER_STAFF } from '@weibao/schema/enum-values';

/** The roles the server's GET /search admits; the 三员 admins and the auditor get no search box. */
const SEARCHERS = [...PROVIDER_STAFF, ...CUSTOMER_ROLES];
const enc = encodeURIComponent;

/**
 * One box in the header that finds tickets (number, caller phone, title), assets (tag, serial), O&M records
 * (number) and knowledge articles, grouped, at most five each; picking one opens it. On a phone the header
 * has no room for a field, so an icon opens the same box in a dialog.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const isMobile = !Grid.useBreakpoint().lg;
  const [dialogOpen, setDialogOpen] = useState(false);
  if (!hasRole(me, SEARCHERS)) return null;
  if (!isMobile) return <SearchBox style={{ width: 300 }} />;
  return (
    <>
      <Button
        type="text"
        icon={<SearchOutlined aria-hidden />}
        aria-label={t('search.open')}
        onClick={() => setDialogOpen(true)}
        data-testid="global-search-open"
      />
      <Modal
        open={dialogOpen}
        onCancel={() => setDialogOpen(false)}
        footer={null}
        title={t('search.label')}
        destroyOnHidden
        style={{ top: 16 }}
      >
        <SearchBox autoFocus style={{ width: '100%' }} onPicked={() => setDialogOpen(false)} />
      </Modal>
    </>
  );
}

function SearchBox({
  style,
  autoFocus,
  onPicked,
}: {
  style: React.CSSProperties;
  autoFocus?: boolean;
  onPicked?: () => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const results = useQuery({
    queryKey: ['search', q],
    queryFn: ({ signal }) => api<SearchResults>('/search', { query: { q }, signal, silent: true }),
    enabled: q.length >= 2,
    staleTime: 15_000,
  });
  const r = q.length >= 2 ? results.data : undefined;
  // One flat list, each hit labelled with its kind: antd's grouped options give the group headers option ARIA
  // attributes on a non-option role (axe: aria-allowed-attr), flat options do not.
  const option = (kind: string, value: string, main: string, sub?: string | null) => ({
    value,
    label: (
      <div className="global-search-hit">
        <span className="global-search-main">
          <span className="global-search-kind">{t(`search.group.${kind}`)}</span>
          {main}
        </span>
        {sub ? <span className="global-search-sub muted">{sub}</span> : null}
      </div>
    ),
  });
  const options = r
    ? [
        ...r.tickets.map((x) =>
          option('tickets', ticketPath(me, x.id), x.number, `${x.title} · ${t(`status.${x.status}`)}`),
        ),
        ...r.assets.map((x) =>
          option('assets', `/assets/${enc(x.id)}`, x.name, [x.tag, x.serial].filter(Boolean).join(' · ')),
        ),
        ...r.records.map((x) =>
          option(
            'records',
            `/records/${enc(x.id)}`,
            `${x.number} v${x.version}`,
            `${t(`recordKind.${x.kind}`)} · ${t(`record.status.${x.status}`)}`,
          ),
        ),
        ...r.articles.map((x) => option('articles', `/kb/articles/${enc(x.id)}`, x.title, x.number)),
      ]
    : [];
  const notFound =
    text.trim().length < 2 ? (
      t('search.hint')
    ) : results.isFetching ? (
      <Spin size="small" aria-label={t('search.loading')} />
    ) : (
      t('search.empty')
    );
  return (
    <AutoComplete
      value={text}
      options={options}
      // The first hit is active, so Enter opens it and aria-activedescendant always names a real option.
      defaultActiveFirstOption
      onChange={setText}
      onSelect={(path: string) => {
        setText('');
        onPicked?.();
        navigate(path);
      }}
      notFoundContent={notFound}
      popupMatchSelectWidth={Math.max(Number(style.width) || 0, 320)}
      style={style}
      data-testid="global-search"
    >
      <Input
        prefix={<SearchOutlined aria-hidden />}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        autoFocus={autoFocus}
        allowClear
        data-testid="global-search-input"
      />
    </AutoComplete>
  );
}
