import { lazy, Suspense } from 'react';
import { Button, Card, Col, Empty, Row, Space, Spin, Statistic, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileExcelOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MonthlyPresence, MonthlyPresenceEngineer } from '../../api/types';
import { ResponsiveList } from '../../components/ResponsiveList';
import { monthlyXlsxUrl, useMonthlyPresence } from './api';

const PresenceChart = lazy(() => import('./PresenceChart'));

/** The chart is a canvas: its text alternative lists the same numbers, day by day. */
function ChartBox({ data }: { data: MonthlyPresence }) {
  const { t } = useTranslation();
  const days = data.days
    .filter((d) => d.workday)
    .map((d) => t('presence.chartDay', { day: Number(d.day.slice(8)), n: d.present }));
  const alt = `${t('presence.chartTitle')} (${t('presence.requiredLine')} ${data.required}): ${days.join(t('record.listSep')) || t('presence.noWorkdays')}`;
  return (
    <div className="chart-box" role="img" aria-label={alt} data-testid="presence-chart">
      <Suspense fallback={<Spin />}>
        <PresenceChart
          data={data}
          presentLabel={t('presence.presentCount')}
          requiredLabel={t('presence.requiredLine')}
        />
      </Suspense>
    </div>
  );
}

/** 月统计: the chart, the days below the committed headcount and each engineer's month. */
export function MonthView({ projectId, month, canExport }: { projectId: string; month: string; canExport: boolean }) {
  const { t } = useTranslation();
  const q = useMonthlyPresence(projectId, month);
  const m = q.data;
  const columns: ColumnsType<MonthlyPresenceEngineer> = [
    { title: t('presence.engineer'), key: 'name', render: (_, e) => <strong>{e.name}</strong> },
    { title: t('presence.presentDays'), key: 'present', dataIndex: 'presentDays', width: 110 },
    { title: t('presence.lateDays'), key: 'late', dataIndex: 'lateDays', width: 110 },
    { title: t('presence.absentDays'), key: 'absent', dataIndex: 'absentDays', width: 110 },
    { title: t('presence.hoursOnSite'), key: 'hours', render: (_, e) => e.hoursOnSite.toFixed(1), width: 130 },
  ];
  const card = (e: MonthlyPresenceEngineer) => (
    <Card size="small" className="ticket-card full-width">
      <strong>{e.name}</strong>
      <div className="muted">
        {t('presence.monthLine', {
          present: e.presentDays,
          late: e.lateDays,
          absent: e.absentDays,
          hours: e.hoursOnSite.toFixed(1),
        })}
      </div>
    </Card>
  );

  if (!m) return <Spin style={{ display: 'block', margin: 48 }} />;
  const stats = [
    { key: 'workdays', title: t('presence.workdays'), value: m.workdays },
    { key: 'required', title: t('presence.requiredLine'), value: m.required },
    {
      key: 'below',
      title: t('presence.daysBelow'),
      value: m.daysBelowHeadcount.length,
      danger: m.daysBelowHeadcount.length > 0,
    },
  ];
  return (
    <div className="stack" data-testid="presence-monthly" data-month={m.month}>
      <Row gutter={[12, 12]}>
        {stats.map((s) => (
          <Col key={s.key} xs={8}>
            <Card size="small" data-testid={`presence-stat-${s.key}`}>
              <Statistic title={s.title} value={s.value} valueStyle={s.danger ? { color: '#cf1322' } : undefined} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        size="small"
        title={<h2 className="card-h2">{t('presence.chartTitle')}</h2>}
        extra={
          canExport ? (
            <Button
              href={monthlyXlsxUrl(projectId, month)}
              download
              icon={<FileExcelOutlined aria-hidden />}
              data-testid="presence-export"
            >
              {t('presence.export')}
            </Button>
          ) : null
        }
      >
        <ChartBox data={m} />
      </Card>
      <Card size="small" title={<h2 className="card-h2">{t('presence.daysBelowTitle')}</h2>}>
        {m.daysBelowHeadcount.length ? (
          <Space wrap size={[4, 8]} data-testid="presence-days-below">
            {m.daysBelowHeadcount.map((d) => (
              <Tag key={d} color="#a8071a" data-testid="presence-day-below">
                {d}
              </Tag>
            ))}
          </Space>
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={<span className="muted">{t('presence.noDaysBelow')}</span>}
          />
        )}
      </Card>
      <Card size="small" title={<h2 className="card-h2">{t('presence.monthEngineers')}</h2>}>
        <ResponsiveList<MonthlyPresenceEngineer>
          items={m.engineers}
          columns={columns}
          rowKey={(e) => e.userId}
          renderCard={card}
          rowTestId="presence-month-row"
          label={t('presence.monthEngineers')}
          emptyText={t('presence.noEngineers')}
        />
      </Card>
    </div>
  );
}
