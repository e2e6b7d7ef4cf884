// Reading change requests: the one a keeper decides on (with its organization), the pending ones a keeper sees.
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, can } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import {
  type ContactSnapshot,
  changedFields,
  contactSnapshot,
  directoryOrganization,
  resourceOf,
} from './entry-store.js';
import type { DirectoryType } from './product-category.js';
import { isUuid } from './uuid.js';

export type ChangeRequest = {
  id: string;
  organizationId: string;
  organizationType: DirectoryType;
  organizationNameJa: string;
  organizationNameEn: string;
  requestedBy: { id: string; email: string; displayName: string; locale: 'ja' | 'en' };
  before: ContactSnapshot;
  proposed: ContactSnapshot;
  changed: string[];
  state: 'pending' | 'approved' | 'rejected' | 'superseded';
  rejectReason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
};

function query(db: Database) {
  return db
    .selectFrom('directory_change_requests as r')
    .innerJoin('organizations as o', 'o.id', 'r.organization_id')
    .innerJoin('users as u', 'u.id', 'r.requested_by')
    .select([
      'r.id',
      'r.organization_id',
      'o.type',
      'o.name_ja',
      'o.name_en',
      'u.id as user_id',
      'u.email',
      'u.display_name',
      'u.locale',
      'r.before',
      'r.proposed',
      'r.state',
      'r.reject_reason',
      'r.created_at',
      'r.decided_at',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirstOrThrow']>>;

function toRequest(r: Row): ChangeRequest {
  const before = r.before as ContactSnapshot;
  const proposed = r.proposed as ContactSnapshot;
  return {
    id: r.id,
    organizationId: r.organization_id,
    organizationType: r.type as DirectoryType,
    organizationNameJa: r.name_ja,
    organizationNameEn: r.name_en,
    requestedBy: { id: r.user_id, email: r.email, displayName: r.display_name, locale: r.locale },
    before,
    proposed,
    changed: changedFields(before, proposed),
    state: r.state,
    rejectReason: r.reject_reason,
    createdAt: r.created_at,
    decidedAt: r.decided_at,
  };
}

/** One change request, for its keeper (or the party that made it). */
export async function loadChangeRequest(
  db: Database,
  actor: Actor,
  requestId: string,
): Promise<ChangeRequest> {
  if (!isUuid(requestId)) throw notFound();
  const row = await query(db).where('r.id', '=', requestId).executeTakeFirst();
  if (!row) throw notFound();
  const org = await directoryOrganization(db, row.organization_id);
  // staff read every entry and its requests; a party reads its own
  authorize(actor, 'directory.read', resourceOf(org));
  const request = toRequest(row);
  if (request.state !== 'pending') return request;
  // still open: shown (and applied) against the entry as it is now, so a keeper's later edit to a field the party
  // did not touch is neither shown as a change nor undone by the approval
  const current = await contactSnapshot(db, request.organizationId);
  const proposed = applyProposal(current, request.before, request.proposed);
  return { ...request, before: current, proposed, changed: changedFields(current, proposed) };
}

/** The current contact window with the fields the party changed (relative to when it asked) set as proposed. */
export function applyProposal(
  current: ContactSnapshot,
  askedAgainst: ContactSnapshot,
  proposed: ContactSnapshot,
): ContactSnapshot {
  const out: ContactSnapshot = { ...current };
  for (const f of changedFields(askedAgainst, proposed)) {
    if (f === 'pgpFingerprint') {
      out.pgpPublicKey = proposed.pgpPublicKey;
      out.pgpFingerprint = proposed.pgpFingerprint;
    } else {
      (out as Record<string, unknown>)[f] = proposed[f];
    }
  }
  return out;
}

/** The pending requests this keeper may decide, oldest first; or those of one organization. */
export async function pendingChangeRequests(
  db: Database,
  actor: Actor,
  opts: { organizationId?: string } = {},
): Promise<ChangeRequest[]> {
  authorize(actor, 'directory.read');
  let q = query(db).where('r.state', '=', 'pending');
  if (opts.organizationId) q = q.where('r.organization_id', '=', opts.organizationId);
  const rows = await q.orderBy('r.created_at').orderBy('r.id').limit(500).execute();
  return rows.map(toRequest).filter((r) =>
    can(actor, 'directory.manage', {
      organizationId: r.organizationId,
      organizationType: r.organizationType,
    }),
  );
}

/** A party's own requests, newest first. */
export async function ownChangeRequests(db: Database, actor: Actor, organizationId: string) {
  authorize(actor, 'directory.read', { organizationId });
  const rows = await query(db)
    .where('r.organization_id', '=', organizationId)
    .orderBy('r.created_at', 'desc')
    .limit(20)
    .execute();
  return rows.map(toRequest);
}
