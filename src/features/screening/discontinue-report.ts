// 取りやめ: handling stops for one of the reasons of 資料1 受付機関基準 (2), told to the finder. A report already
// accepted may still be discontinued (資料2 §3(1)3)); its case is then closed in the same transaction.
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { closeCaseForReport } from '../cases/close-case-for-report.js';
import type { DiscontinueReason } from '../intake/report-states.js';
import { REPORT_EVENTS } from './report-events.js';
import { type DecisionCommand, type DecisionResult, runDecision } from './run-decision.js';

export async function discontinueReport(
  ctx: AppContext,
  actor: Actor,
  input: DecisionCommand & { reason: DiscontinueReason },
): Promise<DecisionResult> {
  return runDecision(ctx, actor, 'discontinue', input, async (trx, r, _next, user) => {
    const closed =
      r.state === 'accepted'
        ? await closeCaseForReport(trx, ctx, {
            reportId: r.id,
            reason: 'report_discontinued',
            at: ctx.clock.now(),
            actorUserId: user.userId,
          })
        : null;
    return {
      event: REPORT_EVENTS.discontinued,
      decided: true,
      set: { discontinue_reason: input.reason },
      data: { reason: input.reason, ...(closed ? { closedCaseId: closed.caseId } : {}) },
      detail: { kind: 'discontinueReason', reason: input.reason },
    };
  });
}
