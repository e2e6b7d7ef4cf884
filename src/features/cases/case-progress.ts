// What a finder may know of their report after acceptance (受理後の取扱い状況), read from the case's events: the
// handover, then on the product track the developers notified (a count — who they are is not the finder's to
// know), the publication moment agreed and the end of coordination (its kind, never the staff's reason); on the
// website track the operator notified (never who), the operator's report of a fix and the outcome; and the
// publication of the advisory (its public ID and moment, which are public anyway) and of each correction.
//
// The mapping is an allow-list over event types and the fields each step keeps, in a pure function: an event
// added later, or a field added to an event (a party's id, a note, a reason, a statement), never reaches the
// finder by accident. Nothing here authorizes: the callers are the finder's own pages, which already have.
import type { Database } from '../../platform/db/database.js';
import type { CoordinationEndKind } from '../../platform/db/schema/coordination.js';
import type { ReportTrack } from '../../platform/db/schema.js';
import { COORDINATION_EVENTS } from '../coordination/events.js';
import { OPERATOR_EVENTS } from '../operator/events.js';
import { PUBLICATION_EVENTS } from '../publication/events.js';
import { WEBSITE_EVENTS } from '../website/website-events.js';
import { CASE_EVENTS } from './open-case-for-report.js';

/** The outcome of a website case as the finder is told it (the fix action splits "fixed"). */
export type FinderWebsiteOutcome =
  | 'fixed'
  | 'page_deleted'
  | 'workaround'
  | 'stopped_after_alert'
  | 'stopped_after_9_months'
  | 'not_vulnerability'
  | 'unreachable';

export type FinderProgressStep =
  | { kind: 'handedOver'; at: Date; track: ReportTrack }
  /** the first developer was notified; `count` is how many developers have been notified so far */
  | { kind: 'developersNotified'; at: Date; count: number }
  /** a publication moment was agreed; `changed` when it replaces one agreed before */
  | { kind: 'publicationAgreed'; at: Date; publishAt: Date; changed: boolean }
  | { kind: 'coordinationEnded'; at: Date; endKind: CoordinationEndKind }
  /** the advisory was published (revision 1) or updated (a correction) at the agreed moment `at` */
  | { kind: 'published'; at: Date; publicId: string; revision: number }
  | { kind: 'operatorNotified'; at: Date }
  | { kind: 'operatorReportedFix'; at: Date }
  | { kind: 'websiteClosed'; at: Date; outcome: FinderWebsiteOutcome };

export type ProgressEvent = { caseId: string; type: string; at: Date; data: unknown };

/** Only these event types are read at all. */
export const FINDER_PROGRESS_EVENTS = [
  CASE_EVENTS.opened,
  COORDINATION_EVENTS.partyNotified,
  COORDINATION_EVENTS.scheduleAccepted,
  COORDINATION_EVENTS.ended,
  WEBSITE_EVENTS.noticeSent,
  WEBSITE_EVENTS.closed,
  OPERATOR_EVENTS.completionReported,
  PUBLICATION_EVENTS.published,
] as const;

const END_KINDS: readonly CoordinationEndKind[] = [
  'no_new_handling',
  'developer_notifies_users',
  'not_vulnerability',
  'ready_for_publication',
];
const CLOSED_OUTCOMES = [
  'stopped_after_alert',
  'stopped_after_9_months',
  'not_vulnerability',
  'unreachable',
] as const;

/** An advisory ID as people read it: letters, digits and #, -, . (an ID pattern's output, never free text). */
const PUBLIC_ID = /^[A-Za-z0-9#._-]{3,100}$/;

function fields(data: unknown): Record<string, unknown> {
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

function websiteOutcome(outcome: unknown, fixAction: unknown): FinderWebsiteOutcome | null {
  if (outcome === 'fixed') {
    if (fixAction === 'page_deleted') return 'page_deleted';
    if (fixAction === 'operational_workaround') return 'workaround';
    return 'fixed';
  }
  return CLOSED_OUTCOMES.find((o) => o === outcome) ?? null;
}

/**
 * Pure: the steps a finder sees, oldest first, from the events of their report's cases (in the order written).
 * Unknown event types and unknown values are left out.
 */
export function finderProgress(events: readonly ProgressEvent[]): FinderProgressStep[] {
  const steps: FinderProgressStep[] = [];
  // per case: the developers notified so far, and whether a moment was agreed before
  const notified = new Map<string, { step: { count: number }; parties: Set<string> }>();
  const agreedBefore = new Set<string>();
  const operatorNotified = new Set<string>();
  const fixReported = new Set<string>();
  for (const e of events) {
    const d = fields(e.data);
    switch (e.type) {
      case CASE_EVENTS.opened:
        if (d.track === 'software' || d.track === 'website') {
          steps.push({ kind: 'handedOver', at: e.at, track: d.track });
        }
        break;
      case COORDINATION_EVENTS.partyNotified: {
        // a party notified again (renotified) is still one developer
        const party = typeof d.partyId === 'string' ? d.partyId : null;
        if (!party) break;
        const seen = notified.get(e.caseId);
        if (seen) {
          seen.parties.add(party);
          seen.step.count = seen.parties.size;
        } else {
          const step = { kind: 'developersNotified' as const, at: e.at, count: 1 };
          notified.set(e.caseId, { step, parties: new Set([party]) });
          steps.push(step);
        }
        break;
      }
      case COORDINATION_EVENTS.scheduleAccepted: {
        const publishAt = typeof d.publishAt === 'string' ? new Date(d.publishAt) : null;
        if (!publishAt || Number.isNaN(publishAt.getTime())) break;
        steps.push({ kind: 'publicationAgreed', at: e.at, publishAt, changed: agreedBefore.has(e.caseId) });
        agreedBefore.add(e.caseId);
        break;
      }
      case COORDINATION_EVENTS.ended: {
        const endKind = END_KINDS.find((k) => k === d.kind);
        if (endKind) steps.push({ kind: 'coordinationEnded', at: e.at, endKind });
        break;
      }
      case PUBLICATION_EVENTS.published: {
        // the public ID as the publish step writes it (JVN#12345678, JVNVU#…), and the moment it was agreed
        const publicId = typeof d.publicId === 'string' && PUBLIC_ID.test(d.publicId) ? d.publicId : null;
        const revision = typeof d.revision === 'number' && Number.isInteger(d.revision) ? d.revision : null;
        const moment = typeof d.publishedAt === 'string' ? new Date(d.publishedAt) : e.at;
        if (!publicId || !revision || revision < 1) break;
        steps.push({
          kind: 'published',
          at: Number.isNaN(moment.getTime()) ? e.at : moment,
          publicId,
          revision,
        });
        break;
      }
      case WEBSITE_EVENTS.noticeSent:
        // the details notice is the one that tells the operator of the vulnerability (a contact request asks
        // only for a contact point; reminders repeat)
        if (d.kind === 'details' && !operatorNotified.has(e.caseId)) {
          operatorNotified.add(e.caseId);
          steps.push({ kind: 'operatorNotified', at: e.at });
        }
        break;
      case OPERATOR_EVENTS.completionReported:
        if (!fixReported.has(e.caseId)) {
          fixReported.add(e.caseId);
          steps.push({ kind: 'operatorReportedFix', at: e.at });
        }
        break;
      case WEBSITE_EVENTS.closed: {
        const outcome = websiteOutcome(d.outcome, d.fixAction);
        if (outcome) steps.push({ kind: 'websiteClosed', at: e.at, outcome });
        break;
      }
      default:
        break;
    }
  }
  // events are read case by case; the finder reads one timeline
  return steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.at.getTime() - b.s.at.getTime() || a.i - b.i)
    .map(({ s }) => s);
}

/** The progress of every case of the report (one after a reclassification, the other before it). */
export async function caseProgressForFinder(db: Database, reportId: string): Promise<FinderProgressStep[]> {
  const byReport = await caseProgressForFinders(db, [reportId]);
  return byReport.get(reportId) ?? [];
}

/** The same for many reports at once (a finder's list of reports), keyed by report id. */
export async function caseProgressForFinders(
  db: Database,
  reportIds: readonly string[],
): Promise<Map<string, FinderProgressStep[]>> {
  const out = new Map<string, FinderProgressStep[]>();
  if (reportIds.length === 0) return out;
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'report_id'])
    .where('report_id', 'in', [...reportIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (cases.length === 0) return out;
  const events = await db
    .selectFrom('events')
    .select(['stream_id', 'type', 'at', 'data'])
    .where('stream_type', '=', 'case')
    .where(
      'stream_id',
      'in',
      cases.map((c) => c.id),
    )
    .where('type', 'in', [...FINDER_PROGRESS_EVENTS])
    .orderBy('id')
    .execute();
  for (const reportId of reportIds) {
    const own = new Set(cases.filter((c) => c.report_id === reportId).map((c) => c.id));
    if (own.size === 0) continue;
    out.set(
      reportId,
      finderProgress(
        events
          .filter((e) => own.has(e.stream_id))
          .map((e) => ({ caseId: e.stream_id, type: e.type, at: e.at, data: e.data })),
      ),
    );
  }
  return out;
}
