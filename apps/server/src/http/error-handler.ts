import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../lib/errors.js';
import { localizeReason, message, pickLocale, zodReason } from './messages.js';

/** Renders every error as RFC 9457 problem+json with a stable code; never leaks internals. */
/**
 * `spa`: when the web UI is served, unknown GET paths outside /api are client-side routes and get
 * its index.html; everything else unknown is a problem+json 404.
 */
export function registerErrorHandler(app: FastifyInstance, opts: { spa?: boolean } = {}): void {
  app.setErrorHandler((err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) => {
    const locale = pickLocale(req.headers['accept-language']);
    if (err instanceof AppError) {
      req.log.info({ code: err.code, field: err.field }, 'request refused');
      const params = { ...err.params, ...(err.field ? { field: err.field } : {}) };
      const errors = err.errors?.map((e) => ({ field: e.field, message: localizeReason(locale, e.message) }));
      return send(reply, err.status, err.code, message(locale, err.code, params), err.field, errors);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors = err.validation.map((v) => {
        // Same notation as service-level errors: policy.calendar.weekly[0].start
        const path = v.instancePath
          .split('/')
          .filter(Boolean)
          .reduce((f, seg) => (/^\d+$/.test(seg) ? `${f}[${seg}]` : f ? `${f}.${seg}` : seg), '');
        const field = path || String(err.validationContext ?? 'body');
        const issue = { ...(v.params as Record<string, unknown>), code: v.keyword, message: v.message ?? 'invalid' };
        return { field, message: zodReason(locale, issue) };
      });
      const first = errors[0]!;
      return send(
        reply,
        400,
        'VALIDATION',
        message(locale, 'VALIDATION', { field: first.field, reason: first.message }),
        first.field,
        errors,
      );
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
      return send(reply, 500, 'INTERNAL', locale === 'en' ? 'Internal error' : '服务器内部错误');
    }
    const fe = err as FastifyError;
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Framework errors (malformed JSON, wrong content type, body too large): stable code, detail in the caller's language.
      const code =
        fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.statusCode === 413
          ? 'PAYLOAD_TOO_LARGE'
          : fe.statusCode === 415
            ? 'UNSUPPORTED_MEDIA_TYPE'
            : 'BAD_REQUEST';
      return send(reply, fe.statusCode, code, message(locale, code, { reason: fe.message }));
    }
    req.log.error({ err }, 'unhandled error');
    return send(reply, 500, 'INTERNAL', locale === 'en' ? 'Internal error' : '服务器内部错误');
  });
  app.setNotFoundHandler((req, reply) => {
    if (opts.spa && req.method === 'GET' && !isApiPath(req.url))
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    const locale = pickLocale(req.headers['accept-language']);
    return send(reply, 404, 'NOT_FOUND', message(locale, 'NOT_FOUND', { what: locale === 'en' ? 'route' : '接口' }));
  });
}

/** Read as the router reads it (percent-decoded), so `/%61pi/…` is an API path too; an undecodable path is not a page. */
function isApiPath(url: string): boolean {
  try {
    return decodeURIComponent(url.split('?')[0]!).startsWith('/api/');
  } catch {
    return true;
  }
}

function send(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  field?: string,
  errors?: { field: string; message: string }[],
) {
  return reply
    .status(status)
    .type('application/problem+json; charset=utf-8')
    .send(
      JSON.stringify({
        type: `https://weibao.dev/problems/${code.toLowerCase()}`,
        title: code,
        status,
        detail,
        code,
        ...(field ? { field } : {}),
        ...(errors ? { errors } : {}),
      }),
    );
}
