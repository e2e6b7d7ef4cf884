// What the publish step publishes, as pure rules: the approved working copy plus the publication metadata makes
// the AdvisoryDocument of the next revision. The moment of a revision is the agreed one (`scheduled_for`), not the
// moment the job happened to run, so the public pages, the feeds and the statistics show the agreed time.
import type {
  AdvisoryContent,
  AdvisoryDocument,
  AdvisoryKind,
  AdvisoryRevision,
  Bilingual,
} from '../../domain/advisory-document.js';

/** The change note of the first revision when the editor gave none. */
export const INITIAL_NOTE: Bilingual = { ja: '初版公開', en: 'Initial publication' };

export type PublicationInput = {
  content: AdvisoryContent;
  publicId: string;
  kind: AdvisoryKind;
  /** the revision being published (published_revision + 1) */
  revision: number;
  /** the agreed moment of this revision (scheduled_for) */
  moment: Date;
  /** the first publication's moment, for a correction (null for the first revision) */
  firstPublishedAt: Date | null;
  /** the revisions already published, oldest first */
  previous: readonly AdvisoryRevision[];
  note: { ja: string | null; en: string | null };
  /** a sample advisory of the demo (its case is marked so by the demo seed); false when not given */
  sample?: boolean;
};

export type BuildResult =
  | { ok: true; doc: AdvisoryDocument }
  | { ok: false; reason: 'no_change_note' | 'no_title' | 'revisions_out_of_order' };

export function buildAdvisoryDocument(input: PublicationInput): BuildResult {
  const { content, revision } = input;
  if (!content.title.ja.trim()) return { ok: false, reason: 'no_title' };
  const noteJa = input.note.ja?.trim() ?? '';
  const noteEn = input.note.en?.trim() ?? '';
  let note: Bilingual;
  if (noteJa) note = { ja: noteJa, en: noteEn };
  else if (revision === 1) note = noteEn ? { ja: INITIAL_NOTE.ja, en: noteEn } : INITIAL_NOTE;
  else return { ok: false, reason: 'no_change_note' };
  const previous = input.previous.filter((r) => r.revision < revision);
  if (previous.length !== revision - 1 || previous.some((r, i) => r.revision !== i + 1)) {
    return { ok: false, reason: 'revisions_out_of_order' };
  }
  const first = revision === 1 || !input.firstPublishedAt ? input.moment : input.firstPublishedAt;
  // a correction is never dated before the first publication
  const last = new Date(Math.max(input.moment.getTime(), first.getTime()));
  return {
    ok: true,
    doc: {
      ...content,
      id: input.publicId,
      kind: input.kind,
      revision,
      firstPublishedAt: first.toISOString(),
      lastUpdatedAt: last.toISOString(),
      revisions: [...previous, { revision, publishedAt: last.toISOString(), note }],
      sample: input.sample ?? false,
      source: null,
    },
  };
}
