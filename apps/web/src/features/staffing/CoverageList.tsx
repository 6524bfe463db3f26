import { Card, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { StaffingAssignmentView, StaffingCoverage } from '../../api/types';
import { ResponsiveList } from '../../components/ResponsiveList';
import { DisciplineTag, FlagTags } from './StaffingTags';
import { problemText } from './texts';

type Row = StaffingCoverage & { index: number };

/** filled / required, and the shortfall highlighted. */
function Filled({ c }: { c: StaffingCoverage }) {
  const { t } = useTranslation();
  return (
    <Space
      size={6}
      wrap
      data-testid="coverage-filled"
      data-filled={c.filled}
      data-required={c.count}
      data-missing={c.missing}
    >
      <span className={c.missing > 0 ? 'coverage-missing' : undefined}>
        {t('staffing.filledOf', { filled: c.filled, count: c.count })}
      </span>
      {c.missing > 0 ? (
        <Tag color="#a8071a" data-testid="coverage-missing">
          {t('staffing.missingN', { n: c.missing })}
        </Tag>
      ) : (
        <Tag color="#237804">{t('staffing.covered')}</Tag>
      )}
    </Space>
  );
}

/** Per requirement of the plan: how many qualified people fill it. */
export function CoverageList({ coverage, loading }: { coverage: StaffingCoverage[]; loading: boolean }) {
  const { t } = useTranslation();
  const rows: Row[] = coverage.map((c, index) => ({ ...c, index }));
  const columns: ColumnsType<Row> = [
    {
      title: t('staffing.disciplineLabel'),
      key: 'discipline',
      render: (_, c) => <DisciplineTag discipline={c.discipline} />,
    },
    {
      title: t('staffing.conditions'),
      key: 'flags',
      render: (_, c) => <FlagTags resident={c.resident} builtProject={c.builtProject} />,
    },
    { title: t('staffing.coverage'), key: 'filled', render: (_, c) => <Filled c={c} /> },
  ];
  const card = (c: Row) => (
    <Card size="small" className="ticket-card full-width">
      <Space wrap size={4} style={{ marginBottom: 4 }}>
        <DisciplineTag discipline={c.discipline} />
        <FlagTags resident={c.resident} builtProject={c.builtProject} />
      </Space>
      <Filled c={c} />
    </Card>
  );
  return (
    <ResponsiveList<Row>
      items={rows}
      columns={columns}
      rowKey={(c) => c.index}
      renderCard={card}
      rowTestId="coverage-row"
      label={t('staffing.requirementsTitle')}
      loading={loading}
      emptyText={t('staffing.noRequirements')}
    />
  );
}

/** The people on the plan, with what is wrong about each assignment. */
export function AssignmentList({ assignments, loading }: { assignments: StaffingAssignmentView[]; loading: boolean }) {
  const { t } = useTranslation();
  const qualified = (a: StaffingAssignmentView) =>
    a.qualified ? (
      <Tag color="#237804" data-testid="assignment-qualified" data-qualified="true">
        {t('staffing.qualified')}
      </Tag>
    ) : (
      <Tag color="#a8071a" data-testid="assignment-qualified" data-qualified="false">
        {t('staffing.unqualified')}
      </Tag>
    );
  const problems = (a: StaffingAssignmentView) =>
    a.problems.length ? (
      <ul className="problem-list">
        {a.problems.map((p, i) => (
          <li key={i} className="danger-text" data-testid="assignment-problem" data-code={p.code}>
            {problemText(t, p)}
          </li>
        ))}
      </ul>
    ) : (
      '—'
    );
  const columns: ColumnsType<StaffingAssignmentView> = [
    {
      title: t('staffing.person'),
      key: 'name',
      render: (_, a) => <strong data-testid="assignment-name">{a.name}</strong>,
      width: 120,
    },
    {
      title: t('staffing.disciplineLabel'),
      key: 'discipline',
      render: (_, a) => <DisciplineTag discipline={a.discipline} />,
      width: 130,
    },
    {
      title: t('staffing.conditions'),
      key: 'flags',
      render: (_, a) => <FlagTags resident={a.resident} builtProject={a.builtProject} />,
      width: 170,
    },
    { title: t('staffing.qualification'), key: 'qualified', render: (_, a) => qualified(a), width: 110 },
    { title: t('staffing.problems'), key: 'problems', render: (_, a) => problems(a) },
  ];
  const card = (a: StaffingAssignmentView) => (
    <Card size="small" className="ticket-card full-width">
      <Space wrap size={4} style={{ marginBottom: 4 }}>
        <strong data-testid="assignment-name">{a.name}</strong>
        <DisciplineTag discipline={a.discipline} />
        <FlagTags resident={a.resident} builtProject={a.builtProject} />
        {qualified(a)}
      </Space>
      {a.problems.length ? problems(a) : null}
    </Card>
  );
  return (
    <ResponsiveList<StaffingAssignmentView>
      items={assignments}
      columns={columns}
      rowKey={(a) => `${a.userId}-${a.discipline}`}
      renderCard={card}
      rowTestId="assignment-row"
      label={t('staffing.assignmentsTitle')}
      loading={loading}
      emptyText={t('staffing.noAssignments')}
    />
  );
}
