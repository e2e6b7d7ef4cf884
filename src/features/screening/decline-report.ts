// 不受理: the report is not accepted, only ever with a reason told to the finder (受付機関基準). The reason is
// part of the sealed message to the finder, not of the event, which stays free of report text.
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { REPORT_EVENTS } from './report-events.js';
import { type DecisionCommand, type DecisionResult, runDecision } from './run-decision.js';

export async function declineReport(
  ctx: AppContext,
  actor: Actor,
  input: DecisionCommand & { reason: string },
): Promise<DecisionResult> {
  return runDecision(ctx, actor, 'not_accept', input, async () => ({
    event: REPORT_EVENTS.notAccepted,
    decided: true,
    detail: { kind: 'reason', text: input.reason },
  }));
}
