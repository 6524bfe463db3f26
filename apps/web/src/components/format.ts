import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import type { LocalizedText } from '@weibao/schema';
import i18n, { currentLang } from '../i18n';

dayjs.extend(utc);

/**
 * Users see Beijing time whatever zone their browser is in. China has kept UTC+8 without daylight saving
 * since 1991, so a fixed offset is exact and needs no time-zone database.
 */
const BEIJING_OFFSET_MIN = 8 * 60;
const beijing = (ms: number): Dayjs => dayjs.utc(ms).utcOffset(BEIJING_OFFSET_MIN);
const missing = (ms: number | null | undefined): ms is null | undefined => ms === null || ms === undefined;

/** The one date-time form: "2026-12-07 11:29" (Beijing). */
export function formatDateTime(ms: number | null | undefined): string {
  return missing(ms) ? '—' : beijing(ms).format('YYYY-MM-DD HH:mm');
}
/** With seconds, where the second matters (audit log, signatures): "2026-12-07 11:29:05". */
export function formatDateTimeSec(ms: number | null | undefined): string {
  return missing(ms) ? '—' : beijing(ms).format('YYYY-MM-DD HH:mm:ss');
}
/** The one date form: "2026-12-07" (the Beijing day of the instant). */
export function formatDate(ms: number | null | undefined): string {
  return missing(ms) ? '—' : beijing(ms).format('YYYY-MM-DD');
}
/** Time of day on a page that already shows the day: "11:29" (Beijing). */
export function formatTime(ms: number | null | undefined): string {
  return missing(ms) ? '—' : beijing(ms).format('HH:mm');
}
/** The Beijing calendar day "YYYY-MM-DD" of an instant (default: now), as the API's day parameters want it. */
export const beijingDay = (ms: number = Date.now()): string => beijing(ms).format('YYYY-MM-DD');
/** The Beijing calendar month "YYYY-MM" of an instant (default: now). */
export const beijingMonth = (ms: number = Date.now()): string => beijing(ms).format('YYYY-MM');

/**
 * For a picker, which works in the browser's zone: a local Dayjs whose wall clock reads the Beijing time of
 * `ms`, and back. (Exact except in a local daylight-saving gap, which Beijing never has.)
 */
export const beijingWallClock = (ms: number): Dayjs => dayjs(beijing(ms).format('YYYY-MM-DDTHH:mm:ss.SSS'));
export const fromBeijingWallClock = (d: Dayjs): number => Date.parse(`${d.format('YYYY-MM-DDTHH:mm:ss.SSS')}+08:00`);

/**
 * Human duration with the two largest units, e.g. "1小时5分" / "1 h 5 min". Sign is ignored.
 * The two units are joined by a pattern (`duration.pair`), never by a separator key: a key whose
 * value is empty renders as the key itself in i18next.
 */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts: string[] = [];
  if (d) parts.push(i18n.t('duration.d', { n: d }));
  if (h) parts.push(i18n.t('duration.h', { n: h }));
  if (m && parts.length < 2) parts.push(i18n.t('duration.m', { n: m }));
  if (!parts.length) parts.push(i18n.t('duration.s', { n: s }));
  const [first, second] = parts;
  return second === undefined ? first! : i18n.t('duration.pair', { first, second });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Ticking countdown text: "01:05:09", or "2天 01:05:09" past a day. Sign is ignored. */
export function formatCountdown(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(total / 86400);
  const clock = `${pad(Math.floor((total % 86400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return d ? `${i18n.t('duration.d', { n: d })} ${clock}` : clock;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A server text sent in both languages (`LocalizedText`, e.g. a commitment's detail): the current language's. */
export const localized = (text: LocalizedText): string => text[currentLang()];

const moneyFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Money is stored in fen (分): ¥1,234.50. */
export function formatMoney(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '—';
  return `${cents < 0 ? '-' : ''}¥${moneyFormat.format(Math.abs(cents) / 100)}`;
}
/** Yuan typed in a form (up to 2 decimals) to fen. */
export const yuanToCents = (yuan: number) => Math.round(yuan * 100);
