// Removing a developer from a case (e.g. added by mistake, or its product turned out not to be affected before it
// was told anything): kept with the time and the reason, never deleted; a notified developer is told.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { idOrNotFound, userIdOf, withProductCase } from './case-access.js';
import { COORDINATION_EVENTS } from './events.js';
import { mailPartyOrRecord } from './mail.js';
import { requiredReason } from './required-reason.js';

export async function removeParty(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; partyId: string; reason: unknown; ip?: string | null },
): Promise<{ keyUnusable: number }> {
  return withProductCase(ctx, actor, input.reference, async (trx, c, _coordination, now) => {
    const reason = requiredReason(input.reason);
    const party = await trx
      .selectFrom('coordination_parties')
      .select(['id', 'organization_id', 'notified_at'])
      .where('id', '=', idOrNotFound(input.partyId))
      .where('case_id', '=', c.id)
      .where('removed_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!party) throw notFound();
    await trx
      .updateTable('coordination_parties')
      .set({ removed_at: now, removed_reason: reason })
      .where('id', '=', party.id)
      .execute();
    let keyUnusable = 0;
    if (party.notified_at) {
      const r = await mailPartyOrRecord(
        trx,
        ctx,
        { partyId: party.id, organizationId: party.organization_id, caseId: c.id, reference: c.reference },
        'removed',
        () => ({}),
        now,
      );
      if (r.keyUnusable) keyUnusable = 1;
    }
    const userId = userIdOf(actor);
    const data = { partyId: party.id, organizationId: party.organization_id };
    await appendEvent(trx, {
      streamType: 'case',
      streamId: c.id,
      type: COORDINATION_EVENTS.partyRemoved,
      actorUserId: userId,
      at: now,
      data,
    });
    await audit(trx, {
      actor,
      action: COORDINATION_EVENTS.partyRemoved,
      subject: { type: 'case', id: c.id },
      ip: input.ip ?? null,
      detail: data,
    });
    return { keyUnusable };
  });
}
