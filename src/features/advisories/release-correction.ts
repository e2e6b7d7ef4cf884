// Releasing an approved correction now (訂正の公開): it is scheduled for this moment and the publish step is woken;
// the publish step writes the new revision over the one that stayed public meanwhile.
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { changeAdvisoryState, withAdvisory } from './advisory-access.js';
import { wakePublishAt } from './publish-due.js';
import { ADVISORY_EVENTS } from './store.js';

export async function releaseCorrection(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; ip?: string | null },
): Promise<{ revision: number }> {
  return withAdvisory(ctx, actor, input.reference, 'advisory.edit', async (trx, c, a, now) => {
    if (a.published_revision === 0) throw new AppError('conflict', 'advisories.errors.notACorrection');
    if (a.state !== 'approved') throw new AppError('conflict', 'advisories.errors.notApproved');
    const revision = a.published_revision + 1;
    await changeAdvisoryState(trx, actor, {
      caseId: c.id,
      advisoryId: a.id,
      set: { state: 'scheduled', scheduled_for: now },
      type: ADVISORY_EVENTS.correctionReleased,
      data: { revision },
      at: now,
      ip: input.ip,
    });
    await wakePublishAt(trx, ctx, now);
    return { revision };
  });
}
