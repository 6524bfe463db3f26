import { Empty, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { useTimeline } from './api';

/** A few well-known keys of TimelineEvent.data worth showing; the rest stays in the audit trail. */
const DATA_KEYS = [
  'clock',
  'channel',
  'assigneeName',
  'fromAssigneeName',
  'toAssigneeName',
  'level',
  'fromLevel',
  'toLevel',
  'suspendReason',
  'faultCause',
  'rating',
  'note',
  'solution',
  'fileName',
  'occurredAtReason',
  // repairs: the asset recorded, a part replaced and the warranty it got
  'name',
  'serial',
  'oldSerial',
  'newSerial',
  'newEnd',
  'policy',
  'extendedByDays',
];
/** Data values that are enum codes get their display name; the rest are shown as they are. */
const VALUE_KEY: Record<string, string> = {
  clock: 'clock.kind',
  channel: 'channel',
  level: 'level.short',
  fromLevel: 'level.short',
  toLevel: 'level.short',
  suspendReason: 'suspendReason',
  faultCause: 'faultCause',
  policy: 'warranty.policy',
};

function EventLine({ e }: { e: TimelineEvent }) {
  const { t } = useTranslation();
  const details = DATA_KEYS.filter((k) => e.data[k] !== undefined && e.data[k] !== null).map((k) => {
    const v = e.data[k];
    const prefix = VALUE_KEY[k];
    const text = prefix ? t(`${prefix}.${String(v)}`, { defaultValue: String(v) }) : String(v);
    return `${t(`timeline.data.${k}`)}: ${text}`;
  });
  return (
    <div>
      <div>
        <strong>{t(`event.${e.type}`, { defaultValue: t(`action.${e.type}`, { defaultValue: e.type }) })}</strong>
        {e.actorName ? <span> · {e.actorName}</span> : null}
      </div>
      {/* Logged after the fact: when it happened first (the clocks count to it), then when it was logged. */}
      <div className="muted" data-testid="timeline-time">
        {typeof e.data.occurredAt === 'number'
          ? t('timeline.occurred', { at: formatDateTime(e.data.occurredAt), logged: formatDateTime(e.at) })
          : formatDateTime(e.at)}
      </div>
      {(e.fromStatus || e.toStatus) && e.fromStatus !== e.toStatus ? (
        <div>
          {t('timeline.status', {
            from: e.fromStatus ? t(`status.${e.fromStatus}`) : '—',
            to: e.toStatus ? t(`status.${e.toStatus}`) : '—',
          })}
        </div>
      ) : null}
      {e.reason ? <div className="pre-wrap">{t('timeline.reason', { reason: e.reason })}</div> : null}
      {details.map((d) => (
        <div key={d} className="pre-wrap">
          {d}
        </div>
      ))}
    </div>
  );
}

/** 处理记录: every action with actor, time, status change and reason. Newest first. */
export function TimelineView({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const { data = [], isPending } = useTimeline(ticketId);
  if (!isPending && data.length === 0) return <Empty description={t('common.empty')} />;
  const events = [...data].sort((a, b) => b.at - a.at);
  return (
    <div data-testid="ticket-timeline">
      <Timeline items={events.map((e) => ({ key: e.id, children: <EventLine e={e} /> }))} />
    </div>
  );
}
