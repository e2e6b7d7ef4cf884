// Event names of a report's stream ('report'), and which of them the finder sees on the follow-up page.
// Screening writes the decision events (the same names, in src/features/screening/report-events.ts); the finder's timeline is an allow-list, so an internal event (assignment,
// screening notes) never reaches the finder by accident.

export const REPORT_EVENTS = {
  submitted: 'report.submitted',
  infoRequested: 'report.info_requested',
  finderReplied: 'report.finder_replied',
  finderMessageReceived: 'report.finder_message_received',
  accepted: 'report.accepted',
  notAccepted: 'report.not_accepted',
  discontinued: 'report.discontinued',
  markedDuplicate: 'report.marked_duplicate',
  reclassified: 'report.reclassified',
  linkRotated: 'report.follow_up_link_rotated',
} as const;

/** Timeline entries the finder sees; the value is the catalog key under `intake.events`. */
const FINDER_VISIBLE: Record<string, TimelineKind> = {
  [REPORT_EVENTS.submitted]: 'submitted',
  [REPORT_EVENTS.infoRequested]: 'infoRequested',
  [REPORT_EVENTS.finderReplied]: 'finderReplied',
  [REPORT_EVENTS.accepted]: 'accepted',
  [REPORT_EVENTS.notAccepted]: 'notAccepted',
  [REPORT_EVENTS.discontinued]: 'discontinued',
  [REPORT_EVENTS.markedDuplicate]: 'markedDuplicate',
  [REPORT_EVENTS.reclassified]: 'reclassified',
  [REPORT_EVENTS.linkRotated]: 'linkRotated',
};

export type TimelineKind =
  | 'submitted'
  | 'infoRequested'
  | 'finderReplied'
  | 'accepted'
  | 'notAccepted'
  | 'discontinued'
  | 'markedDuplicate'
  | 'reclassified'
  | 'linkRotated';

export type TimelineItem = { kind: TimelineKind; at: Date; track?: 'software' | 'website' };

/** The finder's view of the stream: known, finder-visible events only, with nothing but the new track kept. */
export function finderTimeline(events: { type: string; at: Date; data: unknown }[]): TimelineItem[] {
  const out: TimelineItem[] = [];
  for (const e of events) {
    const kind = FINDER_VISIBLE[e.type];
    if (!kind) continue;
    const data = (e.data && typeof e.data === 'object' ? e.data : {}) as Record<string, unknown>;
    // screening records a reclassification's new track as `toTrack` (`to` is the state)
    const track = data.toTrack;
    out.push({
      kind,
      at: e.at,
      ...(kind === 'reclassified' && (track === 'software' || track === 'website') ? { track } : {}),
    });
  }
  return out;
}
