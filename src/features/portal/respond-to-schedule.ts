// The developer answers the open schedule proposal (公表日程への回答): it acknowledges the proposed moment, or
// proposes another exact moment with a reason (at least an hour ahead). The coordinator decides; every answer
// is kept. There must be an open proposal, and a developer does not answer its own.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { COORDINATION_EVENTS } from '../coordination/events.js';
import { mailMoment } from '../coordination/moment.js';
import { checkAll, invalid, optionalText, REASON_TEXT, requiredText } from './input.js';
import { type MomentInput, parseMoment } from './moment.js';
import { withPartyCase } from './party-access.js';
import { tellCoordinators } from './tell-coordinators.js';

export type ScheduleAnswer = {
  reference: string;
  response: unknown;
  /** for a counter-proposal */
  moment?: MomentInput;
  reason?: unknown;
  ip?: string | null;
};

export async function respondToSchedule(
  ctx: AppContext,
  actor: Actor,
  input: ScheduleAnswer,
): Promise<{ responseId: string; counterPublishAt: Date | null }> {
  return withPartyCase(ctx, actor, input.reference, 'portal.respond', async (trx, p) => {
    const proposal = await trx
      .selectFrom('coordination_schedule_proposals')
      .select(['id', 'publish_at', 'proposed_by_party_id'])
      .where('case_id', '=', p.c.id)
      .where('state', '=', 'proposed')
      .forUpdate()
      .executeTakeFirst();
    if (!proposal || proposal.proposed_by_party_id === p.party.id) {
      throw new AppError('conflict', 'portal.errors.noOpenProposal');
    }
    const response = input.response;
    if (response !== 'acknowledged' && response !== 'counter_proposal')
      return invalid('response', 'response');
    let counter: Date | null = null;
    let reason: string | null;
    if (response === 'counter_proposal') {
      const [moment, why] = checkAll(
        () => parseMoment(input.moment ?? { iso: undefined }, p.now),
        () => requiredText(input.reason, 'reason', REASON_TEXT, 'reasonRequired'),
      );
      counter = moment.at;
      reason = why;
    } else {
      reason = optionalText(input.reason, 'reason', REASON_TEXT);
    }
    const row = await trx
      .insertInto('coordination_schedule_responses')
      .values({
        proposal_id: proposal.id,
        party_id: p.party.id,
        response,
        counter_publish_at: counter,
        reason,
        responded_by: p.actor.userId,
        responded_at: p.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const data = {
      side: 'developer',
      partyId: p.party.id,
      organizationId: p.party.organizationId,
      proposalId: proposal.id,
      responseId: row.id,
      response,
      counterPublishAt: counter?.toISOString() ?? null,
    };
    await appendEvent(trx, {
      streamType: 'case',
      streamId: p.c.id,
      type: COORDINATION_EVENTS.scheduleResponded,
      actorUserId: p.actor.userId,
      at: p.now,
      data,
    });
    await audit(trx, {
      actor: p.actor,
      action: COORDINATION_EVENTS.scheduleResponded,
      subject: { type: 'case', id: p.c.id },
      ip: input.ip ?? null,
      detail: data,
    });
    const at = counter;
    if (at) {
      await tellCoordinators(trx, ctx, p.c, p.party, 'scheduleCounterProposed', (_t, locale) => ({
        moment: mailMoment(at, locale),
        proposed: mailMoment(proposal.publish_at, locale),
      }));
    } else {
      await tellCoordinators(trx, ctx, p.c, p.party, 'scheduleAcknowledged', (_t, locale) => ({
        moment: mailMoment(proposal.publish_at, locale),
      }));
    }
    return { responseId: row.id, counterPublishAt: counter };
  });
}
