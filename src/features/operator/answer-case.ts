// The frame every operator answer runs in: the case found and authorized (operator.respond), then, in one
// transaction, its website row locked and checked still open — closed, moved to the product track or given an
// outcome, it takes no more answers (409) and nothing is written.
import type { Selectable } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { can } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { WebsiteCasesTable } from '../../platform/db/schema/website.js';
import { AppError, notFound } from '../../platform/errors.js';
import { findOperatorCase, type OperatorCaseRef, operatorResource } from './operator-access.js';

export type LockedCase = OperatorCaseRef & { w: Selectable<WebsiteCasesTable>; open: boolean };

/** Inside a transaction: the case's website row, locked, with whether it still takes answers. */
export async function lockOperatorCase(
  trx: Database,
  actor: Actor,
  ref: OperatorCaseRef,
): Promise<LockedCase> {
  const w = await trx
    .selectFrom('website_cases')
    .selectAll()
    .where('case_id', '=', ref.caseId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  // the operator may have been changed meanwhile: authorize again against the locked row
  const locked = { ...ref, operatorOrganizationId: w.operator_organization_id };
  if (!can(actor, 'operator.respond', operatorResource(locked))) throw notFound();
  const c = await trx
    .selectFrom('cases')
    .select(['state', 'superseded_by_case_id'])
    .where('id', '=', ref.caseId)
    .executeTakeFirstOrThrow();
  const open = c.state === 'open' && c.superseded_by_case_id === null && w.outcome === null;
  return { ...locked, w, open };
}

export async function answerCase<R>(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  fn: (trx: Database, c: LockedCase) => Promise<R>,
): Promise<R> {
  const ref = await findOperatorCase(ctx.db, actor, reference, 'operator.respond');
  return ctx.db.transaction().execute(async (trx) => {
    const c = await lockOperatorCase(trx, actor, ref);
    if (!c.open) throw new AppError('conflict', 'operator.errors.closed');
    return fn(trx, c);
  });
}
