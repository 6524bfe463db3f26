import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { beijingDay } from '../fieldwork/api';
import type { InspectionTask } from './api';
import { STATE_COLOR } from './StateTag';

/** YYYY-MM-DD of a UTC date. */
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The weeks (Monday first) covering `ym` (YYYY-MM): each a list of 7 YYYY-MM-DD days. */
export function monthWeeks(ym: string): string[][] {
  const first = new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)) - 1, 1));
  const start = new Date(first);
  start.setUTCDate(1 - ((first.getUTCDay() + 6) % 7)); // back to Monday
  const weeks: string[][] = [];
  for (const d = new Date(start); weeks.length === 0 || iso(d).slice(0, 7) === ym;) {
    const week: string[] = [];
    for (let i = 0; i < 7; i++, d.setUTCDate(d.getUTCDate() + 1)) week.push(iso(d));
    weeks.push(week);
  }
  return weeks;
}

/**
 * 巡检任务 as a month grid (weeks start on Monday): a table of 7 columns whose day cells list that
 * day's tasks as links coloured by state. Today (Beijing) is outlined; days of the neighbouring months
 * are greyed. The table is fixed-width, so it fits a phone (task names are cut with an ellipsis).
 */
export function MonthCalendar({ month, tasks }: { month: string; tasks: InspectionTask[] }) {
  const { t, i18n } = useTranslation();
  const today = beijingDay();
  const byDay = new Map<string, InspectionTask[]>();
  for (const task of [...tasks].sort((a, b) => a.planName.localeCompare(b.planName))) {
    byDay.set(task.dueOn, [...(byDay.get(task.dueOn) ?? []), task]);
  }
  // dayjs follows the i18n language (zh-cn / en); 2024-01-01 was a Monday.
  const locale = i18n.language === 'en' ? 'en' : 'zh-cn';
  const monday = dayjs('2024-01-01').locale(locale);
  const weekdays = Array.from({ length: 7 }, (_, i) => monday.add(i, 'day'));
  const caption = dayjs(`${month}-01`).locale(locale).format(t('insp.cal.monthFormat'));

  return (
    <table className="insp-cal" data-testid="insp-calendar" data-month={month}>
      <caption className="visually-hidden">{`${t('insp.tasksTitle')} ${caption}`}</caption>
      <thead>
        <tr>
          {weekdays.map((d) => (
            <th key={d.day()} scope="col" abbr={d.format('dddd')}>
              {d.format('dd')}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(month).map((week) => (
          <tr key={week[0]}>
            {week.map((day) => {
              const inMonth = day.slice(0, 7) === month;
              const list = inMonth ? (byDay.get(day) ?? []) : [];
              const isToday = day === today;
              const cls = ['insp-cal-day', inMonth ? '' : 'insp-cal-out', isToday ? 'insp-cal-today' : '']
                .filter(Boolean)
                .join(' ');
              return (
                <td
                  key={day}
                  className={cls}
                  data-testid="insp-cal-day"
                  data-date={day}
                  data-in-month={inMonth ? '1' : '0'}
                  data-count={list.length}
                  aria-current={isToday ? 'date' : undefined}
                >
                  <div className="insp-cal-num">
                    <span aria-hidden>{Number(day.slice(8, 10))}</span>
                    <span className="visually-hidden">{dayjs(day).locale(locale).format(t('insp.cal.dayFormat'))}</span>
                    {isToday ? <span className="visually-hidden">{` (${t('insp.cal.today')})`}</span> : null}
                  </div>
                  {list.length ? (
                    <ul className="insp-cal-tasks">
                      {list.map((task) => {
                        const state = t(`insp.state.${task.state}`);
                        const info = [task.planName, state, task.assetName, task.assigneeName]
                          .filter(Boolean)
                          .join(' · ');
                        return (
                          <li key={task.id}>
                            <Link
                              to={`/inspections/tasks/${encodeURIComponent(task.id)}`}
                              className="insp-cal-task"
                              title={info}
                              style={{ background: STATE_COLOR[task.state] }}
                              data-testid="insp-cal-task"
                              data-task-id={task.id}
                              data-state={task.state}
                            >
                              {task.planName}
                              <span className="visually-hidden">{` (${state})`}</span>
                            </Link>
                          </li>
                        );
                      })}
                    </ul>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
