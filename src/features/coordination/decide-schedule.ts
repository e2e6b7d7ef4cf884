// The coordinator decides the schedule (公表日の決定): accepts or rejects a proposal (its own, a developer's or a
// CSIRT's), or accepts a developer's counter-proposal (which becomes an accepted proposal of that developer).
// Accepting sets the agreed publication moment; every notified party is told, and the finder (through the reception
// body) is told the moment. One proposal is accepted at a time:
// accepting supersedes the one accepted before. A counter-proposal can be accepted once, only while the proposal
// it answers is still the open one, and only from a developer still a party (the case's coordination row is
// locked, so two decisions at once queue and the second sees the first).
import { sql } from 'kysely';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { followAgreedMoment } from '../advisories/follow-agreed-moment.js';
import { tellFinderOfCase } from '../cases/tell-finder.js';
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
    let fromResponseId: string | null = null;
    if (d.kind === 'accept_counter') {
      const r = await trx
        .selectFrom('coordination_schedule_responses as r')
        .innerJoin('coordination_schedule_proposals as p', 'p.id', 'r.proposal_id')
        .innerJoin('coordination_parties as party', 'party.id', 'r.party_id')
        .select([
          'r.id',
          'r.party_id',
          'r.counter_publish_at',
          'r.reason',
          'r.responded_by',
          'p.state as proposal_state',
          'party.removed_at',
        ])
        .where('r.id', '=', idOrNotFound(d.responseId))
        .where('p.case_id', '=', c.id)
        .where('r.response', '=', 'counter_proposal')
        .executeTakeFirst();
      if (!r?.counter_publish_at) throw notFound();
      const refuse = (key: string) =>
        new AppError('validation', 'errors.validation', { responseId: [`coordination.errors.${key}`] });
      const acceptedBefore = await trx
        .selectFrom('events')
        .select('id')
        .where('stream_type', '=', 'case')
        .where('stream_id', '=', c.id)
        .where('type', '=', COORDINATION_EVENTS.scheduleAccepted)
        .where(sql<boolean>`data->>'fromResponseId' = ${r.id}`)
        .executeTakeFirst();
      if (acceptedBefore) throw refuse('counterAccepted');
      if (r.removed_at) throw refuse('counterPartyRemoved');
      // only developers' answers to the open proposal are current: one to a proposal since replaced, decided or
      // withdrawn answers a question nobody is asking any more
      if (r.proposal_state !== 'proposed') throw refuse('counterNotCurrent');
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
      fromResponseId = r.id;
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
    // one accepted proposal at a time: the one agreed before is replaced (its decision time is kept)
    await trx
      .updateTable('coordination_schedule_proposals')
      .set({ state: 'superseded' })
      .where('case_id', '=', c.id)
      .where('state', '=', 'accepted')
      .where('id', '!=', acceptedId)
      .execute();
    await trx
      .updateTable('coordination_cases')
      .set({ agreed_publication_at: publishAt, schedule_fixed_by_csirt: fixedByCsirt, updated_at: now })
      .where('case_id', '=', c.id)
      .execute();
    // a scheduled advisory of the case follows the agreed moment (features/advisories)
    await followAgreedMoment(trx, ctx, { caseId: c.id, at: publishAt, now, actorUserId: userId });
    const data = {
      proposalId: acceptedId,
      publishAt: publishAt.toISOString(),
      previous: coordination.agreed_publication_at?.toISOString() ?? null,
      fixedByCsirt,
      ...(fromResponseId ? { fromResponseId } : {}),
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
    // the finder, through the reception body (the cases feature reads the address): the moment only, never who
    // agreed to it; a moment that replaces one agreed before is announced as a change
    const finderMailed = await tellFinderOfCase(trx, ctx, {
      caseId: c.id,
      template: coordination.agreed_publication_at
        ? 'intake.mail.scheduleChanged'
        : 'intake.mail.scheduleAgreed',
      vars: (locale) => ({ moment: mailMoment(publishAt, locale) }),
    });
    await audit(trx, {
      actor,
      action: COORDINATION_EVENTS.scheduleAccepted,
      subject: { type: 'case', id: c.id },
      ip: input.ip ?? null,
      detail: { ...data, finderMailed },
    });
    return { agreedPublicationAt: publishAt, keyUnusable: mailed.keyUnusable };
  });
}
