// Reclassification (seed 000 §3.2(2)): a website flaw caused by a product, or the reverse. The report moves to
// the other track keeping its history (`reclassified_from`, the event); its state stays. An accepted report's
// case moves too: the old case is closed and superseded by a new one in the other queue, the two linked.
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { ReportTrack } from '../../platform/db/schema.js';
import { openCaseForReport } from '../cases/open-case-for-report.js';
import { REPORT_EVENTS } from './report-events.js';
import { type DecisionCommand, type DecisionResult, runDecision } from './run-decision.js';

export const otherTrack = (track: ReportTrack): ReportTrack =>
  track === 'software' ? 'website' : 'software';

export async function reclassifyReport(
  ctx: AppContext,
  actor: Actor,
  input: DecisionCommand,
): Promise<DecisionResult> {
  return runDecision(ctx, actor, 'reclassify', input, async (trx, r, _next, user) => {
    const to = otherTrack(r.track);
    // the track changes before the case moves, so nothing ever sees an accepted report without its live case
    const moved =
      r.state === 'accepted'
        ? await openCaseForReport(trx, ctx, {
            reportId: r.id,
            trackingNumber: r.tracking_number,
            track: to,
            origin: r.source === 'developer_self' ? 'developer_self' : 'report',
            at: ctx.clock.now(),
            actorUserId: user.userId,
          })
        : null;
    return {
      event: REPORT_EVENTS.reclassified,
      set: { track: to, reclassified_from: r.track },
      data: {
        fromTrack: r.track,
        toTrack: to,
        ...(moved
          ? { caseId: moved.caseId, caseReference: moved.reference, supersededCaseId: moved.supersededCaseId }
          : {}),
      },
      ...(moved ? { caseReference: moved.reference } : {}),
    };
  });
}
