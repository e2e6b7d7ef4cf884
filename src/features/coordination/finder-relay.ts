// The finder relay (発見者からの質問の中継): the reception body posts the finder's question into the case without
// the finder's identity; the coordinator answers; the reception body reads the answer on the relay page and
// passes it on. Each side is told by mail that something is waiting (the text stays in the sealed thread).
import { randomUUID } from 'node:crypto';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { appendEvent } from '../../platform/events.js';
import { userIdOf, withProductCase } from './case-access.js';
import { COORDINATION_EVENTS } from './events.js';
import { mailCoordinators, mailReceptionStaff } from './mail.js';
import { sealMessageBody } from './sealing.js';
import { checkMessageText } from './send-message.js';

async function post(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; body: unknown; ip?: string | null },
  side: 'reception' | 'coordinator',
) {
  return withProductCase(
    ctx,
    actor,
    input.reference,
    async (trx, c, _coordination, now) => {
      const body = checkMessageText(input.body);
      const id = randomUUID();
      const userId = userIdOf(actor);
      await trx
        .insertInto('coordination_messages')
        .values({
          id,
          case_id: c.id,
          thread: 'finder_relay',
          party_id: null,
          author_side: side,
          author_user_id: userId,
          body_enc: sealMessageBody(ctx.secrets, id, body),
          created_at: now,
        })
        .execute();
      const type =
        side === 'reception'
          ? COORDINATION_EVENTS.finderQuestionRelayed
          : COORDINATION_EVENTS.finderAnswerSent;
      if (side === 'reception')
        await mailCoordinators(trx, ctx, { caseId: c.id, reference: c.reference }, 'finderQuestion');
      else await mailReceptionStaff(trx, ctx, { caseId: c.id, reference: c.reference }, 'finderAnswer');
      const data = { messageId: id };
      await appendEvent(trx, {
        streamType: 'case',
        streamId: c.id,
        type,
        actorUserId: userId,
        at: now,
        data,
      });
      await audit(trx, {
        actor,
        action: type,
        subject: { type: 'case', id: c.id },
        ip: input.ip ?? null,
        detail: data,
      });
      return { messageId: id };
    },
    { action: side === 'reception' ? 'coordination.relay-finder' : 'coordination.work', allowEnded: true },
  );
}

/** Reception staff: the finder's question, retyped or pasted without anything that identifies the finder. */
export const relayFinderQuestion = (
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; body: unknown; ip?: string | null },
) => post(ctx, actor, input, 'reception');

/** The coordinator's answer, for the reception body to pass on to the finder. */
export const answerFinderRelay = (
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; body: unknown; ip?: string | null },
) => post(ctx, actor, input, 'coordinator');
