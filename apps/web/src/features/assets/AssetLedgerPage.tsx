import { useMemo, useState } from 'react';
import { Button, Col, Empty, Input, Row, Select, Tabs } from 'antd';
import { FileExcelOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ASSET_KINDS, ASSET_STATES, WARRANTY_STATUSES } from '../../api/enums';
import type { AssetKind, AssetState, WarrantyStatus } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { ProjectPicker, useProjectParam } from '../../components/ProjectPicker';
import { useCurrentUser } from '../auth/useMe';
import { AcceptancesCard } from './AcceptancesCard';
import { ledgerXlsxUrl, useAssetList, type AssetFilter } from './api';
import { AssetFormModal } from './AssetFormModal';
import { ASSET_COLUMN_KEYS, AssetList, type LedgerSort } from './AssetList';
import { ColumnSettings } from '../../components/ColumnSettings';
import { useColumnSettings, usePageSize } from '../../components/useColumnSettings';
import { ImportModal } from './ImportModal';
import { useUrlState } from '../../components/useUrlState';

const TABS = ['ledger', 'acceptances'] as const;
type Tab = (typeof TABS)[number];
const COLUMN_TITLE: Record<string, string> = {
  name: 'asset.name',
  type: 'asset.type',
  model: 'asset.model',
  serial: 'asset.serial',
  project: 'asset.project',
  location: 'asset.location',
  acceptedOn: 'asset.acceptedOn',
  warrantyEnd: 'asset.warrantyEnd',
  status: 'asset.status',
  days: 'asset.daysLeftLabel',
};
const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v && (list as readonly string[]).includes(v) ? (v as T) : undefined;

/**
 * 资产台账: one project's hardware and software with acceptance, warranty end (marked when a
 * replacement extended it) and status; the service manager adds items one by one or imports an
 * Excel file, and keeps the acceptance records (验收记录) with their signed documents.
 */
export default function AssetLedgerPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const manager = me.roles.includes('service_manager');
  const { projectId, projects, loading, setProjectId } = useProjectParam();
  const [params, set] = useUrlState();
  const tab: Tab = oneOf(TABS, params.get('tab')) ?? 'ledger';
  const kind = oneOf<AssetKind>(ASSET_KINDS, params.get('kind'));
  const warranty = oneOf<WarrantyStatus>(WARRANTY_STATUSES, params.get('warranty'));
  const state = oneOf<AssetState>(ASSET_STATES, params.get('state'));
  const q = params.get('q') ?? '';
  const [qInput, setQInput] = useState(q);
  // Sorting lives in the URL (shareable, kept on reload); no sort = newest first.
  const sortKey = oneOf<LedgerSort>(['name', 'type', 'serial', 'warranty_end'], params.get('sort'));
  const order = params.get('order') === 'desc' ? 'desc' : 'asc';
  const sort = sortKey ? { key: sortKey, order: order as 'asc' | 'desc' } : null;
  const filter = useMemo<AssetFilter>(
    () => ({
      projectId,
      kind,
      warranty,
      state,
      q: q || undefined,
      sort: sortKey ?? 'recent',
      order: sortKey ? order : undefined,
    }),
    [projectId, kind, warranty, state, q, sortKey, order],
  );
  const [pageSize, setPageSize] = usePageSize('assets');
  const list = useAssetList(filter, !!projectId, pageSize);
  const choices = useMemo(
    () =>
      ASSET_COLUMN_KEYS.filter((k) => k !== 'project').map((k) => ({
        key: k,
        title: t(COLUMN_TITLE[k]!),
        locked: k === 'name',
      })),
    [t],
  );
  const columnSettings = useColumnSettings('assets', choices);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const select = (
    name: string,
    label: string,
    value: string | undefined,
    options: { value: string; label: string }[],
  ) => (
    <Col xs={24} sm={12} md={6}>
      <Select
        allowClear
        className="full-width"
        aria-label={label}
        placeholder={label}
        value={value}
        onChange={(v?: string) => set({ [name]: v })}
        options={options}
        data-testid={`assets-filter-${name}`}
      />
    </Col>
  );

  const ledger = (
    <>
      <div role="search" aria-label={t('filter.title')} style={{ marginBottom: 12 }}>
        <Row gutter={[8, 8]}>
          {select(
            'kind',
            t('asset.kindLabel'),
            kind,
            ASSET_KINDS.map((k) => ({ value: k, label: t(`asset.kind.${k}`) })),
          )}
          {select(
            'warranty',
            t('asset.warrantyLabel'),
            warranty,
            WARRANTY_STATUSES.map((w) => ({ value: w, label: t(`asset.warranty.${w}`) })),
          )}
          {select(
            'state',
            t('asset.stateLabel'),
            state,
            ASSET_STATES.map((s) => ({ value: s, label: t(`asset.state.${s}`) })),
          )}
          <Col xs={24} sm={12} md={6}>
            <Input.Search
              allowClear
              aria-label={t('asset.search')}
              placeholder={t('asset.searchPlaceholder')}
              value={qInput}
              onChange={(e) => setQInput(e.target.value)}
              onSearch={(v) => set({ q: v.trim() || undefined })}
              enterButton={t('filter.search')}
              data-testid="assets-search"
            />
          </Col>
        </Row>
      </div>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
        <ColumnSettings
          choices={choices}
          visible={columnSettings.visible}
          onToggle={columnSettings.setShown}
          onReset={columnSettings.reset}
          pageSize={pageSize}
          onPageSize={setPageSize}
          testId="assets-columns"
        />
      </div>
      <AssetList
        label={t('asset.ledgerTitle')}
        items={items}
        sort={sort}
        onSort={(s) => set({ sort: s?.key, order: s && s.order === 'desc' ? 'desc' : undefined })}
        visibleColumns={columnSettings.visible}
        loading={list.isPending}
        hasMore={list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
      />
    </>
  );

  return (
    <>
      <PageHeader
        title={t('asset.ledgerTitle')}
        extra={
          projectId ? (
            <>
              {manager ? (
                <Button
                  type="primary"
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => setCreating(true)}
                  data-testid="asset-new"
                >
                  {t('asset.new')}
                </Button>
              ) : null}
              {manager ? (
                <Button
                  icon={<ImportOutlined aria-hidden />}
                  onClick={() => setImporting(true)}
                  data-testid="asset-import"
                >
                  {t('assetImport.button')}
                </Button>
              ) : null}
              <Button
                href={ledgerXlsxUrl(projectId)}
                download
                icon={<FileExcelOutlined aria-hidden />}
                data-testid="asset-export"
              >
                {t('asset.export')}
              </Button>
            </>
          ) : null
        }
      />
      <div role="search" aria-label={t('filter.project')} style={{ marginBottom: 12 }}>
        <ProjectPicker
          value={projectId}
          onChange={setProjectId}
          projects={projects}
          loading={loading}
          testId="assets-project"
        />
      </div>
      {!projectId ? (
        <Empty description={<span className="muted">{t('common.chooseProjectFirst')}</span>} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => set({ tab: k === 'ledger' ? undefined : k })}
          items={[
            {
              key: 'ledger',
              label: <span data-testid="assets-tab-ledger">{t('asset.tab.ledger')}</span>,
              children: ledger,
            },
            {
              key: 'acceptances',
              label: <span data-testid="assets-tab-acceptances">{t('asset.tab.acceptances')}</span>,
              children: <AcceptancesCard projectId={projectId} editable={manager} />,
            },
          ]}
          destroyOnHidden
        />
      )}
      {creating && projectId ? <AssetFormModal projectId={projectId} onClose={() => setCreating(false)} /> : null}
      {importing && projectId ? <ImportModal projectId={projectId} onClose={() => setImporting(false)} /> : null}
    </>
  );
}
