// Submitting a draft for review (レビュー依頼): the copy needs its Japanese title and overview, and from the second
// revision on a Japanese change note. The coordination staff of the case are mailed. When the free texts of a
// multi-developer copy mention a developer, the submission is not refused, but the mentions are returned (and
// shown on the editor and review pages): each is masked in the other developers' pre-release copies.
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, type FieldErrors } from '../../platform/errors.js';
import { userIdOf } from '../coordination/case-access.js';
import { changeAdvisoryState, withAdvisory } from './advisory-access.js';
import { developerAliases } from './developer-aliases.js';
import { mailCaseStaff } from './mail.js';
import { findMentions, type Mention } from './prerelease-mask.js';
import { ADVISORY_EVENTS, openContent } from './store.js';

export async function submitAdvisory(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; ip?: string | null },
): Promise<{ revision: number; mentions: Mention[] }> {
  return withAdvisory(ctx, actor, input.reference, 'advisory.edit', async (trx, c, a, now) => {
    if (a.state !== 'draft') throw new AppError('conflict', 'advisories.errors.notDraft');
    const content = openContent(ctx.secrets, a.id, a.content_enc);
    const errors: FieldErrors = {};
    if (!content.title.ja.trim()) errors['title.ja'] = ['advisories.errors.submitNeedsTitle'];
    if (!content.overview.ja.trim()) errors['overview.ja'] = ['advisories.errors.submitNeedsOverview'];
    if (a.published_revision > 0 && !a.change_note_ja)
      errors.changeNoteJa = ['advisories.errors.changeNoteRequired'];
    if (Object.keys(errors).length > 0) throw new AppError('validation', 'errors.validation', errors);
    const revision = a.published_revision + 1;
    await changeAdvisoryState(trx, actor, {
      caseId: c.id,
      advisoryId: a.id,
      set: { state: 'in_review', submitted_at: now, submitted_by: userIdOf(actor) },
      type: ADVISORY_EVENTS.submitted,
      data: { revision },
      at: now,
      ip: input.ip,
    });
    await mailCaseStaff(trx, ctx, c, 'submitted');
    // not refused: the coordinator sees where the text names a developer (masked in the others' copies)
    const mentions =
      content.developers.length > 1 ? findMentions(content, await developerAliases(trx, c.id)) : [];
    return { revision, mentions };
  });
}
