// A correction after publication (訂正・更新): the next revision starts as a draft of the published text, with a
// change note (Japanese required, English optional). It is reviewed and approved like the first, then released
// (release-correction.ts). The published revision stays public meanwhile.
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { changeAdvisoryState, withAdvisory } from './advisory-access.js';
import { parseChangeNote } from './save-advisory.js';
import { ADVISORY_EVENTS } from './store.js';

export async function startCorrection(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; fields: unknown; ip?: string | null },
): Promise<{ revision: number }> {
  return withAdvisory(ctx, actor, input.reference, 'advisory.edit', async (trx, c, a, now) => {
    if (a.state !== 'published') throw new AppError('conflict', 'advisories.errors.notPublished');
    const note = parseChangeNote(
      (input.fields ?? {}) as Record<string, unknown>,
      actor.kind === 'user' ? actor.locale : 'ja',
    );
    if (!note.ja && !note.errors.changeNoteJa)
      note.errors.changeNoteJa = ['advisories.errors.changeNoteRequired'];
    if (Object.keys(note.errors).length > 0)
      throw new AppError('validation', 'errors.validation', note.errors);
    const revision = a.published_revision + 1;
    await changeAdvisoryState(trx, actor, {
      caseId: c.id,
      advisoryId: a.id,
      set: {
        state: 'draft',
        change_note_ja: note.ja,
        change_note_en: note.en,
        submitted_at: null,
        submitted_by: null,
        approved_at: null,
        approved_by: null,
        scheduled_for: null,
      },
      type: ADVISORY_EVENTS.correctionStarted,
      data: { revision },
      at: now,
      ip: input.ip,
    });
    return { revision };
  });
}
