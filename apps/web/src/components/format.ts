import dayjs from 'dayjs';
import i18n from '../i18n';

export function formatDateTime(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '—' : dayjs(ms).format('YYYY-MM-DD HH:mm');
}
export function formatDateTimeSec(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '—' : dayjs(ms).format('YYYY-MM-DD HH:mm:ss');
}

/** Human duration with the two largest units, e.g. "1小时5分" / "1 h 5 min". Sign is ignored. */
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
  return parts.slice(0, 2).join(i18n.t('duration.sep'));
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

/** Server texts written "中文 / English" (staffing gaps and problems): the half for the current language. */
export function bilingual(text: string): string {
  const i = text.indexOf(' / ');
  if (i < 0) return text;
  return i18n.language.startsWith('en') ? text.slice(i + 3) : text.slice(0, i);
}

const moneyFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Money is stored in fen (分): ¥1,234.50. */
export function formatMoney(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '—';
  return `${cents < 0 ? '-' : ''}¥${moneyFormat.format(Math.abs(cents) / 100)}`;
}
/** Yuan typed in a form (up to 2 decimals) to fen. */
export const yuanToCents = (yuan: number) => Math.round(yuan * 100);
