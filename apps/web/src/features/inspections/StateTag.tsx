import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { LEVEL_COLOR, STATUS_COLOR } from '../../app/theme';
import type { ItemOutcome, TaskState } from './api';

/** Solid backgrounds with white text (≥ 4.5:1), like the ticket tags. */
export const STATE_COLOR: Record<TaskState | 'planned', string> = {
  planned: '#434343',
  open: STATUS_COLOR.assigned!,
  overdue: LEVEL_COLOR[1]!,
  done: STATUS_COLOR.resolved!,
  late: LEVEL_COLOR[2]!,
  cancelled: '#595959',
};
export const OUTCOME_COLOR: Record<ItemOutcome, string> = {
  pass: STATUS_COLOR.resolved!,
  fail: LEVEL_COLOR[1]!,
  na: '#595959',
};

export function StateTag({ state }: { state: TaskState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOR[state]} data-testid="insp-state" data-state={state}>
      {t(`insp.state.${state}`)}
    </Tag>
  );
}
