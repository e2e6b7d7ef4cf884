// The coordinator writes to one party (its private thread) or to every party of the case (an announcement).
// The text is sealed in the thread; each recipient is mailed, in its language and encrypted to its key when it
// has one, with the text (developers of one case never reach each other: only the coordinator writes to all).
import { randomUUID } from 'node:crypto';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { text } from '../../platform/http/validation.js';
import { idOrNotFound, userIdOf, withProductCase } from './case-access.js';
import { COORDINATION_EVENTS } from './events.js';
import { mailNotifiedParties, mailPartyOrRecord } from './mail.js';
import { sealMessageBody } from './sealing.js';

export function checkMessageText(raw: unknown, field = 'body'): string {
  const r = text(20000)
    .pipe(text(20000).min(1))
    .safeParse(typeof raw === 'string' ? raw : '');
  if (!r.success)
    throw new AppError('validation', 'errors.validation', { [field]: ['coordination.errors.messageEmpty'] });
  return r.data;
}

export async function sendCoordinatorMessage(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; to: { partyId: string } | 'all'; body: unknown; ip?: string | null },
): Promise<{ messageId: string; mailed: number; keyUnusable: number }> {
  return withProductCase(
    ctx,
    actor,
    input.reference,
    async (trx, c, _coordination, now) => {
      const body = checkMessageText(input.body);
      const userId = userIdOf(actor);
      const id = randomUUID();
      let mailed: number;
      let keyUnusable: number;
      let partyId: string | null = null;
      if (input.to === 'all') {
        const r = await mailNotifiedParties(trx, ctx, c, 'announcement', () => ({ message: body }), {
          at: now,
        });
        mailed = r.mails;
        keyUnusable = r.keyUnusable;
      } else {
        const party = await trx
          .selectFrom('coordination_parties')
          .select(['id', 'organization_id'])
          .where('id', '=', idOrNotFound(input.to.partyId))
          .where('case_id', '=', c.id)
          .where('removed_at', 'is', null)
          .executeTakeFirst();
        if (!party) throw notFound();
        partyId = party.id;
        const r = await mailPartyOrRecord(
          trx,
          ctx,
          { partyId: party.id, organizationId: party.organization_id, caseId: c.id, reference: c.reference },
          'message',
          () => ({ message: body }),
          now,
        );
        mailed = r.mails;
        keyUnusable = r.keyUnusable ? 1 : 0;
      }
      await trx
        .insertInto('coordination_messages')
        .values({
          id,
          case_id: c.id,
          thread: partyId ? 'party' : 'announcement',
          party_id: partyId,
          author_side: 'coordinator',
          author_user_id: userId,
          body_enc: sealMessageBody(ctx.secrets, id, body),
          created_at: now,
        })
        .execute();
      const type = partyId ? COORDINATION_EVENTS.messageSent : COORDINATION_EVENTS.announcementSent;
      const data = { messageId: id, partyId, mails: mailed };
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
      return { messageId: id, mailed, keyUnusable };
    },
    { allowEnded: true },
  );
}
