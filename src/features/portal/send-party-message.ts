// The developer writes in its private thread with the coordinator (developers of one case never reach each
// other: this thread is seen by the coordinator and this developer only). The text is sealed; the coordinators
// are told by mail that there is a message, without its text.
import { randomUUID } from 'node:crypto';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { appendEvent } from '../../platform/events.js';
import { COORDINATION_EVENTS } from '../coordination/events.js';
import { sealMessageBody } from '../coordination/sealing.js';
import { requiredText } from './input.js';
import { withPartyCase } from './party-access.js';
import { tellCoordinators } from './tell-coordinators.js';

export async function sendPartyMessage(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; body: unknown; ip?: string | null },
): Promise<{ messageId: string; createdAt: Date }> {
  return withPartyCase(ctx, actor, input.reference, 'portal.respond', async (trx, p) => {
    const body = requiredText(input.body, 'body', 20_000, 'messageEmpty');
    const id = randomUUID();
    await trx
      .insertInto('coordination_messages')
      .values({
        id,
        case_id: p.c.id,
        thread: 'party',
        party_id: p.party.id,
        author_side: 'developer',
        author_user_id: p.actor.userId,
        body_enc: sealMessageBody(ctx.secrets, id, body),
        created_at: p.now,
      })
      .execute();
    const mails = await tellCoordinators(trx, ctx, p.c, p.party, 'message');
    const data = { side: 'developer', messageId: id, partyId: p.party.id, mails };
    await appendEvent(trx, {
      streamType: 'case',
      streamId: p.c.id,
      type: COORDINATION_EVENTS.messageSent,
      actorUserId: p.actor.userId,
      at: p.now,
      data,
    });
    await audit(trx, {
      actor: p.actor,
      action: COORDINATION_EVENTS.messageSent,
      subject: { type: 'case', id: p.c.id },
      ip: input.ip ?? null,
      detail: data,
    });
    return { messageId: id, createdAt: p.now };
  });
}
