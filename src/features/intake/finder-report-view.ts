// What a finder sees of their own report (follow-up link or account): status, history, the report as they sent it,
// attachment names and sizes, and the messages with the reception body. Never who they are: the follow-up link
// may leak, so identity and the credit name (often a real name) stay out of this view model. After acceptance, the
// progress of the case (the cases feature's allow-listed steps: counts and outcomes, never who or why).
import type { SecretBox } from '../../platform/crypto.js';
import type { Database } from '../../platform/db/database.js';
import { streamEvents } from '../../platform/events.js';
import { caseProgressForFinder, type FinderProgressStep } from '../cases/case-progress.js';
import { finderTimeline, type TimelineItem } from './report-events.js';
import type { ReportBody } from './report-input.js';
import { openBody, openFilename, openMessage } from './report-sealing.js';
import type { DiscontinueReason, ReportState } from './report-states.js';

/** The report's text as the finder typed it, without the credit name. */
export type FinderReportBody = ReportBody extends infer B
  ? B extends unknown
    ? Omit<B, 'creditName'>
    : never
  : never;

export type FinderReportView = {
  reportId: string;
  trackingNumber: string;
  track: 'software' | 'website';
  state: ReportState;
  discontinueReason: DiscontinueReason | null;
  submittedAt: Date;
  consents: {
    identityToCoordinator: boolean;
    identityToVendor: boolean;
    directContact: boolean;
    publicCredit: boolean;
  };
  body: FinderReportBody;
  attachments: { name: string; sizeBytes: number; detectedType: string }[];
  timeline: TimelineItem[];
  /** what happened to the report after acceptance; empty before */
  progress: FinderProgressStep[];
  messages: { id: string; fromFinder: boolean; at: Date; text: string }[];
};

export async function loadFinderReportView(
  db: Database,
  box: SecretBox,
  reportId: string,
): Promise<FinderReportView | null> {
  const r = await db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirst();
  if (!r) return null;
  const [attachments, messages, events, progress] = await Promise.all([
    db
      .selectFrom('report_attachments')
      .select(['id', 'filename_enc', 'size_bytes', 'detected_type'])
      .where('report_id', '=', reportId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('report_messages')
      .select(['id', 'direction', 'body_enc', 'created_at'])
      .where('report_id', '=', reportId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    streamEvents(db, 'report', reportId),
    caseProgressForFinder(db, reportId),
  ]);
  const { creditName: _credit, ...body } = openBody(box, r.id, r.body_enc);
  return {
    reportId: r.id,
    trackingNumber: r.tracking_number,
    track: r.track,
    state: r.state,
    discontinueReason: r.discontinue_reason as DiscontinueReason | null,
    submittedAt: r.submitted_at,
    consents: {
      identityToCoordinator: r.consent_identity_to_coordinator,
      identityToVendor: r.consent_identity_to_vendor,
      directContact: r.consent_direct_contact,
      publicCredit: r.consent_public_credit,
    },
    body,
    attachments: attachments.map((a) => ({
      name: openFilename(box, a.id, a.filename_enc),
      sizeBytes: a.size_bytes,
      detectedType: a.detected_type,
    })),
    timeline: finderTimeline(events),
    progress,
    messages: messages.map((m) => ({
      id: m.id,
      fromFinder: m.direction === 'from_finder',
      at: m.created_at,
      text: openMessage(box, m.id, m.body_enc),
    })),
  };
}
