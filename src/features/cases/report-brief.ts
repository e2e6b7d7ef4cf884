// The report as a given audience may see it (受付機関基準 (4)): the one way out of the report tables for every
// feature after the handover — case pages, coordination, website notices, exports, mails. The vulnerability
// details go to whoever works the case; the finder's identity is opened only when `mayKnowFinderIdentity`
// allows it for this audience, so a caller cannot get it by mistake: a withheld identity is never decrypted.
// A developer or website operator who may know who the finder is still gets no way to reach them (address,
// phone) unless the finder allowed direct contact and the coordinator agreed (`mayContactFinderDirectly`).
import {
  type Audience,
  type FinderConsents,
  mayContactFinderDirectly,
  mayKnowFinderIdentity,
} from '../../domain/redaction.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { Locale, ReportTrack } from '../../platform/db/schema.js';
import type { ReportBody } from '../intake/report-input.js';
import { openBody, openFilename, openIdentity } from '../intake/report-sealing.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What was reported, without the credit name (which can name the finder). */
export type ReportDetails = DistributiveOmit<ReportBody, 'creditName'>;

export type FinderView =
  | {
      disclosed: true;
      name: string | null;
      email: string | null;
      phone: string | null;
      organization: string | null;
      /** the name the finder wants to be credited under, if any */
      creditName: string | null;
      contactable: boolean;
    }
  | { disclosed: false; contactable: boolean };

export type AttachmentSummary = {
  id: string;
  filename: string;
  detectedType: string;
  sizeBytes: number;
  sha256: string;
};

export type ReportBrief = {
  reportId: string;
  trackingNumber: string;
  track: ReportTrack;
  source: 'form' | 'api' | 'developer_self';
  reclassifiedFrom: ReportTrack | null;
  /** the language the finder wrote in and is written to */
  locale: Locale;
  submittedAt: Date;
  decidedAt: Date | null;
  details: ReportDetails;
  consents: FinderConsents;
  finder: FinderView;
  attachments: AttachmentSummary[];
};

/** Whose eyes a staff member reads with: the reception body's or the coordination body's. */
export function audienceOf(actor: Actor): Audience | null {
  if (actor.kind !== 'user') return null;
  if (actor.organizationType === 'reception_body') return 'reception';
  if (actor.organizationType === 'coordination_body') return 'coordinator';
  return null;
}

/** A short name of what is affected, for lists: the product (and developer), or the site. */
export function describeAffected(details: ReportDetails | ReportBody): string {
  if (details.track === 'software') {
    return details.developerName ? `${details.productName} (${details.developerName})` : details.productName;
  }
  return details.siteName ? `${details.siteName} ${details.siteUrl}` : details.siteUrl;
}

function withoutCredit(body: ReportBody): ReportDetails {
  const { creditName: _c, ...details } = body;
  return details as ReportDetails;
}

/** The affected product or site of many reports at once, for queue pages (no identity involved). */
export async function affectedOfReports(ctx: AppContext, reportIds: string[]): Promise<Map<string, string>> {
  if (reportIds.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('reports')
    .select(['id', 'body_enc'])
    .where('id', 'in', reportIds)
    .execute();
  return new Map(rows.map((r) => [r.id, describeAffected(openBody(ctx.secrets, r.id, r.body_enc))]));
}

/** Who may have the finder's address and phone: the bodies that handle the report, or a party allowed contact. */
function mayHaveContact(audience: Audience, c: FinderConsents, directContactAgreed: boolean): boolean {
  if (audience === 'reception' || audience === 'finder' || audience === 'coordinator') return true;
  return mayContactFinderDirectly(c, directContactAgreed);
}

export async function reportBrief(
  db: Database,
  ctx: Pick<AppContext, 'secrets'>,
  audience: Audience,
  reportId: string,
  opts: { directContactAgreed?: boolean } = {},
): Promise<ReportBrief | null> {
  const r = await db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirst();
  if (!r) return null;
  const consents: FinderConsents = {
    identityToCoordinator: r.consent_identity_to_coordinator,
    identityToVendor: r.consent_identity_to_vendor,
    directContact: r.consent_direct_contact,
    publicCredit: r.consent_public_credit,
  };
  const body = openBody(ctx.secrets, r.id, r.body_enc);
  let finder: FinderView = { disclosed: false, contactable: r.finder_contactable };
  if (mayKnowFinderIdentity(audience, consents)) {
    const who = openIdentity(ctx.secrets, r.id, r.finder_identity_enc);
    const contact = mayHaveContact(audience, consents, opts.directContactAgreed ?? false);
    finder = {
      disclosed: true,
      name: who.name ?? null,
      email: contact ? (who.email ?? null) : null,
      phone: contact ? (who.phone ?? null) : null,
      organization: who.organization ?? null,
      creditName: body.creditName ?? null,
      contactable: r.finder_contactable,
    };
  }
  const attachments = await db
    .selectFrom('report_attachments')
    .select(['id', 'filename_enc', 'detected_type', 'size_bytes', 'sha256'])
    .where('report_id', '=', reportId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return {
    reportId: r.id,
    trackingNumber: r.tracking_number,
    track: r.track,
    source: r.source,
    reclassifiedFrom: r.reclassified_from,
    locale: r.locale,
    submittedAt: r.submitted_at,
    decidedAt: r.decided_at,
    details: withoutCredit(body),
    consents,
    finder,
    attachments: attachments.map((a) => ({
      id: a.id,
      filename: openFilename(ctx.secrets, a.id, a.filename_enc),
      detectedType: a.detected_type,
      sizeBytes: a.size_bytes,
      sha256: a.sha256,
    })),
  };
}
