// A developer named another developer it thinks is affected; the coordinator decides (調整機関が判断): accepting
// makes the named developer a party (to be notified), rejecting records why. A free-text name must first be
// found in the directory: accepting names the organization.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { text } from '../../platform/http/validation.js';
import { addPartiesTo } from './add-parties.js';
import { idOrNotFound, userIdOf, withProductCase } from './case-access.js';
import { COORDINATION_EVENTS } from './events.js';
import { mailPartyOrRecord } from './mail.js';

export async function decideSuggestion(
  ctx: AppContext,
  actor: Actor,
  input: {
    reference: string;
    suggestionId: string;
    decision: 'accept' | 'reject';
    organizationId?: string | undefined;
    note?: unknown;
    ip?: string | null;
  },
): Promise<{ partyId: string | null; keyUnusable: number }> {
  return withProductCase(ctx, actor, input.reference, async (trx, c, _coordination, now) => {
    const s = await trx
      .selectFrom('coordination_suggestions')
      .selectAll()
      .where('id', '=', idOrNotFound(input.suggestionId))
      .where('case_id', '=', c.id)
      .forUpdate()
      .executeTakeFirst();
    if (!s) throw notFound();
    if (s.state !== 'pending') throw new AppError('conflict', 'coordination.errors.suggestionDecided');
    const noteParsed = text(2000)
      .optional()
      .safeParse(typeof input.note === 'string' ? input.note : undefined);
    if (!noteParsed.success)
      throw new AppError('validation', 'errors.validation', { note: ['coordination.errors.reason'] });
    const note = noteParsed.data || null;
    const userId = userIdOf(actor);
    let partyId: string | null = null;
    if (input.decision === 'accept') {
      const organizationId = s.organization_id ?? input.organizationId;
      if (!organizationId) {
        throw new AppError('validation', 'errors.validation', {
          organizationId: ['coordination.errors.chooseDeveloper'],
        });
      }
      const added = await addPartiesTo(trx, c, [organizationId], now, userId, { suggestionId: s.id });
      partyId =
        added[0]?.partyId ??
        (
          await trx
            .selectFrom('coordination_parties')
            .select('id')
            .where('case_id', '=', c.id)
            .where('organization_id', '=', organizationId)
            .where('removed_at', 'is', null)
            .executeTakeFirstOrThrow()
        ).id;
    } else if (!note) {
      throw new AppError('validation', 'errors.validation', { note: ['coordination.errors.reasonRequired'] });
    }
    await trx
      .updateTable('coordination_suggestions')
      .set({
        state: input.decision === 'accept' ? 'accepted' : 'rejected',
        decided_at: now,
        decided_by: userId,
        decision_note: note,
        resulting_party_id: partyId,
      })
      .where('id', '=', s.id)
      .execute();
    // the developer that named it hears the decision (not who else is a party: only that it was considered)
    let keyUnusable = 0;
    if (s.suggested_by_party_id) {
      const by = await trx
        .selectFrom('coordination_parties')
        .select(['id', 'organization_id'])
        .where('id', '=', s.suggested_by_party_id)
        .executeTakeFirst();
      if (by) {
        const r = await mailPartyOrRecord(
          trx,
          ctx,
          { partyId: by.id, organizationId: by.organization_id, caseId: c.id, reference: c.reference },
          'suggestionDecided',
          () => ({}),
          now,
        );
        if (r.keyUnusable) keyUnusable = 1;
      }
    }
    const type =
      input.decision === 'accept'
        ? COORDINATION_EVENTS.suggestionAccepted
        : COORDINATION_EVENTS.suggestionRejected;
    const data = { suggestionId: s.id, partyId };
    await appendEvent(trx, { streamType: 'case', streamId: c.id, type, actorUserId: userId, at: now, data });
    await audit(trx, {
      actor,
      action: type,
      subject: { type: 'case', id: c.id },
      ip: input.ip ?? null,
      detail: data,
    });
    return { partyId, keyUnusable };
  });
}
