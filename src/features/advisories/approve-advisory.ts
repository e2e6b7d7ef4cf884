// Approving a copy in review (承認, four eyes): a lead or administrator of the coordination body, in the browser,
// never the person who submitted it nor anyone who wrote or changed it since the last approval. The approval is
// bound to the text reviewed: the reviewer's page sends the sha-256 of the text it showed (required), and when it
// differs (a later save) nothing is approved; the approved copy is sealed with that sha-256. The first approval allocates the public ID (JVN#…/JVNVU#…) from the configured pattern. Staff are
// mailed, and the developers are told their pre-release copy is ready. A copy whose CSAF document would be invalid
// is refused here, in words the coordinator understands (csaf-approval-check.ts), rather than at the agreed moment.
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { allocateId } from '../../platform/ids.js';
import { userIdOf } from '../coordination/case-access.js';
import { warmCsafCheck } from '../csaf-provider/store-csaf.js';
import { recordAdvisoryReview, withAdvisory } from './advisory-access.js';
import { assertPublishableCsaf } from './csaf-approval-check.js';
import { developerAliases } from './developer-aliases.js';
import { mailCaseStaff, mailPrereleaseReady } from './mail.js';
import { findMentions, type Mention } from './prerelease-mask.js';
import {
  ADVISORY_EVENTS,
  contentJson,
  editorsSinceApproval,
  openContent,
  sealApproved,
  sha256,
} from './store.js';

export async function approveAdvisory(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; reviewedSha256?: unknown; ip?: string | null },
): Promise<{ publicId: string; sha256: string; keyUnusable: number; mentions: Mention[] }> {
  // the validator's first load takes seconds: not while holding the advisory row and the ID counter
  await warmCsafCheck();
  return withAdvisory(ctx, actor, input.reference, 'advisory.approve', async (trx, c, a, now) => {
    const userId = userIdOf(actor) as string;
    if (a.state !== 'in_review') throw new AppError('conflict', 'advisories.errors.notInReview');
    if (a.submitted_by === userId) throw new AppError('forbidden', 'advisories.errors.ownSubmission');
    if ((await editorsSinceApproval(trx, c.id, a.id)).has(userId))
      throw new AppError('forbidden', 'advisories.errors.ownEdit');
    if (typeof input.reviewedSha256 !== 'string' || input.reviewedSha256 === '')
      throw new AppError('validation', 'errors.validation', {
        reviewedSha256: ['advisories.errors.reviewedSha256Required'],
      });
    const content = openContent(ctx.secrets, a.id, a.content_enc);
    const json = contentJson(content);
    const digest = sha256(json);
    if (input.reviewedSha256 !== digest)
      throw new AppError('conflict', 'advisories.errors.changedSinceReview');
    const publicId = a.public_id ?? (await allocateId(trx, ctx.config.publication.idPatterns[a.kind], now));
    // refused: the transaction rolls back, the ID allocated above with it
    await assertPublishableCsaf(
      trx,
      ctx.config,
      {
        content,
        publicId,
        kind: a.kind,
        revision: a.published_revision + 1,
        firstPublishedAt: a.first_published_at,
        note: { ja: a.change_note_ja, en: a.change_note_en },
      },
      now,
    );
    await recordAdvisoryReview(trx, actor, {
      caseId: c.id,
      advisoryId: a.id,
      decision: 'approved',
      note: null,
      sha256: digest,
      set: {
        state: 'approved',
        public_id: publicId,
        approved_content_enc: sealApproved(ctx.secrets, a.id, json),
        approved_content_sha256: digest,
        approved_at: now,
        approved_by: userId,
      },
      type: ADVISORY_EVENTS.approved,
      data: { publicId, revision: a.published_revision + 1 },
      at: now,
      ip: input.ip,
    });
    await mailCaseStaff(trx, ctx, c, 'approved');
    const mailed = await mailPrereleaseReady(trx, ctx, c, now);
    // not refused: the developers named in the free texts (masked in the others' pre-release copies)
    const mentions =
      content.developers.length > 1 ? findMentions(content, await developerAliases(trx, c.id)) : [];
    return { publicId, sha256: digest, keyUnusable: mailed.keyUnusable, mentions };
  });
}
