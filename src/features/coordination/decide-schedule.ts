// The coordinator decides the schedule (公表日の決定): accepts or rejects a proposal (its own, a developer's or a
// CSIRT's), or accepts a developer's counter-proposal (which becomes an accepted proposal of that developer).
// Accepting sets the agreed publication moment; every notified party is told.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { idOrNotFound, userIdOf, withProductCase } from './case-access.js';
import { COORDINATION_EVENTS } from './events.js';
import { mailNotifiedParties } from './mail.js';
import { mailMoment } from './moment.js';
import { supersedeOpenProposal } from './propose-schedule.js';

export type ScheduleDecision =
  | { kind: 'accept'; proposalId: string }
  | { kind: 'reject'; proposalId: string }
  | { kind: 'accept_counter'; responseId: string };

export async function decideSchedule(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; decision: ScheduleDecision; ip?: string | null },
): Promise<{ agreedPublicationAt: Date | null; keyUnusable: number }> {
  return withProductCase(ctx, actor, input.reference, async (trx, c, coordination, now) => {
    const userId = userIdOf(actor);
    const d = input.decision;
    let acceptedId: string;
    let publishAt: Date;
    // a moment the overseas CSIRT set takes precedence and is marked so; any other agreed moment is ours
    let fixedByCsirt = false;
    if (d.kind === 'accept_counter') {
      const r = await trx
        .selectFrom('coordination_schedule_responses as r')
        .innerJoin('coordination_schedule_proposals as p', 'p.id', 'r.proposal_id')
        .select(['r.id', 'r.party_id', 'r.counter_publish_at', 'r.reason', 'r.responded_by'])
        .where('r.id', '=', idOrNotFound(d.responseId))
        .where('p.case_id', '=', c.id)
        .where('r.response', '=', 'counter_proposal')
        .executeTakeFirst();
      if (!r?.counter_publish_at) throw notFound();
      if (r.counter_publish_at.getTime() <= now.getTime()) {
        throw new AppError('validation', 'errors.validation', {
          responseId: ['coordination.errors.momentPast'],
        });
      }
      await supersedeOpenProposal(trx, c.id, now, userId);
      const row = await trx
        .insertInto('coordination_schedule_proposals')
        .values({
          case_id: c.id,
          publish_at: r.counter_publish_at,
          reason: r.reason,
          proposed_by: 'developer',
          proposed_by_user: r.responded_by,
          proposed_by_party_id: r.party_id,
          state: 'accepted',
          created_at: now,
          decided_at: now,
          decided_by: userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      acceptedId = row.id;
      publishAt = r.counter_publish_at;
    } else {
      const p = await trx
        .selectFrom('coordination_schedule_proposals')
        .select(['id', 'state', 'publish_at', 'proposed_by'])
        .where('id', '=', idOrNotFound(d.proposalId))
        .where('case_id', '=', c.id)
        .forUpdate()
        .executeTakeFirst();
      if (!p) throw notFound();
      if (p.state !== 'proposed') throw new AppError('conflict', 'coordination.errors.proposalDecided');
      if (d.kind === 'reject') {
        await trx
          .updateTable('coordination_schedule_proposals')
          .set({ state: 'rejected', decided_at: now, decided_by: userId })
          .where('id', '=', p.id)
          .execute();
        const data = { proposalId: p.id };
        await appendEvent(trx, {
          streamType: 'case',
          streamId: c.id,
          type: COORDINATION_EVENTS.scheduleRejected,
          actorUserId: userId,
          at: now,
          data,
        });
        await audit(trx, {
          actor,
          action: COORDINATION_EVENTS.scheduleRejected,
          subject: { type: 'case', id: c.id },
          ip: input.ip ?? null,
          detail: data,
        });
        return { agreedPublicationAt: coordination.agreed_publication_at, keyUnusable: 0 };
      }
      if (p.publish_at.getTime() <= now.getTime()) {
        throw new AppError('validation', 'errors.validation', {
          proposalId: ['coordination.errors.momentPast'],
        });
      }
      await trx
        .updateTable('coordination_schedule_proposals')
        .set({ state: 'accepted', decided_at: now, decided_by: userId })
        .where('id', '=', p.id)
        .execute();
      acceptedId = p.id;
      publishAt = p.publish_at;
      fixedByCsirt = p.proposed_by === 'csirt';
    }
    await trx
      .updateTable('coordination_cases')
      .set({ agreed_publication_at: publishAt, schedule_fixed_by_csirt: fixedByCsirt, updated_at: now })
      .where('case_id', '=', c.id)
      .execute();
    const data = {
      proposalId: acceptedId,
      publishAt: publishAt.toISOString(),
      previous: coordination.agreed_publication_at?.toISOString() ?? null,
      fixedByCsirt,
      ...(d.kind === 'accept_counter' ? { fromResponseId: d.responseId } : {}),
    };
    await appendEvent(trx, {
      streamType: 'case',
      streamId: c.id,
      type: COORDINATION_EVENTS.scheduleAccepted,
      actorUserId: userId,
      at: now,
      data,
    });
    const mailed = await mailNotifiedParties(
      trx,
      ctx,
      c,
      'scheduleAgreed',
      (locale) => ({ moment: mailMoment(publishAt, locale) }),
      { at: now },
    );
    await audit(trx, {
      actor,
      action: COORDINATION_EVENTS.scheduleAccepted,
      subject: { type: 'case', id: c.id },
      ip: input.ip ?? null,
      detail: data,
    });
    return { agreedPublicationAt: publishAt, keyUnusable: mailed.keyUnusable };
  });
}
