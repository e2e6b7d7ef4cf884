// The handover (受理後の引き渡し): an accepted report becomes a case in the product queue (coordination body) or
// the website queue (reception body).
//
// This is an in-transaction step, not a use case: it takes the caller's transaction and does not authorize.
// It is THE sanctioned cross-feature call inside a transaction — screening's accept and reclassify use cases
// call it so that a report is never accepted without its case, nor a case opened for a decision that rolled
// back (together with its sibling `closeCaseForReport` for a discontinued report). Nothing else writes cases
// from outside this feature.
//
// When the report already has a live case in the other queue (reclassification after acceptance, seed 000
// §3.2(2)), that case is closed and points at the new one (`superseded_by_case_id`); the history stays.
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { ReportTrack } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';

export const CASE_EVENTS = {
  opened: 'case.opened',
  superseded: 'case.superseded',
  closed: 'case.closed',
} as const;

export type OpenCaseInput = {
  reportId: string;
  trackingNumber: string;
  track: ReportTrack;
  origin: 'report' | 'developer_self';
  at: Date;
  /** the staff member whose decision causes the handover (for the case's events) */
  actorUserId?: string | null;
};

export type OpenedCase = {
  caseId: string;
  reference: string;
  /** the case this one replaces (the report was reclassified after acceptance), or null */
  supersededCaseId: string | null;
};

/**
 * The reference everyone quotes: the tracking number for a report's first case; a later case of the same
 * report (after reclassification) adds its ordinal, `IPA#00000012-2`, so every case stays addressable.
 */
export function caseReference(trackingNumber: string, previousCases: number): string {
  return previousCases === 0 ? trackingNumber : `${trackingNumber}-${previousCases + 1}`;
}

export async function openCaseForReport(
  trx: Database,
  _ctx: AppContext,
  input: OpenCaseInput,
): Promise<OpenedCase> {
  const existing = await trx
    .selectFrom('cases')
    .select(['id', 'track', 'superseded_by_case_id', 'state'])
    .where('report_id', '=', input.reportId)
    .orderBy('created_at')
    .forUpdate()
    .execute();
  const live = existing.find((c) => c.superseded_by_case_id === null) ?? null;
  if (live && live.track === input.track) {
    // accepting twice, or reclassifying to the track it is already in: the caller's state check failed
    throw new AppError('conflict', 'errors.conflict');
  }
  const reference = caseReference(input.trackingNumber, existing.length);
  const actorUserId = input.actorUserId ?? null;
  // one live case per report (a unique index): the new case is tied to the report only once the old one
  // points at it, so no statement ever sees two live cases
  const created = await trx
    .insertInto('cases')
    .values({
      reference,
      track: input.track,
      origin: input.origin,
      report_id: live ? null : input.reportId,
      handed_over_at: input.at,
      created_at: input.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (live) {
    await trx
      .updateTable('cases')
      .set({ superseded_by_case_id: created.id, state: 'closed' })
      .where('id', '=', live.id)
      .execute();
    await trx.updateTable('cases').set({ report_id: input.reportId }).where('id', '=', created.id).execute();
    await appendEvent(trx, {
      streamType: 'case',
      streamId: live.id,
      type: CASE_EVENTS.superseded,
      actorUserId,
      at: input.at,
      data: { by: created.id, byReference: reference, toTrack: input.track },
    });
  }
  await appendEvent(trx, {
    streamType: 'case',
    streamId: created.id,
    type: CASE_EVENTS.opened,
    actorUserId,
    at: input.at,
    data: {
      reportId: input.reportId,
      track: input.track,
      origin: input.origin,
      ...(live ? { supersedes: live.id } : {}),
    },
  });
  return { caseId: created.id, reference, supersededCaseId: live?.id ?? null };
}
