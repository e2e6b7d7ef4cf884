// 一次返信: the operator confirms it received the details. Once is enough: a second click changes nothing.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { appendEvent } from '../../platform/events.js';
import { answerCase } from './answer-case.js';
import { OPERATOR_EVENTS } from './events.js';
import { mailReception } from './mail.js';
import { answeredBy } from './operator-access.js';

export async function acknowledgeNotice(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; ip?: string | null },
): Promise<{ already: boolean }> {
  return answerCase(ctx, actor, input.reference, async (trx, c) => {
    if (c.w.acknowledged_at) return { already: true };
    const now = ctx.clock.now();
    const who = answeredBy(actor);
    await trx
      .insertInto('website_operator_responses')
      .values({ case_id: c.caseId, kind: 'acknowledged', via: who.via, user_id: who.userId, at: now })
      .execute();
    await trx
      .updateTable('website_cases')
      .set({ acknowledged_at: now, updated_at: now })
      .where('case_id', '=', c.caseId)
      .execute();
    await appendEvent(trx, {
      streamType: 'case',
      streamId: c.caseId,
      type: OPERATOR_EVENTS.acknowledged,
      actorUserId: who.userId,
      at: now,
      data: { via: who.via },
    });
    await mailReception(trx, ctx, c, 'acknowledged', who.via);
    await audit(trx, {
      actor,
      action: OPERATOR_EVENTS.acknowledged,
      subject: { type: 'case', id: c.caseId },
      ip: input.ip ?? null,
    });
    return { already: false };
  });
}
