// Asking the finder for more (届出内容の補完): the report waits for the finder's answer; the question goes to the
// finder in the sealed message.
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { REPORT_EVENTS } from './report-events.js';
import { type DecisionCommand, type DecisionResult, runDecision } from './run-decision.js';

export async function requestInfo(
  ctx: AppContext,
  actor: Actor,
  input: DecisionCommand & { question: string },
): Promise<DecisionResult> {
  return runDecision(ctx, actor, 'request_info', input, async () => ({
    event: REPORT_EVENTS.infoRequested,
    detail: { kind: 'question', text: input.question },
  }));
}
