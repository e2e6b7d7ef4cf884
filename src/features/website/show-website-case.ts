// The reception body's page of one website case: the report (site, type) through the brief, the contact and its
// candidates (directory operators of the reported host, security.txt findings), the notices with their relay
// hops, the contact attempts, the operator's answers and completion reports, the targets and the history.
// Reading it is audited (it carries the vulnerability details).
import type { Selectable } from 'kysely';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type {
  WebsiteCompletionReportsTable,
  WebsiteContactAttemptsTable,
  WebsiteDiscoveriesTable,
  WebsiteLeakPublicationsTable,
  WebsiteOperatorResponsesTable,
} from '../../platform/db/schema/website.js';
import type { ReportBrief } from '../cases/report-brief.js';
import {
  type ContactWindow,
  findOperatorsByHost,
  getContactWindow,
  searchParties,
} from '../directory/contact-window.js';
import { completionReports, leakPublication, operatorResponses } from './queries.js';
import { type Recipient, resolveRecipient } from './recipient.js';
import { reclassifyTemplate } from './reclassify-to-product.js';
import { unansweredAttempts } from './record-contact-attempt.js';
import { policyOf, type Targets, targetsOf } from './targets.js';
import { elapsedDays } from './website-clock.js';
import { WEBSITE_CASE_READ } from './website-events.js';
import { type OperatorLinkState, operatorLinkState } from './website-rules.js';
import { isWorkable, readWorkCase, type WebsiteRow, websiteBrief } from './work-case.js';

export type NoticeView = {
  id: string;
  kind: 'contact_request' | 'details' | 'reminder';
  reminderKey: string | null;
  to: string;
  toName: { ja: string; en: string } | null;
  sentAt: Date;
  encrypted: boolean;
  relayed: boolean;
  hops: {
    id: string;
    position: number;
    organizationName: { ja: string; en: string };
    receivedAt: Date | null;
    forwardedAt: Date | null;
    forwardedByName: string | null;
    recordedBy: string | null;
  }[];
};

export type HistoryEntry = { at: Date; type: string; actor: string | null; data: Record<string, unknown> };

export type WebsiteCaseView = {
  caseId: string;
  reference: string;
  workable: boolean;
  supersededBy: string | null;
  brief: ReportBrief & { details: Extract<ReportBrief['details'], { track: 'website' }> };
  w: WebsiteRow | null;
  operator: ContactWindow | null;
  recipient: Recipient | null;
  suggestions: { organizationId: string; nameJa: string; nameEn: string; domain: string }[];
  searchQuery: string | null;
  searchResults: { organizationId: string; nameJa: string; nameEn: string }[] | null;
  discoveries: Selectable<WebsiteDiscoveriesTable>[];
  notices: NoticeView[];
  attempts: (Selectable<WebsiteContactAttemptsTable> & { recordedByName: string | null })[];
  unanswered: number;
  minUnreachableAttempts: number;
  responses: Selectable<WebsiteOperatorResponsesTable>[];
  completions: Selectable<WebsiteCompletionReportsTable>[];
  leak: Selectable<WebsiteLeakPublicationsTable> | null;
  targets: Targets | null;
  /** JST calendar days since the details notice, or null before it */
  elapsedDays: number | null;
  remindersSent: Map<string, Date>;
  reclassifyTemplate: string;
  /** whether the operator's link opens the case now ('ended': replaced, expired after close, or moved) */
  operatorLink: OperatorLinkState;
  /** the configured subject pattern, e.g. `[{reference}]` */
  subjectPattern: string;
  history: HistoryEntry[];
};

export async function showWebsiteCase(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; q?: string; ip?: string | null },
): Promise<WebsiteCaseView> {
  const c = await readWorkCase(ctx.db, actor, input.reference);
  const brief = await websiteBrief(ctx.db, ctx, c.reportId);
  const w = c.w;
  const db = ctx.db;
  const operator = w?.operator_organization_id
    ? await getContactWindow(db, w.operator_organization_id)
    : null;
  const recipient = w ? await resolveRecipient(db, w) : null;
  const suggestions = await findOperatorsByHost(db, brief.details.siteUrl);
  const q = input.q?.trim();
  const searchResults = q ? await searchParties(db, { type: 'website_operator', q, limit: 20 }) : null;
  const discoveries = await db
    .selectFrom('website_discoveries')
    .selectAll()
    .where('case_id', '=', c.caseId)
    .orderBy('at', 'desc')
    .orderBy('id')
    .execute();
  const noticeRows = await db
    .selectFrom('website_notices as n')
    .leftJoin('organizations as o', 'o.id', 'n.to_organization_id')
    .selectAll('n')
    .select(['o.name_ja', 'o.name_en'])
    .where('n.case_id', '=', c.caseId)
    .orderBy('n.sent_at')
    .orderBy('n.id')
    .execute();
  const hopRows = await db
    .selectFrom('website_relay_hops as h')
    .innerJoin('organizations as o', 'o.id', 'h.organization_id')
    .leftJoin('users as u', 'u.id', 'h.recorded_by')
    .selectAll('h')
    .select(['o.name_ja', 'o.name_en', 'u.display_name'])
    .where('h.case_id', '=', c.caseId)
    .orderBy('h.position')
    .execute();
  const notices: NoticeView[] = noticeRows.map((n) => ({
    id: n.id,
    kind: n.kind,
    reminderKey: n.reminder_key,
    to: n.to_address,
    toName: n.name_ja && n.name_en ? { ja: n.name_ja, en: n.name_en } : null,
    sentAt: n.sent_at,
    encrypted: n.encrypted,
    relayed: n.relayed,
    hops: hopRows
      .filter((h) => h.notice_id === n.id)
      .map((h) => ({
        id: h.id,
        position: h.position,
        organizationName: { ja: h.name_ja, en: h.name_en },
        receivedAt: h.received_at,
        forwardedAt: h.forwarded_at,
        forwardedByName: h.forwarded_by_name,
        recordedBy: h.display_name ?? null,
      })),
  }));
  const attempts = await db
    .selectFrom('website_contact_attempts as a')
    .leftJoin('users as u', 'u.id', 'a.recorded_by')
    .selectAll('a')
    .select('u.display_name as recordedByName')
    .where('a.case_id', '=', c.caseId)
    .orderBy('a.at')
    .orderBy('a.id')
    .execute();
  const events = await db
    .selectFrom('events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select(['e.at', 'e.type', 'e.data', 'u.display_name', 'u.role'])
    .where('e.stream_type', '=', 'case')
    .where('e.stream_id', '=', c.caseId)
    .orderBy('e.id')
    .execute();
  const policy = policyOf(ctx);
  const remindersSent = new Map(
    notices
      .filter((n) => n.kind === 'reminder' && n.reminderKey)
      .map((n) => [n.reminderKey as string, n.sentAt]),
  );
  const supersededBy = c.supersededByCaseId
    ? ((
        await db
          .selectFrom('cases')
          .select('reference')
          .where('id', '=', c.supersededByCaseId)
          .executeTakeFirst()
      )?.reference ?? null)
    : null;
  const workable = isWorkable(c);
  await audit(db, {
    actor,
    action: WEBSITE_CASE_READ,
    subject: { type: 'case', id: c.caseId },
    ip: input.ip ?? null,
    detail: { reference: c.reference },
  });
  return {
    caseId: c.caseId,
    reference: c.reference,
    workable,
    supersededBy,
    brief,
    w,
    operatorLink: operatorLinkState(
      {
        hash: w?.operator_link_hash ?? null,
        revokedAt: w?.operator_link_revoked_at ?? null,
        expiresAt: w?.operator_link_expires_at ?? null,
        moved: c.supersededByCaseId !== null,
      },
      ctx.clock.now(),
    ),
    operator,
    recipient,
    suggestions,
    searchQuery: q || null,
    searchResults,
    discoveries,
    notices,
    attempts,
    unanswered: await unansweredAttempts(db, c.caseId),
    minUnreachableAttempts: policy.unreachableAfterAttempts,
    responses: await operatorResponses(db, c.caseId),
    completions: await completionReports(db, c.caseId),
    leak: (await leakPublication(db, c.caseId)) ?? null,
    targets: w?.notified_at ? targetsOf(policy, w.notified_at) : null,
    elapsedDays: w?.notified_at ? elapsedDays(w.notified_at, ctx.clock.now()) : null,
    remindersSent,
    subjectPattern: ctx.config.websiteNotice.subjectPrefix,
    reclassifyTemplate: workable ? await reclassifyTemplate(ctx, c.reportId) : '',
    history: events.map((e) => ({
      at: e.at,
      type: e.type,
      // an operator or finder account is never named on the staff page's history
      actor:
        e.role === 'handler' || e.role === 'lead' || e.role === 'admin' ? (e.display_name ?? null) : null,
      data: (e.data ?? {}) as Record<string, unknown>,
    })),
  };
}
