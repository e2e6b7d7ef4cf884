// The one way an advisory use case reaches its advisory: permission first (a visitor without it learns nothing
// about which references exist), then the product case by reference and its advisory (404 otherwise), locked
// inside the use case's transaction so two changes at once queue and the second sees the first.
import type { Updateable } from 'kysely';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { AdvisoriesTable } from '../../platform/db/schema/advisories.js';
import { notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { type ProductCase, userIdOf } from '../coordination/case-access.js';
import { findProductCase } from '../coordination/queries.js';
import { type AdvisoryRow, advisoryOfCase } from './store.js';

export type Advisory = NonNullable<AdvisoryRow>;

export async function withAdvisory<T>(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  action: 'advisory.edit' | 'advisory.approve',
  work: (trx: Database, c: ProductCase, a: Advisory, now: Date) => Promise<T>,
): Promise<T> {
  authorize(actor, action, { track: 'software' });
  return ctx.db.transaction().execute(async (trx) => {
    const c = await findProductCase(trx, reference);
    if (!c) throw notFound();
    const a = await advisoryOfCase(trx, c.id, { lock: true });
    if (!a) throw notFound();
    return work(trx, c, a, ctx.clock.now());
  });
}

/** In-transaction: an advisory change as an event on the case's stream and an audit entry (ids and states only). */
export async function recordAdvisoryEvent(
  trx: Database,
  actor: Actor,
  e: {
    caseId: string;
    type: string;
    data: Record<string, unknown>;
    at: Date;
    ip?: string | null | undefined;
  },
): Promise<void> {
  const actorUserId = actor.kind === 'user' ? actor.userId : null;
  await appendEvent(trx, {
    streamType: 'case',
    streamId: e.caseId,
    type: e.type,
    actorUserId,
    at: e.at,
    data: e.data,
  });
  await audit(trx, {
    actor,
    action: e.type,
    subject: { type: 'case', id: e.caseId },
    ip: e.ip ?? null,
    detail: e.data,
  });
}

/**
 * In-transaction: move the advisory to another state (the columns in `set`, stamped with who and when) and record
 * it as an event with the advisory's id — the one way the workflow use cases change an advisory's state.
 */
/** A change of the advisory's columns (`set`) and the event that records it (`type`, `data`). */
export type StateChange = {
  caseId: string;
  advisoryId: string;
  set: Updateable<AdvisoriesTable>;
  type: string;
  data?: Record<string, unknown>;
  at: Date;
  ip?: string | null | undefined;
};

export async function changeAdvisoryState(trx: Database, actor: Actor, e: StateChange): Promise<void> {
  await trx
    .updateTable('advisories')
    .set({ ...e.set, updated_at: e.at, updated_by: userIdOf(actor) })
    .where('id', '=', e.advisoryId)
    .execute();
  await recordAdvisoryEvent(trx, actor, {
    caseId: e.caseId,
    type: e.type,
    data: { advisoryId: e.advisoryId, ...(e.data ?? {}) },
    at: e.at,
    ip: e.ip,
  });
}

/**
 * In-transaction: a reviewer's decision on the copy in review (approved, changes requested), bound to the sha-256
 * of the text reviewed, and the state change it makes (with its event).
 */
export async function recordAdvisoryReview(
  trx: Database,
  actor: Actor,
  r: StateChange & { decision: 'approved' | 'changes_requested'; note: string | null; sha256: string },
): Promise<void> {
  await trx
    .insertInto('advisory_reviews')
    .values({
      advisory_id: r.advisoryId,
      decision: r.decision,
      note: r.note,
      content_sha256: r.sha256,
      reviewer: userIdOf(actor) as string,
      at: r.at,
    })
    .execute();
  await changeAdvisoryState(trx, actor, {
    caseId: r.caseId,
    advisoryId: r.advisoryId,
    set: r.set,
    type: r.type,
    data: { ...(r.data ?? {}), sha256: r.sha256 },
    at: r.at,
    ip: r.ip,
  });
}
