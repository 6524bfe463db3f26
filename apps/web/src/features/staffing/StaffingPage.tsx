import { useState } from 'react';
import { Alert, Button, Card, Empty, Spin } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isProviderStaff } from '../../app/roles';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { ProjectPicker, useProjectParam } from '../../components/ProjectPicker';
import { useCurrentUser } from '../auth/useMe';
import { useStaffingPlan } from './api';
import { AssignmentList, CoverageList } from './CoverageList';
import { EngineerProfiles } from './EngineerProfiles';
import { StaffingEditModal } from './StaffingEditModal';
import { gapText } from './texts';

const h2 = (text: string) => <h2 className="card-h2">{text}</h2>;

/**
 * 人员配置 (R28): for one project the required disciplines with how many qualified people fill
 * them, the assignments with their problems and the gaps; the service manager edits the plan and
 * the engineers' qualifications. Customers of the project read it.
 */
export default function StaffingPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const manager = me.roles.includes('service_manager');
  const { projectId, projects, loading, setProjectId } = useProjectParam();
  const q = useStaffingPlan(projectId);
  const plan = q.data;
  const [editing, setEditing] = useState(false);

  const gaps = plan ? (
    plan.gaps.length ? (
      <Alert
        type="warning"
        showIcon
        message={t('staffing.gapsTitle', { n: plan.gaps.length })}
        description={
          <ul className="problem-list">
            {plan.gaps.map((g, i) => (
              <li key={i} data-testid="staffing-gap" data-discipline={g.params.discipline}>
                {gapText(t, g)}
              </li>
            ))}
          </ul>
        }
        data-testid="staffing-gaps"
        data-gaps={plan.gaps.length}
      />
    ) : (
      <Alert type="success" showIcon message={t('staffing.noGaps')} data-testid="staffing-gaps" data-gaps={0} />
    )
  ) : null;

  return (
    <>
      <PageHeader title={t('staffing.title')} />
      <div role="search" aria-label={t('filter.project')} style={{ marginBottom: 12 }}>
        <ProjectPicker
          value={projectId}
          onChange={setProjectId}
          projects={projects}
          loading={loading}
          testId="staffing-project"
        />
      </div>
      <div className="stack">
        {!projectId ? (
          <Empty description={<span className="muted">{t('common.chooseProjectFirst')}</span>} />
        ) : !plan ? (
          <Spin style={{ display: 'block', margin: 48 }} />
        ) : (
          <div className="stack" data-testid="staffing-plan" data-project-id={plan.projectId}>
            {gaps}
            <Card
              size="small"
              title={h2(t('staffing.requirementsTitle'))}
              extra={
                manager ? (
                  <Button
                    type="primary"
                    icon={<EditOutlined aria-hidden />}
                    onClick={() => setEditing(true)}
                    data-testid="staffing-edit"
                  >
                    {t('staffing.edit')}
                  </Button>
                ) : null
              }
            >
              <CoverageList coverage={plan.coverage} loading={q.isFetching && !plan} />
              <div className="muted" style={{ marginTop: 8 }}>
                {plan.updatedAt
                  ? t('staffing.updatedAt', { at: formatDateTime(plan.updatedAt) })
                  : t('staffing.defaults')}
              </div>
            </Card>
            <Card size="small" title={h2(t('staffing.assignmentsTitle'))}>
              <AssignmentList assignments={plan.assignments} loading={false} />
            </Card>
          </div>
        )}
        {isProviderStaff(me) ? <EngineerProfiles editable={manager} /> : null}
      </div>
      {editing && plan ? <StaffingEditModal plan={plan} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
