// The reception body's report page (審査画面): everything the finder submitted, decrypted — identity included,
// since the reception body may know it — the thread, the history, the checklist, candidate duplicates, the
// cases it became, and the decisions open to it with their templates. The reading is audited.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { Locale, ReportTrack } from '../../platform/db/schema.js';
import { type ReportBrief, reportBrief } from '../cases/report-brief.js';
import { decryptForReception, isArmoredMessage } from '../intake/reception-key.js';
import { openMessage } from '../intake/report-sealing.js';
import { decisionsFrom, type ReportState } from '../intake/report-states.js';
import { FORM_DECISIONS, type FormDecision } from './decision-form.js';
import {
  type AdvisoryCandidate,
  type DuplicateCandidate,
  findAdvisoryCandidates,
  findDuplicateReports,
} from './find-duplicates.js';
import { decisionTemplate } from './finder-notice.js';
import { REPORT_READS } from './report-events.js';
import { findReport, receptionStaff } from './report-queries.js';
import { finderIsContactable, readScreening, type StoredScreening } from './screening-checklist.js';

export type ThreadMessage = {
  id: string;
  direction: 'from_finder' | 'to_finder';
  author: string | null;
  at: Date;
  text: string;
};

export type TimelineEntry = {
  at: Date;
  type: string;
  actor: { kind: 'user'; name: string } | { kind: 'finder' } | { kind: 'system' };
  data: Record<string, unknown>;
};

export type ReportPageModel = {
  brief: ReportBrief;
  /** the description arrived encrypted to the reception body's key: shown decrypted, or as sent if that failed */
  pgp: 'none' | 'decrypted' | 'armored';
  state: ReportState;
  track: ReportTrack;
  locale: Locale;
  decidedAt: Date | null;
  discontinueReason: string | null;
  duplicateOf: string | null;
  assignee: { id: string; name: string } | null;
  staff: { id: string; name: string }[];
  screening: StoredScreening;
  screeningOpen: boolean;
  acceptRequiresContact: boolean;
  contactable: boolean;
  duplicates: DuplicateCandidate[];
  advisories: AdvisoryCandidate[];
  messages: ThreadMessage[];
  timeline: TimelineEntry[];
  cases: { reference: string; track: ReportTrack; state: 'open' | 'closed'; live: boolean }[];
  decisions: FormDecision[];
  templates: Record<FormDecision, string>;
};

export async function showReport(
  ctx: AppContext,
  actor: Actor,
  input: { trackingNumber: string; ip?: string | null },
): Promise<ReportPageModel> {
  authorize(actor, 'report.read');
  const r = await findReport(ctx.db, input.trackingNumber);
  const brief = await reportBrief(ctx.db, ctx, 'reception', r.id);
  if (!brief) throw new Error('report vanished while being read');
  const pgp = await decryptDescription(ctx, actor, brief, input.ip ?? null);
  const screening = readScreening(r.screening);
  const staff = (await receptionStaff(ctx.db)).map((s) => ({ id: s.id, name: s.display_name }));
  const [messages, events, cases, duplicateOf, duplicates, advisories] = await Promise.all([
    ctx.db
      .selectFrom('report_messages as m')
      .leftJoin('users as u', 'u.id', 'm.author_user_id')
      .select(['m.id', 'm.direction', 'm.body_enc', 'm.created_at', 'u.display_name'])
      .where('m.report_id', '=', r.id)
      .orderBy('m.created_at')
      .orderBy('m.id')
      .execute(),
    ctx.db
      .selectFrom('events as e')
      .leftJoin('users as u', 'u.id', 'e.actor_user_id')
      .select(['e.at', 'e.type', 'e.data', 'e.actor_user_id', 'u.display_name', 'u.role'])
      .where('e.stream_type', '=', 'report')
      .where('e.stream_id', '=', r.id)
      .orderBy('e.id')
      .execute(),
    ctx.db
      .selectFrom('cases')
      .select(['reference', 'track', 'state', 'superseded_by_case_id'])
      .where('report_id', '=', r.id)
      .orderBy('created_at')
      .execute(),
    r.duplicate_of_report_id
      ? ctx.db
          .selectFrom('reports')
          .select('tracking_number')
          .where('id', '=', r.duplicate_of_report_id)
          .executeTakeFirst()
      : undefined,
    findDuplicateReports(ctx, { id: r.id, body: brief.details }),
    findAdvisoryCandidates(ctx, { id: r.id, body: brief.details }),
  ]);
  await audit(ctx.db, {
    actor,
    action: REPORT_READS.read,
    subject: { type: 'report', id: r.id },
    ip: input.ip ?? null,
    detail: { trackingNumber: r.tracking_number },
  });
  const assignee = staff.find((s) => s.id === r.assignee_user_id) ?? null;
  const allowed = decisionsFrom(r.state);
  return {
    brief,
    pgp,
    state: r.state,
    track: r.track,
    locale: r.locale,
    decidedAt: r.decided_at,
    discontinueReason: r.discontinue_reason,
    duplicateOf: duplicateOf?.tracking_number ?? null,
    assignee: assignee ?? (r.assignee_user_id ? { id: r.assignee_user_id, name: r.assignee_user_id } : null),
    staff,
    screening,
    screeningOpen: allowed.includes('accept'),
    acceptRequiresContact: ctx.config.intake.acceptRequiresContact[r.track],
    contactable: finderIsContactable(r.finder_contactable, screening.items),
    duplicates,
    advisories,
    messages: messages.map((m) => ({
      id: m.id,
      direction: m.direction,
      author: m.display_name,
      at: m.created_at,
      text: openMessage(ctx.secrets, m.id, m.body_enc),
    })),
    timeline: events.map((e) => ({
      at: e.at,
      type: e.type,
      actor:
        e.role === 'finder' || (e.actor_user_id === null && e.type === 'report.submitted')
          ? { kind: 'finder' }
          : e.display_name
            ? { kind: 'user', name: e.display_name }
            : { kind: 'system' },
      data: (e.data ?? {}) as Record<string, unknown>,
    })),
    cases: cases.map((c) => ({
      reference: c.reference,
      track: c.track,
      state: c.state,
      live: c.superseded_by_case_id === null,
    })),
    decisions: FORM_DECISIONS.filter((d) => allowed.includes(d)),
    templates: Object.fromEntries(
      FORM_DECISIONS.map((d) => [
        d,
        decisionTemplate(d, { locale: r.locale, trackingNumber: r.tracking_number, track: r.track }),
      ]),
    ) as Record<FormDecision, string>,
  };
}

/** Opens a PGP-encrypted description in place for the page; each decryption is on the audit trail. */
async function decryptDescription(
  ctx: AppContext,
  actor: Actor,
  brief: ReportBrief,
  ip: string | null,
): Promise<ReportPageModel['pgp']> {
  if (!isArmoredMessage(brief.details.description)) return 'none';
  try {
    brief.details.description = await decryptForReception(ctx, brief.details.description);
  } catch (err) {
    ctx.log.warn({ err, reportId: brief.reportId }, 'an encrypted report description could not be decrypted');
    return 'armored';
  }
  await audit(ctx.db, {
    actor,
    action: REPORT_READS.decrypted,
    subject: { type: 'report', id: brief.reportId },
    ip,
    detail: { trackingNumber: brief.trackingNumber, field: 'description' },
  });
  return 'decrypted';
}
