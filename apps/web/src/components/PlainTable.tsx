import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export type SortDir = 'asc' | 'desc';

export interface PlainColumn<Row> {
  key: string;
  title: string;
  width: number;
  /** Sortable columns get a header button; `onSort` receives the column's key. */
  sortable?: boolean;
  /** One line, cut with an ellipsis (the cell's content carries its own `title` for the full text). */
  ellipsis?: boolean;
  render: (row: Row) => ReactNode;
}

interface Props<Row> {
  columns: PlainColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  loading: boolean;
  emptyText: ReactNode;
  /** The sorted column and its direction (`aria-sort` on its header). */
  sort?: { key: string; dir: SortDir } | undefined;
  /** Header click: ascending first, then descending, then back to the default order (`undefined`). */
  onSort?: (key: string | undefined, dir: SortDir | undefined) => void;
  /** Row selection with native checkboxes; `rowLabel` names each row's box for screen readers. */
  selection?: {
    selected: string[];
    onChange: (keys: string[]) => void;
    rowLabel: (row: Row) => string;
    allLabel: string;
  };
  rowTestId?: string;
}

const CHECK_WIDTH = 48;

/**
 * An admin table as plain markup: the queue's first paint needs no component library (antd's Table
 * measured 200 ms of blocking time on a desktop Lighthouse run of the queue, ~700 ms on mobile). Same
 * look as antd's middle-size table; sorting and selection are native buttons and checkboxes.
 */
export function PlainTable<Row>({
  columns,
  rows,
  rowKey,
  loading,
  emptyText,
  sort,
  onSort,
  selection,
  rowTestId,
}: Props<Row>) {
  const { t } = useTranslation();
  const allBox = useRef<HTMLInputElement>(null);
  const keys = rows.map(rowKey);
  const chosen = new Set(selection?.selected ?? []);
  const chosenHere = keys.filter((k) => chosen.has(k)).length;
  useEffect(() => {
    if (allBox.current) allBox.current.indeterminate = chosenHere > 0 && chosenHere < keys.length;
  }, [chosenHere, keys.length]);
  const width = columns.reduce((sum, c) => sum + c.width, selection ? CHECK_WIDTH : 0);
  const span = columns.length + (selection ? 1 : 0);

  const toggle = (key: string, on: boolean) =>
    selection?.onChange(on ? [...selection.selected, key] : selection.selected.filter((k) => k !== key));
  const toggleAll = (on: boolean) => selection?.onChange(on ? keys : []);
  const nextSort = (key: string) => {
    if (sort?.key !== key) return onSort?.(key, 'asc');
    return sort.dir === 'asc' ? onSort?.(key, 'desc') : onSort?.(undefined, undefined);
  };

  return (
    <table className="plain-table" style={{ minWidth: width }} aria-busy={loading}>
      <colgroup>
        {selection ? <col style={{ width: CHECK_WIDTH }} /> : null}
        {columns.map((c) => (
          <col key={c.key} style={{ width: c.width }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {selection ? (
            <th scope="col" className="plain-table-check">
              <input
                ref={allBox}
                type="checkbox"
                aria-label={selection.allLabel}
                checked={keys.length > 0 && chosenHere === keys.length}
                disabled={keys.length === 0}
                onChange={(e) => toggleAll(e.target.checked)}
              />
            </th>
          ) : null}
          {columns.map((c) => {
            const dir = sort?.key === c.key ? sort.dir : undefined;
            return (
              <th
                key={c.key}
                scope="col"
                aria-sort={dir ? (dir === 'asc' ? 'ascending' : 'descending') : c.sortable ? 'none' : undefined}
              >
                {c.sortable ? (
                  <button type="button" className="plain-table-sort" onClick={() => nextSort(c.key)}>
                    <span>{c.title}</span>
                    <span className="plain-table-arrows" aria-hidden>
                      <span className={dir === 'asc' ? 'on' : undefined}>▲</span>
                      <span className={dir === 'desc' ? 'on' : undefined}>▼</span>
                    </span>
                  </button>
                ) : (
                  c.title
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={span} className="plain-table-empty">
              {loading ? <span className="muted">{t('common.loading')}</span> : emptyText}
            </td>
          </tr>
        ) : (
          rows.map((row) => {
            const key = rowKey(row);
            const on = chosen.has(key);
            return (
              <tr key={key} className={on ? 'selected' : undefined} data-testid={rowTestId}>
                {selection ? (
                  <td className="plain-table-check">
                    <input
                      type="checkbox"
                      aria-label={selection.rowLabel(row)}
                      checked={on}
                      onChange={(e) => toggle(key, e.target.checked)}
                    />
                  </td>
                ) : null}
                {columns.map((c) => (
                  <td key={c.key} className={c.ellipsis ? 'ellipsis' : undefined}>
                    {c.render(row)}
                  </td>
                ))}
              </tr>
            );
          })
        )}
      </tbody>
    </table>
  );
}
