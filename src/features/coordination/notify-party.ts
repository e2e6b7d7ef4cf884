// Notifying a developer (通知): a mail to its contact window in its language — encrypted to its OpenPGP key when it
// has one — with a link to its part of the case in the portal (no details in the mail itself). The first
// notification of the case's first party is the start date (起算日) and fixes the target publication date
// (start + the policy's days for the case's product category). Each notification is a logged contact attempt.

import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { idOrNotFound, type LockedCoordination, userIdOf, withProductCase } from './case-access.js';
import { COORDINATION_EVENTS } from './events.js';
import { mailParty } from './mail.js';
import { coordinationPolicy, startDate, targetPublicationDate } from './schedule-policy.js';

/** In-transaction: the start date and target, when this is the case's first notification. */
export async function startClockIfFirst(
  trx: Database,
  ctx: AppContext,
  caseId: string,
  coordination: LockedCoordination,
  at: Date,
  actorUserId: string | null,
): Promise<{ startDate: string; targetDate: string } | null> {
  if (coordination.start_date) return null;
  const start = startDate(at);
  const target = targetPublicationDate(start, coordination.product_category, coordinationPolicy(ctx.config));
  await trx
    .updateTable('coordination_cases')
    .set({ start_date: start, target_date: target, updated_at: at })
    .where('case_id', '=', caseId)
    .execute();
  await appendEvent(trx, {
    streamType: 'case',
    streamId: caseId,
    type: COORDINATION_EVENTS.startDateSet,
    actorUserId,
    at,
    data: { startDate: start, targetDate: target, category: coordination.product_category },
  });
  return { startDate: start, targetDate: target };
}

export async function notifyParty(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; partyId: string; ip?: string | null },
): Promise<{ mailed: number; first: boolean; startDate: string | null }> {
  return withProductCase(ctx, actor, input.reference, async (trx, c, coordination, now) => {
    const party = await trx
      .selectFrom('coordination_parties')
      .select(['id', 'organization_id', 'notified_at'])
      .where('id', '=', idOrNotFound(input.partyId))
      .where('case_id', '=', c.id)
      .where('removed_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!party) throw notFound();
    const userId = userIdOf(actor);
    const mailed = await mailParty(
      trx,
      ctx,
      { organizationId: party.organization_id, caseId: c.id, reference: c.reference },
      party.notified_at ? 'renotified' : 'notified',
    );
    // a key that expired or was revoked since it was registered: nothing is sent and nothing changes; the
    // coordinator is asked to have the directory entry's key renewed
    if (mailed.keyProblem) {
      throw new AppError('validation', 'errors.validation', { partyId: ['coordination.errors.keyUnusable'] });
    }
    // a developer with no address in the directory cannot be notified by mail: nothing changes
    if (mailed.mails === 0) {
      throw new AppError('validation', 'errors.validation', { partyId: ['coordination.errors.noAddress'] });
    }
    const first = party.notified_at === null;
    if (first) {
      await trx
        .updateTable('coordination_parties')
        .set({ notified_at: now })
        .where('id', '=', party.id)
        .execute();
    }
    const started = await startClockIfFirst(trx, ctx, c.id, coordination, now, userId);
    await trx
      .insertInto('coordination_contact_attempts')
      .values({
        case_id: c.id,
        party_id: party.id,
        at: now,
        channel: 'mail',
        automatic: false,
        outcome: 'sent',
        recorded_by: userId,
        note: null,
      })
      .execute();
    const data = { partyId: party.id, organizationId: party.organization_id, first, mails: mailed.mails };
    await appendEvent(trx, {
      streamType: 'case',
      streamId: c.id,
      type: COORDINATION_EVENTS.partyNotified,
      actorUserId: userId,
      at: now,
      data,
    });
    await audit(trx, {
      actor,
      action: COORDINATION_EVENTS.partyNotified,
      subject: { type: 'case', id: c.id },
      ip: input.ip ?? null,
      detail: data,
    });
    return { mailed: mailed.mails, first, startDate: started?.startDate ?? coordination.start_date };
  });
}
