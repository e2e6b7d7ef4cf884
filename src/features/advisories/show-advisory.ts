// The staff page of a case's advisory: its state, the working copy, the approved copy (the last one approved or
// published), what changed since it, the reviews, and the agreed publication moment. Read-only.
import type { AdvisoryContent } from '../../domain/advisory-document.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, can } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { AdvisoryState, DraftAdvisoryKind } from '../../platform/db/schema/advisories.js';
import { notFound } from '../../platform/errors.js';
import { findProductCase } from '../coordination/queries.js';
import { developerAliases } from './developer-aliases.js';
import { changedFields, type FieldChange } from './diff.js';
import { findMentions, type Mention } from './prerelease-mask.js';
import {
  advisoryOfCase,
  contentJson,
  editorsSinceApproval,
  openApproved,
  openContent,
  sha256,
} from './store.js';

export type AdvisoryPage = {
  reference: string;
  caseId: string;
  agreedPublicationAt: Date | null;
  /** the viewer may approve or ask for changes (a lead or administrator, not the submitter) */
  mayReview: boolean;
  viewerIsSubmitter: boolean;
  /** the viewer wrote or changed the copy since the last approval (so may not approve it) */
  viewerEdited: boolean;
  advisory: null | {
    id: string;
    kind: DraftAdvisoryKind;
    publicId: string | null;
    state: AdvisoryState;
    publishedRevision: number;
    content: AdvisoryContent;
    contentSha256: string;
    /** where the free texts mention a developer (multi-developer copies): masked in the others' pre-release copy */
    mentions: Mention[];
    approved: AdvisoryContent | null;
    changes: FieldChange[] | null;
    changeNote: { ja: string | null; en: string | null };
    submittedAt: Date | null;
    submittedBy: string | null;
    approvedAt: Date | null;
    approvedBy: string | null;
    scheduledFor: Date | null;
    firstPublishedAt: Date | null;
    lastPublishedAt: Date | null;
    updatedAt: Date;
    reviews: {
      decision: 'approved' | 'changes_requested';
      note: string | null;
      reviewer: string;
      at: Date;
    }[];
  };
};

export async function showAdvisory(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string },
): Promise<AdvisoryPage> {
  authorize(actor, 'advisory.edit', { track: 'software' });
  const c = await findProductCase(ctx.db, input.reference);
  if (!c) throw notFound();
  const cc = await ctx.db
    .selectFrom('coordination_cases')
    .select('agreed_publication_at')
    .where('case_id', '=', c.id)
    .executeTakeFirst();
  const mayApprove = can(actor, 'advisory.approve', { track: 'software' });
  const base = {
    reference: c.reference,
    caseId: c.id,
    agreedPublicationAt: cc?.agreed_publication_at ?? null,
  };
  const a = await advisoryOfCase(ctx.db, c.id);
  if (!a) return { ...base, mayReview: false, viewerIsSubmitter: false, viewerEdited: false, advisory: null };
  const content = openContent(ctx.secrets, a.id, a.content_enc);
  const approved = a.approved_content_enc ? openApproved(ctx.secrets, a.id, a.approved_content_enc) : null;
  const names = new Map<string, string>();
  const ids = [a.submitted_by, a.approved_by].filter((x): x is string => !!x);
  const reviews = await ctx.db
    .selectFrom('advisory_reviews')
    .select(['decision', 'note', 'reviewer', 'at'])
    .where('advisory_id', '=', a.id)
    .orderBy('at', 'desc')
    .orderBy('id')
    .execute();
  ids.push(...reviews.map((r) => r.reviewer));
  if (ids.length > 0) {
    const users = await ctx.db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', 'in', ids)
      .execute();
    for (const u of users) names.set(u.id, u.display_name);
  }
  const viewer = actor.kind === 'user' ? actor.userId : null;
  const viewerIsSubmitter = !!a.submitted_by && a.submitted_by === viewer;
  const viewerEdited = !!viewer && (await editorsSinceApproval(ctx.db, c.id, a.id)).has(viewer);
  const mentions =
    content.developers.length > 1 ? findMentions(content, await developerAliases(ctx.db, c.id)) : [];
  return {
    ...base,
    mayReview: mayApprove && !viewerIsSubmitter && !viewerEdited,
    viewerIsSubmitter,
    viewerEdited,
    advisory: {
      id: a.id,
      kind: a.kind,
      publicId: a.public_id,
      state: a.state,
      publishedRevision: a.published_revision,
      content,
      contentSha256: sha256(contentJson(content)),
      mentions,
      approved,
      changes: approved ? changedFields(approved, content) : null,
      changeNote: { ja: a.change_note_ja, en: a.change_note_en },
      submittedAt: a.submitted_at,
      submittedBy: a.submitted_by ? (names.get(a.submitted_by) ?? null) : null,
      approvedAt: a.approved_at,
      approvedBy: a.approved_by ? (names.get(a.approved_by) ?? null) : null,
      scheduledFor: a.scheduled_for,
      firstPublishedAt: a.first_published_at,
      lastPublishedAt: a.last_published_at,
      updatedAt: a.updated_at,
      reviews: reviews.map((r) => ({
        decision: r.decision,
        note: r.note,
        reviewer: names.get(r.reviewer) ?? '',
        at: r.at,
      })),
    },
  };
}
