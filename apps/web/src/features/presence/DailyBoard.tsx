import { Alert, Card, Space, Spin, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DailyPresence, DailyPresenceEngineer, ResidentPlan } from '../../api/types';
import { formatDuration, formatTime } from '../../components/format';
import { ResponsiveList } from '../../components/ResponsiveList';
import { useDailyPresence } from './api';
import { PresenceStatusTag } from './PresenceTags';

const time = formatTime;

/** The plan in one line: hours, grace and the committed headcount. */
export function PlanLine({ plan }: { plan: ResidentPlan | undefined }) {
  const { t } = useTranslation();
  if (!plan) return null;
  return (
    <div className="muted" data-testid="presence-plan-line">
      {t('presence.planLine', {
        start: plan.start,
        end: plan.end,
        grace: plan.lateGraceMin,
        headcount: plan.headcount,
      })}
    </div>
  );
}

/** "在岗 N / 应到 M", red with an alert when fewer than the committed headcount are on site. */
function Summary({ d, plan }: { d: DailyPresence; plan: ResidentPlan | undefined }) {
  const { t } = useTranslation();
  return (
    <div data-testid="presence-summary" data-below={String(d.belowHeadcount)} data-workday={String(d.workday)}>
      <Space wrap align="center" size={12}>
        <span className={`presence-big${d.belowHeadcount ? ' danger-text' : ''}`} data-testid="presence-count">
          {t('presence.presentOfRequired', { present: d.present, required: d.required })}
        </span>
        {!d.workday ? (
          <Tag data-testid="presence-offday">{t('presence.offDay')}</Tag>
        ) : d.belowHeadcount ? null : (
          <Tag color="#237804" data-testid="presence-ok">
            {t('presence.headcountMet')}
          </Tag>
        )}
      </Space>
      <PlanLine plan={plan} />
      {d.belowHeadcount ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          message={t('presence.below')}
          description={t('presence.belowHelp', { missing: Math.max(d.required - d.present, 0) })}
          data-testid="presence-below"
        />
      ) : null}
    </div>
  );
}

/** 日考勤: the summary and each engineer's status, first check-in and last check-out. */
export function DailyBoard({
  projectId,
  day,
  plan,
}: {
  projectId: string;
  day: string;
  plan: ResidentPlan | undefined;
}) {
  const { t } = useTranslation();
  const q = useDailyPresence(projectId, day);
  const d = q.data;

  const late = (e: DailyPresenceEngineer) =>
    e.status === 'late' ? t('presence.minutesLate', { time: formatDuration(e.minutesLate * 60_000) }) : '—';
  const onSite = (e: DailyPresenceEngineer) => (e.minutesOnSite > 0 ? formatDuration(e.minutesOnSite * 60_000) : '—');
  const name = (e: DailyPresenceEngineer) => (
    <Space size={4} wrap>
      <strong data-testid="presence-name">{e.name}</strong>
      {e.openVisit ? (
        <Tag color="processing" icon={<EnvironmentOutlined aria-hidden />} data-testid="presence-open">
          {t('presence.onSiteNow')}
        </Tag>
      ) : null}
      {/* Only rostered engineers on site for the plan's minimum count toward the headcount. */}
      {e.status === 'extra' ? (
        <Tag data-testid="presence-not-counted">{t('presence.extraNotCounted')}</Tag>
      ) : e.status !== 'absent' && !e.counted ? (
        // A neutral tag: the warning colours fall below 4.5:1 on the board's tinted rows.
        <Tag data-testid="presence-not-counted">{t('presence.shortVisit')}</Tag>
      ) : null}
    </Space>
  );
  const columns: ColumnsType<DailyPresenceEngineer> = [
    { title: t('presence.engineer'), key: 'name', render: (_, e) => name(e) },
    {
      title: t('presence.statusLabel'),
      key: 'status',
      render: (_, e) => <PresenceStatusTag status={e.status} />,
      width: 110,
    },
    { title: t('presence.firstIn'), key: 'in', render: (_, e) => time(e.firstIn), width: 100 },
    { title: t('presence.lastOut'), key: 'out', render: (_, e) => time(e.lastOut), width: 100 },
    { title: t('presence.late'), key: 'late', render: (_, e) => late(e), width: 110 },
    { title: t('presence.onSiteTime'), key: 'onsite', render: (_, e) => onSite(e), width: 130 },
  ];
  const card = (e: DailyPresenceEngineer) => (
    <Card size="small" className="ticket-card full-width">
      <Space wrap size={4} style={{ marginBottom: 4 }}>
        <PresenceStatusTag status={e.status} />
        {name(e)}
      </Space>
      <div className="muted">
        {t('presence.firstIn')} {time(e.firstIn)} · {t('presence.lastOut')} {time(e.lastOut)}
      </div>
      <div className="muted">
        {e.status === 'late' ? `${late(e)} · ` : ''}
        {t('presence.onSiteTime')} {onSite(e)}
      </div>
    </Card>
  );

  return (
    <div className="stack" data-testid="presence-daily" data-day={day}>
      <Card size="small">{d ? <Summary d={d} plan={plan} /> : <Spin />}</Card>
      <Card size="small" title={<h2 className="card-h2">{t('presence.engineersTitle')}</h2>}>
        <ResponsiveList<DailyPresenceEngineer>
          items={d?.engineers ?? []}
          columns={columns}
          rowKey={(e) => e.userId}
          renderCard={card}
          rowTestId="presence-row"
          label={t('presence.engineersTitle')}
          loading={q.isPending}
          emptyText={t('presence.noEngineers')}
        />
      </Card>
    </div>
  );
}
