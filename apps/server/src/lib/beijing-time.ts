/** Times shown to users: China Standard Time (UTC+8, no DST), labelled in the reader's language. */
const CST = 8 * 3_600_000;

/** "2026-10-12 10:30（北京时间）" or "2026-10-12 10:30 (Beijing time)": never an ISO UTC string. */
export function beijingTime(ms: number, locale: string): string {
  const iso = new Date(ms + CST).toISOString();
  const text = `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  return locale === 'en' ? `${text} (Beijing time)` : `${text}（北京时间）`;
}
