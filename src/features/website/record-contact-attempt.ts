// An attempt to reach the operator made outside keikai (a call, a letter, a contact form), recorded by hand.
// Notices and reminders record theirs automatically. Unanswered attempts are what 取扱不可能 requires.
import { z } from 'zod';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { appendEvent } from '../../platform/events.js';
import { text } from '../../platform/http/validation.js';
import { WEBSITE_EVENTS } from './website-events.js';
import { lockWorkCase } from './work-case.js';

export const CHANNELS = ['phone', 'postal', 'web_form', 'mail', 'other'] as const;
export const RESULTS = ['no_answer', 'bounced', 'refused', 'answered', 'sent'] as const;

export const attemptInput = z.object({
  channel: z.enum(CHANNELS),
  result: z.enum(RESULTS),
  note: text(2000)
    .optional()
    .transform((v) => v || null),
});
export type AttemptInput = z.output<typeof attemptInput>;

/** Attempts that got no answer (an answer, or a refusal, means the operator was reached). */
export async function unansweredAttempts(db: Database, caseId: string): Promise<number> {
  const row = await db
    .selectFrom('website_contact_attempts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('case_id', '=', caseId)
    .where('result', 'in', ['sent', 'no_answer', 'bounced'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function recordContactAttempt(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; attempt: AttemptInput; ip?: string | null },
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const c = await lockWorkCase(trx, ctx, actor, input.reference);
    const row = await trx
      .insertInto('website_contact_attempts')
      .values({
        case_id: c.caseId,
        at: now,
        channel: input.attempt.channel,
        automatic: false,
        result: input.attempt.result,
        note: input.attempt.note,
        recorded_by: c.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const data = { attemptId: row.id, channel: input.attempt.channel, result: input.attempt.result };
    await appendEvent(trx, {
      streamType: 'case',
      streamId: c.caseId,
      type: WEBSITE_EVENTS.attemptRecorded,
      actorUserId: c.actor.userId,
      at: now,
      data,
    });
    await audit(trx, {
      actor,
      action: WEBSITE_EVENTS.attemptRecorded,
      subject: { type: 'case', id: c.caseId },
      ip: input.ip ?? null,
      detail: { reference: c.reference, ...data },
    });
  });
}
