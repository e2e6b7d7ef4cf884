// Sealing and opening the confidential parts of a report. Each value is bound to its row and column, so a
// ciphertext copied to another report will not open. Only the intake and screening code calls `open*`, and
// what it returns to other features passes through the redaction rule (src/domain/redaction.ts) first.
import { documentTokens } from '../../domain/search-tokens.js';
import type { SecretBox } from '../../platform/crypto.js';
import type { FinderIdentity, ReportBody } from './report-input.js';

export const sealIdentity = (box: SecretBox, reportId: string, identity: FinderIdentity) =>
  box.encrypt(JSON.stringify(identity), `reports.identity:${reportId}`);

export const openIdentity = (box: SecretBox, reportId: string, sealed: string): FinderIdentity =>
  JSON.parse(box.decrypt(sealed, `reports.identity:${reportId}`)) as FinderIdentity;

export const sealBody = (box: SecretBox, reportId: string, body: ReportBody) =>
  box.encrypt(JSON.stringify(body), `reports.body:${reportId}`);

export const openBody = (box: SecretBox, reportId: string, sealed: string): ReportBody =>
  JSON.parse(box.decrypt(sealed, `reports.body:${reportId}`)) as ReportBody;

export const sealMessage = (box: SecretBox, messageId: string, text: string) =>
  box.encrypt(text, `reports.message:${messageId}`);

export const openMessage = (box: SecretBox, messageId: string, sealed: string) =>
  box.decrypt(sealed, `reports.message:${messageId}`);

export const sealAttachment = (box: SecretBox, attachmentId: string, data: Buffer) =>
  box.encryptBytes(data, `reports.attachment:${attachmentId}`);

export const openAttachment = (box: SecretBox, attachmentId: string, sealed: Buffer) =>
  box.decryptBytes(sealed, `reports.attachment:${attachmentId}`);

export const sealFilename = (box: SecretBox, attachmentId: string, name: string) =>
  box.encrypt(name, `reports.attachment-name:${attachmentId}`);

export const openFilename = (box: SecretBox, attachmentId: string, sealed: string) =>
  box.decrypt(sealed, `reports.attachment-name:${attachmentId}`);

/**
 * The text a report is compared on when looking for duplicates: what is affected and what is wrong. An encrypted
 * description is left out: its ciphertext would only add noise.
 */
export function similarityText(body: ReportBody): string {
  const description = body.encryptedDescription ? undefined : body.description;
  const parts =
    body.track === 'software'
      ? [body.productName, body.developerName, body.versions, description]
      : [body.siteUrl, body.siteName, body.vulnerabilityType, description];
  return parts.filter(Boolean).join('\n');
}

/**
 * A blind index of the report's text for finding duplicates: each distinct token replaced by a keyed digest,
 * as a tsvector literal. Similar reports share digests; the words themselves are never stored.
 */
export function similarityVector(box: SecretBox, text: string): string {
  const digests = new Set(documentTokens(text).map((t) => box.keyedDigest(t, 'report-similarity')));
  return [...digests].map((d) => `'${d}'`).join(' ');
}

/** The query side of the blind index: any shared token counts (OR), ranking does the rest. */
export function similarityQuery(box: SecretBox, text: string): string | null {
  const digests = new Set(documentTokens(text).map((t) => box.keyedDigest(t, 'report-similarity')));
  return digests.size ? [...digests].map((d) => `'${d}'`).join(' | ') : null;
}
