import type { ReactNode } from 'react';
import { Col, Empty, Row, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasRole, isProviderStaff } from '../../app/roles';
import { PageHeader } from '../../components/PageHeader';
import { ProjectPicker, useProjectParam } from '../../components/ProjectPicker';
import { useCurrentUser } from '../auth/useMe';
import { beijingDay } from '../fieldwork/api';
import { beijingMonth, useResidentPlan } from './api';
import { DailyBoard } from './DailyBoard';
import { MonthView } from './MonthView';
import { ResidentPlanCard } from './ResidentPlanCard';
import { useUrlState } from '../../components/useUrlState';
import { DateField } from '../../components/DateField';

const TABS = ['day', 'month', 'plan'] as const;
type Tab = (typeof TABS)[number];
const isTab = (s: string | null): s is Tab => !!s && (TABS as readonly string[]).includes(s);

/**
 * 驻场考勤 (R14): for one project, who of the resident roster is on site today (or any day), the
 * month against the committed headcount, and the plan itself (edited by the service manager).
 * Provider staff and the project's customers read it; the state lives in the URL.
 */
export default function PresencePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const staff = isProviderStaff(me);
  const manager = me.roles.includes('service_manager');
  const { projectId, projects, loading, setProjectId } = useProjectParam();
  const [params, set] = useUrlState();
  const tabParam = params.get('tab');
  const tab: Tab = isTab(tabParam) ? tabParam : 'day';
  const day = params.get('day') || beijingDay();
  const month = params.get('month') || day.slice(0, 7) || beijingMonth();
  const plan = useResidentPlan(projectId);

  const dayInput = (
    <DateField
      id="presence-day-input"
      value={day}
      allowClear={false}
      onChange={(v) => v && set({ day: v })}
      data-testid="presence-day"
    />
  );
  const monthInput = (
    <DateField
      picker="month"
      id="presence-month-input"
      value={month}
      max={beijingMonth()}
      allowClear={false}
      onChange={(v) => v && set({ month: v })}
      data-testid="presence-month"
    />
  );
  const labelled = (id: string, label: string, control: ReactNode) => (
    <Row gutter={8} align="middle" style={{ marginBottom: 12 }}>
      <Col flex="none">
        <label htmlFor={id}>{label}</label>
      </Col>
      <Col flex="auto" style={{ maxWidth: 220 }}>
        {control}
      </Col>
    </Row>
  );

  return (
    <>
      <PageHeader title={t('presence.title')} />
      <div role="search" aria-label={t('filter.project')} style={{ marginBottom: 12 }}>
        <ProjectPicker
          value={projectId}
          onChange={setProjectId}
          projects={projects}
          loading={loading}
          testId="presence-project"
        />
      </div>
      {!projectId ? (
        <Empty description={<span className="muted">{t('common.chooseProjectFirst')}</span>} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => set({ tab: k })}
          items={[
            {
              key: 'day',
              label: <span data-testid="presence-tab-day">{t('presence.tab.day')}</span>,
              children: (
                <>
                  {labelled('presence-day-input', t('presence.day'), dayInput)}
                  <DailyBoard projectId={projectId} day={day} plan={plan.data} />
                </>
              ),
            },
            {
              key: 'month',
              label: <span data-testid="presence-tab-month">{t('presence.tab.month')}</span>,
              children: (
                <>
                  {labelled('presence-month-input', t('presence.month'), monthInput)}
                  <MonthView projectId={projectId} month={month} canExport={staff || hasRole(me, ['customer_lead'])} />
                </>
              ),
            },
            {
              key: 'plan',
              label: <span data-testid="presence-tab-plan">{t('presence.tab.plan')}</span>,
              children: <ResidentPlanCard projectId={projectId} plan={plan.data} editable={manager} />,
            },
          ]}
          destroyOnHidden
        />
      )}
    </>
  );
}
