// A manual attempt to reach a party (連絡の試み): a call, a letter, a web form… with its outcome and a note.
// Reaching a party that was flagged unreachable clears the flag (coordination can resume).
import { z } from 'zod';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { blankToUndefined, parseInput, text } from '../../platform/http/validation.js';
import { userIdOf, withProductCase } from './case-access.js';
import { COORDINATION_EVENTS } from './events.js';

export const contactAttemptSchema = z.object({
  partyId: z.string().uuid(),
  channel: z.enum(['mail', 'phone', 'letter', 'web', 'other']),
  outcome: z.enum(['sent', 'reached', 'no_answer', 'bounced', 'other']),
  note: z.preprocess(blankToUndefined, text(4000).optional()),
});

export async function recordContactAttempt(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; fields: unknown; ip?: string | null },
): Promise<{ attemptId: string }> {
  return withProductCase(
    ctx,
    actor,
    input.reference,
    async (trx, c, _coordination, now) => {
      const parsed = parseInput(
        contactAttemptSchema,
        input.fields,
        actor.kind === 'user' ? actor.locale : 'ja',
      );
      if (!parsed.ok) throw new AppError('validation', 'errors.validation', parsed.errors);
      const f = parsed.data;
      const party = await trx
        .selectFrom('coordination_parties')
        .select(['id', 'unreachable_at'])
        .where('id', '=', f.partyId)
        .where('case_id', '=', c.id)
        .where('removed_at', 'is', null)
        .executeTakeFirst();
      if (!party) throw notFound();
      const userId = userIdOf(actor);
      const row = await trx
        .insertInto('coordination_contact_attempts')
        .values({
          case_id: c.id,
          party_id: party.id,
          at: now,
          channel: f.channel,
          automatic: false,
          outcome: f.outcome,
          note: f.note ?? null,
          recorded_by: userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const reachedAgain = f.outcome === 'reached' && party.unreachable_at !== null;
      if (reachedAgain) {
        await trx
          .updateTable('coordination_parties')
          .set({ unreachable_at: null })
          .where('id', '=', party.id)
          .execute();
      }
      const data = {
        attemptId: row.id,
        partyId: party.id,
        channel: f.channel,
        outcome: f.outcome,
        reachedAgain,
      };
      await appendEvent(trx, {
        streamType: 'case',
        streamId: c.id,
        type: COORDINATION_EVENTS.contactAttemptRecorded,
        actorUserId: userId,
        at: now,
        data,
      });
      await audit(trx, {
        actor,
        action: COORDINATION_EVENTS.contactAttemptRecorded,
        subject: { type: 'case', id: c.id },
        ip: input.ip ?? null,
        detail: data,
      });
      return { attemptId: row.id };
    },
    { allowEnded: true },
  );
}
