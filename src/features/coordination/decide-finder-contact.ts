// Direct contact between the finder and one developer (発見者と開発者の直接のやり取り) needs the finder's consent and
// the coordinator's agreement. The coordinator's decision is recorded on the party (the portal reads it); it can
// be given only when the finder consented, and withdrawn at any time.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { reportBrief } from '../cases/report-brief.js';
import { idOrNotFound, userIdOf, withProductCase } from './case-access.js';
import { COORDINATION_EVENTS } from './events.js';
import { mailPartyOrRecord } from './mail.js';

export async function decideFinderContact(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; partyId: string; allow: boolean; ip?: string | null },
): Promise<{ keyUnusable: number }> {
  return withProductCase(ctx, actor, input.reference, async (trx, c, _coordination, now) => {
    const party = await trx
      .selectFrom('coordination_parties')
      .select(['id', 'organization_id', 'notified_at', 'finder_contact_allowed'])
      .where('id', '=', idOrNotFound(input.partyId))
      .where('case_id', '=', c.id)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (!party) throw notFound();
    if (input.allow) {
      // the consents only: read with the public's eyes, so the identity is never decrypted here
      const brief = c.report_id ? await reportBrief(trx, ctx, 'public', c.report_id) : null;
      if (!brief || !(brief.consents.directContact && brief.consents.identityToVendor)) {
        throw new AppError('validation', 'errors.validation', {
          partyId: ['coordination.errors.noFinderConsent'],
        });
      }
    }
    const userId = userIdOf(actor);
    await trx
      .updateTable('coordination_parties')
      .set({
        finder_contact_allowed: input.allow,
        finder_contact_decided_at: now,
        finder_contact_decided_by: userId,
      })
      .where('id', '=', party.id)
      .execute();
    const data = { partyId: party.id, allowed: input.allow };
    await appendEvent(trx, {
      streamType: 'case',
      streamId: c.id,
      type: COORDINATION_EVENTS.finderContactDecided,
      actorUserId: userId,
      at: now,
      data,
    });
    let keyUnusable = 0;
    if (party.notified_at && party.finder_contact_allowed !== input.allow) {
      const r = await mailPartyOrRecord(
        trx,
        ctx,
        { partyId: party.id, organizationId: party.organization_id, caseId: c.id, reference: c.reference },
        input.allow ? 'finderContactAllowed' : 'finderContactWithdrawn',
        () => ({}),
        now,
      );
      if (r.keyUnusable) keyUnusable = 1;
    }
    await audit(trx, {
      actor,
      action: COORDINATION_EVENTS.finderContactDecided,
      subject: { type: 'case', id: c.id },
      ip: input.ip ?? null,
      detail: data,
    });
    return { keyUnusable };
  });
}
