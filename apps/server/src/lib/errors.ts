import { reason, type MessageParam, type Reason } from './messages/text.js';
import type { ReasonKey } from './messages/reasons/index.js';

/**
 * Typed errors with stable codes. Services throw these; http/error-handler.ts renders them as
 * RFC 9457 problem+json in the caller's language. Messages live in http/messages.ts.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'CSRF'
  | 'BAD_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_DISABLED'
  | 'SESSION_EXPIRED'
  | 'PASSWORD_POLICY'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'ROLE_CONFLICT'
  | 'ACTION_NOT_ALLOWED'
  | 'REASON_REQUIRED'
  | 'URGE_TOO_SOON'
  | 'ARRIVAL_OPEN'
  | 'REPORTED_AT_FUTURE'
  | 'NO_CONTRACT'
  | 'DUPLICATE'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'ROLE_GRANT_RESERVED'
  | 'BAD_REQUEST'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'ALREADY_CHECKED_IN'
  | 'IMPORT_INVALID'
  | 'SEPARATION_OF_DUTIES';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CSRF: 403,
  BAD_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  SESSION_EXPIRED: 401,
  PASSWORD_POLICY: 400,
  PASSWORD_CHANGE_REQUIRED: 403,
  ROLE_CONFLICT: 400,
  ACTION_NOT_ALLOWED: 409,
  REASON_REQUIRED: 400,
  URGE_TOO_SOON: 429,
  ARRIVAL_OPEN: 409,
  REPORTED_AT_FUTURE: 400,
  NO_CONTRACT: 409,
  DUPLICATE: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  ROLE_GRANT_RESERVED: 403,
  BAD_REQUEST: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ALREADY_CHECKED_IN: 409,
  IMPORT_INVALID: 422,
  SEPARATION_OF_DUTIES: 403,
};

/** Authorisation refusals: http/auth.ts writes each one to the audit log (who, route, target), whichever layer refused. */
export const DENIALS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'FORBIDDEN',
  'CSRF',
  'PASSWORD_CHANGE_REQUIRED',
  'ROLE_GRANT_RESERVED',
  'ROLE_CONFLICT',
  'SEPARATION_OF_DUTIES',
]);

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** Message key parameters, e.g. the field or the action (a phrase in both languages, or a catalogue reason). */
    readonly params: Record<string, MessageParam> = {},
    readonly field?: string,
    /** Every problem found (e.g. one per bad spreadsheet row), rendered in the caller's language. */
    readonly errors?: { field: string; message: Reason }[],
  ) {
    super(`${code}${field ? ` (${field})` : ''}`);
    this.status = STATUS[code];
  }
}

const WHAT_EN: Record<string, string> = {
  工单: 'Ticket',
  项目: 'Project',
  合同: 'Contract',
  用户: 'User',
  令牌: 'Token',
  附件: 'Attachment',
  通知: 'Notification',
  签到记录: 'Check-in',
  运维记录: 'O&M record',
  签名: 'Signature',
  照片: 'Photo',
  资产: 'Asset',
  验收记录: 'Acceptance',
  验收文件: 'Acceptance document',
  维修点: 'Repair point',
  客户: 'Customer',
  巡检模板: 'Checklist template',
  巡检计划: 'Inspection plan',
  巡检任务: 'Inspection task',
  巡检项目: 'Checklist item',
  培训计划: 'Training plan',
  培训课程: 'Course',
  培训批次: 'Training batch',
  培训场次: 'Training session',
  学员: 'Trainee',
  培训资料: 'Training material',
  意见反馈: 'Feedback',
  评价邀请: 'Rating request',
  满意度调查: 'Survey',
  知识文章: 'Article',
  文件: 'File',
  筛选: 'Saved filter',
};
export const notFound = (what: string) => new AppError('NOT_FOUND', { what, whatEn: WHAT_EN[what] ?? 'Record' });
export const forbidden = () => new AppError('FORBIDDEN');
/** Bad input in `field`, for the reason `key` of the catalogue (lib/messages/reasons). */
export const invalid = (field: string, key: ReasonKey, params?: Record<string, MessageParam>) =>
  new AppError('VALIDATION', { reason: reason(key, params) }, field);

/** For `.catch`: a referenced record that is not found (or not visible) is the caller's bad input, named by field. */
export const notFoundAs =
  (field: string, key: ReasonKey, params?: Record<string, MessageParam>) =>
  (e: unknown): never => {
    throw e instanceof AppError && e.code === 'NOT_FOUND' ? invalid(field, key, params) : e;
  };
