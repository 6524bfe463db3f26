import { useMemo } from 'react';
import { Alert, Col, Empty, Radio, Row, Spin } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useCustomers, useProjects } from '../../api/queries';
import type { ClockKind, FaultLevel } from '../../api/types';
import { LEVEL_COLOR } from '../../app/theme';
import { isProviderStaff } from '../../app/roles';
import { PageHeader } from '../../components/PageHeader';
import { useUrlState } from '../../components/useUrlState';
import { useCurrentUser } from '../auth/useMe';
import { type Analytics, beijingDayStart, isDay, useAnalytics } from './api';
import { AnalyticsStats } from './AnalyticsStats';
import { ChartCard, type SummaryTable } from './ChartCard';
import type { ChartProps } from './Charts';
import { pctText } from './format';
import { ticketDrillPath } from './links';
import './reports.css';
import { DateField } from '../../components/DateField';
import { CLOCK_KINDS, FAULT_LEVELS } from '@weibao/schema/enum-values';
import { SearchSelect } from '../../components/SearchSelect';

const CLOCKS = CLOCK_KINDS;
export const CLOCK_COLOR: Record<ClockKind, string> = {
  response: '#1677ff',
  arrival: '#d46b08',
  resolution: '#389e0d',
};
const LEVELS: (FaultLevel | null)[] = [null, 1, 2, 3, 4];
const AGES = ['lt1d', 'd1to3', 'd3to7', 'gt7d'] as const;

function trendOf(a: Analytics, by: 'week' | 'month', t: TFunction): { chart: ChartProps; table: SummaryTable } {
  const rows =
    by === 'week'
      ? a.trend.weeks.map((w) => ({ ...w, period: w.start }))
      : a.trend.months.map((m) => ({ ...m, period: m.month }));
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const find = (p: string, k: ClockKind) => rows.find((r) => r.period === p && r.kind === k);
  return {
    chart: {
      kind: 'line',
      percent: true,
      categories: periods.map((p) => (by === 'week' ? p.slice(5) : p)),
      series: CLOCKS.map((k) => ({
        name: t(`clock.kind.${k}`),
        color: CLOCK_COLOR[k],
        data: periods.map((p) => find(p, k)?.pct ?? null),
      })),
    },
    table: {
      head: [
        t(by === 'week' ? 'reports.analytics.weekOf' : 'reports.analytics.month'),
        ...CLOCKS.map((k) => t(`clock.kind.${k}`)),
      ],
      rows: periods.map((p) => ({ key: p, cells: [p, ...CLOCKS.map((k) => pctText(t, find(p, k)?.pct))] })),
    },
  };
}

/** 运营分析: on-time rates, trends, backlog and breaches of the projects the user can see. */
export default function AnalyticsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const staff = isProviderStaff(me);
  const [params, set] = useUrlState();
  const { data: projects = [], isPending: projectsLoading } = useProjects();
  const { customers } = useCustomers();
  const customerId = staff ? (params.get('customerId') ?? undefined) : undefined;
  const projectParam = params.get('projectId') ?? undefined;
  const projectId = projects.some((p) => p.id === projectParam) ? projectParam : undefined;
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const trendBy = params.get('trend') === 'month' ? 'month' : 'week';
  const query = {
    customerId,
    projectId,
    from: isDay(from) ? from : undefined,
    to: isDay(to) ? to : undefined,
  };
  const q = useAnalytics(query);
  const a = q.data;
  // Drill-down to tickets needs one project (the clocks are indexed by project).
  const drillProject = projectId ?? (a?.projectIds.length === 1 ? a.projectIds[0] : undefined);
  const period = a ? { from: beijingDayStart(a.from), to: beijingDayStart(a.to) + 86_400_000 } : null;
  const drill = (kind: ClockKind, level: FaultLevel | null) =>
    drillProject && period
      ? ticketDrillPath(me, { projectId: drillProject, clock: kind, outcome: 'breached', level, ...period })
      : null;

  const levelName = (l: FaultLevel | null) => (l === null ? t('reports.analytics.allLevels') : t(`level.short.${l}`));
  const charts = useMemo(() => {
    if (!a) return null;
    const rate = (k: ClockKind, l: FaultLevel | null) => a.onTime.find((r) => r.kind === k && r.level === l);
    const onTime: { chart: ChartProps; table: SummaryTable } = {
      chart: {
        kind: 'bar',
        percent: true,
        categories: LEVELS.map(levelName),
        series: CLOCKS.map((k) => ({
          name: t(`clock.kind.${k}`),
          color: CLOCK_COLOR[k],
          data: LEVELS.map((l) => rate(k, l)?.pct ?? null),
        })),
      },
      table: {
        head: [t('reports.analytics.level'), ...CLOCKS.map((k) => t(`clock.kind.${k}`))],
        rows: LEVELS.map((l) => ({
          key: String(l ?? 'all'),
          cells: [
            levelName(l),
            ...CLOCKS.map((k) => {
              const r = rate(k, l);
              const to = r && r.breached > 0 ? drill(k, l) : null;
              return (
                <span data-testid={`ontime-${k}-${l ?? 'all'}`} data-pct={r?.pct ?? ''}>
                  <strong>{pctText(t, r?.pct)}</strong>
                  {r ? (
                    <span className="muted">
                      {' '}
                      {t('reports.analytics.metOf', { met: r.met, total: r.met + r.breached })}
                    </span>
                  ) : null}
                  {to ? (
                    <>
                      {' '}
                      ·{' '}
                      <Link to={to} data-testid="ontime-drill">
                        {t('reports.analytics.breachedN', { n: r!.breached })}
                      </Link>
                    </>
                  ) : null}
                </span>
              );
            }),
          ],
        })),
      },
    };
    const age = {
      chart: {
        kind: 'bar',
        categories: AGES.map((b) => t(`reports.age.${b}`)),
        series: [
          {
            name: t('reports.analytics.count'),
            color: '#1677ff',
            data: AGES.map((b) => a.backlog.byAge.find((x) => x.bucket === b)?.count ?? 0),
          },
        ],
      },
      table: {
        head: [t('reports.analytics.age'), t('reports.analytics.count')],
        rows: AGES.map((b) => ({
          key: b,
          cells: [t(`reports.age.${b}`), a.backlog.byAge.find((x) => x.bucket === b)?.count ?? 0],
        })),
      },
    } satisfies { chart: ChartProps; table: SummaryTable };
    const byLevel = {
      chart: {
        kind: 'bar',
        categories: FAULT_LEVELS.map((l) => t(`level.short.${l}`)),
        series: FAULT_LEVELS.map((l, i) => ({
          name: t(`level.short.${l}`),
          color: LEVEL_COLOR[l] ?? '#595959',
          stack: 'x',
          data: [0, 1, 2, 3].map((j) => (j === i ? (a.backlog.byLevel.find((x) => x.level === l)?.count ?? 0) : null)),
        })),
      },
      table: {
        head: [t('reports.analytics.level'), t('reports.analytics.count')],
        rows: FAULT_LEVELS.map((l) => ({
          key: String(l),
          cells: [t(`level.short.${l}`), a.backlog.byLevel.find((x) => x.level === l)?.count ?? 0],
        })),
      },
    } satisfies { chart: ChartProps; table: SummaryTable };
    const causes = [...new Set(a.breachesByCause.map((x) => x.cause))];
    const count = (c: string, k: ClockKind) => a.breachesByCause.find((x) => x.cause === c && x.kind === k)?.count ?? 0;
    const causeName = (c: string) => (c === 'none' ? t('reports.causeNone') : t(`faultCause.${c}`));
    const cause = {
      chart: {
        kind: 'bar',
        categories: causes.map(causeName),
        series: CLOCKS.map((k) => ({
          name: t(`clock.kind.${k}`),
          color: CLOCK_COLOR[k],
          stack: 'c',
          data: causes.map((c) => count(c, k)),
        })),
      },
      table: {
        head: [t('reports.analytics.cause'), ...CLOCKS.map((k) => t(`clock.kind.${k}`))],
        rows: causes.map((c) => ({ key: c, cells: [causeName(c), ...CLOCKS.map((k) => count(c, k))] })),
      },
    } satisfies { chart: ChartProps; table: SummaryTable };
    return { onTime, age, byLevel, cause, trend: trendOf(a, trendBy, t) };
    // `drill` and `levelName` are rebuilt on every render from the values listed here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [a, t, trendBy, drillProject, period?.from, period?.to]);

  const onBarClick = (seriesIndex: number, dataIndex: number) => {
    const path = drill(CLOCKS[seriesIndex]!, LEVELS[dataIndex] ?? null);
    if (path) navigate(path);
  };
  const shownProjects = projects.filter((p) => !customerId || p.customerId === customerId);
  const dateField = (id: 'from' | 'to', value: string) => (
    <div className="report-field report-field-narrow">
      <label htmlFor={`analytics-${id}`} className="muted">
        {t(`reports.analytics.${id}`)}
      </label>
      <DateField
        id={`analytics-${id}`}
        value={value}
        onChange={(v) => set({ [id]: v })}
        data-testid={`analytics-${id}`}
      />
    </div>
  );

  return (
    <>
      <PageHeader title={t('reports.analytics.title')} />
      <div role="search" aria-label={t('filter.title')} className="report-filters">
        {staff ? (
          <div className="report-field">
            <label htmlFor="analytics-customer" className="muted">
              {t('filter.customer')}
            </label>
            <SearchSelect
              id="analytics-customer"
              allowClear
              placeholder={t('reports.analytics.allCustomers')}
              value={customerId}
              onChange={(c?: string) => set({ customerId: c, projectId: undefined })}
              options={customers.map((c) => ({ value: c.id, label: c.name }))}
              data-testid="analytics-customer"
            />
          </div>
        ) : null}
        <div className="report-field">
          <label htmlFor="analytics-project" className="muted">
            {t('filter.project')}
          </label>
          <SearchSelect
            id="analytics-project"
            allowClear
            placeholder={t('reports.analytics.allProjects')}
            loading={projectsLoading}
            value={projectId}
            onChange={(p?: string) => set({ projectId: p })}
            options={shownProjects.map((p) => ({ value: p.id, label: `${p.name} (${p.customerName})` }))}
            data-testid="analytics-project"
          />
        </div>
        {dateField('from', from || a?.from || '')}
        {dateField('to', to || a?.to || '')}
      </div>
      {isDay(from) && isDay(to) && from > to ? (
        <Alert type="warning" showIcon message={t('reports.analytics.badPeriod')} style={{ marginBottom: 12 }} />
      ) : null}
      {q.isPending ? (
        <Spin style={{ display: 'block', margin: 48 }} />
      ) : !a || !charts ? (
        q.error ? (
          <Alert type="error" showIcon message={t('error.loadFailed')} />
        ) : (
          <Empty />
        )
      ) : (
        <div data-testid="analytics" data-from={a.from} data-to={a.to} data-projects={a.projectIds.length}>
          <p className="muted" style={{ marginTop: 0 }} data-testid="analytics-period">
            {t('reports.analytics.period', { from: a.from, to: a.to, n: a.projectIds.length })}
          </p>
          <AnalyticsStats a={a} />
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={12}>
              <ChartCard
                testId="chart-ontime"
                title={t('reports.analytics.onTime')}
                showTable
                chart={{ ...charts.onTime.chart, onBarClick: drillProject ? onBarClick : undefined }}
                table={charts.onTime.table}
              />
            </Col>
            <Col xs={24} xl={12}>
              <ChartCard
                testId="chart-trend"
                title={t('reports.analytics.trend')}
                chart={charts.trend.chart}
                table={charts.trend.table}
                extra={
                  <div role="radiogroup" aria-label={t('reports.analytics.trendBy')}>
                    <Radio.Group
                      size="small"
                      optionType="button"
                      value={trendBy}
                      onChange={(e) => set({ trend: e.target.value === 'month' ? 'month' : undefined })}
                      data-testid="trend-by"
                      options={[
                        { value: 'week', label: t('reports.analytics.byWeek') },
                        { value: 'month', label: t('reports.analytics.byMonth') },
                      ]}
                    />
                  </div>
                }
              />
            </Col>
            <Col xs={24} md={12} xl={8}>
              <ChartCard
                testId="chart-age"
                title={t('reports.analytics.backlogByAge', { n: a.backlog.open })}
                chart={charts.age.chart}
                table={charts.age.table}
              />
            </Col>
            <Col xs={24} md={12} xl={8}>
              <ChartCard
                testId="chart-level"
                title={t('reports.analytics.backlogByLevel')}
                chart={charts.byLevel.chart}
                table={charts.byLevel.table}
              />
            </Col>
            <Col xs={24} xl={8}>
              <ChartCard
                testId="chart-cause"
                title={t('reports.analytics.breachesByCause')}
                chart={charts.cause.chart}
                table={charts.cause.table}
              />
            </Col>
          </Row>
        </div>
      )}
    </>
  );
}
