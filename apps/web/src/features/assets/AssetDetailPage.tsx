import { useState } from 'react';
import { Button, Card, Col, Descriptions, Result, Row, Space, Spin } from 'antd';
import type { DescriptionsProps } from 'antd';
import { ArrowLeftOutlined, EditOutlined, ToolOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { hasRole, isProviderStaff } from '../../app/roles';
import { PageHeader } from '../../components/PageHeader';
import { useCurrentUser } from '../auth/useMe';
import { ArchiveTimeline } from './ArchiveTimeline';
import { assetPath, useAsset } from './api';
import { AssetFormModal } from './AssetFormModal';
import { AssetList } from './AssetList';
import { AssetStateTag, DaysLeft, WarrantyEnd, WarrantyTag } from './AssetTags';
import { AnnualInspections, WarrantyHistory } from './WarrantyHistory';

const h2 = (text: string) => <h2 className="card-h2">{text}</h2>;

/** Where 报修 leads: the phone intake for staff, the portal form for customers, prefilled with the asset. */
export function reportFaultPath(staff: boolean, projectId: string, assetId: string): string {
  const q = new URLSearchParams({ projectId, assetId }).toString();
  return `${staff ? '/intake' : '/portal/report'}?${q}`;
}

/** One asset: its facts, parts, warranty history (R4), annual inspections (R5) and maintenance archive. */
export default function AssetDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const staff = isProviderStaff(me);
  const manager = me.roles.includes('service_manager');
  const inspector = hasRole(me, ['service_manager', 'engineer']);
  const { data: asset, error, isPending } = useAsset(id);
  const [editing, setEditing] = useState(false);

  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!asset) {
    const notFound = error instanceof ApiError && (error.status === 404 || error.status === 403);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={
          <h1 style={{ fontSize: 22, margin: 0 }} data-testid="asset-not-found">
            {notFound ? t('asset.notFound') : t('error.loadFailed')}
          </h1>
        }
      />
    );
  }

  const link = (assetId: string | null, text: string | null) =>
    assetId ? <Link to={assetPath(assetId)}>{text ?? assetId}</Link> : '—';
  const items: DescriptionsProps['items'] = [
    { key: 'kind', label: t('asset.type'), children: `${t(`asset.kind.${asset.kind}`)} · ${asset.type}` },
    { key: 'model', label: t('asset.model'), children: asset.model },
    {
      key: 'serial',
      label: t('asset.serial'),
      children: <span data-testid="asset-detail-serial">{asset.serial}</span>,
    },
    { key: 'tag', label: t('asset.tag'), children: asset.tag ?? '—' },
    { key: 'project', label: t('asset.project'), children: asset.projectName },
    { key: 'location', label: t('asset.location'), children: asset.location ?? '—' },
    { key: 'supplier', label: t('asset.supplier'), children: asset.supplier ?? '—' },
    { key: 'parent', label: t('asset.parent'), children: link(asset.parentId, asset.parentName) },
    {
      key: 'acceptance',
      label: t('asset.acceptance'),
      children: asset.acceptanceBatch
        ? `${asset.acceptanceBatch} (${asset.acceptedOn ?? '—'})`
        : t('asset.warranty.not_accepted'),
    },
    { key: 'months', label: t('asset.warrantyMonths'), children: t('contract.warrantyN', { n: asset.warrantyMonths }) },
    { key: 'end', label: t('asset.warrantyEnd'), children: <WarrantyEnd asset={asset} showOriginal /> },
    { key: 'days', label: t('asset.daysLeftLabel'), children: <DaysLeft days={asset.daysLeft} /> },
    { key: 'inspection', label: t('inspection.next'), children: asset.nextInspectionDue ?? '—' },
  ];
  if (asset.replacesId)
    items.push({ key: 'replaces', label: t('asset.replaces'), children: link(asset.replacesId, null) });
  if (asset.replacedById)
    items.push({ key: 'replacedBy', label: t('asset.replacedBy'), children: link(asset.replacedById, null) });

  return (
    <article data-testid="asset-detail" data-asset-id={asset.id} data-warranty={asset.warrantyStatus}>
      <PageHeader
        title={
          <Space wrap size={[8, 4]}>
            <span data-testid="asset-name">{asset.name}</span>
            <WarrantyTag status={asset.warrantyStatus} />
            <AssetStateTag state={asset.state} />
          </Space>
        }
        docTitle={`${asset.name} ${asset.serial}`}
        extra={
          <>
            {asset.state === 'in_service' ? (
              <Button
                type="primary"
                icon={<ToolOutlined aria-hidden />}
                onClick={() => navigate(reportFaultPath(staff, asset.projectId, asset.id))}
                data-testid="asset-report"
              >
                {t('asset.report')}
              </Button>
            ) : null}
            {manager ? (
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)} data-testid="asset-edit">
                {t('common.edit')}
              </Button>
            ) : null}
            <Button
              icon={<ArrowLeftOutlined aria-hidden />}
              onClick={() => navigate(`/assets?projectId=${encodeURIComponent(asset.projectId)}`)}
            >
              {t('asset.backToLedger')}
            </Button>
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <div className="stack">
            <Card size="small" title={h2(t('asset.details'))}>
              <Descriptions
                size="small"
                bordered
                column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
                items={items}
                styles={{ label: { whiteSpace: 'nowrap' } }}
                data-testid="asset-info"
              />
            </Card>
            {asset.parts.length || asset.kind === 'hardware' ? (
              <Card size="small" title={h2(t('asset.parts'))}>
                <AssetList items={asset.parts} label={t('asset.parts')} emptyText={t('asset.noParts')} />
              </Card>
            ) : null}
            <Card size="small" title={h2(t('archive.title'))}>
              <ArchiveTimeline scope={{ kind: 'asset', id: asset.id }} />
            </Card>
          </div>
        </Col>
        <Col xs={24} xl={10}>
          <div className="stack">
            <Card size="small" title={h2(t('warranty.historyTitle'))}>
              <WarrantyHistory asset={asset} />
            </Card>
            <Card size="small" title={h2(t('inspection.title'))}>
              <AnnualInspections asset={asset} canRecord={inspector} />
            </Card>
          </div>
        </Col>
      </Row>
      {editing ? <AssetFormModal projectId={asset.projectId} asset={asset} onClose={() => setEditing(false)} /> : null}
    </article>
  );
}
