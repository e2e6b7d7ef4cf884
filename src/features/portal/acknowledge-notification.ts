// The developer confirms it received the notification (受領確認). The first acknowledgement is recorded with who
// and when, is an event, and is told to the coordinators; acknowledging again changes nothing. A developer that was
// flagged unreachable and acknowledges has reappeared: the flag is cleared (the event says so).
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { appendEvent } from '../../platform/events.js';
import { COORDINATION_EVENTS } from '../coordination/events.js';
import { withPartyCase } from './party-access.js';
import { tellCoordinators } from './tell-coordinators.js';

export async function acknowledgeNotification(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; ip?: string | null },
): Promise<{ acknowledgedAt: Date; first: boolean }> {
  return withPartyCase(ctx, actor, input.reference, 'portal.respond', async (trx, p) => {
    if (p.party.acknowledgedAt) return { acknowledgedAt: p.party.acknowledgedAt, first: false };
    // a developer flagged unreachable that answers has reappeared (連絡不能の解除): the flag is cleared
    const reappeared = p.party.unreachableAt !== null;
    await trx
      .updateTable('coordination_parties')
      .set({
        acknowledged_at: p.now,
        acknowledged_by: p.actor.userId,
        ...(reappeared ? { unreachable_at: null } : {}),
      })
      .where('id', '=', p.party.id)
      .execute();
    const data = {
      side: 'developer',
      partyId: p.party.id,
      organizationId: p.party.organizationId,
      reappeared,
      ...(reappeared ? { unreachableSince: p.party.unreachableAt?.toISOString() } : {}),
    };
    await appendEvent(trx, {
      streamType: 'case',
      streamId: p.c.id,
      type: COORDINATION_EVENTS.partyAcknowledged,
      actorUserId: p.actor.userId,
      at: p.now,
      data,
    });
    await audit(trx, {
      actor: p.actor,
      action: COORDINATION_EVENTS.partyAcknowledged,
      subject: { type: 'case', id: p.c.id },
      ip: input.ip ?? null,
      detail: data,
    });
    await tellCoordinators(trx, ctx, p.c, p.party, 'acknowledged');
    return { acknowledgedAt: p.now, first: true };
  });
}
