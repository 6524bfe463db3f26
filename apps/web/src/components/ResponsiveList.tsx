import type { HTMLAttributes, Key, ReactNode } from 'react';
import { Button, Grid, List, Table } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import { useTranslation } from 'react-i18next';

interface Props<T> {
  items: T[];
  columns: ColumnsType<T>;
  rowKey: (item: T) => Key;
  /** Card body used instead of a table row below the md breakpoint (phones). */
  renderCard: (item: T) => ReactNode;
  loading?: boolean;
  /** Accessible name of the list/table region. */
  label: string;
  rowTestId?: string;
  hasMore?: boolean;
  loadingMore?: boolean;
  onLoadMore?: () => void;
  emptyText?: string;
  /** Extra props for the desktop table (sorting, horizontal scroll); the phone cards ignore them. */
  tableProps?: Omit<TableProps<T>, 'columns' | 'dataSource' | 'rowKey' | 'loading' | 'pagination' | 'locale' | 'onRow'>;
}

/**
 * A table on tablets/desktops, a list of cards on phones: a 390 px screen never scrolls sideways.
 * The table scrolls inside its own focusable region if its columns don't fit.
 */
export function ResponsiveList<T extends object>(p: Props<T>) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const more = p.hasMore ? (
    <div style={{ textAlign: 'center', marginTop: 12 }}>
      <Button onClick={p.onLoadMore} loading={p.loadingMore} data-testid="load-more">
        {t('common.loadMore')}
      </Button>
    </div>
  ) : null;
  // antd draws empty text in colorTextDisabled (2.3:1); this is real content, so use the muted colour.
  const empty = <span className="muted">{p.emptyText ?? t('common.empty')}</span>;

  if (phone) {
    return (
      <section aria-label={p.label}>
        <List<T>
          dataSource={p.items}
          loading={p.loading}
          rowKey={p.rowKey}
          locale={{ emptyText: empty }}
          split={false}
          renderItem={(item) => (
            <List.Item style={{ padding: '4px 0' }} data-testid={p.rowTestId}>
              {p.renderCard(item)}
            </List.Item>
          )}
        />
        {more}
      </section>
    );
  }
  return (
    <div>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={p.label}>
        <Table<T>
          size="middle"
          columns={p.columns}
          dataSource={p.items}
          rowKey={p.rowKey}
          loading={p.loading}
          pagination={false}
          locale={{ emptyText: empty }}
          onRow={() => (p.rowTestId ? ({ 'data-testid': p.rowTestId } as HTMLAttributes<HTMLElement>) : {})}
          {...p.tableProps}
        />
      </div>
      {more}
    </div>
  );
}
