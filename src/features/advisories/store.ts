// The advisory row and its sealed copies: the working copy (`advisories.content:<id>`) and the approved copy
// (`advisories.approved:<id>`, with the sha-256 of its plain JSON, so an approval is bound to exactly that text).
// Reads take no actor: the use cases have authorized.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
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

/**
 * The people who wrote or changed the copy since it was last approved (the created, saved and correction-started
 * events of the case's stream after its last approval): none of them may approve it (four eyes).
 */
export async function editorsSinceApproval(
  db: Database,
  caseId: string,
  advisoryId: string,
): Promise<Set<string>> {
  const last = await db
    .selectFrom('events')
    .select('id')
    .where('stream_type', '=', 'case')
    .where('stream_id', '=', caseId)
    .where('type', '=', ADVISORY_EVENTS.approved)
    .orderBy(sql`id::bigint`, 'desc')
    .limit(1)
    .executeTakeFirst();
  let q = db
    .selectFrom('events')
    .select('actor_user_id')
    .distinct()
    .where('stream_type', '=', 'case')
    .where('stream_id', '=', caseId)
    .where('type', 'in', [ADVISORY_EVENTS.created, ADVISORY_EVENTS.saved, ADVISORY_EVENTS.correctionStarted])
    .where('actor_user_id', 'is not', null)
    .where(sql<boolean>`data->>'advisoryId' = ${advisoryId}`);
  if (last) q = q.where(sql<boolean>`id::bigint > ${last.id}::bigint`);
  const rows = await q.execute();
  return new Set(rows.map((r) => r.actor_user_id as string));
}

/** The sha-256 of an advisory's working copy as the review page shows it (approveAdvisory's reviewedSha256). */
export async function workingCopySha256(db: Database, box: SecretBox, advisoryId: string): Promise<string> {
  const r = await db
    .selectFrom('advisories')
    .select('content_enc')
    .where('id', '=', advisoryId)
    .executeTakeFirstOrThrow();
  return sha256(contentJson(openContent(box, advisoryId, r.content_enc)));
}
