import type { ReactNode } from 'react';
import { Card, List, Space } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { hasRole } from '../../app/roles';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useCurrentUser } from '../auth/useMe';
import { beijingDay, useCurrentVisit, useSiteVisits } from '../fieldwork/api';
import { useTasks } from '../inspections/api';
import { StateTag } from '../inspections/StateTag';
import { useRecordList } from '../records/api';
import { RecordList } from '../records/RecordList';
import { useTicketList } from '../tickets/api';
import { TicketList } from '../tickets/TicketList';
import { badgeText, useBadges } from './api';

/** A titled block of the page with a link to the full list. */
function Section({
  id,
  title,
  count,
  more,
  children,
}: {
  id: string;
  title: string;
  count?: number;
  more?: { to: string; label: string };
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`work-${id}-title`} data-testid={`work-${id}`} style={{ marginBottom: 24 }}>
      <div
        style={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}
      >
        <h2 id={`work-${id}-title`} style={{ fontSize: 18, margin: '0 0 8px' }}>
          {title}
          {count !== undefined ? (
            <span className="muted" style={{ fontWeight: 'normal' }}>
              {' '}
              ({badgeText(count)})
            </span>
          ) : null}
        </h2>
        {more ? (
          <Link to={more.to} data-testid={`work-${id}-more`}>
            {more.label}
          </Link>
        ) : null}
      </div>
      {children}
    </section>
  );
}

/** 待分派 and 即将超时/已超时, both in due order: what a dispatcher acts on first. */
function DispatchSections() {
  const { t } = useTranslation();
  const badges = useBadges();
  const unassigned = useTicketList({ tab: 'all', status: ['new'] }, 10);
  const atRisk = useTicketList({ tab: 'at_risk' }, 10);
  const rows = (q: typeof unassigned) => q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Section
        id="unassigned"
        title={t('start.unassigned')}
        count={badges.data?.unassigned}
        more={{ to: '/tickets?tab=all&status=new', label: t('start.openQueue') }}
      >
        <TicketList label={t('start.unassigned')} items={rows(unassigned)} loading={unassigned.isPending} />
      </Section>
      <Section
        id="at-risk"
        title={t('start.atRisk')}
        more={{ to: '/tickets?tab=at_risk', label: t('start.openQueue') }}
      >
        <TicketList label={t('start.atRisk')} items={rows(atRisk)} loading={atRisk.isPending} />
      </Section>
    </>
  );
}

/** An engineer's day: their open tickets, today's site visits and the inspections due by today. */
function EngineerSections() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const today = beijingDay();
  const mine = useTicketList({ tab: 'mine' }, 20);
  const current = useCurrentVisit();
  const visits = useSiteVisits({ engineerId: me.id, day: today });
  // Unfinished tasks from the last two months up to today: today's and the overdue ones.
  const from = beijingDay(Date.now() - 62 * 86_400_000);
  const tasks = useTasks({ assigneeId: me.id, from, to: today });
  const due = (tasks.data ?? []).filter((task) => task.state === 'open' || task.state === 'overdue');
  const visitRows = visits.data?.items ?? [];
  return (
    <>
      <Section
        id="my-tickets"
        title={t('start.myTickets')}
        more={{ to: '/tickets?tab=mine', label: t('start.openQueue') }}
      >
        <TicketList
          label={t('start.myTickets')}
          items={mine.data?.pages.flatMap((p) => p.items) ?? []}
          loading={mine.isPending}
        />
      </Section>
      <Section id="visits" title={t('start.todayVisits')} more={{ to: '/field', label: t('start.openField') }}>
        {current.data ? (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="work-open-visit">
            {t('start.onSiteSince', {
              project: current.data.projectName,
              at: formatDateTime(current.data.checkedInAt),
            })}
          </Card>
        ) : null}
        <List
          size="small"
          bordered
          loading={visits.isPending}
          dataSource={visitRows}
          locale={{ emptyText: <span className="muted">{t('start.noVisits')}</span> }}
          renderItem={(v) => (
            <List.Item data-testid="work-visit-row">
              <Space wrap size={4}>
                <span>{formatDateTime(v.checkedInAt)}</span>
                <span>{v.projectName}</span>
                {v.ticketNumber ? <span className="muted">{v.ticketNumber}</span> : null}
              </Space>
            </List.Item>
          )}
        />
      </Section>
      <Section
        id="inspections"
        title={t('start.inspectionsDue')}
        count={due.length}
        more={{ to: '/inspections?mine=1', label: t('start.openInspections') }}
      >
        <List
          size="small"
          bordered
          loading={tasks.isPending}
          dataSource={due}
          locale={{ emptyText: <span className="muted">{t('start.noInspections')}</span> }}
          renderItem={(task) => (
            <List.Item data-testid="work-task-row">
              <Space wrap size={4}>
                <Link to={`/inspections/tasks/${encodeURIComponent(task.id)}`}>{task.planName}</Link>
                <span className="muted">
                  {task.projectName} · {task.dueOn}
                </span>
                <StateTag state={task.state} />
              </Space>
            </List.Item>
          )}
        />
      </Section>
    </>
  );
}

/** A customer's lead: the records (including inspection records) waiting for their signature. */
function LeadSections() {
  const { t } = useTranslation();
  const badges = useBadges();
  const records = useRecordList({ todo: true }, 20);
  return (
    <>
      <Section
        id="to-sign"
        title={t('start.toSign')}
        count={badges.data?.toSign}
        more={{ to: '/records?todo=true', label: t('start.signAll') }}
      >
        <RecordList
          label={t('start.toSign')}
          items={records.data?.pages.flatMap((p) => p.items) ?? []}
          loading={records.isPending}
        />
      </Section>
      <Section id="reports" title={t('start.reports')}>
        <Space wrap>
          <Link to="/monthly-reports">{t('reports.nav.monthlyReports')}</Link>
          <Link to="/commitments">{t('reports.nav.commitments')}</Link>
          <Link to="/analytics">{t('reports.nav.analytics')}</Link>
        </Space>
      </Section>
    </>
  );
}

/**
 * 我的工作 (My work): where a dispatcher, an engineer and a customer's lead start (`/` leads here).
 * Each sees the lists they act on, not company-wide charts.
 */
export default function WorkPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <>
      <PageHeader title={t('start.title')} />
      {hasRole(me, ['dispatcher', 'service_manager']) ? <DispatchSections /> : null}
      {hasRole(me, ['engineer']) ? <EngineerSections /> : null}
      {hasRole(me, ['customer_lead']) ? <LeadSections /> : null}
    </>
  );
}
