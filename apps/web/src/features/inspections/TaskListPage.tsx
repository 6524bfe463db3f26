import { Button, Card, Empty, Grid, List, Segmented, Select, Space, Spin, Switch, Tag, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { ProjectPicker, useProjectParam } from '../../components/ProjectPicker';
import { useUrlState } from '../../components/useUrlState';
import { useCurrentUser } from '../auth/useMe';
import { beijingMonth } from '../presence/api';
import type { InspectionTask, TaskState } from './api';
import { useCompletion, useTasks } from './api';
import { MonthCalendar } from './MonthCalendar';
import { STATE_COLOR, StateTag } from './StateTag';

const STATES: TaskState[] = ['open', 'overdue', 'done', 'late', 'cancelled'];
const isState = (s: string | null): s is TaskState => !!s && (STATES as string[]).includes(s);
const VIEWS = ['calendar', 'list'] as const;
type View = (typeof VIEWS)[number];
const isView = (v: string | null): v is View => !!v && (VIEWS as readonly string[]).includes(v);

function shiftMonth(ym: string, by: number): string {
  const d = new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)) - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}
const lastDay = (ym: string) =>
  new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)), 0)).toISOString().slice(0, 10);

/**
 * 巡检任务 (R16, R17): one month of tasks, as a month grid (the default on tablets and desktops) or
 * grouped by due day (the default on phones), with the project's completion figures.
 */
export default function TaskListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const engineer = me.roles.includes('engineer');
  const { projectId, projects, loading, setProjectId } = useProjectParam();
  const [params, set] = useUrlState();
  const m = params.get('month');
  const month = m && /^\d{4}-\d\d$/.test(m) ? m : beijingMonth();
  const mine = params.get('mine') === '1';
  const st = params.get('state');
  const state = isState(st) ? st : undefined;
  const screens = Grid.useBreakpoint();
  const v = params.get('view');
  const view: View = isView(v) ? v : screens.md === false ? 'list' : 'calendar';
  const tasks = useTasks({
    projectId,
    from: `${month}-01`,
    to: lastDay(month),
    assigneeId: mine ? me.id : undefined,
    state,
  });
  const byDay = new Map<string, InspectionTask[]>();
  for (const task of [...(tasks.data ?? [])].sort((a, b) => a.dueOn.localeCompare(b.dueOn))) {
    byDay.set(task.dueOn, [...(byDay.get(task.dueOn) ?? []), task]);
  }

  return (
    <div>
      <PageHeader
        title={t('insp.tasksTitle')}
        extra={
          me.roles.includes('service_manager') ? (
            <>
              <Link to="/inspections/plans" data-testid="insp-plans-link">
                {t('insp.plansTitle')}
              </Link>
              <Link to="/inspections/templates" data-testid="insp-templates-link">
                {t('insp.templatesTitle')}
              </Link>
            </>
          ) : null
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <ProjectPicker
          value={projectId}
          onChange={setProjectId}
          projects={projects}
          loading={loading}
          testId="insp-project"
          allowClear
        />
        <Space.Compact>
          <Button
            icon={<LeftOutlined aria-hidden />}
            aria-label={t('insp.prevMonth')}
            onClick={() => set({ month: shiftMonth(month, -1) })}
            data-testid="insp-prev-month"
          />
          <Button style={{ pointerEvents: 'none' }} tabIndex={-1} aria-live="polite" data-testid="insp-month">
            {month}
          </Button>
          <Button
            icon={<RightOutlined aria-hidden />}
            aria-label={t('insp.nextMonth')}
            onClick={() => set({ month: shiftMonth(month, 1) })}
            data-testid="insp-next-month"
          />
        </Space.Compact>
        <Select
          allowClear
          value={state}
          onChange={(v?: TaskState) => set({ state: v })}
          placeholder={t('insp.allStates')}
          aria-label={t('insp.stateFilter')}
          options={STATES.map((s) => ({ value: s, label: t(`insp.state.${s}`) }))}
          style={{ minWidth: 120 }}
          data-testid="insp-state-filter"
        />
        <Segmented
          aria-label={t('insp.view.label')}
          value={view}
          onChange={(next) => set({ view: String(next) })}
          options={VIEWS.map((k) => ({
            value: k,
            label: <span data-testid={`insp-view-${k}`}>{t(`insp.view.${k}`)}</span>,
          }))}
          data-testid="insp-view"
        />
        {engineer ? (
          <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
            <Switch checked={mine} onChange={(v) => set({ mine: v ? '1' : undefined })} data-testid="insp-mine" />
            {t('insp.mine')}
          </label>
        ) : null}
      </Space>
      {projectId ? <Completion projectId={projectId} month={month} /> : null}
      {tasks.isPending ? (
        <Spin />
      ) : view === 'calendar' ? (
        <>
          {byDay.size === 0 ? (
            <p className="muted" data-testid="insp-cal-empty">
              {t('insp.noTasks')}
            </p>
          ) : null}
          <MonthCalendar month={month} tasks={tasks.data ?? []} />
        </>
      ) : byDay.size === 0 ? (
        <Empty description={t('insp.noTasks')} />
      ) : (
        [...byDay.entries()].map(([day, list]) => (
          <section key={day} style={{ marginBottom: 12 }} aria-labelledby={`insp-day-${day}`}>
            <h2 id={`insp-day-${day}`} style={{ fontSize: 15, margin: '8px 0' }}>
              {day}
            </h2>
            <List
              bordered
              size="small"
              dataSource={list}
              renderItem={(task) => (
                <List.Item data-testid="insp-task-row" data-task-id={task.id}>
                  <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                    <Link to={`/inspections/tasks/${encodeURIComponent(task.id)}`} data-testid="insp-task-link">
                      {task.planName}
                    </Link>{' '}
                    <StateTag state={task.state} />
                    <div>
                      <Typography.Text type="secondary">
                        {[task.projectName, task.assetName, task.assigneeName].filter(Boolean).join(' · ')}
                      </Typography.Text>
                    </div>
                  </div>
                </List.Item>
              )}
            />
          </section>
        ))
      )}
    </div>
  );
}

function Completion({ projectId, month }: { projectId: string; month: string }) {
  const { t } = useTranslation();
  const { data } = useCompletion(projectId, month);
  if (!data) return null;
  const keys = ['planned', 'done', 'late', 'overdue', 'open', 'cancelled'] as const;
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('insp.completion', { month })}</h2>}
      style={{ marginBottom: 12 }}
      data-testid="insp-completion"
    >
      <Space wrap size={[4, 8]}>
        {keys.map((k) => (
          <Tag key={k} color={STATE_COLOR[k]} data-testid={`insp-completion-${k}`}>
            {t(`insp.count.${k}`, { n: data[k] })}
          </Tag>
        ))}
      </Space>
    </Card>
  );
}
