// Every advisory being written or published, for the coordination body (/coordination/advisories): state, public
// ID, case reference, scheduled moment and last change, most recently changed first.
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';

export async function listAdvisories(ctx: AppContext, actor: Actor) {
  authorize(actor, 'advisory.edit', { track: 'software' });
  const rows = await ctx.db
    .selectFrom('advisories as a')
    .innerJoin('cases as c', 'c.id', 'a.case_id')
    .select([
      'a.id',
      'a.kind',
      'a.state',
      'a.public_id',
      'a.published_revision',
      'a.scheduled_for',
      'a.updated_at',
      'c.reference',
    ])
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id')
    .limit(1000)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    state: r.state,
    publicId: r.public_id,
    publishedRevision: r.published_revision,
    scheduledFor: r.scheduled_for,
    updatedAt: r.updated_at,
    reference: r.reference,
  }));
}

export type AdvisoryListRow = Awaited<ReturnType<typeof listAdvisories>>[number];
