import { invalid } from '../http/errors.js';

/** Times shown to users are Beijing time (UTC+8, no daylight saving), whatever the server's zone. */
const CST = 8 * 3_600_000;

/** "YYYY-MM-DD HH:mm" in Beijing time; `beijingTime` adds the 北京时间 / Beijing time marker. */
export const beijingDateTime = (ms: number) => {
  const iso = new Date(ms + CST).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
};

/** "2026-10-12 10:30（北京时间）" or "2026-10-12 10:30 (Beijing time)": never an ISO UTC string. */
export function beijingTime(ms: number, locale: string): string {
  const text = beijingDateTime(ms);
  return locale === 'en' ? `${text} (Beijing time)` : `${text}（北京时间）`;
}

/**
 * A month (YYYY-MM) that has not begun in Beijing at `now` has nothing to measure yet: refused with a
 * 400 naming `month`, so no endpoint reports a coming month as met or 100 %.
 */
export function refuseUnbegunMonth(month: string, now: number) {
  if (month > new Date(now + CST).toISOString().slice(0, 7))
    throw invalid('month', '该月尚未开始，无法统计 / the month has not begun: nothing to measure yet');
}
