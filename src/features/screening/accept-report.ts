// 受理: the report is accepted and handed over — its case opened in the product or website queue in the same
// transaction. Refused when the track's policy requires a contactable finder and this one is not.
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { openCaseForReport } from '../cases/open-case-for-report.js';
import { REPORT_EVENTS } from './report-events.js';
import { type DecisionCommand, type DecisionResult, runDecision } from './run-decision.js';
import { finderIsContactable, readScreening } from './screening-checklist.js';

export async function acceptReport(
  ctx: AppContext,
  actor: Actor,
  input: DecisionCommand,
): Promise<DecisionResult> {
  return runDecision(ctx, actor, 'accept', input, async (trx, r, _next, user) => {
    const checklist = readScreening(r.screening).items;
    if (
      ctx.config.intake.acceptRequiresContact[r.track] &&
      !finderIsContactable(r.finder_contactable, checklist)
    ) {
      throw new AppError('validation', 'screening.errors.notContactable', {
        _: ['screening.errors.notContactable'],
      });
    }
    const opened = await openCaseForReport(trx, ctx, {
      reportId: r.id,
      trackingNumber: r.tracking_number,
      track: r.track,
      origin: r.source === 'developer_self' ? 'developer_self' : 'report',
      at: ctx.clock.now(),
      actorUserId: user.userId,
    });
    return {
      event: REPORT_EVENTS.accepted,
      decided: true,
      data: { track: r.track, caseId: opened.caseId, caseReference: opened.reference },
      caseReference: opened.reference,
    };
  });
}
