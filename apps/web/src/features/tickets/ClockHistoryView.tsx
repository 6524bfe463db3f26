import { Empty, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { CLOCK_KINDS } from '../../api/enums';
import { formatDateTime, formatDuration } from '../../components/format';
import { useClockHistory } from './api';

const SEGMENT_COLOR: Record<string, string> = { running: '#0958d9', paused: '#ad4e00', calendar_gap: '#595959' };

/** Per clock and cycle: when it ran, was paused (挂起), or stood still outside the contract calendar. */
export function ClockHistoryView({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const { data: raw = [], isPending } = useClockHistory(ticketId);
  if (!isPending && raw.length === 0) return <Empty description={t('common.empty')} />;
  const order = (k: string) => CLOCK_KINDS.indexOf(k as (typeof CLOCK_KINDS)[number]);
  const data = [...raw].sort((a, b) => order(a.kind) - order(b.kind) || a.cycle - b.cycle);
  return (
    <div data-testid="clock-history">
      {data.map((h) => (
        <section key={`${h.kind}-${h.cycle}`} aria-label={`${t(`clock.kind.${h.kind}`)} #${h.cycle}`}>
          <h3 style={{ margin: '8px 0', fontSize: 14 }}>
            {t(`clock.kind.${h.kind}`)}
            {h.cycle > 1 ? ` #${h.cycle}` : ''}
          </h3>
          <Timeline
            items={h.segments.map((s) => ({
              color: SEGMENT_COLOR[s.kind] ?? '#595959',
              children: (
                <div>
                  <strong>{t(`clock.segment.${s.kind}`)}</strong>{' '}
                  <span>
                    {formatDateTime(s.start)} – {s.end === null ? t('clock.untilNow') : formatDateTime(s.end)}
                  </span>
                  {s.end !== null ? <span className="muted"> ({formatDuration(s.end - s.start)})</span> : null}
                  {s.reason || s.name ? (
                    <div className="muted">
                      {s.name ?? (s.reason ? t(`suspendReason.${s.reason}`, { defaultValue: s.reason }) : '')}
                    </div>
                  ) : null}
                </div>
              ),
            }))}
          />
          {h.replans.map((r) => (
            <div key={`${r.at}-${r.reason}`} className="muted" data-testid="clock-replan">
              {t('clock.replan', {
                at: formatDateTime(r.at),
                by: r.byName ?? '—',
                reason: t(`clock.replanReason.${r.reason}`, { defaultValue: r.reason }),
                from: r.fromDue === null ? t('clock.replanPaused') : formatDateTime(r.fromDue),
                to: r.toDue === null ? t('clock.replanPaused') : formatDateTime(r.toDue),
              })}
              {r.fromTargetMs !== r.toTargetMs
                ? t('clock.replanTarget', { from: formatDuration(r.fromTargetMs), to: formatDuration(r.toTargetMs) })
                : null}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
