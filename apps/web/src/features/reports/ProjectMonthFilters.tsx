import { useTranslation } from 'react-i18next';
import { ProjectPicker } from '../../components/ProjectPicker';
import type { Project } from '../../api/types';
import { beijingMonth, isMonth } from './api';
import { DateField } from '../../components/DateField';

/** The project and month a commitments or report page is about; `id` prefixes the test ids and the month input's id. */
export function ProjectMonthFilters(p: {
  id: string;
  projectId: string | undefined;
  setProjectId: (id: string | undefined) => void;
  projects: Project[];
  loading: boolean;
  month: string;
  setMonth: (month: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div role="search" aria-label={t('filter.title')} className="report-filters">
      <div className="report-field" style={{ maxWidth: 520, flexBasis: 260 }}>
        <ProjectPicker
          value={p.projectId}
          onChange={p.setProjectId}
          projects={p.projects}
          loading={p.loading}
          testId={`${p.id}-project`}
        />
      </div>
      <div className="report-field report-field-narrow" style={{ flexDirection: 'row', alignItems: 'center', gap: 8 }}>
        <label htmlFor={`${p.id}-month`} style={{ whiteSpace: 'nowrap' }}>
          {t('reports.month')}
        </label>
        {/* A month that has not begun has nothing to measure (the API refuses it): the picker stops at this month. */}
        <DateField
          id={`${p.id}-month`}
          picker="month"
          value={p.month}
          max={beijingMonth()}
          allowClear={false}
          onChange={(v) => isMonth(v) && v <= beijingMonth() && p.setMonth(v)}
          data-testid={`${p.id}-month`}
        />
      </div>
    </div>
  );
}
