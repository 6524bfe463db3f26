import { useEffect, useState, type ReactNode } from 'react';
import { App, Button, Card, Empty, Input, Popconfirm, Space, Typography } from 'antd';
import { FileDoneOutlined, FileExcelOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/types';
import { hasRole } from '../../app/roles';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useProjectParam } from '../../components/ProjectPicker';
import { useUrlState } from '../../components/useUrlState';
import { useCurrentUser } from '../auth/useMe';
import {
  beijingMonth,
  isMonth,
  lastFinishedMonth,
  monthlyReportUrl,
  REPORT_FORMATS,
  type ReportFormat,
  useIssueReport,
  useReportNotes,
  useSaveReportNotes,
} from './api';
import { ArchiveCard } from './ArchiveCard';
import { ProjectMonthFilters } from './ProjectMonthFilters';
import { ScheduleCard } from './ScheduleCard';
import './reports.css';

/** Who may generate (download) the report. */
const REPORT_DOWNLOADERS: readonly Role[] = ['service_manager', 'dispatcher', 'customer_lead'];
const ICON: Record<ReportFormat, ReactNode> = {
  docx: <FileWordOutlined aria-hidden />,
  pdf: <FilePdfOutlined aria-hidden />,
  xlsx: <FileExcelOutlined aria-hidden />,
};

/** 下月工作计划: written by the service manager, printed at the end of the report. */
function PlanCard({ projectId, month, editable }: { projectId: string; month: string; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notes = useReportNotes(projectId, month);
  const save = useSaveReportNotes(projectId, month);
  const [text, setText] = useState('');
  const saved = notes.data?.nextMonthPlan ?? '';
  useEffect(() => setText(saved), [saved, projectId, month]);
  const n = notes.data;
  return (
    <Card
      size="small"
      title={<h2 className="card-h2">{t('reports.monthly.plan')}</h2>}
      style={{ marginTop: 12 }}
      data-testid="plan-card"
    >
      {editable ? (
        <>
          <label htmlFor="report-plan" className="visually-hidden">
            {t('reports.monthly.plan')}
          </label>
          <Input.TextArea
            id="report-plan"
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={10_000}
            autoSize={{ minRows: 4, maxRows: 16 }}
            placeholder={t('reports.monthly.planPlaceholder')}
            disabled={notes.isPending}
            data-testid="report-plan"
          />
          <Space wrap style={{ marginTop: 8 }}>
            <Button
              type="primary"
              loading={save.isPending}
              disabled={text === saved}
              data-testid="report-plan-save"
              onClick={() =>
                save.mutate(
                  { nextMonthPlan: text },
                  { onSuccess: () => void message.success(t('reports.monthly.planSaved')) },
                )
              }
            >
              {t('common.save')}
            </Button>
            {n?.updatedAt ? (
              <span className="muted" data-testid="report-plan-updated">
                {t('reports.monthly.planUpdated', { name: n.updatedByName ?? '—', at: formatDateTime(n.updatedAt) })}
              </span>
            ) : null}
          </Space>
        </>
      ) : notes.error ? (
        <div className="muted">{t('reports.monthly.planUnavailable')}</div>
      ) : saved ? (
        <Typography.Paragraph className="pre-wrap" style={{ margin: 0 }} data-testid="report-plan-text">
          {saved}
        </Typography.Paragraph>
      ) : (
        <span className="muted" data-testid="report-plan-text">
          {t('reports.monthly.planEmpty')}
        </span>
      )}
    </Card>
  );
}

/**
 * 定稿: the service manager marks the finished month's report final, which archives it (Word, PDF and
 * Excel) with its SHA-256. Downloads above are readings and archive nothing.
 */
function IssueButton({ projectId, month }: { projectId: string; month: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const issue = useIssueReport(projectId, month);
  const running = month >= beijingMonth();
  return (
    <Space wrap style={{ marginTop: 8 }}>
      <Popconfirm
        title={t('reports.issue.confirm', { month })}
        okText={t('reports.issue.ok')}
        cancelText={t('common.cancel')}
        disabled={running}
        onConfirm={() =>
          issue.mutate(
            {},
            { onSuccess: (r) => void message.success(t('reports.issue.done', { count: r.items.length })) },
          )
        }
      >
        <Button
          type="primary"
          icon={<FileDoneOutlined aria-hidden />}
          loading={issue.isPending}
          disabled={running}
          data-testid="report-issue"
        >
          {t('reports.issue.action')}
        </Button>
      </Popconfirm>
      <span className="muted" data-testid="report-issue-help">
        {t(running ? 'reports.issue.notEnded' : 'reports.issue.help')}
      </span>
    </Space>
  );
}

/** 月度报告: the month's O&M report as Word / PDF / Excel, its archive, and the schedule that sends it. */
export default function MonthlyReportsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const manager = me.roles.includes('service_manager');
  const canDownload = hasRole(me, REPORT_DOWNLOADERS);
  const { projectId, projects, loading, setProjectId } = useProjectParam();
  const [params, set] = useUrlState();
  const m = params.get('month');
  // A monthly report is wanted for a month that is over: the page opens on the last finished one.
  const month = isMonth(m) ? m : lastFinishedMonth();

  return (
    <>
      <PageHeader title={t('reports.monthly.title')} />
      <ProjectMonthFilters
        id="monthly"
        projectId={projectId}
        setProjectId={setProjectId}
        projects={projects}
        loading={loading}
        month={month}
        setMonth={(m) => set({ month: m })}
      />
      {!projectId ? (
        <Empty description={<span className="muted">{t('common.chooseProjectFirst')}</span>} />
      ) : (
        <div data-testid="monthly-reports" data-month={month}>
          <Card size="small" title={<h2 className="card-h2">{t('reports.monthly.download', { month })}</h2>}>
            {canDownload ? (
              <>
                <Space wrap>
                  {REPORT_FORMATS.map((f) => (
                    <Button
                      key={f}
                      href={monthlyReportUrl(projectId, month, f)}
                      download
                      icon={ICON[f]}
                      data-testid={`report-${f}`}
                    >
                      {t(`reports.monthly.as.${f}`)}
                    </Button>
                  ))}
                </Space>
                <p className="muted" style={{ margin: '8px 0 0' }}>
                  {t('reports.monthly.downloadHelp')}
                </p>
                {manager ? <IssueButton projectId={projectId} month={month} /> : null}
              </>
            ) : (
              <span className="muted">{t('reports.monthly.noDownload')}</span>
            )}
          </Card>
          <PlanCard projectId={projectId} month={month} editable={manager} />
          <ArchiveCard projectId={projectId} month={month} />
          {manager ? <ScheduleCard projectId={projectId} /> : null}
        </div>
      )}
    </>
  );
}
