// How every report attachment leaves the server: as a download, never inline, never sniffed into something the
// browser would run, never cached.
import type { FastifyReply } from 'fastify';
import { safeFilename } from '../intake/attachment-type.js';

/** RFC 5987/6266 `filename*`: UTF-8, percent-encoded, with the characters the grammar reserves encoded too. */
export function contentDisposition(filename: string): string {
  const encoded = encodeURIComponent(safeFilename(filename)).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename*=UTF-8''${encoded}`;
}

export function sendAttachment(reply: FastifyReply, file: { filename: string; data: Buffer }): FastifyReply {
  return reply
    .header('content-type', 'application/octet-stream')
    .header('content-disposition', contentDisposition(file.filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(file.data);
}
