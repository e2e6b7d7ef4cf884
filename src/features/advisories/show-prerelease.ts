// The pre-release copy for a developer of the case (/portal/cases/:reference/advisory): only a member of a live,
// notified party of the case sees it (anyone else gets the same 404 as for a case that does not exist). It shows
// the copy submitted for review or approved — never a draft that was never submitted — with the other developers
// masked (prerelease-mask.ts), and the moment it is to be published.
import type { AdvisoryContent } from '../../domain/advisory-document.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { AdvisoryState } from '../../platform/db/schema/advisories.js';
import { notFound } from '../../platform/errors.js';
import { findProductCase, partyOfOrganization } from '../coordination/queries.js';
import { developerSlugs } from './developer-slugs.js';
import { maskForDeveloper } from './prerelease-mask.js';
import { advisoryOfCase, openApproved, openContent } from './store.js';

export type Prerelease = {
  reference: string;
  organization: { ja: string; en: string };
  copy: null | {
    publicId: string | null;
    state: AdvisoryState;
    /** true: the copy is still being reviewed and may change */
    inReview: boolean;
    content: AdvisoryContent;
    /** the moment it is scheduled for, else the agreed moment (null when none yet) */
    publishAt: Date | null;
    scheduled: boolean;
  };
};

export async function showPrerelease(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string },
): Promise<Prerelease> {
  const organizationId = actor.kind === 'user' ? actor.organizationId : null;
  authorize(actor, 'advisory.preview', { organizationId });
  const c = await findProductCase(ctx.db, input.reference);
  if (!c) throw notFound();
  const party = await partyOfOrganization(ctx.db, c.id, organizationId as string);
  if (!party?.notifiedAt) throw notFound();
  const base = { reference: c.reference, organization: { ja: party.nameJa, en: party.nameEn } };
  const a = await advisoryOfCase(ctx.db, c.id);
  let content: AdvisoryContent | null = null;
  if (a?.state === 'in_review') content = openContent(ctx.secrets, a.id, a.content_enc);
  else if (a?.approved_content_enc) content = openApproved(ctx.secrets, a.id, a.approved_content_enc);
  if (!a || !content) return { ...base, copy: null };
  // the viewer's own developer in the copy: by its slug (the same one the advisory was prefilled with)
  const slugs = await developerSlugs(ctx.db, [
    { organizationId: party.organizationId, nameEn: party.nameEn },
  ]);
  const own = slugs.get(party.organizationId) ?? null;
  const ownSlug = content.developers.some((d) => d.slug === own)
    ? own
    : (content.developers.find((d) => d.name.ja === party.nameJa || d.name.en === party.nameEn)?.slug ??
      null);
  const cc = await ctx.db
    .selectFrom('coordination_cases')
    .select('agreed_publication_at')
    .where('case_id', '=', c.id)
    .executeTakeFirst();
  return {
    ...base,
    copy: {
      publicId: a.public_id,
      state: a.state,
      inReview: a.state === 'in_review',
      content: maskForDeveloper(content, ownSlug),
      publishAt: a.scheduled_for ?? cc?.agreed_publication_at ?? null,
      scheduled: a.state === 'scheduled',
    },
  };
}
