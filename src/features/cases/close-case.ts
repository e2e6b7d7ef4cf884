// Closing a case because the feature working it reached an end: coordination ended without publication (no new
// handling needed, the developer notifies its users itself, not a vulnerability), or the reception body recorded
// a website case's outcome (修正完了, 注意喚起で処理取りやめ, 脆弱性ではない, 取扱不可能, 9か月経過). Like
// `closeCaseForReport`, an in-transaction step called by that feature's use case, which has authorized the
// decision. The reason is kept in the case's `closed` event.
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { ReportTrack } from '../../platform/db/schema.js';
import { appendEvent } from '../../platform/events.js';
import { CASE_EVENTS } from './open-case-for-report.js';

export type CoordinationCloseReason = 'no_new_handling' | 'developer_notifies_users' | 'not_vulnerability';

export type WebsiteCloseReason =
  | 'website_fixed'
  | 'website_stopped_after_alert'
  | 'website_not_vulnerability'
  | 'website_unreachable'
  | 'website_stopped_after_9_months';

export type CaseCloseReason = CoordinationCloseReason | WebsiteCloseReason;

/**
 * Closes the case and records why; false (and nothing written) when there is no such case, it is closed already,
 * or it is not on `onlyOnTrack` when that is given.
 */
export async function closeCase(
  trx: Database,
  _ctx: AppContext,
  input: {
    caseId: string;
    reason: CaseCloseReason;
    at: Date;
    actorUserId?: string | null;
    onlyOnTrack?: ReportTrack;
  },
): Promise<boolean> {
  const c = await trx
    .selectFrom('cases')
    .select(['id', 'state', 'track'])
    .where('id', '=', input.caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!c || c.state === 'closed') return false;
  if (input.onlyOnTrack && c.track !== input.onlyOnTrack) return false;
  await markClosed(trx, c.id, input);
  return true;
}

/** The write every closing makes on a case its caller has locked and found open: the state and the event. */
export async function markClosed(
  trx: Database,
  caseId: string,
  input: {
    reason: CaseCloseReason | 'report_discontinued';
    at: Date;
    actorUserId?: string | null | undefined;
  },
): Promise<void> {
  await trx.updateTable('cases').set({ state: 'closed' }).where('id', '=', caseId).execute();
  await appendEvent(trx, {
    streamType: 'case',
    streamId: caseId,
    type: CASE_EVENTS.closed,
    actorUserId: input.actorUserId ?? null,
    at: input.at,
    data: { reason: input.reason },
  });
}
