// Saving the editor's form (編集): the posted values checked strictly (advisory-input.ts) — refused input saves
// nothing and comes back with an error per field. Editing a copy that is in review, approved or scheduled takes it
// back to draft: the approval is cleared and the publication unscheduled (the page warns before and after).
// After publication the copy is changed through a correction only (start-correction.ts).
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { AdvisoryState } from '../../platform/db/schema/advisories.js';
import type { Locale } from '../../platform/db/schema.js';
import { AppError, type FieldErrors } from '../../platform/errors.js';
import { translator } from '../../platform/i18n/i18n.js';
import { userIdOf } from '../coordination/case-access.js';
import { recordAdvisoryEvent, withAdvisory } from './advisory-access.js';
import { parseAdvisoryForm } from './advisory-input.js';
import { ADVISORY_EVENTS, sealContent } from './store.js';

const NOTE_MAX = 2000;

/** The change note of a revision (ja, en), bounded; '' → null. */
export function parseChangeNote(
  raw: Record<string, unknown>,
  locale: Locale,
): { ja: string | null; en: string | null; errors: FieldErrors } {
  const t = translator(locale);
  const errors: FieldErrors = {};
  const one = (name: string) => {
    const v = raw[name];
    const s = typeof v === 'string' ? v.replace(/\r\n?/g, '\n').trim() : '';
    if (s.length > NOTE_MAX) errors[name] = [t('advisories.errors.tooLong', { max: NOTE_MAX })];
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
    else if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(s))
      errors[name] = [t('validation.controlChars')];
    return s || null;
  };
  return { ja: one('changeNoteJa'), en: one('changeNoteEn'), errors };
}

export async function saveAdvisory(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; fields: unknown; ip?: string | null },
): Promise<{ backToDraft: boolean; from: AdvisoryState }> {
  return withAdvisory(ctx, actor, input.reference, 'advisory.edit', async (trx, c, a, now) => {
    const locale = actor.kind === 'user' ? actor.locale : 'ja';
    if (a.state === 'published') throw new AppError('conflict', 'advisories.errors.publishedStartCorrection');
    const fields = (input.fields ?? {}) as Record<string, unknown>;
    const parsed = parseAdvisoryForm(fields, locale);
    const note = a.published_revision > 0 ? parseChangeNote(fields, locale) : null;
    const errors = { ...(parsed.ok ? {} : parsed.errors), ...(note?.errors ?? {}) };
    if (!parsed.ok || Object.keys(errors).length > 0) {
      throw new AppError('validation', 'errors.validation', errors);
    }
    const backToDraft = a.state !== 'draft';
    const userId = userIdOf(actor);
    await trx
      .updateTable('advisories')
      .set({
        content_enc: sealContent(ctx.secrets, a.id, parsed.content),
        ...(note ? { change_note_ja: note.ja, change_note_en: note.en } : {}),
        ...(backToDraft
          ? {
              state: 'draft',
              approved_at: null,
              approved_by: null,
              scheduled_for: null,
              submitted_at: null,
              submitted_by: null,
            }
          : {}),
        updated_at: now,
        updated_by: userId,
      })
      .where('id', '=', a.id)
      .execute();
    await recordAdvisoryEvent(trx, actor, {
      caseId: c.id,
      type: ADVISORY_EVENTS.saved,
      data: { advisoryId: a.id, from: a.state, backToDraft },
      at: now,
      ip: input.ip,
    });
    return { backToDraft, from: a.state };
  });
}
