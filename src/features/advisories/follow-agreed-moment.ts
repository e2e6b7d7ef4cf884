// When the coordination body agrees another publication moment (decide-schedule.ts), a scheduled first
// publication of the case follows it, in the same transaction, and the publish step is woken for the new moment.
// A correction released "now" keeps its moment.
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { appendEvent } from '../../platform/events.js';
import { wakePublishAt } from './publish-due.js';
import { ADVISORY_EVENTS } from './store.js';

export async function followAgreedMoment(
  trx: Database,
  ctx: AppContext,
  e: { caseId: string; at: Date; now: Date; actorUserId: string | null },
): Promise<boolean> {
  const moved = await trx
    .updateTable('advisories')
    .set({ scheduled_for: e.at, updated_at: e.now })
    .where('case_id', '=', e.caseId)
    .where('state', '=', 'scheduled')
    .where('published_revision', '=', 0)
    .returning(['id'])
    .executeTakeFirst();
  if (!moved) return false;
  await wakePublishAt(trx, ctx, e.at);
  await appendEvent(trx, {
    streamType: 'case',
    streamId: e.caseId,
    type: ADVISORY_EVENTS.rescheduled,
    actorUserId: e.actorUserId,
    at: e.now,
    data: { advisoryId: moved.id, scheduledFor: e.at.toISOString() },
  });
  return true;
}
