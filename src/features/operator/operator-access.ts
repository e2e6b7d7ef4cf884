// Which website case an operator may open, by its handling number: the members of the operator organization the
// case is assigned to, and the holder of the case's secret link. Anyone not signed in (and without a live link)
// is sent to log in; anyone else learns nothing — another operator's case, or a case never notified, is a 404.
import type { Actor } from '../../platform/auth/actor.js';
import { can, type Resource } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/database.js';
import type { ResponseVia } from '../../platform/db/schema/website.js';
import { AppError, notFound } from '../../platform/errors.js';

export type OperatorCaseRef = {
  caseId: string;
  reference: string;
  reportId: string;
  operatorOrganizationId: string | null;
};

export const operatorCasePath = (reference: string) => `/operator/cases/${encodeURIComponent(reference)}`;

export function operatorResource(c: Pick<OperatorCaseRef, 'caseId' | 'operatorOrganizationId'>): Resource {
  return { track: 'website', caseId: c.caseId, organizationId: c.operatorOrganizationId };
}

/** Who answered, as the website tables record it. */
export function answeredBy(actor: Actor): { via: ResponseVia; userId: string | null } {
  return actor.kind === 'user' ? { via: 'account', userId: actor.userId } : { via: 'link', userId: null };
}

export function requireSignedIn(actor: Actor): void {
  if (actor.kind === 'anonymous' || actor.kind === 'mfa_pending') {
    throw new AppError('unauthenticated', 'errors.unauthenticated');
  }
}

export async function findOperatorCase(
  db: Database,
  actor: Actor,
  reference: string,
  action: 'operator.read' | 'operator.respond',
): Promise<OperatorCaseRef> {
  requireSignedIn(actor);
  const row = await db
    .selectFrom('cases as c')
    .innerJoin('website_cases as w', 'w.case_id', 'c.id')
    .select(['c.id', 'c.reference', 'c.track', 'c.report_id', 'w.operator_organization_id', 'w.notified_at'])
    .where('c.reference', '=', reference)
    .executeTakeFirst();
  // before the details went out there is nothing for the operator to see
  if (row?.track !== 'website' || !row.report_id || row.notified_at === null) throw notFound();
  const ref = {
    caseId: row.id,
    reference: row.reference,
    reportId: row.report_id,
    operatorOrganizationId: row.operator_organization_id,
  };
  if (!can(actor, action, operatorResource(ref))) throw notFound();
  return ref;
}
