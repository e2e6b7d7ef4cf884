// The one way a coordination use case reaches its case: permission first (so a visitor without it learns nothing
// about which references exist), then the product case by reference (404 otherwise), then — inside the use
// case's transaction — its coordination row, created on first use and locked so concurrent changes queue.
import type { Actor, UserActor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors.js';
import { isUuid } from '../directory/uuid.js';
import { findProductCase, lockCoordination } from './queries.js';

export type ProductCase = NonNullable<Awaited<ReturnType<typeof findProductCase>>>;
export type LockedCoordination = Awaited<ReturnType<typeof lockCoordination>>;

export type CaseWork<T> = (
  trx: Database,
  c: ProductCase,
  coordination: LockedCoordination,
  now: Date,
) => Promise<T>;

/**
 * Runs `work` in one transaction on a product case the actor may work on (`coordination.work`), or on which
 * the reception body relays (`coordination.relay-finder`). A case whose coordination has ended refuses changes
 * unless `allowEnded` (e.g. the finder relay continues).
 */
export async function withProductCase<T>(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  work: CaseWork<T>,
  opts: {
    action?: 'coordination.work' | 'coordination.relay-finder';
    allowEnded?: boolean;
  } = {},
): Promise<T> {
  authorize(actor, opts.action ?? 'coordination.work', { track: 'software' });
  return ctx.db.transaction().execute(async (trx) => {
    const c = await findProductCase(trx, reference);
    if (!c) throw notFound();
    const coordination = await lockCoordination(trx, c.id);
    if (!opts.allowEnded && (coordination.ended_at || c.state === 'closed')) {
      throw new AppError('conflict', 'coordination.errors.ended');
    }
    return work(trx, c, coordination, ctx.clock.now());
  });
}

/**
 * An id from an address or a form, checked before it reaches PostgreSQL (which refuses a malformed uuid as an error,
 * a 500): anything but a UUID names nothing, a 404.
 */
export function idOrNotFound(id: unknown): string {
  if (!isUuid(id)) throw notFound();
  return id;
}

/** The actor as a user, for fields such as added_by (authorize has proven it is one). */
export const userIdOf = (actor: Actor): string | null =>
  actor.kind === 'user' ? (actor as UserActor).userId : null;
