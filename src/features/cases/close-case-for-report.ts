// Closing a report's live case because the reception body discontinued the report after acceptance
// (取りやめ, 資料2 §3(1)3)). Like `openCaseForReport`, an in-transaction step called by screening's use case, in
// the caller's transaction, without authorization of its own (the caller's decision is the authority).
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { markClosed } from './close-case.js';

export async function closeCaseForReport(
  trx: Database,
  _ctx: AppContext,
  input: { reportId: string; reason: 'report_discontinued'; at: Date; actorUserId?: string | null },
): Promise<{ caseId: string } | null> {
  const live = await trx
    .selectFrom('cases')
    .select(['id', 'state'])
    .where('report_id', '=', input.reportId)
    .where('superseded_by_case_id', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!live || live.state === 'closed') return null;
  await markClosed(trx, live.id, input);
  return { caseId: live.id };
}
