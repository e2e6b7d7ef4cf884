// Intent-named reads of the website tables, shared by the reception body's pages and the operator's side
// (src/features/operator), which works on the same case through the operator's account or secret link.
// Nothing here authorizes: callers do, with `website.work` or `operator.read`/`operator.respond`.
import type { LinkActor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { sha256Hex } from '../../platform/crypto.js';
import type { Database } from '../../platform/db/database.js';
import type {
  FixAction,
  InvestigationFinding,
  WebsiteOutcome,
  WebsiteStage,
} from '../../platform/db/schema/website.js';
import type { Locale } from '../../platform/db/schema.js';
import { reportBrief } from '../cases/report-brief.js';
import type { WebsiteVulnerabilityType } from '../intake/website-vulnerability-types.js';

/** Where the operator's secret link lands; the operator feature serves this path. */
export function operatorLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/operator/link/${token}`;
}

/**
 * The website case a live operator link opens, by the token's sha-256; null for a wrong, replaced or revoked one,
 * one whose case moved to the product track, or one past its expiry (set when the case is closed).
 */
export async function caseIdForOperatorToken(db: Database, token: string, now: Date): Promise<string | null> {
  // tokens are random base64url; anything else cannot match and is not worth a query
  if (!/^[A-Za-z0-9_-]{32,128}$/.test(token)) return null;
  const row = await db
    .selectFrom('website_cases as w')
    .innerJoin('cases as c', 'c.id', 'w.case_id')
    .select('w.case_id')
    .where('w.operator_link_hash', '=', sha256Hex(token))
    .where('w.operator_link_revoked_at', 'is', null)
    // after close the link reads the case and its leak page for a while (answers are refused on a closed case)
    .where((eb) =>
      eb.or([eb('w.operator_link_expires_at', 'is', null), eb('w.operator_link_expires_at', '>', now)]),
    )
    // a case moved to the product track is no longer the operator's: its link ends at once
    .where('c.superseded_by_case_id', 'is', null)
    .executeTakeFirst();
  return row?.case_id ?? null;
}

/** The actor for the holder of an operator link (policy: operator.read/respond on that case only). */
export function operatorLinkActor(caseId: string, locale: Locale): LinkActor {
  return { kind: 'link', subjectType: 'website_case', subjectId: caseId, locale };
}

/** The case row and its website row, by reference (both null-safe). */
export async function websiteCaseByReference(db: Database, reference: string) {
  return db
    .selectFrom('cases as c')
    .leftJoin('website_cases as w', 'w.case_id', 'c.id')
    .select([
      'c.id as caseId',
      'c.reference',
      'c.track',
      'c.state',
      'c.report_id as reportId',
      'c.handed_over_at as handedOverAt',
      'c.superseded_by_case_id as supersededByCaseId',
      'w.case_id as websiteCaseId',
    ])
    .where('c.reference', '=', reference)
    .executeTakeFirst();
}

export function websiteCaseRow(db: Database, caseId: string) {
  return db.selectFrom('website_cases').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

/** Every website case the operator organization is assigned to, newest notice first (for its account). */
export function casesOfOperator(db: Database, organizationId: string) {
  return db
    .selectFrom('website_cases as w')
    .innerJoin('cases as c', 'c.id', 'w.case_id')
    .select(['c.id as caseId', 'c.reference', 'w.stage', 'w.notified_at as notifiedAt', 'w.outcome'])
    .where('w.operator_organization_id', '=', organizationId)
    .where('w.notified_at', 'is not', null)
    .where('c.superseded_by_case_id', 'is', null)
    .orderBy('w.notified_at', 'desc')
    .execute();
}

export function operatorResponses(db: Database, caseId: string) {
  return db
    .selectFrom('website_operator_responses')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export function completionReports(db: Database, caseId: string) {
  return db
    .selectFrom('website_completion_reports')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
}

export async function latestCompletionReport(db: Database, caseId: string) {
  const all = await completionReports(db, caseId);
  return all.at(-1) ?? null;
}

export function leakPublication(db: Database, caseId: string) {
  return db
    .selectFrom('website_leak_publications')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

/**
 * What the operator may see of its case: the vulnerability as reported (site, type, description, steps,
 * threat), the handling number and where the case stands. This view carries nothing about the finder (nor does
 * any notice built from it): who the finder is reaches the operator only on its case page and API, through
 * report-brief's one rule for the operator audience (showOperatorCase) — the name and organization when the
 * finder consented to the operator knowing who they are, never an address, phone or other way to reach them.
 */
export type OperatorCaseView = {
  caseId: string;
  reference: string;
  siteUrl: string;
  siteName: string | null;
  vulnerabilityType: WebsiteVulnerabilityType;
  description: string;
  steps: string;
  threat: string | null;
  /** the description is an OpenPGP message to the reception body's key: not shown to the operator */
  descriptionEncrypted: boolean;
  stage: WebsiteStage;
  notifiedAt: Date | null;
  acknowledgedAt: Date | null;
  investigationReportedAt: Date | null;
  investigationFinding: InvestigationFinding | null;
  notVulnerabilityReportedAt: Date | null;
  outcome: WebsiteOutcome | null;
  fixAction: FixAction | null;
  closedAt: Date | null;
  /** after close: until when the case's secret link still reads it and its leak page */
  linkExpiresAt: Date | null;
  /** closed, moved to the product track, or never notified: nothing more to answer */
  open: boolean;
};

export async function operatorCaseView(
  ctx: Pick<AppContext, 'db' | 'secrets'>,
  caseId: string,
): Promise<OperatorCaseView | null> {
  const row = await ctx.db
    .selectFrom('cases as c')
    .innerJoin('website_cases as w', 'w.case_id', 'c.id')
    .selectAll('w')
    .select(['c.reference', 'c.report_id', 'c.state as caseState', 'c.superseded_by_case_id'])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  if (!row?.report_id || row.notified_at === null) return null;
  const brief = await reportBrief(ctx.db, ctx, 'operator', row.report_id);
  if (brief?.details.track !== 'website') return null;
  const d = brief.details;
  return {
    caseId,
    reference: row.reference,
    siteUrl: d.siteUrl,
    siteName: d.siteName ?? null,
    vulnerabilityType: d.vulnerabilityType,
    description: d.encryptedDescription ? '' : d.description,
    steps: d.steps,
    threat: d.threat ?? null,
    descriptionEncrypted: d.encryptedDescription === true,
    stage: row.stage,
    notifiedAt: row.notified_at,
    acknowledgedAt: row.acknowledged_at,
    investigationReportedAt: row.investigation_reported_at,
    investigationFinding: row.investigation_finding,
    notVulnerabilityReportedAt: row.not_vulnerability_reported_at,
    outcome: row.outcome,
    fixAction: row.fix_action,
    closedAt: row.closed_at,
    linkExpiresAt: row.operator_link_expires_at,
    open: row.caseState === 'open' && row.superseded_by_case_id === null && row.outcome === null,
  };
}
