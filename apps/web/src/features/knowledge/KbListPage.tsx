import { useEffect, useState } from 'react';
import { Button, Empty, Input, Select, Space, Spin, Tag } from 'antd';
import { FolderOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isProviderStaff } from '../../app/roles';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../components/format';
import { useUrlState } from '../../components/useUrlState';
import { useCurrentUser } from '../auth/useMe';
import type { KbArticleSummary, KbStatus } from './api';
import { articlePath, KB_STATUSES, useArticles, useCategories } from './api';
import { CategoryDialog } from './CategoryDialog';
import { KbStatusTag, KbVisibilityTag } from './tags';
import './knowledge.css';

/** 运维知识库 (R25): full-text search (Chinese and English), filters, newest edits first. */
export default function KbListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const staff = isProviderStaff(me);
  const manager = me.roles.includes('service_manager');
  const navigate = useNavigate();
  const [params, set] = useUrlState();
  const q = params.get('q')?.trim() || undefined;
  const categoryId = params.get('categoryId') ?? undefined;
  const tag = params.get('tag') ?? undefined;
  const statusParam = params.get('status');
  const status = staff && KB_STATUSES.includes(statusParam as KbStatus) ? (statusParam as KbStatus) : undefined;
  const [text, setText] = useState(q ?? '');
  useEffect(() => setText(q ?? ''), [q]);
  const categories = useCategories();
  const list = useArticles({ q, categoryId, status, tag });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [managing, setManaging] = useState(false);

  return (
    <div data-testid="kb-list-page">
      <PageHeader
        title={t('kb.title')}
        extra={
          staff ? (
            <>
              {manager ? (
                <Button
                  icon={<FolderOutlined aria-hidden />}
                  onClick={() => setManaging(true)}
                  data-testid="kb-categories-open"
                >
                  {t('kb.category.manage')}
                </Button>
              ) : null}
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => navigate('/kb/new')}
                data-testid="kb-new"
              >
                {t('kb.new')}
              </Button>
            </>
          ) : null
        }
      />
      <div
        role="search"
        aria-label={t('kb.searchLabel')}
        style={{ display: 'flex', flexWrap: 'wrap', gap: 12, marginBottom: 12 }}
      >
        <Input.Search
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          placeholder={t('kb.searchPlaceholder')}
          aria-label={t('kb.search')}
          enterButton={t('kb.searchButton')}
          allowClear
          maxLength={200}
          style={{ flex: '1 1 260px', minWidth: 0, maxWidth: 520 }}
          data-testid="kb-search"
        />
        <Select<string>
          value={categoryId ?? 'all'}
          onChange={(v) => set({ categoryId: v === 'all' ? undefined : v })}
          aria-label={t('kb.category.label')}
          loading={categories.isPending}
          style={{ width: 180, maxWidth: '100%' }}
          data-testid="kb-category-filter"
          options={[
            { value: 'all', label: t('kb.category.all') },
            ...(categories.data ?? []).map((c) => ({ value: c.id, label: c.name })),
          ]}
        />
        {staff ? (
          <Select<string>
            value={status ?? 'all'}
            onChange={(v) => set({ status: v === 'all' ? undefined : v })}
            aria-label={t('kb.statusLabel')}
            style={{ width: 160, maxWidth: '100%' }}
            data-testid="kb-status-filter"
            options={[
              { value: 'all', label: t('kb.allStatuses') },
              ...KB_STATUSES.map((s) => ({ value: s, label: t(`kb.status.${s}`) })),
            ]}
          />
        ) : null}
      </div>
      {tag ? (
        <div style={{ marginBottom: 12 }} data-testid="kb-tag-filter">
          <span className="muted">{t('kb.tagFilter')} </span>
          <Tag
            closable
            onClose={() => set({ tag: undefined })}
            closeIcon={<span aria-label={t('kb.clearTag', { tag })}>×</span>}
          >
            {tag}
          </Tag>
        </div>
      ) : null}
      {q ? (
        <p className="muted" data-testid="kb-search-info">
          {t('kb.searchResults', { q, n: items.length })}
        </p>
      ) : null}
      {list.isPending ? (
        <Spin />
      ) : !items.length ? (
        <Empty description={<span className="muted">{q ? t('kb.noResults') : t('kb.empty')}</span>} />
      ) : (
        <section aria-label={t('kb.resultsLabel')}>
          <ul
            style={{
              listStyle: 'none',
              padding: 0,
              margin: 0,
              background: '#fff',
              border: '1px solid #f0f0f0',
              borderRadius: 6,
            }}
          >
            {items.map((a) => (
              <ResultItem key={a.id} article={a} staff={staff} onTag={(x) => set({ tag: x })} />
            ))}
          </ul>
          {list.hasNextPage ? (
            <div style={{ textAlign: 'center', marginTop: 12 }}>
              <Button
                onClick={() => void list.fetchNextPage()}
                loading={list.isFetchingNextPage}
                data-testid="kb-load-more"
              >
                {t('common.loadMore')}
              </Button>
            </div>
          ) : null}
        </section>
      )}
      {managing ? <CategoryDialog onClose={() => setManaging(false)} /> : null}
    </div>
  );
}

function ResultItem({
  article: a,
  staff,
  onTag,
}: {
  article: KbArticleSummary;
  staff: boolean;
  onTag: (tag: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <li
      className="kb-result"
      style={{ padding: 12 }}
      data-testid="kb-result"
      data-article-id={a.id}
      data-status={a.status}
    >
      <div>
        <Link to={articlePath(a.id)} data-testid="kb-result-link">
          <strong>{a.title}</strong>
        </Link>{' '}
        <span className="muted">{a.number}</span>
      </div>
      <Space size={[4, 4]} wrap style={{ margin: '4px 0' }}>
        {staff ? <KbStatusTag status={a.status} /> : null}
        {staff ? <KbVisibilityTag visibility={a.visibility} /> : null}
        {a.categoryName ? (
          <span className="muted">
            {t('kb.category.label')}: {a.categoryName}
          </span>
        ) : null}
      </Space>
      {a.excerpt ? <div className="kb-excerpt">{a.excerpt}</div> : null}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'center' }}>
        {a.tags.map((x) => (
          <Button
            key={x}
            size="small"
            onClick={() => onTag(x)}
            aria-label={t('kb.filterByTag', { tag: x })}
            data-testid="kb-tag-chip"
          >
            #{x}
          </Button>
        ))}
        <span className="muted" style={{ fontSize: 12 }}>
          {t('kb.updated', { at: formatDateTime(a.updatedAt), name: a.updatedByName ?? '—', version: a.version })}
        </span>
      </div>
    </li>
  );
}
