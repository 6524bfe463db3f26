import type { FastifyRequest } from 'fastify';
import { invalid } from '../lib/errors.js';
import { NUL_REASON } from './input.js';
import { pickLocale } from './messages.js';

/**
 * The language of generated files: `?lang=` wins over Accept-Language, because a browser download
 * link sends the browser's language, not the one chosen in the app.
 */
export function localeOf(req: FastifyRequest) {
  const lang = new URL(req.url, 'http://local').searchParams.get('lang');
  return lang === 'en' || lang === 'zh-CN' ? lang : pickLocale(req.headers['accept-language']);
}

/** One uploaded file from a multipart body (field "file"). */
export async function uploaded(req: FastifyRequest) {
  if (!req.isMultipart()) throw invalid('file', 'uploads.multipartExpected');
  const part = await req.file();
  if (!part) throw invalid('file', 'uploads.noFile');
  // The JSON-body check (http/input.ts) does not see multipart: the file's name and text fields are checked here.
  if (part.filename.includes('\u0000')) throw invalid('file', NUL_REASON);
  for (const [name, f] of Object.entries(part.fields)) {
    for (const one of [f].flat())
      if (one && one.type === 'field' && (name.includes('\u0000') || String(one.value).includes('\u0000')))
        throw invalid(name, NUL_REASON);
  }
  return { fileName: part.filename, mime: part.mimetype, data: await part.toBuffer() };
}
