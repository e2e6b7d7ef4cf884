// Submitting a draft for review (レビュー依頼): the copy needs its Japanese title and overview, and from the second
// revision on a Japanese change note. The coordination staff of the case are mailed.
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, type FieldErrors } from '../../platform/errors.js';
import { userIdOf } from '../coordination/case-access.js';
import { recordAdvisoryEvent, withAdvisory } from './advisory-access.js';
import { mailCaseStaff } from './mail.js';
import { ADVISORY_EVENTS, openContent } from './store.js';

export async function submitAdvisory(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; ip?: string | null },
): Promise<{ revision: number }> {
  return withAdvisory(ctx, actor, input.reference, 'advisory.edit', async (trx, c, a, now) => {
    if (a.state !== 'draft') throw new AppError('conflict', 'advisories.errors.notDraft');
    const content = openContent(ctx.secrets, a.id, a.content_enc);
    const errors: FieldErrors = {};
    if (!content.title.ja.trim()) errors['title.ja'] = ['advisories.errors.submitNeedsTitle'];
    if (!content.overview.ja.trim()) errors['overview.ja'] = ['advisories.errors.submitNeedsOverview'];
    if (a.published_revision > 0 && !a.change_note_ja)
      errors.changeNoteJa = ['advisories.errors.changeNoteRequired'];
    if (Object.keys(errors).length > 0) throw new AppError('validation', 'errors.validation', errors);
    const userId = userIdOf(actor);
    await trx
      .updateTable('advisories')
      .set({
        state: 'in_review',
        submitted_at: now,
        submitted_by: userId,
        updated_at: now,
        updated_by: userId,
      })
      .where('id', '=', a.id)
      .execute();
    const revision = a.published_revision + 1;
    await recordAdvisoryEvent(trx, actor, {
      caseId: c.id,
      type: ADVISORY_EVENTS.submitted,
      data: { advisoryId: a.id, revision },
      at: now,
      ip: input.ip,
    });
    await mailCaseStaff(trx, ctx, c, 'submitted');
    return { revision };
  });
}
