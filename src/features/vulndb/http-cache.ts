// Conditional GETs for the public API: a strong ETag made from what identifies the representation (ids and
// revisions of what is listed, the parameters) rather than a hash of the whole body, and If-None-Match
// compared as RFC 9110 §13.1.2 says (weak comparison, a list, or *).
import { createHash } from 'node:crypto';

/** A strong entity tag for these parts (they must determine the representation). */
export function strongEtag(parts: readonly (string | number)[]): string {
  return `"${createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 27)}"`;
}

/** Whether an If-None-Match header matches the tag (then the answer is 304). */
export function ifNoneMatch(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const own = opaque(etag);
  return value.split(',').some((tag) => opaque(tag) === own);
}

/** Whether If-Modified-Since (used only without If-None-Match) says the client's copy is current. */
export function notModifiedSince(header: string | undefined, lastModified: Date): boolean {
  if (!header) return false;
  const since = Date.parse(header);
  if (Number.isNaN(since)) return false;
  return Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
}
