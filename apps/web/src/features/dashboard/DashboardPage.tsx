import { lazy, Suspense, type ReactNode } from 'react';
import { Card, Col, Row, Spin, Statistic } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Dashboard } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { TicketList } from '../tickets/TicketList';
import { HolidayHorizonAlert } from '../holidays/HolidayHorizonAlert';
import type { Datum } from './Charts';

const LevelBarChart = lazy(() => import('./Charts').then((m) => ({ default: m.LevelBarChart })));
const StatusPieChart = lazy(() => import('./Charts').then((m) => ({ default: m.StatusPieChart })));

const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/**
 * A chart is a canvas: give it a text alternative listing the same numbers (role="img" + label),
 * so screen-reader users get the data too.
 */
function ChartBox({ label, data, children }: { label: string; data: Datum[]; children: ReactNode }) {
  const alt = `${label}: ${data.map((d) => `${d.name} ${d.value}`).join(', ')}`;
  return (
    <div className="chart-box" role="img" aria-label={alt}>
      <Suspense fallback={<Spin />}>{children}</Suspense>
    </div>
  );
}

/** Provider staff landing page: today's numbers, open tickets by level and status, at-risk list. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const { data, isPending } = useQuery({
    queryKey: ['dashboard'],
    queryFn: () => api<Dashboard>('/dashboard'),
    refetchInterval: 30_000,
  });

  const cards = [
    { key: 'open', title: t('dashboard.openTotal'), value: data?.openTotal },
    { key: 'created', title: t('dashboard.createdToday'), value: data?.createdToday },
    { key: 'resolved', title: t('dashboard.resolvedToday'), value: data?.resolvedToday },
    { key: 'breached', title: t('dashboard.breachedOpen'), value: data?.breachedOpen, danger: true },
  ];
  const byLevel: Datum[] = (data?.byLevel ?? []).map((x) => ({
    key: String(x.level),
    name: t(`level.short.${x.level}`),
    value: x.count,
  }));
  const byStatus: Datum[] = (data?.byStatus ?? []).map((x) => ({
    key: x.status,
    name: t(`status.${x.status}`),
    value: x.count,
  }));

  return (
    <>
      <PageHeader title={t('nav.dashboard')} />
      <HolidayHorizonAlert warnings={data?.holidayHorizon ?? []} enterLink />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {cards.map((c) => (
          <Col key={c.key} xs={12} lg={6}>
            <Card size="small" data-testid={`stat-${c.key}`}>
              <Statistic
                title={c.title}
                value={c.value ?? '—'}
                loading={isPending}
                valueStyle={c.danger && (c.value ?? 0) > 0 ? { color: '#cf1322' } : undefined}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title={h2(t('dashboard.byLevel'))}>
            <ChartBox label={t('dashboard.byLevel')} data={byLevel}>
              <LevelBarChart data={byLevel} />
            </ChartBox>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={h2(t('dashboard.byStatus'))}>
            <ChartBox label={t('dashboard.byStatus')} data={byStatus}>
              <StatusPieChart data={byStatus} />
            </ChartBox>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={h2(t('dashboard.atRisk'))}>
        <TicketList label={t('dashboard.atRisk')} items={data?.atRisk ?? []} loading={isPending} />
      </Card>
    </>
  );
}
