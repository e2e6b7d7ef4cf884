// 調査結果の報告 (target: about 20 business days after the details): whether the problem was confirmed, and what
// was found. May be sent more than once (a progress report, then the result); the latest is the case's finding.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { appendEvent } from '../../platform/events.js';
import { answerCase } from './answer-case.js';
import type { InvestigationInput } from './answer-input.js';
import { OPERATOR_EVENTS } from './events.js';
import { mailReception } from './mail.js';
import { answeredBy } from './operator-access.js';

export async function reportInvestigation(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; answer: InvestigationInput; ip?: string | null },
): Promise<void> {
  await answerCase(ctx, actor, input.reference, async (trx, c) => {
    const now = ctx.clock.now();
    const who = answeredBy(actor);
    const { finding, body } = input.answer;
    await trx
      .insertInto('website_operator_responses')
      .values({
        case_id: c.caseId,
        kind: 'investigation_result',
        finding,
        body,
        via: who.via,
        user_id: who.userId,
        at: now,
      })
      .execute();
    await trx
      .updateTable('website_cases')
      .set({
        investigation_reported_at: now,
        investigation_finding: finding,
        // a result says the notice arrived
        acknowledged_at: c.w.acknowledged_at ?? now,
        updated_at: now,
      })
      .where('case_id', '=', c.caseId)
      .execute();
    await appendEvent(trx, {
      streamType: 'case',
      streamId: c.caseId,
      type: OPERATOR_EVENTS.investigationReported,
      actorUserId: who.userId,
      at: now,
      data: { via: who.via, finding },
    });
    await mailReception(trx, ctx, c, 'investigation', who.via, (t) => ({
      finding: t(`operator.investigation.findings.${finding}`),
    }));
    await audit(trx, {
      actor,
      action: OPERATOR_EVENTS.investigationReported,
      subject: { type: 'case', id: c.caseId },
      ip: input.ip ?? null,
      detail: { finding },
    });
  });
}
