// When a due advisory cannot be published (its approved copy does not match, a correction has no change note, the
// CSAF document is invalid, …) it stays scheduled and the next run tries again. The coordinators must not learn of
// it only from the server log: the first refusal of each revision for each reason is an event on the case
// ('advisory.publication-failed', shown in the case history) and a mail to the case's coordination staff, with the
// reason and the link to the advisory. Claimed by the event itself under the advisory row's lock, so repeated runs
// every minute tell them once.
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { appendEvent } from '../../platform/events.js';
import { translator } from '../../platform/i18n/i18n.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { caseStaffOf } from '../accounts/staff-recipients.js';
import { PUBLICATION_EVENTS } from './events.js';

export type FailedAdvisory = {
  id: string;
  caseId: string;
  reference: string;
  publicId: string | null;
  /** the revision that could not be published */
  revision: number;
};

/** In-transaction, holding the advisory row's lock: tells the coordinators once per revision and reason. */
export async function reportPublicationFailure(
  trx: Database,
  ctx: AppContext,
  a: FailedAdvisory,
  reason: string,
  now: Date,
): Promise<boolean> {
  const told = await trx
    .selectFrom('events')
    .select('id')
    .where('stream_type', '=', 'case')
    .where('stream_id', '=', a.caseId)
    .where('type', '=', PUBLICATION_EVENTS.failed)
    .where(sql<string>`data->>'advisoryId'`, '=', a.id)
    .where(sql<string>`data->>'revision'`, '=', String(a.revision))
    .where(sql<string>`data->>'reason'`, '=', reason)
    .limit(1)
    .executeTakeFirst();
  if (told) return false;
  await appendEvent(trx, {
    streamType: 'case',
    streamId: a.caseId,
    type: PUBLICATION_EVENTS.failed,
    actorUserId: null,
    at: now,
    data: { advisoryId: a.id, publicId: a.publicId, revision: a.revision, reason },
  });
  const link = `${ctx.config.publicUrl}/coordination/cases/${encodeURIComponent(a.reference)}/advisory`;
  for (const s of await caseStaffOf(trx, a.caseId, 'coordination_body')) {
    await enqueueMail(trx, ctx.jobs, {
      to: s.email,
      locale: s.locale,
      template: 'publication.mail.failed.staff',
      vars: {
        reference: a.reference,
        advisoryId: a.publicId ?? '—',
        revision: a.revision,
        reason: translator(s.locale)(`publication.failure.${reason}`),
        link,
      },
      related: { type: 'case', id: a.caseId },
    });
  }
  return true;
}
