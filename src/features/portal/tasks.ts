// What a developer still has to do on a case (its open tasks): acknowledge the notification, give a status for
// each vulnerability, answer the open schedule proposal.
import type { Database } from '../../platform/db/database.js';

export type OpenTasks = {
  acknowledge: boolean;
  /** vulnerabilities without a status of this developer (or still `unknown`) */
  statusesToGive: number;
  /** a proposal is open and this developer has not answered it (nor made it) */
  scheduleToAnswer: boolean;
};

export async function openTasksOf(
  db: Database,
  p: { caseId: string; partyId: string; acknowledgedAt: Date | null; ended: boolean },
): Promise<OpenTasks> {
  if (p.ended) return { acknowledge: false, statusesToGive: 0, scheduleToAnswer: false };
  const vulns = await db
    .selectFrom('coordination_vulnerabilities as v')
    .leftJoin('coordination_statuses as s', (j) =>
      j.onRef('s.vulnerability_id', '=', 'v.id').on('s.party_id', '=', p.partyId),
    )
    .select(['v.id', 's.status'])
    .where('v.case_id', '=', p.caseId)
    .where('v.withdrawn_at', 'is', null)
    .execute();
  const proposal = await db
    .selectFrom('coordination_schedule_proposals as pr')
    .select(['pr.id', 'pr.proposed_by_party_id'])
    .where('pr.case_id', '=', p.caseId)
    .where('pr.state', '=', 'proposed')
    .executeTakeFirst();
  let scheduleToAnswer = false;
  if (proposal && proposal.proposed_by_party_id !== p.partyId) {
    const answered = await db
      .selectFrom('coordination_schedule_responses')
      .select('id')
      .where('proposal_id', '=', proposal.id)
      .where('party_id', '=', p.partyId)
      .executeTakeFirst();
    scheduleToAnswer = !answered;
  }
  return {
    acknowledge: p.acknowledgedAt === null,
    statusesToGive: vulns.filter((v) => !v.status || v.status === 'unknown').length,
    scheduleToAnswer,
  };
}
