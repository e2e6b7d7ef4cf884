// A case handed over by an overseas CSIRT (海外CSIRTからの連絡): no report behind it, a reference of its own
// (`CSIRT-2026-00001`), origin `csirt`, in the product queue. Like `openCaseForReport`, an in-transaction step
// without authorization of its own: the coordination feature's use case that calls it has authorized.
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { appendEvent } from '../../platform/events.js';
import { allocateId } from '../../platform/ids.js';
import { CASE_EVENTS } from './open-case-for-report.js';

/** The reference pattern of cases from overseas CSIRTs (numbered per JST year). */
export const CSIRT_CASE_PATTERN = 'CSIRT-{yyyy}-{seq:5}';

export async function openCaseForCsirt(
  trx: Database,
  _ctx: AppContext,
  input: { csirtOrganizationId: string; at: Date; actorUserId: string | null },
): Promise<{ caseId: string; reference: string }> {
  const reference = await allocateId(trx, CSIRT_CASE_PATTERN, input.at);
  const created = await trx
    .insertInto('cases')
    .values({
      reference,
      track: 'software',
      origin: 'csirt',
      report_id: null,
      handed_over_at: input.at,
      created_at: input.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendEvent(trx, {
    streamType: 'case',
    streamId: created.id,
    type: CASE_EVENTS.opened,
    actorUserId: input.actorUserId,
    at: input.at,
    data: { track: 'software', origin: 'csirt', csirtOrganizationId: input.csirtOrganizationId },
  });
  return { caseId: created.id, reference };
}
