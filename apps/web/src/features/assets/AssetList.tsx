import { Card, Space, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SortOrder } from 'antd/es/table/interface';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Asset } from '../../api/types';
import { ResponsiveList } from '../../components/ResponsiveList';
import { assetPath } from './api';
import { AssetStateTag, DaysLeft, WarrantyEnd, WarrantyTag } from './AssetTags';

interface Props {
  items: Asset[];
  label: string;
  loading?: boolean;
  hasMore?: boolean;
  loadingMore?: boolean;
  onLoadMore?: () => void;
  emptyText?: string;
  /** Show the project column (lists over several projects). */
  showProject?: boolean;
  /** Server-side sorting: the current order and what to do when a sortable header is clicked. */
  sort?: { key: LedgerSort; order: 'asc' | 'desc' } | null;
  onSort?: (s: { key: LedgerSort; order: 'asc' | 'desc' } | null) => void;
  /** Keys of the columns to show (column settings); all when left out. */
  visibleColumns?: string[];
}

/** Columns the server can sort by (AssetListQuery.sort), keyed like the table's columns. */
export type LedgerSort = 'name' | 'type' | 'serial' | 'warranty_end';
const SORT_OF_COLUMN: Record<string, LedgerSort> = {
  name: 'name',
  type: 'type',
  serial: 'serial',
  warrantyEnd: 'warranty_end',
};

/** The ledger's columns for the settings menu (the name links to the item and always shows). */
export const ASSET_COLUMN_KEYS = [
  'name',
  'type',
  'model',
  'serial',
  'project',
  'location',
  'acceptedOn',
  'warrantyEnd',
  'status',
  'days',
] as const;

/** Text that may be long: one line with an ellipsis, the whole text in a tooltip. */
const Clipped = ({ text }: { text: string }) => (
  <Tooltip title={text} placement="topLeft">
    <span className="cell-clip">{text}</span>
  </Tooltip>
);

/** Ledger rows (data-testid="asset-row") as a table, or as cards on a phone. */
export function AssetList({ items, showProject, sort, onSort, visibleColumns, ...rest }: Props) {
  const { t } = useTranslation();
  const link = (a: Asset) => (
    <Link to={assetPath(a.id)} data-testid="asset-link" style={{ overflowWrap: 'anywhere' }}>
      {a.name}
    </Link>
  );
  const kindType = (a: Asset) => `${t(`asset.kind.${a.kind}`)} · ${a.type}`;
  const status = (a: Asset) => (
    <Space size={4} wrap>
      <WarrantyTag status={a.warrantyStatus} />
      {a.state !== 'in_service' ? <AssetStateTag state={a.state} /> : null}
    </Space>
  );

  const sortable = (key: string) => {
    const by = SORT_OF_COLUMN[key];
    if (!by || !onSort) return {};
    const order: SortOrder = sort?.key === by ? (sort.order === 'asc' ? 'ascend' : 'descend') : null;
    return {
      sorter: true,
      sortOrder: order,
      sortDirections: ['ascend', 'descend', 'ascend'] as SortOrder[],
      showSorterTooltip: false,
    };
  };
  // Every column has a width and long text is clipped with a tooltip, so at 1280 px no column shrinks to a
  // character or two; the table scrolls sideways inside its region when the user shows more than fits.
  const all: ColumnsType<Asset> = [
    { title: t('asset.name'), key: 'name', render: (_, a) => link(a), width: 200, ...sortable('name') },
    {
      title: t('asset.type'),
      key: 'type',
      render: (_, a) => <Clipped text={kindType(a)} />,
      width: 140,
      ellipsis: true,
      ...sortable('type'),
    },
    { title: t('asset.model'), key: 'model', render: (_, a) => <Clipped text={a.model} />, width: 140, ellipsis: true },
    {
      title: t('asset.serial'),
      key: 'serial',
      render: (_, a) => <span data-testid="asset-serial">{a.serial}</span>,
      width: 160,
      ...sortable('serial'),
    },
    ...(showProject
      ? [
          {
            title: t('asset.project'),
            key: 'project',
            render: (_: unknown, a: Asset) => <Clipped text={a.projectName} />,
            width: 160,
            ellipsis: true,
          },
        ]
      : []),
    {
      title: t('asset.location'),
      key: 'location',
      render: (_, a) => (a.location ? <Clipped text={a.location} /> : '—'),
      width: 140,
      ellipsis: true,
    },
    { title: t('asset.acceptedOn'), key: 'acceptedOn', render: (_, a) => a.acceptedOn ?? '—', width: 110 },
    {
      title: t('asset.warrantyEnd'),
      key: 'warrantyEnd',
      render: (_, a) => <WarrantyEnd asset={a} />,
      width: 170,
      ...sortable('warrantyEnd'),
    },
    { title: t('asset.status'), key: 'status', render: (_, a) => status(a), width: 120 },
    { title: t('asset.daysLeftLabel'), key: 'days', render: (_, a) => <DaysLeft days={a.daysLeft} />, width: 110 },
  ];
  const columns = visibleColumns ? all.filter((c) => c.key === 'name' || visibleColumns.includes(String(c.key))) : all;
  const scrollX = columns.reduce((sum, c) => sum + (Number(c.width) || 120), 0);

  const card = (a: Asset) => (
    <Card size="small" className="ticket-card full-width">
      <Space wrap size={6} style={{ marginBottom: 4 }}>
        {link(a)}
        {status(a)}
      </Space>
      <Typography.Paragraph style={{ margin: '2px 0', overflowWrap: 'anywhere' }}>
        {kindType(a)} · {a.model}
      </Typography.Paragraph>
      <div className="muted" style={{ overflowWrap: 'anywhere' }}>
        {t('asset.serial')}: <span data-testid="asset-serial">{a.serial}</span>
        {a.location ? ` · ${a.location}` : ''}
      </div>
      {showProject ? (
        <div className="muted" style={{ overflowWrap: 'anywhere' }}>
          {a.projectName}
        </div>
      ) : null}
      <Space wrap size={6} className="muted">
        <span>{t('asset.warrantyEnd')}:</span>
        <WarrantyEnd asset={a} />
        <DaysLeft days={a.daysLeft} />
      </Space>
    </Card>
  );

  return (
    <ResponsiveList<Asset>
      items={items}
      columns={columns}
      rowKey={(a) => a.id}
      renderCard={card}
      rowTestId="asset-row"
      emptyText={t('asset.empty')}
      tableProps={{
        scroll: { x: scrollX },
        onChange: (_p, _f, sorter) => {
          if (!onSort || Array.isArray(sorter)) return;
          const by = SORT_OF_COLUMN[String(sorter.columnKey)];
          onSort(by && sorter.order ? { key: by, order: sorter.order === 'ascend' ? 'asc' : 'desc' } : null);
        },
      }}
      {...rest}
    />
  );
}
