// 一次返信: the operator confirms it received the details. Once is enough: a second click changes nothing.
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { answerCase } from './answer-case.js';
import { OPERATOR_EVENTS } from './events.js';
import { recordAnswer } from './record-answer.js';

export async function acknowledgeNotice(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; ip?: string | null },
): Promise<{ already: boolean }> {
  return answerCase(ctx, actor, input.reference, async (trx, c) => {
    if (c.w.acknowledged_at) return { already: true };
    await recordAnswer(
      trx,
      ctx,
      actor,
      c,
      { kind: 'acknowledged', event: OPERATOR_EVENTS.acknowledged, mail: 'acknowledged' },
      input.ip,
    );
    return { already: false };
  });
}
