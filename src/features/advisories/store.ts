// The advisory row and its sealed copies: the working copy (`advisories.content:<id>`) and the approved copy
// (`advisories.approved:<id>`, with the sha-256 of its plain JSON, so an approval is bound to exactly that text).
// Reads take no actor: the use cases have authorized.
import { createHash } from 'node:crypto';
import type { AdvisoryContent } from '../../domain/advisory-document.js';
import type { SecretBox } from '../../platform/crypto.js';
import type { Database } from '../../platform/db/database.js';

export const contentContext = (id: string) => `advisories.content:${id}`;
export const approvedContext = (id: string) => `advisories.approved:${id}`;

export const ADVISORY_EVENTS = {
  created: 'advisory.created',
  saved: 'advisory.saved',
  submitted: 'advisory.submitted',
  approved: 'advisory.approved',
  changesRequested: 'advisory.changes_requested',
  scheduled: 'advisory.scheduled',
  unscheduled: 'advisory.unscheduled',
  rescheduled: 'advisory.rescheduled',
  correctionStarted: 'advisory.correction_started',
  correctionReleased: 'advisory.correction_released',
} as const;

export const contentJson = (c: AdvisoryContent) => JSON.stringify(c);
export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export const sealContent = (box: SecretBox, id: string, c: AdvisoryContent) =>
  box.encrypt(contentJson(c), contentContext(id));
export const openContent = (box: SecretBox, id: string, sealed: string): AdvisoryContent =>
  JSON.parse(box.decrypt(sealed, contentContext(id))) as AdvisoryContent;
export const sealApproved = (box: SecretBox, id: string, json: string) =>
  box.encrypt(json, approvedContext(id));
export const openApproved = (box: SecretBox, id: string, sealed: string): AdvisoryContent =>
  JSON.parse(box.decrypt(sealed, approvedContext(id))) as AdvisoryContent;

export type AdvisoryRow = Awaited<ReturnType<typeof advisoryOfCase>>;

/** The case's advisory row (locked for update inside a writing transaction when `lock`), or undefined. */
export function advisoryOfCase(db: Database, caseId: string, opts: { lock?: boolean } = {}) {
  const q = db.selectFrom('advisories').selectAll().where('case_id', '=', caseId);
  return (opts.lock ? q.forUpdate() : q).executeTakeFirst();
}
