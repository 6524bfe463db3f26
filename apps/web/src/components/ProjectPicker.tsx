import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useProjects } from '../api/queries';
import type { Project } from '../api/types';
import { useCurrentUser } from '../features/auth/useMe';
import { useRememberedProject } from './projectStore';
import { SearchSelect } from './SearchSelect';

/**
 * The project a page is about, kept in ?projectId= so a reload or a shared link shows the same one.
 * Without one in the URL the page opens on the project the user chose last (on any page), or on the
 * only project a user sees (a customer), never on "请先选择项目" when the choice is known.
 */
export function useProjectParam() {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const { data: projects = [], isPending } = useProjects();
  const [remembered, remember] = useRememberedProject(me.id);
  const asked = params.get('projectId') ?? undefined;
  // An id the user cannot see (another customer's, a stale link) is ignored, never requested.
  const visible = (id: string | null | undefined) => (id && projects.some((p) => p.id === id) ? id : undefined);
  const known = visible(asked);
  const only = projects.length === 1 ? projects[0]?.id : undefined;
  const projectId = isPending ? undefined : (known ?? (asked ? undefined : visible(remembered)) ?? only);
  const project: Project | undefined = projects.find((p) => p.id === projectId);
  const setProjectId = (id: string | undefined) => {
    remember(id);
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set('projectId', id);
        else next.delete('projectId');
        return next;
      },
      { replace: true },
    );
  };
  // Keep the preselected project in the URL too, so a link copied from the page names it; a project
  // opened from a link becomes the remembered one.
  useEffect(() => {
    if (projectId && asked !== projectId) setProjectId(projectId);
    else if (projectId && remembered !== projectId) remember(projectId);
    // Runs when the asked or chosen project changes; the setters are new functions on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [asked, projectId]);
  return { projectId, project, projects, loading: isPending, setProjectId };
}

interface Props {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  projects: Project[];
  loading?: boolean;
  testId: string;
  /** Offer a clear button (the page then shows every project). */
  allowClear?: boolean;
}

/** Searchable project select with a visible-label-equivalent aria-label ("项目"). */
export function ProjectPicker({ value, onChange, projects, loading, testId, allowClear }: Props) {
  const { t } = useTranslation();
  return (
    <SearchSelect
      allowClear={allowClear}
      className="project-picker"
      aria-label={t('filter.project')}
      placeholder={t('common.chooseProject')}
      loading={loading}
      value={value}
      onChange={(id?: string) => onChange(id)}
      options={projects.map((p) => ({ value: p.id, label: `${p.name} (${p.customerName})` }))}
      data-testid={testId}
    />
  );
}
