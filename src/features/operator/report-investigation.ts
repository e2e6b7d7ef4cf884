// 調査結果の報告 (target: about 20 business days after the details): whether the problem was confirmed, and what
// was found. May be sent more than once (a progress report, then the result); the latest is the case's finding.
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { answerCase } from './answer-case.js';
import type { InvestigationInput } from './answer-input.js';
import { OPERATOR_EVENTS } from './events.js';
import { recordAnswer } from './record-answer.js';

export async function reportInvestigation(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; answer: InvestigationInput; ip?: string | null },
): Promise<void> {
  const { finding, body } = input.answer;
  await answerCase(ctx, actor, input.reference, (trx, c) =>
    recordAnswer(
      trx,
      ctx,
      actor,
      c,
      {
        kind: 'investigation_result',
        finding,
        body,
        // a result says the notice arrived (recordAnswer acknowledges it too)
        set: (now) => ({ investigation_reported_at: now, investigation_finding: finding }),
        event: OPERATOR_EVENTS.investigationReported,
        mail: 'investigation',
        mailVars: (t) => ({ finding: t(`operator.investigation.findings.${finding}`) }),
        detail: { finding },
      },
      input.ip,
    ),
  );
}
