import type { FormInstance } from 'antd';
import i18n, { currentLang } from '../i18n';

export const API_BASE = '/api/v1';

/** RFC 9457 problem, normalised. `field` names the request field at fault, when the server knows it. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly detail: string;
  readonly errors: { field: string; message: string }[];

  constructor(p: {
    status: number;
    code: string;
    detail: string;
    field?: string | undefined;
    errors?: { field: string; message: string }[];
  }) {
    super(p.detail);
    this.name = 'ApiError';
    this.status = p.status;
    this.code = p.code;
    this.field = p.field;
    this.detail = p.detail;
    this.errors = p.errors ?? [];
  }
}

// The CSRF token lives only in memory: it is re-read from /auth/me on every page load.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type ErrorNotifier = (text: string) => void;
let notifyError: ErrorNotifier = (text) => console.error(text);
/** Installed by <ApiBridge> inside antd's <App> so errors use the themed message API. */
export function setErrorNotifier(fn: ErrorNotifier): void {
  notifyError = fn;
}

let onUnauthorized: () => void = () => undefined;
/** Called once per 401 (expired/absent session) instead of a toast; the app then shows the login page. */
export function setUnauthorizedHandler(fn: () => void): void {
  onUnauthorized = fn;
}

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  form?: FormData;
  /** Do not show the error detail as a toast (the caller shows it itself). */
  silent?: boolean;
  signal?: AbortSignal;
}

/** Re-read the CSRF token (e.g. after the session was rotated in another tab). */
async function refreshCsrf(): Promise<boolean> {
  try {
    const res = await fetch(buildUrl('/auth/me'), {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    if (!res.ok) return false;
    const me = (await res.json()) as { csrfToken?: string };
    if (!me.csrfToken) return false;
    csrfToken = me.csrfToken;
    return true;
  } catch {
    return false;
  }
}

/**
 * A link to a generated file (PDF, Excel): carries the app's language, which the server prefers to
 * the browser's Accept-Language for downloads.
 */
export function downloadUrl(path: string, query?: Query): string {
  return buildUrl(path, { ...(query ?? {}), lang: currentLang() });
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const item of v) params.append(k, String(item));
    else params.append(k, String(v));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    const ct = res.headers.get('content-type') ?? '';
    if (ct.includes('json')) body = (await res.json()) as Record<string, unknown>;
  } catch {
    /* non-JSON error body: fall back to the status text below */
  }
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const errors = Array.isArray(body.errors)
    ? (body.errors as { field?: unknown; message?: unknown }[])
        .filter((e) => typeof e.field === 'string')
        .map((e) => ({ field: String(e.field), message: String(e.message ?? '') }))
    : [];
  return new ApiError({
    status: res.status,
    code: str(body.code) ?? `http_${res.status}`,
    field: str(body.field),
    detail: str(body.detail) ?? str(body.title) ?? i18n.t('error.http', { status: res.status }),
    errors,
  });
}

export async function api<T>(path: string, opts: RequestOptions = {}, retried = false): Promise<T> {
  const method = opts.method ?? (opts.body !== undefined || opts.form ? 'POST' : 'GET');
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLang(),
  };
  let body: BodyInit | undefined;
  if (opts.form)
    body = opts.form; // the browser sets the multipart boundary itself
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    const err = new ApiError({ status: 0, code: 'network_error', detail: i18n.t('error.network') });
    if (!opts.silent) notifyError(err.detail);
    throw err;
  }
  if (!res.ok) {
    const err = await toApiError(res);
    // A stale CSRF token (session rotated elsewhere): fetch the current one and try once more.
    if (
      res.status === 403 &&
      err.code.toUpperCase() === 'CSRF' &&
      method !== 'GET' &&
      !retried &&
      (await refreshCsrf())
    ) {
      return api<T>(path, opts, true);
    }
    if (res.status === 401 && path !== '/auth/login' && path !== '/auth/me') onUnauthorized();
    else if (!opts.silent) notifyError(err.detail);
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const ct = res.headers.get('content-type') ?? '';
  if (ct.includes('json')) return (await res.json()) as T;
  return (await res.text()) as T;
}

/** Turn a dotted problem `field` ("policy.targets.0.responseMin") into an antd name path. */
function toNamePath(field: string): (string | number)[] {
  return field
    .split(/[.[\]/]+/)
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function hasPath(obj: unknown, path: (string | number)[]): boolean {
  let cur: unknown = obj;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || !(key in (cur as object))) return false;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return true;
}

/**
 * Show a server-side validation error next to the form field it names. Returns true when at least
 * one field of this form got the message (the toast from api() stays as well, for screen readers).
 */
export function applyFormError(
  form: FormInstance,
  err: unknown,
  rename: (field: string) => string = (f) => f,
): boolean {
  if (!(err instanceof ApiError)) return false;
  const registered = form.getFieldsValue() as unknown; // only fields rendered in this form
  const pairs = err.errors.length ? err.errors : err.field ? [{ field: err.field, message: err.detail }] : [];
  const fields = pairs
    .map(({ field, message }) => ({ name: toNamePath(rename(field)), errors: [message || err.detail] }))
    .filter((f) => f.name.length > 0 && hasPath(registered, f.name));
  if (fields.length) form.setFields(fields);
  return fields.length > 0;
}

/** What antd's validateFields() rejects with when a rule fails (its errors are then shown next to the fields). */
function isValidationFailure(e: unknown): e is { errorFields: unknown[] } {
  return typeof e === 'object' && e !== null && Array.isArray((e as { errorFields?: unknown }).errorFields);
}

/**
 * Runs a dialog's submit so that nothing stopping it is dropped: a failed rule is already shown next to
 * its field; anything else (a rejection without field errors, an exception) is logged and reported.
 * Server refusals arrive as toasts from api() and through the mutation's onError.
 */
export function submitReportingFailures(submit: () => Promise<unknown>, report: () => void): void {
  submit().catch((e: unknown) => {
    if (isValidationFailure(e) && e.errorFields.length > 0) return;
    console.error(e);
    report();
  });
}
