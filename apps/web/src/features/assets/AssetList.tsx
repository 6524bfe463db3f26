import { Card, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
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
}

/** Ledger rows (data-testid="asset-row") as a table, or as cards on a phone. */
export function AssetList({ items, showProject, ...rest }: Props) {
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

  const columns: ColumnsType<Asset> = [
    { title: t('asset.name'), key: 'name', render: (_, a) => link(a), width: 180 },
    { title: t('asset.type'), key: 'type', render: (_, a) => kindType(a), width: 130 },
    { title: t('asset.model'), key: 'model', dataIndex: 'model', ellipsis: true },
    { title: t('asset.serial'), key: 'serial', render: (_, a) => <span data-testid="asset-serial">{a.serial}</span>, width: 150 },
    ...(showProject ? [{ title: t('asset.project'), key: 'project', dataIndex: 'projectName', ellipsis: true }] : []),
    { title: t('asset.location'), key: 'location', render: (_, a) => a.location ?? '—', ellipsis: true },
    { title: t('asset.acceptedOn'), key: 'acceptedOn', render: (_, a) => a.acceptedOn ?? '—', width: 110 },
    { title: t('asset.warrantyEnd'), key: 'warrantyEnd', render: (_, a) => <WarrantyEnd asset={a} />, width: 170 },
    { title: t('asset.status'), key: 'status', render: (_, a) => status(a), width: 120 },
    { title: t('asset.daysLeftLabel'), key: 'days', render: (_, a) => <DaysLeft days={a.daysLeft} />, width: 110 },
  ];

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
      {showProject ? <div className="muted" style={{ overflowWrap: 'anywhere' }}>{a.projectName}</div> : null}
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
      {...rest}
    />
  );
}
