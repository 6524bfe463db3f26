import { useMemo } from 'react';
import { Card, Col, Row, Segmented, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useProjects } from '../../api/queries';
import type { InspectionDueItem } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { ResponsiveList } from '../../components/ResponsiveList';
import { assetPath, useAssetList, useInspectionsDue, type AssetFilter, type InspectionFilter } from './api';
import { AssetList } from './AssetList';
import { WarrantyTag } from './AssetTags';
import { useUrlState } from '../../components/useUrlState';
import { SearchSelect } from '../../components/SearchSelect';

const WINDOWS = [7, 30, 90] as const;
const INSPECTION_TABS = ['overdue', 'due_within'] as const;
type InspectionTab = (typeof INSPECTION_TABS)[number];
const h2 = (text: string) => <h2 className="card-h2">{text}</h2>;

/** Annual inspections overdue or due soon, each with its asset. */
function InspectionDueList({ filter }: { filter: InspectionFilter }) {
  const { t } = useTranslation();
  const q = useInspectionsDue(filter);
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const link = (i: InspectionDueItem) => (
    <Link to={assetPath(i.asset.id)} data-testid="asset-link" style={{ overflowWrap: 'anywhere' }}>
      {i.asset.name}
    </Link>
  );
  const when = (i: InspectionDueItem) =>
    i.daysOverdue > 0 ? (
      <span className="danger-text">{t('inspection.overdueN', { n: i.daysOverdue })}</span>
    ) : (
      <span>{t('inspection.dueIn', { date: i.dueOn })}</span>
    );
  const columns: ColumnsType<InspectionDueItem> = [
    { title: t('asset.name'), key: 'name', render: (_, i) => link(i), width: 180 },
    { title: t('asset.serial'), key: 'serial', render: (_, i) => i.asset.serial, width: 150 },
    { title: t('asset.project'), key: 'project', render: (_, i) => i.asset.projectName, ellipsis: true },
    { title: t('inspection.year'), key: 'year', dataIndex: 'year', width: 70 },
    { title: t('inspection.dueOn'), key: 'due', dataIndex: 'dueOn', width: 110 },
    { title: t('inspection.statusLabel'), key: 'when', render: (_, i) => when(i), width: 130 },
  ];
  return (
    <ResponsiveList<InspectionDueItem>
      items={items}
      columns={columns}
      rowKey={(i) => `${i.asset.id}-${i.year}`}
      rowTestId="inspection-due-row"
      label={t('inspection.dueTitle')}
      emptyText={t('inspection.noneDue')}
      loading={q.isPending}
      hasMore={q.hasNextPage}
      loadingMore={q.isFetchingNextPage}
      onLoadMore={() => void q.fetchNextPage()}
      renderCard={(i) => (
        <Card size="small" className="ticket-card full-width">
          <Space wrap size={6}>
            {link(i)}
            <WarrantyTag status={i.asset.warrantyStatus} />
          </Space>
          <div className="muted" style={{ overflowWrap: 'anywhere' }}>
            {i.asset.serial} · {i.asset.projectName}
          </div>
          <div>
            {t('inspection.yearN', { n: i.year })} · {t('inspection.dueOn')}: {i.dueOn} · {when(i)}
          </div>
        </Card>
      )}
    />
  );
}

/**
 * 保修提醒: items whose warranty ends within 7 / 30 / 90 days, soonest first, and the annual
 * inspections (R5) that are overdue or due within 30 days. Optionally for one project.
 */
export default function WarrantyPage() {
  const { t } = useTranslation();
  const [params, set] = useUrlState();
  const { data: projects = [], isPending } = useProjects();
  const asked = Number(params.get('days'));
  const days = (WINDOWS as readonly number[]).includes(asked) ? asked : 90;
  const inspTab: InspectionTab = params.get('inspections') === 'due_within' ? 'due_within' : 'overdue';
  const projectId = params.get('projectId') ?? undefined;
  const assetFilter = useMemo<AssetFilter>(
    () => ({ projectId, sort: 'warranty_end', endingWithinDays: days, state: 'in_service' }),
    [projectId, days],
  );
  const inspFilter = useMemo<InspectionFilter>(() => ({ projectId, status: inspTab, days: 30 }), [projectId, inspTab]);
  const ending = useAssetList(assetFilter);
  const items = ending.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader title={t('warranty.title')} />
      {projects.length > 1 ? (
        <div role="search" aria-label={t('filter.project')} style={{ marginBottom: 12 }}>
          <SearchSelect
            allowClear
            className="project-picker"
            aria-label={t('filter.project')}
            placeholder={t('warranty.allProjects')}
            loading={isPending}
            value={projectId}
            onChange={(v?: string) => set({ projectId: v })}
            options={projects.map((p) => ({ value: p.id, label: `${p.name} (${p.customerName})` }))}
            data-testid="warranty-project"
          />
        </div>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card size="small" title={h2(t('warranty.endingTitle'))}>
            <Segmented
              aria-label={t('warranty.window')}
              value={days}
              onChange={(v) => set({ days: String(v) })}
              options={WINDOWS.map((d) => ({
                value: d,
                label: <span data-testid={`warranty-days-${d}`}>{t('warranty.withinN', { n: d })}</span>,
              }))}
              style={{ marginBottom: 12 }}
            />
            <div data-testid="warranty-ending" data-days={days}>
              <AssetList
                showProject
                label={t('warranty.endingTitle')}
                items={items}
                loading={ending.isPending}
                hasMore={ending.hasNextPage}
                loadingMore={ending.isFetchingNextPage}
                onLoadMore={() => void ending.fetchNextPage()}
                emptyText={t('warranty.noneEnding', { n: days })}
              />
            </div>
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={h2(t('inspection.dueTitle'))}>
            <Segmented
              aria-label={t('inspection.dueTitle')}
              value={inspTab}
              onChange={(v) => set({ inspections: v === 'overdue' ? undefined : String(v) })}
              options={INSPECTION_TABS.map((k) => ({
                value: k,
                label: <span data-testid={`inspection-tab-${k}`}>{t(`inspection.tab.${k}`)}</span>,
              }))}
              style={{ marginBottom: 12 }}
            />
            <div data-testid="inspections-due" data-status={inspTab}>
              <InspectionDueList filter={inspFilter} />
            </div>
          </Card>
        </Col>
      </Row>
    </>
  );
}
