import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { CLOCK_KINDS } from '../../api/enums';
import type { Clock, ClockKind } from '../../api/types';
import { formatCountdown, formatDateTime, formatDuration } from '../../components/format';
import { useNow } from '../../components/useNow';

/** The current cycle of each clock kind (a reopen starts a new resolution cycle). */
export function currentClocks(clocks: Clock[]): Map<ClockKind, Clock> {
  const map = new Map<ClockKind, Clock>();
  for (const c of clocks) {
    const prev = map.get(c.kind);
    if (!prev || c.cycle > prev.cycle) map.set(c.kind, c);
  }
  return map;
}

function ClockCard({ kind, clock, fetchedAt }: { kind: ClockKind; clock: Clock | undefined; fetchedAt: number }) {
  const { t } = useTranslation();
  const now = useNow();
  let main: string;
  let sub: string | null = null;
  let danger = false;

  if (!clock) main = '—';
  else {
    // Running clocks count down to dueAt (wall-clock deadline, already shifted by the contract
    // calendar on the server); without dueAt, age the server's remainingMs since the fetch.
    const live =
      clock.dueAt !== null
        ? clock.dueAt - now
        : clock.remainingMs !== null
          ? clock.remainingMs - (now - fetchedAt)
          : null;
    switch (clock.status) {
      case 'running':
        if (live === null) main = '—';
        else if (live >= 0) main = formatCountdown(live);
        else {
          danger = true;
          // Lateness reads like every other duration ("超时 2小时46分"), running or stopped.
          main = t('sla.overdueBy', { time: formatDuration(live) });
        }
        sub = clock.dueAt !== null ? t('sla.dueAt', { time: formatDateTime(clock.dueAt) }) : null;
        break;
      case 'paused':
        main = t('clock.status.paused');
        sub = clock.remainingMs !== null ? t('clock.remaining', { time: formatDuration(clock.remainingMs) }) : null;
        break;
      case 'not_needed':
        main = kind === 'arrival' ? t('clock.notNeededArrival') : t('clock.status.not_needed');
        sub = clock.notNeededReason;
        break;
      case 'met':
        main = t('clock.status.met');
        sub = t('clock.took', { time: formatDuration(clock.elapsedMs), at: formatDateTime(clock.stoppedAt) });
        break;
      case 'breached': {
        danger = true;
        main = t('clock.status.breached');
        // Still open after the breach: the lateness keeps growing, so compute it live.
        const late =
          clock.stoppedAt === null && clock.dueAt !== null
            ? Math.max(now - clock.dueAt, clock.breachedByMs)
            : clock.breachedByMs;
        sub = t('clock.lateBy', { time: formatDuration(late) });
        // A breach stays a breach: a later "no site visit needed" is shown beside it, not instead.
        if (clock.notNeededReason && clock.notNeededReason !== 'cancelled')
          sub += `\n${t('clock.laterNotNeeded', { reason: clock.notNeededReason })}`;
        break;
      }
    }
  }

  const title = `${t(`clock.kind.${kind}`)}${clock && clock.cycle > 1 ? ` #${clock.cycle}` : ''}`;
  return (
    <Card
      size="small"
      data-testid={`clock-${kind}`}
      data-status={clock?.status ?? 'none'}
      title={<h3 style={{ margin: 0, fontSize: 15 }}>{title}</h3>}
    >
      <div className={`clock-big${danger ? ' danger-text' : ''}`} data-testid={`clock-${kind}-value`}>
        {main}
      </div>
      {sub ? <div className="muted pre-wrap">{sub}</div> : null}
      {clock ? <div className="muted">{t('clock.target', { time: formatDuration(clock.targetMs) })}</div> : null}
    </Card>
  );
}

/** 响应 / 到场 / 解决 clocks with a countdown that ticks every second. */
export function ClockCards({ clocks, fetchedAt }: { clocks: Clock[]; fetchedAt: number }) {
  const current = currentClocks(clocks);
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {CLOCK_KINDS.map((kind) => (
        <Col key={kind} xs={24} md={8}>
          <ClockCard kind={kind} clock={current.get(kind)} fetchedAt={fetchedAt} />
        </Col>
      ))}
    </Row>
  );
}
