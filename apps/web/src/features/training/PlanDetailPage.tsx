import { useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { Alert, Button, Descriptions, Result, Space, Spin } from 'antd';
import { EditOutlined, FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../components/format';
import { useUrlState } from '../../components/useUrlState';
import { useCurrentUser } from '../auth/useMe';
import type { TrainingPlan } from './api';
import { reportUrl, usePlan } from './api';
import { AssessmentsTab } from './AssessmentsTab';
import { BatchesTab } from './BatchesTab';
import { CoursesTab } from './CoursesTab';
import { CompletionTag } from './tags';
import { TraineesTab } from './TraineesTab';
import { PlanModal } from './TrainingPlansPage';

const TABS = ['trainees', 'courses', 'batches', 'assessments'] as const;

/** 培训计划详情 (R18): trainees × courses, materials, batches and sessions, attendance and assessments. */
export default function PlanDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: plan, isPending, error } = usePlan(id);
  const [params, set] = useUrlState();
  const me = useCurrentUser();
  const manager = me.roles.includes('service_manager');
  const trainer = manager || me.roles.includes('engineer');
  const [editing, setEditing] = useState(false);

  if (isPending) return <Spin />;
  if (error || !plan) return <Result status="404" title={t('training.notFound')} />;
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'trainees';
  const role = { manager, trainer };

  return (
    <div data-testid="training-plan" data-plan-id={plan.id} data-complete={String(plan.progress.complete)}>
      <PageHeader
        title={plan.name}
        extra={
          <>
            <CompletionTag complete={plan.progress.complete} />
            <Link to={`/training?projectId=${encodeURIComponent(plan.projectId)}`} data-testid="training-back">
              {t('training.backToPlans')}
            </Link>
          </>
        }
      />
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('training.project')}>{plan.projectName}</Descriptions.Item>
        {plan.description ? (
          <Descriptions.Item label={t('training.plan.description')}>
            <span className="pre-wrap">{plan.description}</span>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <CompletionBanner plan={plan} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Button
          href={reportUrl(plan.id, 'pdf')}
          download
          icon={<FilePdfOutlined aria-hidden />}
          data-testid="training-report-pdf"
        >
          {t('training.report.pdf')}
        </Button>
        <Button
          href={reportUrl(plan.id, 'xlsx')}
          download
          icon={<FileExcelOutlined aria-hidden />}
          data-testid="training-report-xlsx"
        >
          {t('training.report.xlsx')}
        </Button>
        {manager ? (
          <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)} data-testid="training-plan-edit">
            {t('training.plan.edit')}
          </Button>
        ) : null}
      </Space>
      {editing ? <PlanModal projectId={plan.projectId} plan={plan} onClose={() => setEditing(false)} /> : null}
      <SectionTabs
        active={tab}
        onChange={(k) => set({ tab: k === 'trainees' ? undefined : k })}
        label={t('training.tab.label')}
        items={[
          {
            key: 'trainees',
            label: t('training.tab.trainees', { n: plan.trainees.length }),
            render: () => <TraineesTab plan={plan} role={role} />,
          },
          {
            key: 'courses',
            label: t('training.tab.courses', { n: plan.courses.length }),
            render: () => <CoursesTab plan={plan} role={role} />,
          },
          {
            key: 'batches',
            label: t('training.tab.batches', { n: plan.batches.length }),
            render: () => <BatchesTab plan={plan} role={role} />,
          },
          {
            key: 'assessments',
            label: t('training.tab.assessments', { n: plan.assessments.length }),
            render: () => <AssessmentsTab plan={plan} role={role} />,
          },
        ]}
      />
    </div>
  );
}

/** 已完成 (with its date) or "x/y 可独立操作，未完成" naming who is not yet independent. */
function CompletionBanner({ plan }: { plan: TrainingPlan }) {
  const { t } = useTranslation();
  const p = plan.progress;
  if (p.complete) {
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="training-banner"
        data-complete="true"
        message={t('training.banner.complete', { n: p.trainees })}
        description={p.completedAt ? t('training.progress.completedAt', { at: formatDateTime(p.completedAt) }) : null}
      />
    );
  }
  const notYet = plan.trainees.filter((x) => !x.independent);
  const waiting = plan.trainees.filter((x) => x.needsBatch);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="training-banner"
      data-complete="false"
      message={
        <span data-testid="training-banner-ratio">
          {t('training.banner.incomplete', { n: p.independent, m: p.trainees })}
        </span>
      }
      description={
        <div style={{ overflowWrap: 'anywhere' }}>
          {!plan.trainees.length || !plan.courses.length ? <div>{t('training.banner.empty')}</div> : null}
          {notYet.length ? (
            <div data-testid="training-banner-not-yet">
              {t('training.banner.notYet', { names: notYet.map((x) => x.name).join(t('training.listSep')) })}
            </div>
          ) : null}
          {waiting.length ? (
            <div data-testid="training-banner-needs-batch">
              {t('training.banner.needsBatch', { names: waiting.map((x) => x.name).join(t('training.listSep')) })}
            </div>
          ) : null}
        </div>
      }
    />
  );
}

/**
 * A tab list whose tabs wrap onto a second line on a phone (antd Tabs hides the overflow behind a
 * "more" button inside role=tablist, which ARIA does not allow there). Arrow keys move between tabs.
 */
function SectionTabs({
  active,
  onChange,
  label,
  items,
}: {
  active: string;
  onChange: (key: string) => void;
  label: string;
  items: { key: string; label: string; render: () => ReactNode }[];
}) {
  const current = items.find((i) => i.key === active) ?? items[0]!;
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const i = items.findIndex((x) => x.key === current.key);
    const next = items[(i + step + items.length) % items.length]!;
    onChange(next.key);
    document.getElementById(`training-tab-${next.key}`)?.focus();
  };
  return (
    <div>
      <div
        role="tablist"
        aria-label={label}
        onKeyDown={onKey}
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: 8,
          marginBottom: 16,
          borderBottom: '1px solid #f0f0f0',
          paddingBottom: 12,
        }}
      >
        {items.map((i) => (
          <Button
            key={i.key}
            id={`training-tab-${i.key}`}
            role="tab"
            aria-selected={i.key === current.key}
            aria-controls="training-tabpanel"
            tabIndex={i.key === current.key ? 0 : -1}
            type={i.key === current.key ? 'primary' : 'default'}
            onClick={() => onChange(i.key)}
            data-testid={`training-tab-${i.key}`}
          >
            {i.label}
          </Button>
        ))}
      </div>
      <div role="tabpanel" id="training-tabpanel" aria-labelledby={`training-tab-${current.key}`} key={current.key}>
        {current.render()}
      </div>
    </div>
  );
}
