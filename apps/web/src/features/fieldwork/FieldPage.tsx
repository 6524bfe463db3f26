import { Card, Col, Row, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SiteVisit } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { useCurrentUser } from '../auth/useMe';
import { beijingDay, useCurrentVisit, useSiteVisits } from './api';
import { CheckInForm } from './CheckInForm';
import { CurrentVisitCard } from './CurrentVisitCard';
import { VisitList } from './VisitList';

const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/** 现场签到 (phone first): the open visit with its check-out button, or the check-in form; then today's visits. */
export default function FieldPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const current = useCurrentVisit();
  const today = useSiteVisits({ engineerId: me.id, day: beijingDay() });
  // Visits left open on an earlier day are not in today's list: show them too, flagged.
  const open = useSiteVisits({ engineerId: me.id, open: true });
  const byId = new Map<string, SiteVisit>();
  for (const v of [...(open.data?.items ?? []), ...(today.data?.items ?? [])]) byId.set(v.id, v);
  const visits = [...byId.values()].sort((a, b) => b.checkedInAt - a.checkedInAt);

  return (
    <>
      <PageHeader title={t('field.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          {current.isPending ? (
            <Spin style={{ display: 'block', margin: 48 }} />
          ) : current.data ? (
            <CurrentVisitCard visit={current.data} photoVersion={current.dataUpdatedAt} />
          ) : (
            <CheckInForm />
          )}
        </Col>
        <Col xs={24} lg={14}>
          <Card title={h2(t('field.todayTitle'))} size="small" data-testid="today-visits">
            <VisitList visits={visits} label={t('field.todayTitle')} loading={today.isPending} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
