// Closing a website case because the reception body recorded its outcome (修正完了, 注意喚起で処理取りやめ,
// 脆弱性ではない, 取扱不可能, 9か月経過). Like `closeCaseForReport`, an in-transaction step called by the website
// feature's use case, which has authorized the decision.
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { appendEvent } from '../../platform/events.js';
import { CASE_EVENTS } from './open-case-for-report.js';

export type WebsiteCloseReason =
  | 'website_fixed'
  | 'website_stopped_after_alert'
  | 'website_not_vulnerability'
  | 'website_unreachable'
  | 'website_stopped_after_9_months';

export async function closeCaseAfterWebsite(
  trx: Database,
  _ctx: AppContext,
  input: { caseId: string; reason: WebsiteCloseReason; at: Date; actorUserId?: string | null },
): Promise<boolean> {
  const c = await trx
    .selectFrom('cases')
    .select(['id', 'state', 'track'])
    .where('id', '=', input.caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!c || c.state === 'closed' || c.track !== 'website') return false;
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
