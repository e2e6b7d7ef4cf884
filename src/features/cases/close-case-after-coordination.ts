// Closing a product case because its coordination ended without publication (no new handling needed, the
// developer notifies its users itself, not a vulnerability). Like `closeCaseForReport`, an in-transaction step
// called by the coordination feature's use case, which has authorized the decision.
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { appendEvent } from '../../platform/events.js';
import { CASE_EVENTS } from './open-case-for-report.js';

export type CoordinationCloseReason = 'no_new_handling' | 'developer_notifies_users' | 'not_vulnerability';

export async function closeCaseAfterCoordination(
  trx: Database,
  _ctx: AppContext,
  input: { caseId: string; reason: CoordinationCloseReason; at: Date; actorUserId?: string | null },
): Promise<boolean> {
  const c = await trx
    .selectFrom('cases')
    .select(['id', 'state'])
    .where('id', '=', input.caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!c || c.state === 'closed') return false;
  await trx.updateTable('cases').set({ state: 'closed' }).where('id', '=', c.id).execute();
  await appendEvent(trx, {
    streamType: 'case',
    streamId: c.id,
    type: CASE_EVENTS.closed,
    actorUserId: input.actorUserId ?? null,
    at: input.at,
    data: { reason: input.reason },
  });
  return true;
}
