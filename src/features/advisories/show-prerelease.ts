// The pre-release copy for a developer of the case (/portal/cases/:reference/advisory): only a member of a live,
// notified party of the case sees it (anyone else gets the same 404 as for a case that does not exist). It shows
// only a copy that was approved (the approved copy, `approved_content_enc`) — never a text still being written or
// reviewed — with the other developers masked (prerelease-mask.ts), and the moment it is to be published. While a
// correction (or a change to an approved copy) is being prepared, the last approved copy stays, with a note.
import type { AdvisoryContent } from '../../domain/advisory-document.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { AdvisoryState } from '../../platform/db/schema/advisories.js';
import { notFound } from '../../platform/errors.js';
import { findProductCase, partiesOf, partyOfOrganization } from '../coordination/queries.js';
import { developerAliases } from './developer-aliases.js';
import { developerSlugs } from './developer-slugs.js';
import { maskForDeveloper } from './prerelease-mask.js';
import { advisoryOfCase, openApproved } from './store.js';

export type Prerelease = {
  reference: string;
  organization: { ja: string; en: string };
  copy: null | {
    publicId: string | null;
    state: AdvisoryState;
    /** true: a newer text (a correction, or a change to this approved copy) is being prepared or reviewed */
    revisionPending: boolean;
    /** the approved copy has been published (revision ≥ 1) */
    published: boolean;
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
  // only ever the approved copy: the working copy may hold text no reviewer has seen
  const content: AdvisoryContent | null = a?.approved_content_enc
    ? openApproved(ctx.secrets, a.id, a.approved_content_enc)
    : null;
  if (!a || !content) return { ...base, copy: null };
  // the viewer's own developer in the copy: by the slug the case's parties get (the rule the advisory was
  // prefilled with), checked against its name; when that does not settle it, only a unique name match counts,
  // else everyone is masked (never another developer's part shown as the viewer's own)
  const parties = await partiesOf(ctx.db, c.id);
  const slugs = await developerSlugs(
    ctx.db,
    parties.map((x) => ({ organizationId: x.organizationId, nameEn: x.nameEn })),
  );
  const named = (d: { name: { ja: string; en: string } }) =>
    d.name.ja === party.nameJa || (party.nameEn !== '' && d.name.en === party.nameEn);
  const bySlug = content.developers.find((d) => d.slug === slugs.get(party.organizationId));
  const byName = content.developers.filter(named);
  const ownSlug =
    bySlug && named(bySlug) ? bySlug.slug : byName.length === 1 ? (byName[0]?.slug ?? null) : null;
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
      revisionPending: a.state === 'draft' || a.state === 'in_review',
      published: a.published_revision > 0,
      content: maskForDeveloper(content, ownSlug, await developerAliases(ctx.db, c.id)),
      publishAt: a.scheduled_for ?? cc?.agreed_publication_at ?? null,
      scheduled: a.state === 'scheduled',
    },
  };
}
