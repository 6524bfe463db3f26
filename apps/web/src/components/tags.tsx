import { useTranslation } from 'react-i18next';
import type { FaultLevel, TicketStatus } from '../api/types';
import { LEVEL_COLOR, STATUS_COLOR } from '../app/theme';

export function LevelTag({ level }: { level: FaultLevel | number }) {
  const { t } = useTranslation();
  return (
    <span className="plain-tag" style={{ background: LEVEL_COLOR[level] ?? '#595959' }} data-testid="level-tag">
      {t(`level.short.${level}`)}
    </span>
  );
}

export function StatusTag({ status }: { status: TicketStatus }) {
  const { t } = useTranslation();
  return (
    <span className="plain-tag" style={{ background: STATUS_COLOR[status] ?? '#595959' }} data-testid="status-tag">
      {t(`status.${status}`)}
    </span>
  );
}
