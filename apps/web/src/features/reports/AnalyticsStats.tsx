import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Analytics } from './api';
import { pctText } from './format';
import { formatDuration } from '../../components/format';

/** The headline numbers of 运营分析; a rate with nothing behind it reads 无数据, never 100 %. */
export function AnalyticsStats({ a }: { a: Analytics }) {
  const { t } = useTranslation();
  const cards: { key: string; title: string; value: string | number; help?: string; danger?: boolean; raw: string }[] =
    [
      { key: 'received', title: t('reports.analytics.received'), value: a.received, raw: String(a.received) },
      { key: 'resolved', title: t('reports.analytics.resolved'), value: a.resolved, raw: String(a.resolved) },
      {
        key: 'mttr',
        title: t('reports.analytics.mttr'),
        value: a.mttrMin === null ? t('reports.noData') : formatDuration(a.mttrMin * 60_000),
        help: t('reports.analytics.mttrHelp'),
        raw: a.mttrMin === null ? '' : String(a.mttrMin),
      },
      { key: 'open', title: t('reports.analytics.open'), value: a.backlog.open, raw: String(a.backlog.open) },
      {
        key: 'breached',
        title: t('reports.analytics.breachedOpen'),
        value: a.backlog.breached,
        danger: a.backlog.breached > 0,
        raw: String(a.backlog.breached),
      },
      {
        key: 'satisfaction',
        title: t('reports.analytics.satisfaction'),
        value: pctText(t, a.satisfaction.pct),
        raw: a.satisfaction.pct === null ? '' : String(a.satisfaction.pct),
        help: t('reports.analytics.satisfactionHelp', {
          satisfied: a.satisfaction.satisfied,
          rated: a.satisfaction.rated,
        }),
      },
      {
        key: 'presence',
        title: t('reports.analytics.presence'),
        value: pctText(t, a.presence.pct),
        raw: a.presence.pct === null ? '' : String(a.presence.pct),
        help: t('reports.analytics.presenceHelp', { below: a.presence.belowHeadcount, workdays: a.presence.workdays }),
      },
      {
        key: 'inspections',
        title: t('reports.analytics.inspections'),
        value: pctText(t, a.inspections.pct),
        raw: a.inspections.pct === null ? '' : String(a.inspections.pct),
        help: t('reports.analytics.inspectionsHelp', {
          done: a.inspections.done,
          planned: a.inspections.planned,
          overdue: a.inspections.overdue,
        }),
      },
      {
        key: 'training',
        title: t('reports.analytics.training'),
        value: pctText(t, a.training.pct),
        raw: a.training.pct === null ? '' : String(a.training.pct),
        help: t('reports.analytics.trainingHelp', {
          independent: a.training.independent,
          trainees: a.training.trainees,
        }),
      },
    ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={6} xxl={4}>
          <Card size="small" style={{ height: '100%' }} data-testid={`analytics-${c.key}`} data-value={c.raw}>
            <Statistic
              className="report-stat"
              title={c.title}
              value={c.value}
              valueStyle={c.danger ? { color: '#cf1322' } : undefined}
            />
            {c.help ? (
              <div className="muted" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
                {c.help}
              </div>
            ) : null}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
