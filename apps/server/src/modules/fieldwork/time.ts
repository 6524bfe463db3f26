/** Beijing-time helpers: engineers' days, and the times shown in messages, are China Standard Time (UTC+8, no DST). */
const CST = 8 * 3_600_000;

export const beijingDay = (ms: number) => new Date(ms + CST).toISOString().slice(0, 10);
/** UTC instant at which Beijing day `day` (YYYY-MM-DD) begins. */
export const beijingDayStart = (day: string) => Date.parse(`${day}T00:00:00Z`) - CST;
/** "HH:mm", or "YYYY-MM-DD HH:mm" with `withDate`. */
export const beijingClock = (ms: number, withDate = false) => {
  const iso = new Date(ms + CST).toISOString();
  return withDate ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(11, 16);
};
/** Still open after the Beijing day it began. */
export const isForgotten = (checkedInAt: number, checkedOutAt: number | null, now: number) =>
  checkedOutAt === null && beijingDay(checkedInAt) < beijingDay(now);

export const encodeKeyset = (at: number, id: string) => Buffer.from(`${at}:${id}`).toString('base64url');
export function decodeKeyset(cursor: string): { at: number; id: string } | null {
  const s = Buffer.from(cursor, 'base64url').toString();
  const i = s.indexOf(':');
  const at = Number(s.slice(0, i));
  return i > 0 && Number.isSafeInteger(at) && s.length > i + 1 ? { at, id: s.slice(i + 1) } : null;
}
