// Asking for changes to a copy in review (差し戻し): a lead or administrator, with a note that says what to change.
// The copy goes back to draft; the review is recorded with the sha-256 of the text reviewed; staff are mailed.
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { recordAdvisoryReview, withAdvisory } from './advisory-access.js';
import { mailCaseStaff } from './mail.js';
import { ADVISORY_EVENTS, contentJson, openContent, sha256 } from './store.js';

export async function requestChanges(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; note: unknown; ip?: string | null },
): Promise<void> {
  return withAdvisory(ctx, actor, input.reference, 'advisory.approve', async (trx, c, a, now) => {
    if (a.state !== 'in_review') throw new AppError('conflict', 'advisories.errors.notInReview');
    const note = typeof input.note === 'string' ? input.note.replace(/\r\n?/g, '\n').trim() : '';
    if (!note)
      throw new AppError('validation', 'errors.validation', { note: ['advisories.errors.noteRequired'] });
    if (note.length > 4000)
      throw new AppError('validation', 'errors.validation', { note: ['advisories.errors.noteTooLong'] });
    const digest = sha256(contentJson(openContent(ctx.secrets, a.id, a.content_enc)));
    await recordAdvisoryReview(trx, actor, {
      caseId: c.id,
      advisoryId: a.id,
      decision: 'changes_requested',
      note,
      sha256: digest,
      set: { state: 'draft', submitted_at: null, submitted_by: null },
      type: ADVISORY_EVENTS.changesRequested,
      at: now,
      ip: input.ip,
    });
    await mailCaseStaff(trx, ctx, c, 'changesRequested');
  });
}
