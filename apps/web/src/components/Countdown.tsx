import { useTranslation } from 'react-i18next';
import { formatCountdown, formatDateTime, formatDuration } from './format';
import { useNow } from './useNow';

/** Live time left until `dueAt`; red once past due or when the server already flagged a breach. */
export function Countdown({ dueAt, breached = false }: { dueAt: number | null; breached?: boolean }) {
  const { t } = useTranslation();
  const now = useNow();
  if (dueAt === null)
    return breached ? <span className="danger-text">{t('sla.breached')}</span> : <span className="muted">—</span>;
  const left = dueAt - now;
  const late = left < 0;
  return (
    <span
      className={`countdown${late || breached ? ' danger-text' : ''}`}
      title={t('sla.dueAt', { time: formatDateTime(dueAt) })}
      data-testid="countdown"
    >
      {/* Time left ticks as a timer; lateness is a duration like on the clock cards ("超时 2小时46分"). */}
      {late ? t('sla.overdueBy', { time: formatDuration(left) }) : formatCountdown(left)}
    </span>
  );
}
