// The coordinator proposes an exact publication moment (公表日時の提案): typed with a time zone, stored in UTC.
// An open proposal is superseded by the new one (history kept). Every notified party is told, in its language,
// with the moment in JST and UTC, and asked to acknowledge it or propose another with a reason.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { text } from '../../platform/http/validation.js';
import { userIdOf, withProductCase } from './case-access.js';
import { COORDINATION_EVENTS } from './events.js';
import { mailNotifiedParties } from './mail.js';
import { mailMoment, parseProposedMoment } from './moment.js';

/** In-transaction: the open proposal of the case, if any, becomes superseded. */
export async function supersedeOpenProposal(trx: Database, caseId: string, at: Date, by: string | null) {
  await trx
    .updateTable('coordination_schedule_proposals')
    .set({ state: 'superseded', decided_at: at, decided_by: by })
    .where('case_id', '=', caseId)
    .where('state', '=', 'proposed')
    .execute();
}

export async function proposeSchedule(
  ctx: AppContext,
  actor: Actor,
  input: {
    reference: string;
    publishAt: unknown;
    timeZone: unknown;
    reason: unknown;
    /** the moment was set by the overseas CSIRT that handed the case over (recorded by the coordinator) */
    fromCsirt?: boolean;
    ip?: string | null;
  },
): Promise<{ proposalId: string; publishAt: Date; keyUnusable: number }> {
  return withProductCase(ctx, actor, input.reference, async (trx, c, coordination, now) => {
    const { at, timeZone } = parseProposedMoment(input.publishAt, input.timeZone, now);
    const reasonParsed = text(4000)
      .optional()
      .safeParse(typeof input.reason === 'string' ? input.reason : undefined);
    if (!reasonParsed.success) {
      throw new AppError('validation', 'errors.validation', { reason: ['coordination.errors.reason'] });
    }
    const reason = reasonParsed.data || null;
    if (input.fromCsirt && !coordination.csirt_organization_id) {
      throw new AppError('validation', 'errors.validation', {
        fromCsirt: ['coordination.errors.notCsirtCase'],
      });
    }
    const proposedBy = input.fromCsirt ? 'csirt' : 'coordinator';
    const userId = userIdOf(actor);
    await supersedeOpenProposal(trx, c.id, now, userId);
    const row = await trx
      .insertInto('coordination_schedule_proposals')
      .values({
        case_id: c.id,
        publish_at: at,
        entered_time_zone: timeZone,
        reason,
        proposed_by: proposedBy,
        proposed_by_user: userId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const data = { proposalId: row.id, publishAt: at.toISOString(), timeZone, proposedBy };
    await appendEvent(trx, {
      streamType: 'case',
      streamId: c.id,
      type: COORDINATION_EVENTS.scheduleProposed,
      actorUserId: userId,
      at: now,
      data,
    });
    const mailed = await mailNotifiedParties(
      trx,
      ctx,
      c,
      'scheduleProposed',
      (locale) => ({ moment: mailMoment(at, locale) }),
      { at: now },
    );
    await audit(trx, {
      actor,
      action: COORDINATION_EVENTS.scheduleProposed,
      subject: { type: 'case', id: c.id },
      ip: input.ip ?? null,
      detail: data,
    });
    return { proposalId: row.id, publishAt: at, keyUnusable: mailed.keyUnusable };
  });
}
