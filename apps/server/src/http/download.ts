import { once } from 'node:events';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv; charset=utf-8';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The one way a route sends a file. Bytes built in memory or a stream (a stored file, a streamed export);
 * a stream that fails before the first byte reaches the central error handler like any other error.
 */
export type FileBody = Buffer | Readable;

/** A file as an attachment: UTF-8 file name (RFC 6266), never cached, never sniffed. */
export const download = (reply: FastifyReply, mime: string, fileName: string, body: FileBody) =>
  reply
    .header('content-type', mime)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(body);

/**
 * A stored file opened for streaming; a file that cannot be opened (gone from disk) rejects here, before
 * any header is set, so the error handler's 500 is not labelled as the attachment.
 */
async function opened(file: string): Promise<Readable> {
  const stream = fs.createReadStream(file);
  await once(stream, 'open');
  return stream;
}

/** A stored file (an absolute path the service resolved inside the data directory), streamed as an attachment. */
export const downloadFile = async (reply: FastifyReply, mime: string, fileName: string, file: string) =>
  download(reply, mime, fileName, await opened(file));

/**
 * A stored image the page shows in place (a photo, a signature): streamed, never sniffed, cached only
 * privately — for `cache` when the caller may keep it, not cached at all otherwise.
 */
export const inline = async (reply: FastifyReply, mime: string, file: string, cache = 'private, no-store') => {
  const body = await opened(file);
  return reply
    .header('content-type', mime)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', cache)
    .send(body);
};
