// The one way a portal use case reaches a case: the viewer must be a member of a product developer (401/403
// otherwise), and its organization must be a live, notified party to the product case — any other reference is a
// 404, exactly as for a case that does not exist, so a developer learns nothing about other cases.
import type { Actor, UserActor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors.js';
import { findProductCase, type PartyRow, partyOfOrganization } from '../coordination/queries.js';

export type PortalAction = 'portal.read' | 'portal.respond';

export type ProductCase = NonNullable<Awaited<ReturnType<typeof findProductCase>>>;

export type PartyCase = {
  actor: UserActor;
  c: ProductCase;
  party: PartyRow;
  /** coordination has ended or the case is closed: the developer may read, not change */
  ended: boolean;
  now: Date;
};

/** The developer organization the actor acts for (permission checked against it), or 401/403. */
export function developerOf(
  actor: Actor,
  action: PortalAction,
): { actor: UserActor; organizationId: string } {
  authorize(actor, action, { organizationId: actor.kind === 'user' ? actor.organizationId : null });
  // authorize proved a developer member, whose organization is set
  return { actor, organizationId: actor.organizationId as string };
}

/**
 * Runs `work` in one transaction on the case `reference` as the actor's party sees it. The party row is locked
 * for `portal.respond`, so two answers of the same developer queue; a respond on an ended case is a conflict.
 */
export async function withPartyCase<T>(
  ctx: AppContext,
  actorIn: Actor,
  reference: string,
  action: PortalAction,
  work: (trx: Database, p: PartyCase) => Promise<T>,
): Promise<T> {
  const { actor, organizationId } = developerOf(actorIn, action);
  return ctx.db.transaction().execute(async (trx) => {
    const c = await findProductCase(trx, reference);
    if (!c) throw notFound();
    const found = await partyOfOrganization(trx, c.id, organizationId);
    // a developer added but not yet notified has not been told about the case
    if (!found?.notifiedAt) throw notFound();
    authorize(actor, action, { organizationId: found.organizationId, caseId: c.id });
    let party = found;
    if (action === 'portal.respond') {
      await trx
        .selectFrom('coordination_parties')
        .select('id')
        .where('id', '=', found.id)
        .forUpdate()
        .execute();
      // read again under the lock: an answer that committed while this one waited (a double click, the API and
      // the browser at once) is seen, so "the first acknowledgement" is recorded, mailed and evented only once
      const locked = await partyOfOrganization(trx, c.id, organizationId);
      if (!locked?.notifiedAt) throw notFound();
      party = locked;
    }
    const coordination = await trx
      .selectFrom('coordination_cases')
      .select('ended_at')
      .where('case_id', '=', c.id)
      .executeTakeFirst();
    const ended = c.state === 'closed' || !!coordination?.ended_at;
    if (action === 'portal.respond' && ended) throw new AppError('conflict', 'portal.errors.ended');
    return work(trx, { actor, c, party, ended, now: ctx.clock.now() });
  });
}
