// Scheduling an approved advisory for the moment agreed with the developers (公表日時の設定): the case must have an
// agreed publication moment still in the future. The publish step publishes it then. Unscheduling takes it back to
// approved. A correction after publication is released with release-correction.ts instead.
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { changeAdvisoryState, withAdvisory } from './advisory-access.js';
import { wakePublishAt } from './publish-due.js';
import { ADVISORY_EVENTS } from './store.js';

export async function scheduleAdvisory(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; ip?: string | null },
): Promise<{ scheduledFor: Date }> {
  return withAdvisory(ctx, actor, input.reference, 'advisory.edit', async (trx, c, a, now) => {
    if (a.state !== 'approved') throw new AppError('conflict', 'advisories.errors.notApproved');
    if (a.published_revision > 0) throw new AppError('conflict', 'advisories.errors.correctionRelease');
    const cc = await trx
      .selectFrom('coordination_cases')
      .select('agreed_publication_at')
      .where('case_id', '=', c.id)
      .executeTakeFirst();
    const at = cc?.agreed_publication_at ?? null;
    if (!at)
      throw new AppError('validation', 'errors.validation', { _: ['advisories.errors.noAgreedMoment'] });
    if (at.getTime() <= now.getTime())
      throw new AppError('validation', 'errors.validation', { _: ['advisories.errors.agreedMomentPassed'] });
    await changeAdvisoryState(trx, actor, {
      caseId: c.id,
      advisoryId: a.id,
      set: { state: 'scheduled', scheduled_for: at },
      type: ADVISORY_EVENTS.scheduled,
      data: { scheduledFor: at.toISOString() },
      at: now,
      ip: input.ip,
    });
    await wakePublishAt(trx, ctx, at);
    return { scheduledFor: at };
  });
}

export async function unscheduleAdvisory(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; ip?: string | null },
): Promise<void> {
  return withAdvisory(ctx, actor, input.reference, 'advisory.edit', async (trx, c, a, now) => {
    if (a.state !== 'scheduled') throw new AppError('conflict', 'advisories.errors.notScheduled');
    await changeAdvisoryState(trx, actor, {
      caseId: c.id,
      advisoryId: a.id,
      set: { state: 'approved', scheduled_for: null },
      type: ADVISORY_EVENTS.unscheduled,
      at: now,
      ip: input.ip,
    });
  });
}
