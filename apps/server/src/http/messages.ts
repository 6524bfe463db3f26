import { beijingDateTime } from '../lib/time.js';
import type { ErrorCode } from '../lib/errors.js';
import { renderParam, renderReason, type MessageParam, type Reason } from '../lib/messages/text.js';
import { REASONS, type ReasonKey } from '../lib/messages/reasons/index.js';

export type Locale = 'zh-CN' | 'en';

type Msg = (p: Record<string, string | number>) => string;
/** A time parameter (epoch ms) as users read it: Beijing time, never an ISO UTC string. */
const at = (v: string | number | undefined) => (typeof v === 'number' ? beijingDateTime(v) : String(v ?? ''));
const zh: Record<ErrorCode, Msg> = {
  VALIDATION: (p) => `字段 ${p.field} 无效：${p.reason}`,
  UNAUTHENTICATED: () => '请先登录',
  FORBIDDEN: () => '无权执行此操作',
  NOT_FOUND: (p) => `未找到${p.what ?? '记录'}`,
  CONFLICT: (p) => `操作冲突：${p.reason ?? ''}`,
  CSRF: () => '缺少或错误的 CSRF 令牌（请求头 x-csrf-token）',
  BAD_CREDENTIALS: () => '用户名或密码错误',
  ACCOUNT_LOCKED: (p) => `连续登录失败次数过多，账号已锁定至 ${at(p.until)}（北京时间）`,
  ACCOUNT_DISABLED: () => '账号已停用',
  SESSION_EXPIRED: () => '会话已超时，请重新登录',
  PASSWORD_POLICY: () => '密码须至少 8 位，且包含大写字母、小写字母、数字和特殊字符中的三类，不得包含用户名',
  PASSWORD_CHANGE_REQUIRED: () => '首次登录须先修改密码',
  ROLE_CONFLICT: () => '系统管理员、安全管理员、审计管理员三种角色互斥，也不能与任何业务角色兼任',
  ACTION_NOT_ALLOWED: (p) => `当前状态下不能执行“${p.action}”`,
  REASON_REQUIRED: (p) => `执行“${p.action}”必须填写原因`,
  URGE_TOO_SOON: () => '十分钟内只能催办一次',
  ARRIVAL_OPEN: () => '到场计时仍在进行：请先登记到场，或标记“无需到场”并填写原因',
  REPORTED_AT_FUTURE: () => '报修时间不能晚于当前时间',
  NO_CONTRACT: () => '该项目没有有效的合同，无法确定 SLA',
  DUPLICATE: (p) => `${p.field ?? '记录'} 已存在`,
  RATE_LIMITED: () => '请求过于频繁',
  PAYLOAD_TOO_LARGE: () => '文件过大',
  ROLE_GRANT_RESERVED: () => '系统管理员、安全管理员、审计管理员角色只能由安全管理员授予',
  BAD_REQUEST: () => '请求格式错误',
  UNSUPPORTED_MEDIA_TYPE: () => '不支持的请求内容类型',
  ALREADY_CHECKED_IN: (p) => `您已在 ${p.project} 签到（${p.since}），请先签退`,
  IMPORT_INVALID: (p) => `导入文件有 ${p.count} 行错误，未导入任何数据；可改正后重新导入，或选择只导入有效行`,
  SEPARATION_OF_DUTIES: (p) => `三员分立：${p.rule}`,
};
const en: Record<ErrorCode, Msg> = {
  VALIDATION: (p) => `Field ${p.field} is invalid: ${p.reason}`,
  UNAUTHENTICATED: () => 'Please sign in',
  FORBIDDEN: () => 'You are not allowed to do this',
  NOT_FOUND: (p) => `${p.whatEn ?? p.what ?? 'Record'} not found`,
  CONFLICT: (p) => `Conflict: ${p.reason ?? ''}`,
  CSRF: () => 'Missing or wrong CSRF token (x-csrf-token header)',
  BAD_CREDENTIALS: () => 'Wrong username or password',
  ACCOUNT_LOCKED: (p) => `Too many failed logins; the account is locked until ${at(p.until)} (Beijing time)`,
  ACCOUNT_DISABLED: () => 'The account is disabled',
  SESSION_EXPIRED: () => 'Your session timed out; please sign in again',
  PASSWORD_POLICY: () =>
    'The password needs at least 8 characters from three of: upper case, lower case, digits, symbols, and must not contain the username',
  PASSWORD_CHANGE_REQUIRED: () => 'Change your password before continuing',
  ROLE_CONFLICT: () =>
    'System admin, security admin and auditor are mutually exclusive and cannot be combined with any business role',
  ACTION_NOT_ALLOWED: (p) => `"${p.action}" is not allowed in the current state`,
  REASON_REQUIRED: (p) => `"${p.action}" needs a reason`,
  URGE_TOO_SOON: () => 'A ticket can be urged at most once per 10 minutes',
  ARRIVAL_OPEN: () => 'The arrival clock is still running: check in on site, or mark arrival not needed with a reason',
  REPORTED_AT_FUTURE: () => 'The reported time cannot be in the future',
  NO_CONTRACT: () => 'The project has no contract, so no SLA applies',
  DUPLICATE: (p) => `${p.field ?? 'Record'} already exists`,
  RATE_LIMITED: () => 'Too many requests',
  PAYLOAD_TOO_LARGE: () => 'File too large',
  ROLE_GRANT_RESERVED: () => 'Only the security admin grants the system admin, security admin and auditor roles',
  BAD_REQUEST: (p) => `Malformed request${p.reason ? `: ${p.reason}` : ''}`,
  UNSUPPORTED_MEDIA_TYPE: () => 'Unsupported content type',
  ALREADY_CHECKED_IN: (p) => `You are already checked in at ${p.project} (since ${p.since}); check out first`,
  IMPORT_INVALID: (p) =>
    `${p.count} rows of the file have errors; nothing was imported. Fix them and import again, or import the valid rows only`,
  SEPARATION_OF_DUTIES: (p) => `Separation of duties: ${p.rule}`,
};

export function message(locale: Locale, code: ErrorCode, params: Record<string, MessageParam>): string {
  return (locale === 'en' ? en : zh)[code](localizeParams(locale, params));
}

/** Parameters in one language: phrases ({zh-CN, en}) and catalogue reasons rendered, plain values as they are. */
function localizeParams(locale: Locale, params: Record<string, MessageParam>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) out[k] = renderParam(locale, v);
  return out;
}

export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  return /^\s*en\b/i.test(acceptLanguage) ? 'en' : 'zh-CN';
}

/** Chinese wording of zod issues, so a 400 names the field and reads naturally in zh-CN. */
export function zodReason(
  locale: Locale,
  issue: {
    code: string;
    message: string;
    minimum?: unknown;
    maximum?: unknown;
    expected?: unknown;
    input?: unknown;
    divisor?: unknown;
    params?: unknown;
  },
): string {
  const missing = issue.code === 'invalid_type' && 'input' in issue && issue.input === undefined;
  if (locale === 'en') return missing ? 'is required' : localizeReason(locale, zodMessage(issue));
  if (missing) return '必填';
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected ? `类型错误或缺失（应为 ${String(issue.expected)}）` : '类型错误或缺失';
    case 'too_small':
      return `太短或太小（最小 ${String(issue.minimum)}）`;
    case 'too_big':
      return `太长或太大（最大 ${String(issue.maximum)}）`;
    case 'invalid_value':
      return '取值不在允许范围内';
    case 'invalid_format':
      return '格式不正确';
    case 'invalid_union':
      return '取值不符合任何允许的形式';
    case 'unrecognized_keys':
      return '包含未知字段';
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的倍数`;
    default:
      return localizeReason(locale, zodMessage(issue));
  }
}

/** A zod message that names a catalogue key, with the custom issue's `params` (e.g. dates.ts inRange's `days`). */
function zodMessage(issue: { message: string; params?: unknown }): string | Reason {
  if (!(issue.message in REASONS)) return issue.message;
  const params = issue.params as Record<string, MessageParam> | undefined;
  return params ? { key: issue.message as ReasonKey, params } : { key: issue.message as ReasonKey };
}

/**
 * A reason in one language: a catalogue reason, or a catalogue key (how zod schemas name theirs); any other text
 * (a library's own message) passes through.
 */
export function localizeReason(locale: Locale, m: string | Reason): string {
  if (typeof m !== 'string') return renderReason(locale, m);
  return m in REASONS ? renderReason(locale, { key: m as ReasonKey }) : m;
}
